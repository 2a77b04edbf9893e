/**
 * The step from schema version 2 to 3 (codes and rich-note state on every
 * highlight), tested on a library written by the version-2 store
 * (test-fixtures/store/v2/: a snapshot, then a change log adding two
 * highlights, giving one a note and removing one, and backups). Its change
 * log has no version of its own: its lines are as old as the snapshot and are
 * brought up with it. Files are rewritten in version 3 only when they change,
 * the version-2 file kept among the backups first; a file from a newer Gloss
 * is read, never rewritten.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { plainTextOf } from '../../core/transcript/plain-text';
import { CURRENT_SCHEMA } from './file-schemas';
import { ANNOTATIONS_FILE, ANNOTATIONS_LOG, BACKUPS_DIR, DOCUMENT_FILE, LIBRARY_FILE, TRANSCRIPT_FILE } from './layout';
import { LibraryStore } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';

const fixture = fileURLToPath(new URL('../../../test-fixtures/store/v2', import.meta.url));
const documentId = '57520115-54ae-4f6a-b3c4-d6138ceb0130';
const SAFETY = '11111111-1111-4111-8111-111111111111';
const SCALING = '22222222-2222-4222-8222-222222222222';
const REMOVED = '33333333-3333-4333-8333-333333333333';
const NEW = '44444444-4444-4444-8444-444444444444';
const NOTE = 'A note with **bold** and a list:\n- one\n- two';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-migrate-v2-'));
  await cp(fixture, dir, { recursive: true });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const docFile = (name: string) => join(dir, 'documents', documentId, name);
const backup = (name: string) => join(dir, 'documents', documentId, BACKUPS_DIR, name);
const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const fixtureText = (path: string) => readFile(join(fixture, relative(dir, path)), 'utf8');

/** Every file in the data folder, by path, with its content. */
async function everyFile(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

describe('a version-2 library', () => {
  test('opens with the highlights of its snapshot and change log, each with no codes and a note that is only Markdown', async () => {
    const store = await LibraryStore.open(dir);
    const [listed] = await store.list();
    expect(listed).toMatchObject({ id: documentId, highlightCount: 2, noteCount: 1 });

    const { annotations, transcript } = await store.open(documentId);
    // The removal and the note came from the log, whose lines were brought up with the snapshot.
    expect(annotations.map((a) => [a.id, a.color, a.note, a.codes, a.noteState])).toEqual([
      [SAFETY, 'yellow', NOTE, [], null],
      [SCALING, 'green', '', [], null],
    ]);
    expect(annotations.map((a) => a.id)).not.toContain(REMOVED);
    const text = plainTextOf(transcript);
    for (const a of annotations) expect(text.slice(a.selectors.position.start, a.selectors.position.end)).toBe(a.selectors.quote.exact);
    expect(store.status()).toMatchObject({ readOnly: null, notices: [] });
  });

  test('keeps its highlights files at version 2 until a highlight changes; then they are at version 3, the old snapshot kept among the backups', async () => {
    const store = await LibraryStore.open(dir);
    await store.open(documentId);
    // Read, not changed: the snapshot and its log are as they were.
    expect(await readFile(docFile(ANNOTATIONS_FILE), 'utf8')).toBe(await fixtureText(docFile(ANNOTATIONS_FILE)));
    expect(await readFile(docFile(ANNOTATIONS_LOG), 'utf8')).toBe(await fixtureText(docFile(ANNOTATIONS_LOG)));
    // The transcript is never rewritten: it stays at version 2, and reads.
    expect(await readFile(docFile(TRANSCRIPT_FILE), 'utf8')).toBe(await fixtureText(docFile(TRANSCRIPT_FILE)));

    const { transcript } = await store.open(documentId);
    const text = plainTextOf(transcript);
    const start = text.indexOf('gremlin');
    await store.createAnnotation({ documentId, id: NEW, color: 'blue', selectors: createSelectors(text, start, start + 7), codes: ['theme/risk'] });

    const snapshot = await json(docFile(ANNOTATIONS_FILE));
    expect(snapshot).toMatchObject({ schemaVersion: CURRENT_SCHEMA, documentId });
    expect(snapshot.annotations.map((a: { id: string; codes: string[]; noteState: null; note: string }) => [a.id, a.codes, a.noteState, a.note])).toEqual([
      [SAFETY, [], null, NOTE],
      [SCALING, [], null, ''],
      [NEW, ['theme/risk'], null, ''],
    ]);
    // Folded into the snapshot: no version-3 line was written after version-2 ones.
    expect(await readdir(join(dir, 'documents', documentId))).not.toContain(ANNOTATIONS_LOG);
    expect(await readFile(backup(`${ANNOTATIONS_FILE}.v2`), 'utf8')).toBe(await fixtureText(docFile(ANNOTATIONS_FILE)));
    // Opening the document wrote its opening time, so its entry is at version 3 too, the old one kept.
    expect(await json(docFile(DOCUMENT_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, document: { id: documentId } });
    expect(await readFile(backup(`${DOCUMENT_FILE}.v2`), 'utf8')).toBe(await fixtureText(docFile(DOCUMENT_FILE)));
    expect(await readFile(join(dir, BACKUPS_DIR, `${LIBRARY_FILE}.v2`), 'utf8')).toBe(await fixtureText(join(dir, LIBRARY_FILE)));

    const again = await LibraryStore.open(dir);
    expect((await again.open(documentId)).annotations.map((a) => [a.id, a.codes])).toEqual([
      [SAFETY, []],
      [SCALING, []],
      [NEW, ['theme/risk']],
    ]);
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  test('a second start finds nothing to do, and rewrites nothing', async () => {
    const first = await LibraryStore.open(dir);
    await first.list();
    await first.open(documentId);
    const before = await everyFile();

    const second = await LibraryStore.open(dir);
    await second.list();
    expect(second.status().notices).toEqual([]);
    const after = await everyFile();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // The index only catches up with the opening time the document's own file recorded.
    const withoutOpeningTimes = (index: string) => JSON.parse(index, (key, value) => (key === 'openedAt' ? undefined : value));
    expect(withoutOpeningTimes(after.get(LIBRARY_FILE)!)).toEqual(withoutOpeningTimes(before.get(LIBRARY_FILE)!));
    for (const [path, content] of after) if (path !== LIBRARY_FILE) expect(content, path).toBe(before.get(path));
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });
});

describe('files from a newer Gloss (a schema version past this one)', () => {
  test('a highlights file of a newer version shows its highlights, refuses changes with a clear message, and is never rewritten', async () => {
    const v3 = await json(docFile(ANNOTATIONS_FILE));
    const newer = {
      ...v3,
      schemaVersion: CURRENT_SCHEMA + 1,
      annotations: v3.annotations.map((a: object) => ({ ...a, codes: ['from/the/future'], noteState: null, mood: 'unknown to this Gloss' })),
    };
    await writeFile(docFile(ANNOTATIONS_FILE), JSON.stringify(newer));
    await rm(docFile(ANNOTATIONS_LOG));
    const before = await readFile(docFile(ANNOTATIONS_FILE), 'utf8');

    const store = await LibraryStore.open(dir);
    const opened = await store.open(documentId);
    expect(opened.annotations.map((a) => [a.id, a.codes])).toEqual([[SAFETY, ['from/the/future']]]);
    expect(opened.document.readOnly).toMatch(new RegExp(`written by a newer Gloss \\(schema ${CURRENT_SCHEMA + 1}, this Gloss writes ${CURRENT_SCHEMA}\\).*update Gloss`));
    await expect(store.updateAnnotation({ documentId, id: SAFETY, color: 'red' })).rejects.toMatchObject({ code: 'read-only', message: expect.stringMatching(/newer Gloss/) });
    await expect(store.deleteAnnotation(documentId, SAFETY)).rejects.toMatchObject({ code: 'read-only' });

    await (await LibraryStore.open(dir)).open(documentId);
    expect(await readFile(docFile(ANNOTATIONS_FILE), 'utf8')).toBe(before);
    expect(await readdir(join(dir, 'documents', documentId, BACKUPS_DIR))).not.toContain(`${ANNOTATIONS_FILE}.v${CURRENT_SCHEMA + 1}`);
  });

  test('a library index of a newer version makes the whole library read-only, says why, and nothing in the folder is rewritten', async () => {
    const index = await json(join(dir, LIBRARY_FILE));
    await writeFile(join(dir, LIBRARY_FILE), JSON.stringify({ ...index, schemaVersion: CURRENT_SCHEMA + 1 }));
    const before = await everyFile();

    const store = await LibraryStore.open(dir);
    expect(store.status().readOnly).toMatch(new RegExp(`last written by a newer Gloss.*schema ${CURRENT_SCHEMA + 1}.*update Gloss`));
    expect((await store.list()).map((d) => d.id)).toEqual([documentId]);
    expect((await store.open(documentId)).annotations).toHaveLength(2);
    await expect(store.updateAnnotation({ documentId, id: SAFETY, color: 'red' })).rejects.toMatchObject({ code: 'read-only' });
    await expect(store.renameDocument(documentId, 'Another title')).rejects.toMatchObject({ code: 'read-only' });

    expect(await everyFile()).toEqual(before);
  });
});
