import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { SEARCH_INDEX_FILE } from '../store/layout';
import { selectorsOf, storeWithSample, testId } from '../store/testing/sample-library';
import { parseTranscript } from '../../core/transcript/parse-transcript';
import { Layout } from '../store/layout';
import { runTask } from '../tasks/run-task';
import { cancelAt } from '../tasks/testing/cancel-at';
import { INDEX_CANCELLED } from './library-search';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-search-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The marked words of a hit, as the reader sees them. */
const marked = (hit: { snippet: string; marks: [number, number][] }) => hit.marks.map(([a, b]) => hit.snippet.slice(a, b));

describe('library search', () => {
  test('finds a word in the transcript, with its place in the plain text, its speaker and the word marked', async () => {
    const { store, doc, text } = await storeWithSample(dir);
    const results = await store.search({ query: 'gremlin' });
    expect(results.total).toBeGreaterThan(0);
    const hit = results.hits[0];
    expect(hit).toMatchObject({ documentId: doc.id, documentTitle: doc.title, kind: 'transcript', highlightId: null });
    expect(text.slice(hit.start!, hit.end!).toLowerCase()).toContain('gremlin');
    expect(marked(hit).map((w) => w.toLowerCase())).toContain('gremlins'.slice(0, marked(hit)[0].length));
    expect(hit.snippet).not.toContain('\n');
  });

  test('finds words however they are written: case, accents and curly quotes do not matter', async () => {
    const { store } = await storeWithSample(dir);
    const plain = await store.search({ query: 'alzheimers' });
    expect(plain.total).toBe(0); // "Alzheimer’s" is two words, as "Alzheimer's" is
    const curly = await store.search({ query: '“ALZHEIMER’S”' });
    const straight = await store.search({ query: '"alzheimer\'s"' });
    expect(curly.total).toBeGreaterThan(0);
    expect(curly.hits.map((h) => h.start)).toEqual(straight.hits.map((h) => h.start));
    const accented = await store.search({ query: 'ÀMODÉI' });
    expect(accented.total).toBe((await store.search({ query: 'amodei' })).total);
  });

  test('an orphan’s quote and note are still found, without a place in the text', async () => {
    const { store, doc, at, text } = await storeWithSample(dir);
    const quote = 'let a gremlin loose';
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at(quote), note: 'Mischief in the **lab**' });
    // A corrected version without the sentence: the highlight becomes an orphan.
    const sentenceStart = text.lastIndexOf('.', text.indexOf(quote)) + 1;
    const sentenceEnd = text.indexOf('.', text.indexOf(quote)) + 1;
    const corrected = text.slice(0, sentenceStart) + text.slice(sentenceEnd);
    const report = await store.replaceText(doc.id, { name: 'corrected.txt', bytes: new TextEncoder().encode(corrected) });
    expect(report.orphaned).toBe(1);
    const { hits } = await store.search({ query: 'mischief' });
    expect(hits).toEqual([expect.objectContaining({ kind: 'note', highlightId: testId(1), start: null, end: null, speaker: null })]);
    expect((await store.search({ query: '"gremlin loose"' })).hits.map((h) => [h.kind, h.highlightId, h.start])).toEqual([['highlight', testId(1), null]]);
  });

  test('a phrase is found only where its words follow one another', async () => {
    const { store, text } = await storeWithSample(dir);
    const { hits } = await store.search({ query: '"scaling laws"' });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(marked(hit).map((m) => m.toLowerCase())).toContain('scaling laws');
    expect(text.slice(hits[0].start!, hits[0].end!)).toBe('scaling laws');
    expect((await store.search({ query: '"laws scaling"' })).total).toBe(0);
    const three = await store.search({ query: '"the scaling laws"' });
    expect(three.total).toBeGreaterThan(0);
    for (const hit of three.hits) expect(marked(hit).map((m) => m.toLowerCase())).toContain('the scaling laws');
    expect((await store.search({ query: '"scaling the laws"' })).total).toBe(0);
  });

  test('highlights, notes, codes and notebooks are found, filtered by code, colour and speaker, and kept up to date', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('scaling laws'), note: 'Compute **keeps** paying off', codes: ['theme/growth'] });
    await store.createAnnotation({ documentId: doc.id, id: testId(2), color: 'blue', selectors: at('gremlin') });
    await store.saveNotebook(null, '{}', 'Library thoughts\n\nQuestions about gremlins and paying');
    const paying = await store.search({ query: 'paying' });
    expect(paying.hits.map((h) => [h.kind, h.highlightId])).toEqual(expect.arrayContaining([['note', testId(1)], ['notebook', null]]));
    const note = paying.hits.find((h) => h.kind === 'note')!;
    expect(note.start).toBe(at('scaling laws').position.start);
    expect(paying.hits.find((h) => h.kind === 'notebook')).toMatchObject({ documentId: null, start: null, end: null });

    expect((await store.search({ query: 'code:theme' })).hits).toEqual([expect.objectContaining({ kind: 'highlight', highlightId: testId(1) })]);
    expect((await store.search({ query: 'growth' })).hits[0]).toMatchObject({ kind: 'highlight', highlightId: testId(1) });
    expect((await store.search({ query: 'colour:blue' })).hits.map((h) => h.highlightId)).toEqual([testId(2)]);
    await store.nameColor('blue', 'Puzzles');
    expect((await store.search({ query: 'color:puzzles' })).hits.map((h) => h.highlightId)).toEqual([testId(2)]);
    await expect(store.search({ query: 'colour:teal' })).rejects.toThrow(/No colour is called "teal"/);

    // A highlight edit is followed: the old note is no longer found, the new one is.
    await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: 'Returns diminish' });
    expect((await store.search({ query: 'paying kind:note' })).total).toBe(0);
    expect((await store.search({ query: 'diminish' })).hits[0]).toMatchObject({ kind: 'note', highlightId: testId(1) });
    await store.deleteAnnotation(doc.id, testId(2));
    expect((await store.search({ query: 'colour:blue' })).total).toBe(0);

    const bySpeaker = await store.search({ query: 'biology speaker:"dario"' });
    expect(bySpeaker.total).toBeGreaterThan(0);
    for (const hit of bySpeaker.hits) expect(hit.speaker).toMatch(/Dario/);
    expect((await store.search({ query: 'biology speaker:nobody' })).total).toBe(0);
  });

  test('results are limited, best first, with the total before the limit; one document can be searched alone', async () => {
    const { store, doc } = await storeWithSample(dir);
    const all = await store.search({ query: 'the' });
    const few = await store.search({ query: 'the', limit: 3 });
    expect(few.hits).toHaveLength(3);
    expect(few.total).toBe(all.total);
    expect(all.hits.map((h) => h.score)).toEqual([...all.hits.map((h) => h.score)].sort((a, b) => b - a));
    expect((await store.search({ query: 'the', documentId: doc.id })).hits.every((h) => h.documentId === doc.id)).toBe(true);
    expect((await store.search({ query: 'the', documentId: null })).total).toBe(0);
  });

  test('a document whose text cannot be read is left out of a library search, and the others are still found', async () => {
    const { store, doc } = await storeWithSample(dir);
    const other = await store.importText({ text: 'Biology notes from the field.\n\nMore biology here.', source: 'notes.txt', fallbackTitle: 'Notes' });
    const folder = join(dir, 'documents', other.id);
    await writeFile(join(folder, 'transcript.json'), '{ torn');
    await rm(join(folder, 'source.txt'));
    const fresh = await LibraryStore.open(dir, { inspect: true, onNotice: () => undefined });
    const { hits } = await fresh.search({ query: 'biology' });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.documentId))).toEqual(new Set([doc.id]));
  });
});

describe('the index on disk', () => {
  test('is written after a search, read back by the next store, and a damaged or stale one is rebuilt', async () => {
    const { store, doc } = await storeWithSample(dir);
    const before = await store.search({ query: 'biology' });
    await store.flushSearchIndex();
    const file = join(dir, 'documents', doc.id, SEARCH_INDEX_FILE);
    const written = await stat(file);
    expect(written.size).toBeGreaterThan(1000);

    const again = await LibraryStore.open(dir, { inspect: true });
    await again.prepareSearch();
    expect(await again.search({ query: 'biology' })).toEqual(before);

    // Torn: half the file.
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    const torn = await LibraryStore.open(dir);
    expect(await torn.search({ query: 'biology' })).toEqual(before);
    await torn.flushSearchIndex();
    expect((await readFile(file)).equals(bytes)).toBe(true);

    // One byte changed inside: the checksum fails and it is rebuilt, not trusted.
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] ^= 0xff;
    await writeFile(file, flipped);
    expect(await (await LibraryStore.open(dir, { inspect: true })).search({ query: 'biology' })).toEqual(before);
    expect((await readFile(file)).equals(flipped)).toBe(true); // inspecting never writes

    // Stale: the highlights changed while the index was not watching (another process, an old index).
    await writeFile(file, bytes);
    const owner = await LibraryStore.open(dir);
    await owner.createAnnotation({ documentId: doc.id, id: testId(5), color: 'pink', selectors: await selectorsOf(owner, doc.id, 'biophysics') });
    const fresh = await LibraryStore.open(dir, { inspect: true });
    expect((await fresh.search({ query: 'colour:pink' })).hits.map((h) => h.highlightId)).toEqual([testId(5)]);
  });

  test('a shard replaced after it was opened is not read for its text: the part is rebuilt and the hits are right', async () => {
    const { store, doc } = await storeWithSample(dir);
    await store.search({ query: 'biology' });
    await store.flushSearchIndex();
    const reader = await LibraryStore.open(dir, { inspect: true });
    expect((await reader.search({ query: 'zzzunknown' })).total).toBe(0); // the shard is open; no text read yet
    await store.createAnnotation({ documentId: doc.id, id: testId(7), color: 'red', selectors: await selectorsOf(store, doc.id, 'biophysics') });
    await store.search({ query: 'colour:red' });
    await store.flushSearchIndex(); // the file is replaced under the reader
    const hits = (await reader.search({ query: '"scaling laws"' })).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(marked(hit).map((m) => m.toLowerCase())).toContain('scaling laws');
  });
});

describe('preparing the index as a task', () => {
  /** The sample and five more documents, each with a word of its own; no index written yet. */
  async function sixDocuments() {
    const { store } = await storeWithSample(join(dir, 'data'));
    const words = ['quokka', 'axolotl', 'pangolin', 'narwhal', 'okapi'];
    for (const word of words) {
      const text = `Ada Lovelace: Today we talk about the ${word}.\n`;
      await store.importTranscript({ text, transcript: parseTranscript(text, 'text', word), format: 'text', source: `${word}.txt` });
    }
    await store.close();
    const layout = new Layout(join(dir, 'data'));
    const indexFiles = async () => {
      const documents = (await (await LibraryStore.open(join(dir, 'data'), { mode: 'inspect' })).list()).map((d) => layout.documentDir(d.id));
      const present = await Promise.all([...documents, layout.dataDir].map((d) => stat(join(d, SEARCH_INDEX_FILE)).then(() => 1, () => 0)));
      return present.reduce<number>((n, p) => n + p, 0);
    };
    return { words, indexFiles };
  }

  test('reports a step per shard (six documents and the library notebook) and ends finished', async () => {
    await sixDocuments();
    const store = await LibraryStore.open(join(dir, 'data'));
    const { tasks, messages } = cancelAt(null);
    await runTask(tasks, 'index', 'Building the search index', (task) => store.prepareSearch(task));
    expect(messages.at(-1)).toMatchObject({ state: 'finished', done: 7, total: 7 });
    expect(new Set(messages.filter((m) => m.state === 'running' && m.detail).map((m) => m.detail))).toEqual(
      new Set(['Library notebook', ...(await store.list()).map((d) => `“${d.title}”`)]),
    );
    await store.close();
  });

  test('cancelled after two shards: it stops, says so, and the index stays usable (what was not built is built by the search that needs it)', async () => {
    const { words, indexFiles } = await sixDocuments();
    const store = await LibraryStore.open(join(dir, 'data'));
    const { tasks, messages, cancelled } = cancelAt(2);
    expect(await runTask(tasks, 'index', 'Building the search index', (task) => store.prepareSearch(task))).toEqual({ cancelled: true });
    expect(cancelled()).toBe(true);
    expect(messages.at(-1)).toMatchObject({ state: 'cancelled', detail: INDEX_CANCELLED });
    expect(messages.at(-1)!.done).toBeLessThan(7);
    await store.flushSearchIndex();
    const written = await indexFiles();
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(7);
    for (const word of words) expect((await store.search({ query: word })).hits.map((h) => h.documentTitle)).toEqual([word]);
    await store.close();
    // A later start finds the index as far as it went, and builds the rest.
    const again = await LibraryStore.open(join(dir, 'data'));
    await again.prepareSearch();
    await again.flushSearchIndex();
    expect(await indexFiles()).toBe(7);
    await again.close();
  });
});
