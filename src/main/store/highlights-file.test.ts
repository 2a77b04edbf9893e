/**
 * The highlights file of one document: small documents rewrite one snapshot,
 * large ones append to a change log; both read back whole after a restart or a crash.
 */
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import type { Annotation } from '../../shared/model';
import { HighlightsFile } from './highlights-file';

const documentId = '00000000-0000-4000-8000-00000000d0c0';
const text = 'Agents are a bit like gremlins: they do what you say, not what you mean.';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const highlight = (n: number, note = ''): Annotation => ({
  id: id(n),
  documentId,
  selectors: createSelectors(text, n, n + 10),
  color: 'yellow',
  note,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
/** Every change appended to the log once a snapshot exists, never folded. */
const alwaysLog = { appendFrom: 0, foldAt: 1e9 };

let dir: string;
const snapshotPath = () => join(dir, 'annotations.json');
const logPath = () => join(dir, 'annotations.log');
const exists = (path: string) => stat(path).then(() => true, () => false);
const notes = (file: HighlightsFile) => file.annotations.map((a) => `${a.id.slice(-1)}:${a.note}`);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-highlights-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A document whose snapshot already exists, opened so that every change is appended to the log (as for a very large one). */
async function largeDocument(): Promise<HighlightsFile> {
  await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: 1, documentId, annotations: [] }));
  return HighlightsFile.open(dir, documentId, alwaysLog);
}

/** Adds highlight n with its note through `file`, as the store does. */
async function add(file: HighlightsFile, n: number, note = ''): Promise<void> {
  const a = highlight(n, note);
  file.annotations.push(a);
  await file.save({ put: a });
}

test('a small document keeps one file: each change rewrites the snapshot, compact', async () => {
  const file = await HighlightsFile.open(dir, documentId);
  await add(file, 1, 'first');
  expect(await exists(logPath())).toBe(false);
  const raw = await readFile(snapshotPath(), 'utf8');
  expect(raw).not.toContain('\n');
  expect(JSON.parse(raw).annotations[0].note).toBe('first');
});

test('reads a pretty-printed annotations file written by an earlier version', async () => {
  await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: 1, documentId, annotations: [highlight(1, 'old')] }, null, 2));
  expect(notes(await HighlightsFile.open(dir, documentId))).toEqual(['1:old']);
});

test('a change to a large document is one line appended to its log, read back after a restart', async () => {
  const file = await largeDocument();
  await add(file, 1, 'first');
  await add(file, 2, 'second');
  expect(JSON.parse(await readFile(snapshotPath(), 'utf8')).annotations).toEqual([]);
  expect((await readFile(logPath(), 'utf8')).split('\n')).toHaveLength(3);
  expect(notes(await HighlightsFile.open(dir, documentId))).toEqual(['1:first', '2:second']);
});

test('replays changes and removals in order; a changed highlight keeps its place', async () => {
  const file = await largeDocument();
  await Promise.all([add(file, 1), add(file, 2), add(file, 3)]);
  file.annotations[0].note = 'changed';
  await file.save({ put: file.annotations[0] });
  const [removed] = file.annotations.splice(1, 1);
  await file.save({ delete: removed.id });
  expect(notes(await HighlightsFile.open(dir, documentId))).toEqual(['1:changed', '3:']);
});

test('folds the log into the snapshot once the log outgrows its share, and removes the log', async () => {
  const file = await largeDocument();
  await add(file, 1, 'logged');
  expect(await exists(logPath())).toBe(true);
  const folding = await HighlightsFile.open(dir, documentId, { appendFrom: 0, foldAt: 0 });
  await add(folding, 2, 'folded');
  expect(await exists(logPath())).toBe(false);
  expect(JSON.parse(await readFile(snapshotPath(), 'utf8')).annotations.map((a: Annotation) => a.note)).toEqual(['logged', 'folded']);
  expect(notes(await HighlightsFile.open(dir, documentId))).toEqual(['1:logged', '2:folded']);
});

test('skips log lines the snapshot already holds (stopped between writing the snapshot and removing the log)', async () => {
  await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: 1, documentId, seq: 2, annotations: [highlight(1, 'newest')] }));
  const lines = [
    // The change to 'newest' was seq 2: it went into the snapshot, not the log.
    { seq: 1, put: highlight(1, 'older') },
    { seq: 3, put: highlight(2, 'after the snapshot') },
  ];
  await writeFile(logPath(), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const file = await HighlightsFile.open(dir, documentId, alwaysLog);
  expect(notes(file)).toEqual(['1:newest', '2:after the snapshot']);
  await add(file, 3);
  expect(notes(await HighlightsFile.open(dir, documentId))).toEqual(['1:newest', '2:after the snapshot', '3:']);
});

test('ignores an unfinished last line (a write cut short by a crash) and folds before writing again', async () => {
  await writeFile(snapshotPath(), JSON.stringify({ schemaVersion: 1, documentId, annotations: [] }));
  const complete = `${JSON.stringify({ seq: 1, put: highlight(1, 'saved') })}\n`;
  await writeFile(logPath(), `${complete}${JSON.stringify({ seq: 2, put: highlight(2) }).slice(0, 40)}`);
  const file = await HighlightsFile.open(dir, documentId, alwaysLog);
  expect(notes(file)).toEqual(['1:saved']);
  await add(file, 3, 'next');
  expect(await exists(logPath())).toBe(false);
  expect(notes(await HighlightsFile.open(dir, documentId))).toEqual(['1:saved', '3:next']);
});

test('never overwrites a damaged log, and says which file it is', async () => {
  const damaged = `{"seq":1,"put":{"id"\n${JSON.stringify({ seq: 2, put: highlight(2) })}\n`;
  await writeFile(logPath(), damaged);
  await expect(HighlightsFile.open(dir, documentId, alwaysLog)).rejects.toThrow(`The data file ${logPath()} is damaged and was left untouched (line 1:`);
  await writeFile(logPath(), `${JSON.stringify({ seq: 1, note: 'not a change' })}\n`);
  await expect(HighlightsFile.open(dir, documentId, alwaysLog)).rejects.toThrow(/line 1 is not a highlight change/);
  await writeFile(logPath(), damaged);
  await expect(HighlightsFile.open(dir, documentId)).rejects.toThrow(/damaged/);
  expect(await readFile(logPath(), 'utf8')).toBe(damaged);
});

test('a failed append is not read back, and the next change folds the log instead of appending after it', async () => {
  const file = await largeDocument();
  await add(file, 1, 'kept');
  // A folder where the log should be makes the append fail, even for root.
  await rename(logPath(), `${logPath()}.aside`);
  await mkdir(logPath());
  await expect(add(file, 2, 'failed')).rejects.toThrow();
  file.annotations.pop();
  await rm(logPath(), { recursive: true });
  await rename(`${logPath()}.aside`, logPath());
  await add(file, 3, 'after');
  expect(await exists(logPath())).toBe(false);
  expect(notes(await HighlightsFile.open(dir, documentId))).toEqual(['1:kept', '3:after']);
});
