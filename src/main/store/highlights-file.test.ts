/**
 * The highlights file of one document: small documents rewrite one snapshot,
 * large ones append to a change log; both read back whole after a restart or
 * a crash, and a change that fails leaves nothing behind, whatever else is queued.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import type { Annotation } from '../../shared/model';
import { DataFile, readData } from './data-file';
import { annotationsKind } from './document-files';
import { CURRENT_SCHEMA } from './file-schemas';
import { type FileSystem, nodeFileSystem } from './file-system';
import { type ChangeLogOptions, DEFAULT_CHANGE_LOG, HighlightsFile, type Snapshot } from './highlights-file';
import { ANNOTATIONS_FILE, ANNOTATIONS_LOG } from './layout';
import { faultyFileSystem } from './testing/faulty-file-system';

const documentId = '00000000-0000-4000-8000-00000000d0c0';
const text = 'Agents are a bit like gremlins: they do what you say, not what you mean.';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const highlight = (n: number, note = ''): Annotation => ({
  id: id(n),
  documentId,
  selectors: createSelectors(text, n, n + 10),
  color: 'yellow',
  note,
  noteState: null,
  codes: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
/** Every change appended to the log once a snapshot exists, never folded (as for a very large document). */
const alwaysLog: ChangeLogOptions = { appendFrom: 0, foldAt: 1e9 };
const at = new Date('2026-02-03T04:05:06.000Z');

let dir: string;
let reports: string[];
const snapshotPath = () => join(dir, ANNOTATIONS_FILE);
const logPath = () => join(dir, ANNOTATIONS_LOG);
const exists = (path: string) => stat(path).then(() => true, () => false);
const notes = (file: HighlightsFile) => file.annotations.map((a) => `${Number(a.id.slice(-4))}:${a.note}`);
const logLines = async () => (await readFile(logPath(), 'utf8')).split('\n').filter(Boolean);
const onDisk = async (): Promise<Snapshot> => JSON.parse(await readFile(snapshotPath(), 'utf8'));
const asideLogs = async () => (await readdir(dir)).filter((name) => name.startsWith(`${ANNOTATIONS_LOG}.damaged-`));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-highlights-'));
  reports = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens the document's highlights as the store does: the snapshot read and checked into a DataFile, then the log. */
async function openFile(options: ChangeLogOptions = DEFAULT_CHANGE_LOG, fs: FileSystem = nodeFileSystem): Promise<HighlightsFile> {
  const kind = annotationsKind(documentId);
  const read = await readData(fs, snapshotPath(), kind);
  const data: Snapshot = read?.data ?? { schemaVersion: CURRENT_SCHEMA, documentId, seq: 0, annotations: [] };
  const snapshot = new DataFile<Snapshot>(fs, snapshotPath(), kind, data, read?.length ?? 0);
  return HighlightsFile.open({ fs, dir, documentId, snapshot, options, now: () => at, report: (message) => reports.push(message) });
}

/** A document whose snapshot already exists, opened so that every change is appended to the log. */
async function largeDocument(fs: FileSystem = nodeFileSystem): Promise<HighlightsFile> {
  await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 0, annotations: [] }));
  return openFile(alwaysLog, fs);
}

const add = (file: HighlightsFile, n: number, note = '') => file.apply({ create: highlight(n, note) });
const noteOn = (file: HighlightsFile, n: number, note: string) => file.apply({ update: { id: id(n), note, updatedAt: '2026-01-02T00:00:00.000Z' } });

test('a small document keeps one file: each change rewrites the snapshot, compact', async () => {
  const file = await openFile();
  expect(await add(file, 1, 'first')).toEqual(highlight(1, 'first'));
  await noteOn(file, 1, 'changed');
  expect(await exists(logPath())).toBe(false);
  const raw = await readFile(snapshotPath(), 'utf8');
  expect(raw).not.toContain('\n');
  expect(JSON.parse(raw)).toMatchObject({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 2, annotations: [{ id: id(1), note: 'changed' }] });
});

test('reads a pretty-printed annotations file without sequence numbers, written by an earlier version', async () => {
  await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: 1, documentId, annotations: [highlight(1, 'old')] }, null, 2));
  const file = await openFile();
  expect(notes(file)).toEqual(['1:old']);
  await add(file, 2, 'new');
  expect(await onDisk()).toMatchObject({ schemaVersion: CURRENT_SCHEMA, seq: 1 });
  expect(notes(await openFile())).toEqual(['1:old', '2:new']);
});

test('a change to a large document is one line appended to its log, read back after a restart', async () => {
  const file = await largeDocument();
  await add(file, 1, 'first');
  await add(file, 2, 'second');
  expect((await onDisk()).annotations).toEqual([]);
  expect(await logLines()).toHaveLength(2);
  expect(notes(await openFile(alwaysLog))).toEqual(['1:first', '2:second']);
});

test('replays changes and removals in the order they were made; a changed highlight keeps its place', async () => {
  const file = await largeDocument();
  // Queued together: the log is written one change after another, in order.
  await Promise.all([add(file, 1), add(file, 2), add(file, 3), noteOn(file, 1, 'changed'), file.apply({ delete: id(2) })]);
  expect((await logLines()).map((line) => JSON.parse(line).seq)).toEqual([1, 2, 3, 4, 5]);
  expect(notes(file)).toEqual(['1:changed', '3:']);
  expect(notes(await openFile(alwaysLog))).toEqual(['1:changed', '3:']);
});

test('folds the log into the snapshot once the log outgrows its share, and removes the log', async () => {
  const file = await largeDocument();
  await add(file, 1, 'logged');
  expect(await exists(logPath())).toBe(true);
  const folding = await openFile({ appendFrom: 0, foldAt: 0 });
  await add(folding, 2, 'folded');
  expect(await exists(logPath())).toBe(false);
  expect(await asideLogs()).toEqual([]);
  expect(await onDisk()).toMatchObject({ seq: 2, annotations: [{ note: 'logged' }, { note: 'folded' }] });
  expect(notes(await openFile())).toEqual(['1:logged', '2:folded']);
});

test('skips log lines the snapshot already holds (stopped between writing the snapshot and removing the log)', async () => {
  await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 2, annotations: [highlight(1, 'newest')] }));
  const lines = [
    // The change to 'newest' was seq 2: it went into the snapshot, not the log.
    { seq: 1, put: highlight(1, 'older') },
    { seq: 3, put: highlight(2, 'after the snapshot') },
  ];
  await writeFile(logPath(), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const file = await openFile(alwaysLog);
  expect(notes(file)).toEqual(['1:newest', '2:after the snapshot']);
  await add(file, 3);
  expect(JSON.parse((await logLines()).at(-1)!).seq).toBe(4);
  expect(notes(await openFile(alwaysLog))).toEqual(['1:newest', '2:after the snapshot', '3:']);
  expect(reports).toEqual([]);
});

test('ignores an unfinished last line (a write cut short by a crash) and, at the next change, folds and moves the log aside', async () => {
  await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 0, annotations: [] }));
  const complete = `${JSON.stringify({ seq: 1, put: highlight(1, 'saved') })}\n`;
  const log = `${complete}${JSON.stringify({ seq: 2, put: highlight(2) }).slice(0, 40)}`;
  await writeFile(logPath(), log);
  const file = await openFile(alwaysLog);
  expect(notes(file)).toEqual(['1:saved']);
  // Nothing is appended after the unfinished line: the change goes into the snapshot, and the log is kept aside.
  await add(file, 3, 'next');
  expect(await exists(logPath())).toBe(false);
  expect(await onDisk()).toMatchObject({ seq: 2, annotations: [{ note: 'saved' }, { note: 'next' }] });
  const aside = await asideLogs();
  expect(aside).toEqual([`${ANNOTATIONS_LOG}.damaged-2026-02-03T04-05-06-000Z`]);
  expect(await readFile(join(dir, aside[0]), 'utf8')).toBe(log);
  expect(notes(await openFile(alwaysLog))).toEqual(['1:saved', '3:next']);
});

describe('a damaged log', () => {
  const good = (seq: number, n: number) => JSON.stringify({ seq, put: highlight(n, `kept ${n}`) });
  test.each([
    { damage: 'a line that is not JSON', line: '{"seq":2,"put":{"id"' },
    { damage: 'a line that is not a change', line: JSON.stringify({ seq: 2, note: 'not a change' }) },
    { damage: 'a line without a sequence number', line: JSON.stringify({ put: highlight(9) }) },
    { damage: 'a highlight of another document', line: JSON.stringify({ seq: 2, put: { ...highlight(9), documentId: id(77) } }) },
    { damage: 'a removal without an id', line: JSON.stringify({ seq: 2, delete: '' }) },
  ])('keeps the lines that read, says which line did not, and moves the log aside: $damage', async ({ line }) => {
    await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 0, annotations: [] }));
    const log = `${good(1, 1)}\n${line}\n${good(3, 3)}\n`;
    await writeFile(logPath(), log);
    const file = await openFile(alwaysLog);
    expect(notes(file)).toEqual(['1:kept 1', '3:kept 3']);
    expect(reports).toEqual([expect.stringContaining(`The change log ${logPath()} is damaged (line 2 could not be read); the 2 changes that could be read were kept`)]);
    // Settling (as the store does after opening) puts what was read into the snapshot and keeps the log aside, untouched.
    await file.settle();
    expect(await exists(logPath())).toBe(false);
    const aside = await asideLogs();
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]), 'utf8')).toBe(log);
    expect(await onDisk()).toMatchObject({ seq: 3, annotations: [{ id: id(1) }, { id: id(3) }] });
    expect(notes(await openFile(alwaysLog))).toEqual(['1:kept 1', '3:kept 3']);
  });

  test('a damaged log is moved aside by the next change when it was not settled first', async () => {
    await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 0, annotations: [] }));
    await writeFile(logPath(), `${good(1, 1)}\nnot json\n`);
    const file = await openFile(alwaysLog);
    await add(file, 2, 'next');
    expect(await exists(logPath())).toBe(false);
    expect(await asideLogs()).toHaveLength(1);
    expect(notes(await openFile(alwaysLog))).toEqual(['1:kept 1', '2:next']);
  });
});

describe('a failed append', () => {
  test.each([
    { how: 'nothing written (ENOSPC)', code: 'ENOSPC', partial: false },
    { how: 'half the line left in the log (EIO)', code: 'EIO', partial: true },
  ])('is not read back, and the next change folds the log instead of appending after it: $how', async ({ code, partial }) => {
    const fs = faultyFileSystem();
    const file = await largeDocument(fs);
    await add(file, 1, 'kept');
    fs.fail({ op: 'append', code, partial, times: 1 });
    await expect(add(file, 2, 'failed')).rejects.toMatchObject({ code });
    expect(notes(file)).toEqual(['1:kept']);
    // A restart now reads only what was acknowledged.
    expect(notes(await openFile(alwaysLog))).toEqual(['1:kept']);
    await add(file, 3, 'after');
    expect(await exists(logPath())).toBe(false);
    expect(await onDisk()).toMatchObject({ seq: 2, annotations: [{ note: 'kept' }, { note: 'after' }] });
    expect(notes(await openFile(alwaysLog))).toEqual(['1:kept', '3:after']);
    // Back to appending once the log is folded.
    await add(file, 4);
    expect(await logLines()).toHaveLength(1);
  });
});

describe.each([
  { mode: 'snapshot', options: DEFAULT_CHANGE_LOG, target: ANNOTATIONS_FILE },
  { mode: 'log', options: alwaysLog, target: ANNOTATIONS_LOG },
])('exact rollback ($mode)', ({ options, target }) => {
  async function setUp() {
    const fs = faultyFileSystem();
    await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 1, annotations: [highlight(1, 'one')] }));
    const file = await openFile(options, fs);
    // Slow writes, so that every change below is queued before the first is written.
    fs.delay({ path: target, ms: 5 });
    return { fs, file };
  }
  const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: Error) => ({ error: error.message }));

  test('readers see queued changes on top of what is on disk; a failed one disappears and nothing else does', async () => {
    const { fs, file } = await setUp();
    fs.fail({ path: target, nth: 2, code: 'ENOSPC' });
    const results = [add(file, 2, 'two'), noteOn(file, 1, 'fails'), noteOn(file, 1, 'later'), add(file, 3, 'three')].map(settle);
    expect(notes(file)).toEqual(['1:later', '2:two', '3:three']);
    expect(await Promise.all(results)).toEqual([
      { value: highlight(2, 'two') },
      { error: expect.stringContaining('ENOSPC') },
      { value: expect.objectContaining({ note: 'later' }) },
      { value: highlight(3, 'three') },
    ]);
    expect(notes(file)).toEqual(['1:later', '2:two', '3:three']);
    expect(notes(await openFile(options))).toEqual(['1:later', '2:two', '3:three']);
  });

  test('a failed creation takes the changes queued on it down with it, and only those', async () => {
    const { fs, file } = await setUp();
    fs.fail({ path: target, nth: 1, code: 'EIO' });
    const results = [add(file, 2, 'fails'), noteOn(file, 2, 'on a failed one'), file.apply({ delete: id(2) }), noteOn(file, 1, 'kept')].map(settle);
    expect(await Promise.all(results)).toEqual([
      { error: expect.stringContaining('EIO') },
      { error: expect.stringContaining('was not saved') },
      { error: expect.stringContaining('was not saved') },
      { value: expect.objectContaining({ id: id(1), note: 'kept' }) },
    ]);
    expect(notes(file)).toEqual(['1:kept']);
    expect(notes(await openFile(options))).toEqual(['1:kept']);
  });

  test('a failed removal keeps the highlight, with the change queued after it', async () => {
    const { fs, file } = await setUp();
    fs.fail({ path: target, nth: 1, code: 'ENOSPC' });
    const results = [file.apply({ delete: id(1) }), add(file, 2, 'two')].map(settle);
    expect(notes(file)).toEqual(['2:two']);
    expect(await Promise.all(results)).toEqual([{ error: expect.stringContaining('ENOSPC') }, { value: highlight(2, 'two') }]);
    expect(notes(file)).toEqual(['1:one', '2:two']);
    expect(notes(await openFile(options))).toEqual(['1:one', '2:two']);
  });
});
