import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { plainTextOf } from '../../core/transcript/plain-text';
import { CHANNELS } from '../../shared/contract';
import { DEFAULT_MARKDOWN_OPTIONS, type ExportReport, type ExportRequest } from '../../shared/model';
import { unpackDocument } from '../../core/wire/packed-document';
import type { Envelope } from '../../shared/contract';
import { LibraryStore } from '../store/library-store';
import { createHandlers, invokeHandler, type Handlers } from './handlers';
import { MAX_NOTE_LENGTH } from './schemas';

const sample = readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8');
let dir: string;
let handlers: Handlers;
let documentId: string;
let text: string;
let exportTo: string | null;
let filesToOpen: string[] = [];
let exportFolder: string | null = null;
/** The save dialogs shown, in order: 'file: <suggested name>' or 'folder'. */
let dialogs: string[] = [];

function value<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-ipc-'));
  const store = await LibraryStore.open(join(dir, 'data'));
  await store.addSampleOnce(sample);
  exportTo = join(dir, 'export.md');
  filesToOpen = [];
  exportFolder = null;
  dialogs = [];
  handlers = createHandlers({
    store,
    chooseExportPath: async (suggestedName) => {
      dialogs.push(`file: ${suggestedName}`);
      return exportTo;
    },
    chooseFilesToOpen: async () => filesToOpen,
    chooseExportFolder: async () => {
      dialogs.push('folder');
      return exportFolder;
    },
    now: () => new Date('2026-11-26T12:00:00Z'),
  });
  documentId = value(await handlers['library:list']({}))[0].id;
  text = plainTextOf(unpackDocument(value(await handlers['documents:open']({ documentId }))).transcript);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const ID = '3f2b8c1e-5d4a-4c7b-9e8f-1a2b3c4d5e6f';
function createRequest(quote = 'gremlin') {
  const start = text.indexOf(quote);
  return { documentId, id: ID, color: 'yellow', selectors: createSelectors(text, start, start + quote.length) };
}

test('every channel of the contract has a handler', () => {
  expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
});

test('creates, updates, deletes and exports through the handlers', async () => {
  expect(value(await handlers['annotations:create'](createRequest()))).toMatchObject({ id: ID, color: 'yellow', note: '' });
  expect(value(await handlers['annotations:update']({ documentId, id: ID, note: 'n', color: 'blue' }))).toMatchObject({ note: 'n', color: 'blue' });
  const exported = value(await handlers['export:markdown']({ documentId }));
  expect(exported).toEqual({ path: exportTo });
  expect(await readFile(exportTo!, 'utf8')).toContain('> gremlin');
  expect(value(await handlers['annotations:delete']({ documentId, id: ID }))).toEqual({ id: ID });
});

test('a deleted highlight comes back through annotations:restore with its note and codes', async () => {
  value(await handlers['annotations:create']({ ...createRequest(), note: 'why', codes: ['theme/risk'] }));
  const made = value(await handlers['annotations:update']({ documentId, id: ID, codes: [' theme / risk ', 'method'] }));
  expect(made.codes).toEqual(['theme/risk', 'method']);
  value(await handlers['annotations:delete']({ documentId, id: ID }));
  expect(value(await handlers['annotations:restore']({ annotation: made }))).toEqual(made);
  expect(unpackDocument(value(await handlers['documents:open']({ documentId }))).annotations).toEqual([made]);
  expect(await handlers['annotations:restore']({ annotation: made })).toMatchObject({ ok: false, error: { code: 'conflict' } });
});

test('replaces the text with a corrected version (dropped, or chosen in the dialog), re-attaches an orphan, restores a deleted one, and undoes the replace', async () => {
  const corrected = readFileSync(new URL('../../../test-fixtures/reanchor/sample-corrected.txt', import.meta.url));
  const gone = 'No one is more tired of it than me.';
  value(await handlers['annotations:create']({ ...createRequest(gone), note: 'tired', codes: ['mood'] }));
  const report = value(await handlers['documents:replace-text']({ documentId, file: { name: 'corrected.txt', bytes: new Uint8Array(corrected) } }));
  expect(report).toMatchObject({ documentId, orphaned: 1, highlights: [{ id: ID, status: 'orphaned', before: { quote: gone }, after: null }] });
  const orphan = unpackDocument(value(await handlers['documents:open']({ documentId }))).annotations[0];
  expect(orphan).toMatchObject({ id: ID, orphaned: true, note: 'tired', codes: ['mood'] });

  value(await handlers['annotations:delete']({ documentId, id: ID }));
  expect(value(await handlers['annotations:restore']({ annotation: orphan }))).toEqual(orphan);
  const newText = plainTextOf(unpackDocument(value(await handlers['documents:open']({ documentId }))).transcript);
  const start = newText.indexOf('gremlin');
  const placed = value(await handlers['annotations:reattach']({ documentId, id: ID, selectors: createSelectors(newText, start, start + 7) }));
  expect(placed).toMatchObject({ id: ID, note: 'tired', codes: ['mood'], selectors: { quote: { exact: 'gremlin' } } });
  expect(placed).not.toHaveProperty('orphaned');

  const undone = value(await handlers['documents:revert-text']({ documentId, undoToken: report.undoToken }));
  expect(undone.highlights).toHaveLength(1);
  expect(plainTextOf(unpackDocument(value(await handlers['documents:open']({ documentId }))).transcript)).toBe(text);
  expect(await handlers['documents:revert-text']({ documentId, undoToken: report.undoToken })).toMatchObject({ ok: false, error: { code: 'conflict' } });

  const { writeFile } = await import('node:fs/promises');
  filesToOpen = [join(dir, 'corrected.txt')];
  await writeFile(filesToOpen[0], corrected);
  expect(value(await handlers['documents:replace-text-dialog']({ documentId }))).toMatchObject({ documentId, highlights: [{ id: ID }] });
  filesToOpen = [];
  expect(value(await handlers['documents:replace-text-dialog']({ documentId }))).toEqual({ cancelled: true });
});

test('imports what the Open dialog returns, one result per file', async () => {
  const { writeFile } = await import('node:fs/promises');
  filesToOpen = [join(dir, 'talk.vtt'), join(dir, 'photo.txt')];
  await writeFile(filesToOpen[0], 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann Lee>Hello.\n');
  await writeFile(filesToOpen[1], Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  const results = value(await handlers['library:import-dialog']({}));
  expect(results).toEqual([
    { fileName: 'talk.vtt', ok: true, duplicate: false, document: expect.objectContaining({ format: 'webvtt', speakers: ['Ann Lee'] }) },
    { fileName: 'photo.txt', ok: false, message: 'Could not open photo.txt: it is not a text file (it contains binary data).' },
  ]);
  expect(value(await handlers['library:list']({}))).toHaveLength(2);
});

test('a cancelled save dialog writes nothing', async () => {
  exportTo = null;
  expect(value(await handlers['export:markdown']({ documentId }))).toEqual({ cancelled: true });
  expect(await readdir(dir)).toEqual(['data']);
});

describe('refuses hostile or malformed payloads with a clear error, changing nothing', () => {
  const bad: [string, string, () => unknown, RegExp][] = [
    ['no payload', 'annotations:create', () => undefined, /request: /],
    ['a string payload', 'documents:open', () => 'x', /request: /],
    ['a document id that is not a UUID', 'documents:open', () => ({ documentId: '../../etc/passwd' }), /documentId: must be a UUID/],
    ['an unknown colour', 'annotations:create', () => ({ ...createRequest(), color: 'crimson' }), /color/],
    ['an extra key', 'annotations:create', () => ({ ...createRequest(), isAdmin: true }), /isAdmin/],
    ['a prototype-polluting key', 'annotations:update', () => JSON.parse(`{"documentId":"${documentId}","id":"${ID}","note":"x","__proto__":{"polluted":true}}`), /__proto__|Unrecognized/i],
    ['a negative offset', 'annotations:create', () => { const r = createRequest(); r.selectors.position.start = -1; return r; }, /position/],
    ['a fractional offset', 'annotations:create', () => { const r = createRequest(); r.selectors.position.end = 3.5; return r; }, /position/],
    ['a position that does not span the quote', 'annotations:create', () => { const r = createRequest(); r.selectors.position.end += 4; return r; }, /span exactly/],
    ['a quote that is not the text at its position', 'annotations:create', () => { const r = createRequest(); r.selectors.quote.exact = 'goblin!'; return r; }, /does not match/],
    ['a position past the end of the text', 'annotations:create', () => { const r = createRequest(); r.selectors.position = { type: 'TextPositionSelector', start: text.length, end: text.length + 7 }; return r; }, /past the end/],
    ['a note over the limit', 'annotations:create', () => ({ ...createRequest(), note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }), /note: must be at most/],
    ['an update that changes nothing', 'annotations:update', () => ({ documentId, id: ID }), /nothing to change/],
    ['a note that is not a string', 'annotations:update', () => ({ documentId, id: ID, note: { toString: 1 } }), /note/],
    ['an unknown document', 'documents:open', () => ({ documentId: ID }), /No document/],
  ];
  test.each(bad)('%s', async (_what, channel, payload, message) => {
    const result = await invokeHandler(handlers, channel, payload());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
    const { annotations } = unpackDocument(value(await handlers['documents:open']({ documentId })));
    expect(annotations).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an unknown channel', async () => {
    expect(await invokeHandler(handlers, 'fs:delete-everything', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await invokeHandler(handlers, 'toString', {})).toMatchObject({ ok: false });
  });
});

describe('export and exchange dialogs', () => {
  const TITLE = 'Democracies must maintain the lead in AI';

  test('export:run asks for a folder or a file as the export needs, suggests a name by format, and a cancelled dialog writes nothing', async () => {
    const { writeFile } = await import('node:fs/promises');
    filesToOpen = [join(dir, 'talk.vtt')];
    await writeFile(filesToOpen[0], 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann Lee>Hello.\n');
    const other = value(await handlers['library:import-dialog']({})).map((r) => (r.ok ? r.document.id : ''))[0];
    exportTo = null;
    const cases: [Omit<ExportRequest, 'documentIds'> & { documentIds?: string[] }, string][] = [
      [{ format: 'md', documentIds: [documentId] }, `file: ${TITLE} - highlights.md`],
      [{ format: 'md', documentIds: [documentId, other] }, 'folder'],
      [{ format: 'md', all: true }, 'folder'],
      [{ format: 'w3c', documentIds: [documentId] }, `file: ${TITLE} - highlights.jsonld`],
      [{ format: 'w3c', documentIds: [documentId, other] }, 'file: Gloss library.jsonld'],
      [{ format: 'qdpx', documentIds: [other] }, 'file: talk - highlights.qdpx'],
      [{ format: 'qdpx', all: true }, 'file: Gloss library.qdpx'],
      [{ format: 'qdc' }, 'file: Gloss codebook.qdc'],
    ];
    for (const [request, dialog] of cases) {
      dialogs = [];
      expect(value(await handlers['export:run']({ documentIds: [], ...request })), dialog).toEqual({ cancelled: true });
      expect(dialogs).toEqual([dialog]);
    }
    expect((await readdir(dir)).sort()).toEqual(['data', 'talk.vtt']);
  });

  test('export:run and export:preview refuse a request naming no document (but a codebook), before any dialog', async () => {
    for (const channel of ['export:run', 'export:preview'] as const) {
      const result = await invokeHandler(handlers, channel, { format: 'md', documentIds: [] });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('name at least one document, or all of them') } });
    }
    expect(await invokeHandler(handlers, 'export:run', { format: 'pdf', documentIds: [documentId] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(dialogs).toEqual([]);
  });

  test('export:preview counts what an export would hold; export:options starts as the defaults', async () => {
    value(await handlers['annotations:create']({ ...createRequest(), note: 'why' }));
    expect(value(await handlers['export:preview']({ format: 'w3c', documentIds: [documentId] }))).toMatchObject({ documents: 1, highlights: 1 });
    expect(value(await handlers['export:preview']({ format: 'w3c', documentIds: [], all: true, filter: { colors: ['red'], codes: [], speakers: [], withNote: false } }))).toMatchObject({ documents: 1, highlights: 0 });
    expect(value(await handlers['export:options']({}))).toEqual(DEFAULT_MARKDOWN_OPTIONS);
  });

  test('export:run writes where the dialog says and reports it; the file comes back through exchange:import-dialog without duplicates', async () => {
    value(await handlers['annotations:create']({ ...createRequest(), note: 'why', codes: ['theme/risk'] }));
    exportTo = join(dir, 'chosen.jsonld');
    const report = value(await handlers['export:run']({ format: 'w3c', documentIds: [documentId] }));
    expect(report).toMatchObject({ format: 'w3c', files: [exportTo], documents: 1, highlights: 1 });
    expect(JSON.parse(await readFile(exportTo, 'utf8'))).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    filesToOpen = [exportTo];
    expect(value(await handlers['exchange:import-dialog']({ documentId: null }))).toMatchObject({ format: 'w3c', highlightsAdded: 0, highlightsUnchanged: 1 });
    expect(unpackDocument(value(await handlers['documents:open']({ documentId }))).annotations).toHaveLength(1);
  });

  test('export:run writes Markdown of the library into the folder the dialog chose, and remembers the options it was given', async () => {
    const { mkdir } = await import('node:fs/promises');
    exportFolder = join(dir, 'notes');
    await mkdir(exportFolder);
    const markdown = { ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'speaker' as const, links: false };
    const report = value(await handlers['export:run']({ format: 'md', documentIds: [], all: true, markdown })) as ExportReport;
    expect(dialogs).toEqual(['folder']);
    expect(report).toMatchObject({ format: 'md', documents: 1 });
    expect(report.files).toHaveLength(2);
    expect((await readdir(exportFolder)).sort()).toEqual(report.files.map((f) => f.slice(exportFolder!.length + 1)).sort());
    expect(value(await handlers['export:options']({}))).toEqual(markdown);
  });

  test('exchange:import-dialog: a cancelled dialog imports nothing; a file of neither kind is refused with the reason', async () => {
    const { writeFile } = await import('node:fs/promises');
    expect(value(await handlers['exchange:import-dialog']({}))).toEqual({ cancelled: true });
    filesToOpen = [join(dir, 'notes.txt')];
    await writeFile(filesToOpen[0], 'Ann Lee: Hello.\n');
    expect(await handlers['exchange:import-dialog']({ documentId })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'notes.txt is neither a W3C annotation file (JSON) nor a REFI-QDA project (.qdpx, a zip). Nothing was imported.' },
    });
    expect(await invokeHandler(handlers, 'exchange:import-dialog', { documentId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(value(await handlers['library:list']({}))).toHaveLength(1);
  });
});
