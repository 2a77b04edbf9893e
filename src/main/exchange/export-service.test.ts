/**
 * The export service as the app and the command line use it, apart from what
 * each format writes: whether an export goes to a file or a folder, which
 * documents it takes and in what order, which highlights the side panel's
 * filter leaves in, and that asking for a document that is not there is
 * refused. Real stores on disk, real transcripts.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_MARKDOWN_OPTIONS, type ExportFilter, type ExportRequest } from '../../shared/model';
import { importPaths } from '../import/import-files';
import { GlossError } from '../store/errors';
import { Layout } from '../store/layout';
import { LibraryStore } from '../store/library-store';
import { selectorsOf, storeWithSample, testId } from '../store/testing/sample-library';
import { loadExportDocuments, resolveDocumentIds } from './export-documents';
import { EXPORT_CANCELLED, EXPORT_EXTENSIONS, exportTargetKind, previewExport, runExport } from './export-service';
import { runTask } from '../tasks/run-task';
import { cancelAt } from '../tasks/testing/cancel-at';

const NOW = new Date('2026-11-29T12:00:00Z');
const UNKNOWN = '99999999-9999-4999-8999-999999999999';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-export-service-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test.each<[string, Pick<ExportRequest, 'format' | 'documentIds' | 'all'>, 'file' | 'folder']>([
  ['Markdown of one document', { format: 'md', documentIds: ['a'] }, 'file'],
  ['Markdown of two documents', { format: 'md', documentIds: ['a', 'b'] }, 'folder'],
  ['Markdown of the library', { format: 'md', documentIds: [], all: true }, 'folder'],
  ['W3C annotations of two documents', { format: 'w3c', documentIds: ['a', 'b'] }, 'file'],
  ['W3C annotations of the library', { format: 'w3c', documentIds: [], all: true }, 'file'],
  ['a REFI-QDA project of the library', { format: 'qdpx', documentIds: [], all: true }, 'file'],
  ['a codebook', { format: 'qdc', documentIds: [] }, 'file'],
])('%s goes to a %s… (exportTargetKind)', (_what, request, kind) => {
  expect(exportTargetKind(request)).toBe(kind);
});

test('each format has its own extension', () => {
  expect(EXPORT_EXTENSIONS).toEqual({ md: 'md', w3c: 'jsonld', qdpx: 'qdpx', qdc: 'qdc' });
});

/** The sample with five highlights, and two more transcripts with one each; listed in the order second, sample, third. */
async function threeDocuments() {
  let clock = Date.parse('2026-11-01T00:00:00Z');
  const now = () => new Date((clock += 60_000));
  const { doc: sample, at } = await storeWithSample(join(dir, 'data'));
  const store = await LibraryStore.open(join(dir, 'data'), { now });
  await writeFile(join(dir, 'second.vtt'), 'WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ann Lee>The second talk begins here.\n');
  await writeFile(join(dir, 'third.txt'), 'Bo Chan: A third transcript, short.\n\nAnn Lee: With two turns.\n');
  const added = await importPaths(store, [join(dir, 'second.vtt'), join(dir, 'third.txt')]);
  const [second, third] = added.map((r) => (r.ok ? r.document : expect.fail(JSON.stringify(r))));
  const highlight = (n: number, documentId: string, selectors: ReturnType<typeof at>, extra: { color?: 'yellow' | 'red' | 'blue'; codes?: string[]; note?: string } = {}) =>
    store.createAnnotation({ documentId, id: testId(n), color: extra.color ?? 'yellow', selectors, note: extra.note ?? '', codes: extra.codes ?? [] });
  await highlight(1, sample.id, at('gremlin'), { color: 'red', codes: ['theme/risk'] });
  await highlight(2, sample.id, at('No one is more tired of it than me.'), { color: 'blue', note: 'tired' });
  await highlight(3, sample.id, at('let a gremlin loose'), { color: 'red', codes: ['theme/risk/ai'], note: 'why' });
  await highlight(4, sample.id, at('concreteness'), { color: 'yellow', codes: ['method'] });
  // Said by no one: the introduction.
  await highlight(7, sample.id, at('worked in the world’s most advanced'), { color: 'blue' });
  await highlight(5, second.id, await selectorsOf(store, second.id, 'second talk'), { color: 'blue' });
  await highlight(6, third.id, await selectorsOf(store, third.id, 'two turns'), { color: 'red', codes: ['theme/risk'] });
  // The order the library lists them in: most recently opened first.
  await store.open(third.id);
  await store.open(sample.id);
  await store.open(second.id);
  return { store, sample, second, third };
}

test('documents are taken in the order asked, each once; --all takes the library in its own order (most recently opened first)', async () => {
  const { store, sample, second, third } = await threeDocuments();
  expect((await store.list()).map((d) => d.id)).toEqual([second.id, sample.id, third.id]);
  expect(await resolveDocumentIds(store, { documentIds: [third.id, sample.id, third.id] })).toEqual([third.id, sample.id]);
  expect(await resolveDocumentIds(store, { documentIds: [third.id], all: true })).toEqual([second.id, sample.id, third.id]);
  expect((await loadExportDocuments(store, [third.id, sample.id], null)).map((d) => [d.document.title, d.annotations.map((a) => a.id)])).toEqual([
    ['third', [testId(6)]],
    [sample.title, [testId(1), testId(2), testId(3), testId(4), testId(7)]],
  ]);
  expect(await previewExport(store, { format: 'w3c', documentIds: [third.id, sample.id, third.id] }, NOW)).toMatchObject({ documents: 2, highlights: 6 });
  expect(await previewExport(store, { format: 'qdpx', documentIds: [], all: true }, NOW)).toMatchObject({ documents: 3, highlights: 7 });
  expect(await previewExport(store, { format: 'md', documentIds: [second.id] }, NOW)).toMatchObject({ documents: 1, highlights: 1 });
  // A codebook is the code tree: no document, whatever is named.
  expect(await previewExport(store, { format: 'qdc', documentIds: [sample.id] }, NOW)).toMatchObject({ documents: 0, highlights: 0 });
});

test('a document that is not in the library is refused by its id, even beside known ones', async () => {
  const { store, doc: sample } = await storeWithSample(join(dir, 'data'));
  const refused = previewExport(store, { format: 'md', documentIds: [sample.id, UNKNOWN] }, NOW);
  await expect(refused).rejects.toThrow(GlossError);
  await expect(refused).rejects.toThrow(`No document with id ${UNKNOWN} in this library.`);
  await expect(previewExport(store, { format: 'w3c', documentIds: [UNKNOWN] }, NOW)).rejects.toMatchObject({ code: 'not-found' });
});

test.each<[string, Partial<ExportFilter>, number]>([
  ['no filter asks nothing', {}, 7],
  ['a colour', { colors: ['red'] }, 3],
  ['two colours', { colors: ['red', 'blue'] }, 6],
  ['a code takes the codes under it', { codes: ['theme/risk'] }, 3],
  ['a code deeper in the tree', { codes: ['theme/risk/ai'] }, 1],
  ['a speaker', { speakers: ['Ann Lee'] }, 2],
  ['text no speaker says', { speakers: [null] }, 1],
  ['with a note', { withNote: true }, 2],
  ['a colour and a code together', { colors: ['red'], codes: ['method'] }, 0],
])('the side panel’s filter decides which highlights are taken: %s', async (_what, filter, highlights) => {
  const { store } = await threeDocuments();
  const full: ExportFilter = { colors: [], codes: [], speakers: [], withNote: false, ...filter };
  expect(await previewExport(store, { format: 'w3c', documentIds: [], all: true, filter: full }, NOW)).toMatchObject({ documents: 3, highlights });
});

test('a preview writes nothing, and the remembered Markdown options start as the defaults', async () => {
  const { store, doc: sample } = await storeWithSample(join(dir, 'data'));
  const layout = new Layout(join(dir, 'data'));
  const before = await readFile(layout.settings, 'utf8').catch(() => null);
  await previewExport(store, { format: 'md', documentIds: [sample.id], markdown: { ...DEFAULT_MARKDOWN_OPTIONS, notes: false } }, NOW);
  expect(await readFile(layout.settings, 'utf8').catch(() => null)).toBe(before);
  expect(store.exportOptions()).toEqual(DEFAULT_MARKDOWN_OPTIONS);
});

test('Markdown options are remembered only by a store that owns the library, never by one opened to read or as a guest', async () => {
  const dataDir = join(dir, 'data');
  await storeWithSample(dataDir);
  const chosen = { ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'speaker' as const, links: false };
  for (const mode of ['inspect', 'guest'] as const) {
    const store = await LibraryStore.open(dataDir, { mode });
    await store.rememberExportOptions(chosen);
    expect((await LibraryStore.open(dataDir)).exportOptions()).toEqual(DEFAULT_MARKDOWN_OPTIONS);
  }
  await (await LibraryStore.open(dataDir)).rememberExportOptions(chosen);
  expect((await LibraryStore.open(dataDir, { mode: 'inspect' })).exportOptions()).toEqual(chosen);
});

test('the Markdown options of an export are remembered when it is written, by an owner store only, and only for Markdown', async () => {
  const dataDir = join(dir, 'data');
  const { store, doc } = await storeWithSample(dataDir);
  await store.saveNotebook(doc.id, '{}', 'My own thoughts on gremlins');
  const chosen = { ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'code' as const, notebook: false };
  // Another format carries no Markdown options: nothing to remember.
  await runExport(store, { format: 'w3c', documentIds: [doc.id], markdown: chosen }, join(dir, 'a.jsonld'), NOW);
  expect((await LibraryStore.open(dataDir)).exportOptions()).toEqual(DEFAULT_MARKDOWN_OPTIONS);
  // Opened only to read (as `gloss export` opens it): the file is written, the options are not kept.
  const reader = await LibraryStore.open(dataDir, { mode: 'inspect' });
  expect((await runExport(reader, { format: 'md', documentIds: [doc.id], markdown: chosen }, join(dir, 'read.md'), NOW)).files).toEqual([join(dir, 'read.md')]);
  expect(await readFile(join(dir, 'read.md'), 'utf8')).not.toContain('My own thoughts on gremlins');
  expect((await LibraryStore.open(dataDir)).exportOptions()).toEqual(DEFAULT_MARKDOWN_OPTIONS);
  // The owner remembers them once the export is written …
  await runExport(store, { format: 'md', documentIds: [doc.id], markdown: chosen }, join(dir, 'owner.md'), NOW);
  expect((await LibraryStore.open(dataDir)).exportOptions()).toEqual(chosen);
  // … and an export that names none uses them, changing nothing (before, one took the defaults and its notebook).
  await runExport(reader, { format: 'md', documentIds: [doc.id] }, join(dir, 'defaults.md'), NOW);
  expect(await readFile(join(dir, 'defaults.md'), 'utf8')).toContain('My own thoughts on gremlins');
  const settings = await readFile(new Layout(dataDir).settings, 'utf8');
  await runExport(store, { format: 'md', documentIds: [doc.id] }, join(dir, 'again.md'), NOW);
  expect(await readFile(new Layout(dataDir).settings, 'utf8')).toBe(settings);
  expect(await readFile(join(dir, 'again.md'), 'utf8')).not.toContain('My own thoughts on gremlins');
});

describe('an export as a task', () => {
  const library = { documentIds: [], all: true };
  const formats = [
    ['md', 'Markdown into a folder', 7],
    ['w3c', 'W3C Web Annotations', 4],
    ['qdpx', 'a REFI-QDA project', 4],
  ] as const;

  for (const [format, what, total] of formats) {
    test(`${what}: a step per document read and per file written, each reported`, async () => {
      const { store } = await threeDocuments();
      const { tasks, messages } = cancelAt(null);
      const out = join(dir, 'out');
      await mkdir(out);
      const target = join(out, format === 'md' ? 'library' : `library.${EXPORT_EXTENSIONS[format]}`);
      await runTask(tasks, 'export', 'Exporting the library', (task) => runExport(store, { format, ...library }, target, NOW, task));
      const running = messages.filter((m) => m.state === 'running' && m.total !== null);
      expect(running[0]).toMatchObject({ done: 0, total, detail: 'Reading “second”' });
      expect(running.slice(0, 3).map((m) => m.detail)).toEqual(['Reading “second”', expect.stringMatching(/^Reading “/), 'Reading “third”']);
      expect(running.at(-1)).toMatchObject({ done: total, detail: expect.stringMatching(/^Putting the files? in place$/), cancellable: false });
      expect(messages.at(-1)).toMatchObject({ state: 'finished', done: total, total });
    });

    for (const [when, atDone] of [
      ['while reading the second document', 1],
      ['just before its files are put in place', total],
    ] as const) {
      test(`${what}: cancelled ${when}, nothing is written and the task says so`, async () => {
        const { store } = await threeDocuments();
        const { tasks, messages, cancelled } = cancelAt(atDone);
        const out = join(dir, 'out');
        await mkdir(out);
        const target = join(out, format === 'md' ? 'library' : `library.${EXPORT_EXTENSIONS[format]}`);
        const result = await runTask(tasks, 'export', 'Exporting the library', (task) => runExport(store, { format, ...library }, target, NOW, task));
        expect(cancelled()).toBe(true);
        expect(result).toEqual({ cancelled: true });
        expect(await readdir(out)).toEqual([]);
        expect(messages.at(-1)).toMatchObject({ state: 'cancelled', detail: EXPORT_CANCELLED, cancellable: false });
      });
    }
  }

  test('a cancelled REFI-QDA export over an earlier one leaves the earlier file as it was', async () => {
    const { store } = await threeDocuments();
    const target = join(dir, 'library.qdpx');
    await runExport(store, { format: 'qdpx', ...library }, target, NOW);
    const before = await readFile(target);
    const { tasks } = cancelAt(4);
    await store.createAnnotation({ documentId: (await store.list())[0].id, id: testId(9), color: 'red', selectors: (await store.forExport((await store.list())[0].id)).annotations[0].selectors, note: 'new', codes: [] });
    expect(await runTask(tasks, 'export', 'Exporting', (task) => runExport(store, { format: 'qdpx', ...library }, target, new Date('2026-12-01T00:00:00Z'), task))).toEqual({ cancelled: true });
    expect((await readFile(target)).equals(before)).toBe(true);
    expect(await readdir(dir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]));
  });
});
