/**
 * Migrations, tested on a library written by Gloss before schema version 2
 * (test-fixtures/store/v1/, made by make-v1-library.mjs with the store of
 * commit 549b866): every document of it lists and opens with its highlights
 * and notes, anchored where they were; each file is at version 2 once it has
 * been written; the version-1 files are kept among the backups (`*.v1`); and
 * a second start finds nothing to do.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { plainTextOf } from '../../core/transcript/plain-text';
import { CURRENT_SCHEMA } from './file-schemas';
import { ANNOTATIONS_FILE, ANNOTATIONS_LOG, BACKUPS_DIR, DOCUMENT_FILE, LIBRARY_FILE, SOURCE_FILE, TRANSCRIPT_FILE } from './layout';
import { LibraryStore } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';

const fixture = fileURLToPath(new URL('../../../test-fixtures/store/v1', import.meta.url));
const sample = await readFile(fileURLToPath(new URL('../../../resources/sample-interview.txt', import.meta.url)), 'utf8');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The fixture's documents: id, title, and highlights (id, colour, note, quote) as a reader left them. */
const DOCUMENTS = {
  sample: {
    id: 'e2d43c73-770b-4b18-b8c4-be9e111355d6',
    title: 'Democracies must maintain the lead in AI',
    highlights: [
      [id(1), 'green', 'Agents as gremlins', 'gremlin'],
      [id(2), 'pink', 'Compute, data — and “scale”', 'scaling laws'],
    ],
  },
  interview: { id: 'd039a23c-9dae-47ab-847a-4c076fabd125', title: 'Timed interview', highlights: [[id(4), 'blue', 'Café opening, naïve question', 'Welcome back']] },
  meeting: { id: '867cea21-f075-4921-be1f-630cd5a3e42b', title: 'Team meeting, March', highlights: [[id(5), 'purple', '', 'Okay, I th']] },
  /** Hand-made in the earliest version-1 shape: the text inside transcript.json, highlights without a sequence number, no counts. */
  screenplay: { id: '0509b04c-7161-487e-946f-c61269fb44d7', title: 'THE LIGHTHOUSE', highlights: [[id(6), 'green', 'From the oldest files', 'THE LIGH']] },
  /** Its changes after the first are in annotations.log (one highlight added then removed, one note changed). */
  lecture: {
    id: '509aaa93-9316-4e9a-8f16-b5bc03c5ce47',
    title: 'Lecture 4: Tides',
    highlights: [
      [id(7), 'yellow', 'First, changed in the log', 'Lecture 4'],
      [id(9), 'blue', 'Third', 'od morning'],
    ],
  },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-migrate-'));
  await cp(fixture, dir, { recursive: true });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const docFile = (documentId: string, name: string) => join(dir, 'documents', documentId, name);
const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const fixtureBytes = (path: string) => readFile(join(fixture, relative(dir, path)), 'utf8');

/** Opens the library as the app does at start. */
async function startApp() {
  const store = await LibraryStore.open(dir);
  await store.addSampleOnce(sample);
  return store;
}

/** Every file in the data folder, by path, with its content. */
async function everyFile(folder = dir): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

test.each([
  ['as the last version-1 Gloss left it', async () => undefined],
  [
    'with an index from before the sample flag',
    async () => {
      const { sampleAdded: _, ...index } = await json(join(dir, LIBRARY_FILE));
      await writeFile(join(dir, LIBRARY_FILE), JSON.stringify(index));
    },
  ],
])('a version-1 library %s lists every document, and each opens with its highlights and notes where they were', async (_, edit) => {
  await edit();
  const store = await startApp();

  const listed = await store.list();
  expect(listed.map((d) => d.title).sort()).toEqual(Object.values(DOCUMENTS).map((d) => d.title).sort());
  for (const doc of Object.values(DOCUMENTS)) {
    const { annotations, transcript, document } = await store.open(doc.id);
    expect(document).toMatchObject({ title: doc.title, highlightCount: doc.highlights.length, noteCount: doc.highlights.filter((h) => h[2] !== '').length });
    expect(annotations.map((a) => [a.id, a.color, a.note, a.selectors.quote.exact])).toEqual(doc.highlights);
    // Anchored where they were: the quote is the text at its position.
    const text = plainTextOf(transcript);
    for (const a of annotations) expect(text.slice(a.selectors.position.start, a.selectors.position.end)).toBe(a.selectors.quote.exact);
  }
  expect(store.status().notices.filter((n) => n.kind !== 'migrated')).toEqual([]);
  expect((await checkDataFolder(dir)).problems).toEqual([]);
});

test('each file is at the current version once written (1 → 2 → 3), with the version-1 file kept among its backups', async () => {
  const store = await startApp();
  for (const doc of Object.values(DOCUMENTS)) {
    await store.open(doc.id);
    // A change writes the highlights file, which is then at version 2.
    const { transcript } = await store.open(doc.id);
    await store.createAnnotation({ documentId: doc.id, id: id(20), color: 'yellow', selectors: createSelectors(plainTextOf(transcript), 0, 2) });
  }

  for (const doc of Object.values(DOCUMENTS)) {
    const backups = join(dir, 'documents', doc.id, BACKUPS_DIR);
    // The library entry now has a file of its own; the transcript file holds only the transcript.
    expect(await json(docFile(doc.id, DOCUMENT_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, document: { id: doc.id, title: doc.title } });
    expect(Object.keys(await json(docFile(doc.id, TRANSCRIPT_FILE))).sort()).toEqual(['schemaVersion', 'transcript']);
    expect((await json(docFile(doc.id, TRANSCRIPT_FILE))).schemaVersion).toBe(CURRENT_SCHEMA);
    expect(await json(docFile(doc.id, ANNOTATIONS_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, documentId: doc.id });
    // The old files, byte for byte.
    expect(await readFile(join(backups, `${TRANSCRIPT_FILE}.v1`), 'utf8')).toBe(await fixtureBytes(docFile(doc.id, TRANSCRIPT_FILE)));
    expect(await readFile(join(backups, `${ANNOTATIONS_FILE}.v1`), 'utf8')).toBe(await fixtureBytes(docFile(doc.id, ANNOTATIONS_FILE)));
  }
  // The text of the oldest shape moved out of the transcript file into source.txt.
  const { screenplay, lecture } = DOCUMENTS;
  expect(await readFile(docFile(screenplay.id, SOURCE_FILE), 'utf8')).toBe((await json(join(fixture, 'documents', screenplay.id, TRANSCRIPT_FILE))).text);
  // The logged changes are in the snapshot now, and the log is gone: nothing was lost in the move.
  expect((await readdir(join(dir, 'documents', lecture.id))).filter((n) => n.startsWith(ANNOTATIONS_LOG))).toEqual([]);
  expect((await json(docFile(lecture.id, ANNOTATIONS_FILE))).annotations.map((a: { id: string }) => a.id)).toEqual([id(7), id(9), id(20)]);
  expect(await json(join(dir, LIBRARY_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, sampleAdded: true });
  expect(await readFile(join(dir, BACKUPS_DIR, `${LIBRARY_FILE}.v1`), 'utf8')).toBe(await fixtureBytes(join(dir, LIBRARY_FILE)));
  expect((await checkDataFolder(dir)).problems).toEqual([]);
});

test('the first start says which documents were brought up to date; the next finds nothing to do, and rewrites nothing', async () => {
  const first = await startApp();
  expect(first.status().notices.map((n) => [n.kind, n.documentId])).toEqual(
    expect.arrayContaining(Object.values(DOCUMENTS).map((d) => ['migrated', d.id])),
  );
  for (const doc of Object.values(DOCUMENTS)) await first.open(doc.id);
  const before = await everyFile();

  const second = await startApp();
  await second.list();

  expect(second.status().notices).toEqual([]);
  const after = await everyFile();
  expect([...after.keys()]).toEqual([...before.keys()]);
  // The index only catches up with the opening times each document's own file recorded.
  const withoutOpeningTimes = (index: string) => JSON.parse(index, (key, value) => (key === 'openedAt' ? undefined : value));
  expect(withoutOpeningTimes(after.get(LIBRARY_FILE)!)).toEqual(withoutOpeningTimes(before.get(LIBRARY_FILE)!));
  for (const [path, content] of after) if (path !== LIBRARY_FILE) expect(content, path).toBe(before.get(path));

  const third = await startApp();
  await third.list();
  expect(await everyFile()).toEqual(after);
});
