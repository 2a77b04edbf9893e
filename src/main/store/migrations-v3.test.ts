/**
 * The step from schema version 3 to 4 (a highlight may be an orphan), tested
 * on a library written by the version-3 store (test-fixtures/store/v3/, made
 * by make-v3-library.mjs: highlights with codes and notes, later changes in
 * the change log, a codebook, notebooks). Every version-3 file is a valid
 * version-4 file: it opens as it was, is rewritten at version 4 only when it
 * changes (the version-3 file kept among the backups first), and a text
 * replacement on it writes its orphans at version 4 only.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { parseTranscriptBytes, readTranscriptFile } from '../import/read-transcript-file';
import { CURRENT_SCHEMA } from './file-schemas';
import { ANNOTATIONS_FILE, BACKUPS_DIR, CODEBOOK_FILE, DOCUMENT_FILE, LIBRARY_FILE, NOTEBOOK_FILE } from './layout';
import { LibraryStore } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';
import { testId } from './testing/sample-library';

const fixture = fileURLToPath(new URL('../../../test-fixtures/store/v3', import.meta.url));
const corrected = fileURLToPath(new URL('../../../test-fixtures/reanchor/sample-corrected.txt', import.meta.url));
const documentId = 'fc45b23e-5add-4d37-a7c2-43f3bc503341';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-migrate-v3-'));
  await cp(fixture, dir, { recursive: true });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const docFile = (name: string) => join(dir, 'documents', documentId, name);
const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const open = () => LibraryStore.open(dir, { reader: { readFile: readTranscriptFile, parseBytes: async (n, b) => parseTranscriptBytes(n, b) } });

test('a version-3 library opens with its highlights (snapshot and log), codebook and notebooks as they were', async () => {
  const store = await open();
  expect(await store.list()).toMatchObject([{ id: documentId, highlightCount: 3, noteCount: 2 }]);
  const { annotations } = await store.open(documentId);
  expect(annotations.map((a) => [a.id, a.selectors.quote.exact, a.note, a.codes, a.orphaned])).toEqual([
    [testId(1), 'let a gremlin loose', 'Agents as gremlins', ['theme/risk'], undefined],
    [testId(2), 'scaling laws', 'Changed in the log', ['theme/scale', 'method'], undefined],
    [testId(4), 'Machines of Loving Grace', '', ['theme/risk/ai'], undefined],
  ]);
  expect(store.colorNames().yellow).toBe('Key claim');
  expect((await store.openNotebook(documentId)).markdown).toBe('> let a gremlin loose');
  expect((await store.openNotebook(null)).unlinked).toEqual([]);
  expect(store.status().readOnly).toBeNull();
});

test('each file is rewritten at version 4 only when it changes, its version-3 copy kept among the backups', async () => {
  const store = await open();
  await store.open(documentId);
  await store.updateAnnotation({ documentId, id: testId(1), color: 'green' });
  await store.nameColor('blue', 'Method');
  await store.saveNotebook(null, '{"root":{"type":"root","children":[]}}', '');
  expect(await json(docFile(ANNOTATIONS_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, documentId });
  expect(await json(docFile(DOCUMENT_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA });
  expect(await json(join(dir, CODEBOOK_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, colors: { yellow: 'Key claim', blue: 'Method' } });
  expect(await json(join(dir, NOTEBOOK_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA });
  expect(await json(docFile(join(BACKUPS_DIR, `${ANNOTATIONS_FILE}.v3`)))).toMatchObject({ schemaVersion: 3 });
  // The document's notebook was not changed: still version 3, and still read.
  expect(await json(docFile(NOTEBOOK_FILE))).toMatchObject({ schemaVersion: 3 });
  expect((await checkDataFolder(dir)).problems).toEqual([]);
});

test('a text replacement on it writes its orphans and the index at version 4, and the library reads back', async () => {
  const store = await open();
  const report = await store.replaceTextFromPath(documentId, corrected);
  expect(report.highlights).toHaveLength(3);
  const snapshot = await json(docFile(ANNOTATIONS_FILE));
  expect(snapshot.schemaVersion).toBe(CURRENT_SCHEMA);
  // The index lists the new text's hash, so it is written too: a Gloss of version 3 opens this library read-only.
  expect(await json(join(dir, LIBRARY_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA });
  const again = await open();
  expect((await again.open(documentId)).annotations).toHaveLength(3);
  expect((await checkDataFolder(dir)).problems).toEqual([]);
});

test('a version-3 snapshot holding an orphan mark is valid (the mark is only ever written at version 4, but reads either way)', async () => {
  const snapshot = await json(docFile(ANNOTATIONS_FILE));
  snapshot.annotations[0].orphaned = true;
  await writeFile(docFile(ANNOTATIONS_FILE), JSON.stringify(snapshot));
  const store = await open();
  expect((await store.open(documentId)).annotations.find((a) => a.id === testId(1))?.orphaned).toBe(true);
});
