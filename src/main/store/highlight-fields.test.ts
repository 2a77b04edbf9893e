/**
 * A highlight's codes and rich note through the store: created and changed
 * with them, kept across a restart, a deleted highlight put back exactly
 * (undo), and the code counts each document keeps beside its highlights.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { COUNTS_FILE } from './layout';
import { LibraryStore } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';
import { SAMPLE, selectorsOf, storeWithSample, testId } from './testing/sample-library';

/** A rich note holding a bulleted list of one item, "one" (its Markdown: "- one"). */
const STATE = JSON.stringify({
  root: { type: 'root', children: [{ type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'text', text: 'one', format: 0 }] }] }] },
});
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-fields-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The sample in a new store, and `counts()`, the code counts kept beside its highlights. */
async function sampleWithCounts() {
  const sample = await storeWithSample(dir);
  const counts = async () => JSON.parse(await readFile(join(dir, 'documents', sample.doc.id, COUNTS_FILE), 'utf8'));
  return { ...sample, counts };
}

describe('codes and rich notes on a highlight', () => {
  test('a highlight made with codes and a rich note keeps them across a restart', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    const made = await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('gremlin'), note: '- one', noteState: STATE, codes: ['theme/risk', 'method'] });
    expect(made).toMatchObject({ note: '- one', noteState: STATE, codes: ['theme/risk', 'method'] });
    const { annotations } = await (await LibraryStore.open(dir)).open(doc.id);
    expect(annotations).toEqual([made]);
  });

  test('codes are changed as a whole list, and a note written without its rich state drops the old state', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('gremlin'), note: '**a**', noteState: STATE });
    expect(await store.updateAnnotation({ documentId: doc.id, id: testId(1), codes: ['b', 'a/c'] })).toMatchObject({ codes: ['b', 'a/c'], note: '- one', noteState: STATE });
    expect(await store.updateAnnotation({ documentId: doc.id, id: testId(1), codes: [] })).toMatchObject({ codes: [] });
    expect(await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: 'plain' })).toMatchObject({ note: 'plain', noteState: null });
    expect(await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: 'rich', noteState: STATE })).toMatchObject({ note: '- one', noteState: STATE });
    expect(await store.updateAnnotation({ documentId: doc.id, id: testId(1), color: 'red' })).toMatchObject({ color: 'red', note: '- one', noteState: STATE });
  });

  test("a rich note's Markdown is written from its state, whatever Markdown came with it, and an empty state is no note", async () => {
    const { store, doc, at } = await storeWithSample(dir);
    const made = await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('gremlin'), note: '<script>x</script>', noteState: STATE });
    expect(made).toMatchObject({ note: '- one', noteState: STATE });
    const empty = JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [] }] } });
    expect(await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: 'ignored', noteState: empty })).toMatchObject({ note: '', noteState: null });
  });

  test('a deleted highlight is put back exactly: id, colour, note, note state, codes and both times', async () => {
    let now = new Date('2026-11-29T10:00:00.000Z');
    const store = await LibraryStore.open(dir, { now: () => now });
    await store.addSampleOnce(SAMPLE);
    const [doc] = await store.list();
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'pink', selectors: await selectorsOf(store, doc.id, 'gremlin'), note: 'n', noteState: STATE, codes: ['x/y'] });
    now = new Date('2026-11-29T11:00:00.000Z');
    const before = await store.updateAnnotation({ documentId: doc.id, id: testId(1), color: 'blue' });
    now = new Date('2026-11-29T12:00:00.000Z');
    await store.deleteAnnotation(doc.id, testId(1));

    expect(await store.restoreAnnotation(before)).toEqual(before);
    expect((await (await LibraryStore.open(dir)).open(doc.id)).annotations).toEqual([before]);
    expect((await store.list())[0]).toMatchObject({ highlightCount: 1, noteCount: 1 });
  });

  test('restoring refuses a highlight that exists, or whose quote is not the text at its position, and writes nothing', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    const made = await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('gremlin') });
    const snapshot = await readFile(join(dir, 'documents', doc.id, 'annotations.json'), 'utf8');
    await expect(store.restoreAnnotation(made)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already exists/) });
    const moved = { ...made, id: testId(2), selectors: { ...made.selectors, position: { ...made.selectors.position, start: 0, end: 7 } } };
    await expect(store.restoreAnnotation(moved)).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/does not match/) });
    await expect(store.restoreAnnotation({ ...made, id: testId(3), documentId: testId(99) })).rejects.toMatchObject({ code: 'not-found' });
    expect(await readFile(join(dir, 'documents', doc.id, 'annotations.json'), 'utf8')).toBe(snapshot);
  });
});

describe('code counts beside the highlights (counts.json)', () => {
  test('follow every change to codes, a code counted once per highlight carrying it', async () => {
    const { store, doc, at, counts } = await sampleWithCounts();
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('gremlin'), codes: ['theme/risk', 'theme'] });
    await store.createAnnotation({ documentId: doc.id, id: testId(2), color: 'green', selectors: at('scaling laws'), codes: ['theme/risk'] });
    expect((await counts()).codes).toEqual({ theme: 1, 'theme/risk': 2 });
    // A highlight carrying a code and its parent counts once in the parent's total.
    expect((await counts()).totals).toEqual({ theme: 2, 'theme/risk': 2 });
    await store.updateAnnotation({ documentId: doc.id, id: testId(2), codes: ['method'] });
    expect((await counts()).codes).toEqual({ method: 1, theme: 1, 'theme/risk': 1 });
    await store.deleteAnnotation(doc.id, testId(1));
    expect((await counts()).codes).toEqual({ method: 1 });
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  test('counts without code counts (an earlier Gloss), or with wrong ones, are recomputed from the highlights', async () => {
    const { store, doc, at, counts } = await sampleWithCounts();
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('gremlin'), codes: ['a'] });
    const path = join(dir, 'documents', doc.id, COUNTS_FILE);
    for (const stale of [{ schemaVersion: 2, highlightCount: 1, noteCount: 0 }, { schemaVersion: 3, highlightCount: 1, noteCount: 0, codes: { a: 'one' }, totals: { a: 1 } }, { schemaVersion: 3, highlightCount: 1, noteCount: 0, codes: { a: 1 } }]) {
      await writeFile(path, JSON.stringify(stale));
      const reopened = await LibraryStore.open(dir);
      expect(await reopened.list()).toEqual([expect.objectContaining({ highlightCount: 1 })]);
      expect(await counts()).toMatchObject({ highlightCount: 1, codes: { a: 1 } });
    }
  });

  test('a code named like a built-in property is counted as any other code', async () => {
    const { store, doc, at, counts } = await sampleWithCounts();
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('gremlin'), codes: ['__proto__', 'constructor/toString'] });
    expect((await counts()).codes).toEqual(JSON.parse('{"__proto__":1,"constructor/toString":1}'));
    expect((await counts()).totals).toEqual(JSON.parse('{"__proto__":1,"constructor":1,"constructor/toString":1}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const reopened = await LibraryStore.open(dir);
    expect((await reopened.open(doc.id)).annotations[0].codes).toEqual(['__proto__', 'constructor/toString']);
  });
});
