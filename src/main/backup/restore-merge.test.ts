/**
 * The pieces of a restore's merge that are rules rather than writes: how a
 * backup's codebook joins the library's, when its settings are taken; and the
 * store methods restore added (a whole document under its own id, a notebook
 * with its time), on a real data folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseTranscript } from '../../core/transcript/parse-transcript';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { CodebookFile } from '../store/codebook-file';
import { CURRENT_SCHEMA, DEFAULT_SETTINGS } from '../store/file-schemas';
import { checkDataFolder } from '../store/testing/check-data-folder';
import { testId } from '../store/testing/sample-library';
import { mergeCodebook, takesSettings } from './restore-merge';
import { at, openStore, VTT } from './testing/backup-fixture';

const book = (colors: CodebookFile['colors'], codes: CodebookFile['codes']): CodebookFile => ({ schemaVersion: CURRENT_SCHEMA, colors, codes });

describe('mergeCodebook', () => {
  test.each([
    ['adds codes and colour names the library lacks', book({}, { a: { color: null, description: 'x' } }), book({ red: 'Risk' }, { a: { color: null, description: 'x' }, b: { color: 'blue', description: 'B' } }), { codesAdded: 1, codesUpdated: 0, colorsNamed: 1, differing: 0 }, book({ red: 'Risk' }, { a: { color: null, description: 'x' }, b: { color: 'blue', description: 'B' } })],
    ['fills an empty description and colour, keeps the library’s words', book({ red: 'Mine' }, { a: { color: null, description: '' }, c: { color: 'red', description: 'Mine' } }), book({ red: 'Theirs' }, { a: { color: 'green', description: 'Theirs' }, c: { color: 'blue', description: 'Theirs' } }), { codesAdded: 0, codesUpdated: 1, colorsNamed: 0, differing: 2 }, book({ red: 'Mine' }, { a: { color: 'green', description: 'Theirs' }, c: { color: 'red', description: 'Mine' } })],
    ['writes nothing when the library has it all', book({ red: 'R' }, { a: { color: 'red', description: 'd' } }), book({ red: 'R' }, { a: { color: null, description: '' } }), { codesAdded: 0, codesUpdated: 0, colorsNamed: 0, differing: 0 }, null],
  ])('%s', (_name, library, archive, counts, next) => {
    const merged = mergeCodebook(library, archive);
    expect(merged).toMatchObject(counts);
    expect(merged.next).toEqual(next);
  });

  test('a code named like an object’s own property is an ordinary code', () => {
    expect(mergeCodebook(book({}, {}), book({}, JSON.parse('{"__proto__":{"color":null,"description":"p"}}') as CodebookFile['codes'])).next?.codes).toEqual(JSON.parse('{"__proto__":{"color":null,"description":"p"}}'));
  });
});

test('settings are taken by an empty library, or one whose settings were never changed', () => {
  expect(takesSettings(true, { ...DEFAULT_SETTINGS, backups: { keep: 1, everyMinutes: 1 } })).toBe(true);
  expect(takesSettings(false, structuredClone(DEFAULT_SETTINGS))).toBe(true);
  expect(takesSettings(false, { ...DEFAULT_SETTINGS, backups: { keep: 1, everyMinutes: 1 } })).toBe(false);
});

describe('the store methods restore uses', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gloss-restore-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const transcript = parseTranscript(VTT, 'webvtt', 'Basement');
  const text = plainTextOf(transcript);
  const entry = { id: 'restored-doc-1', title: 'Basement', source: 'basement.vtt', format: 'webvtt' as const, hash: 'a'.repeat(64), speakers: transcript.speakers, wordCount: 20, addedAt: '2026-01-01T00:00:00.000Z', openedAt: null };
  const highlight = { id: testId(1), documentId: entry.id, selectors: at(text, 'the damp'), color: 'red' as const, note: 'n', noteState: null, codes: ['place'], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' };
  const notebook = { schemaVersion: CURRENT_SCHEMA, state: '{"root":{}}', markdown: 'm', updatedAt: '2026-01-03T00:00:00.000Z' };

  test('addDocument adds a whole document under its id, with its highlights and notebook as they were', async () => {
    const store = await openStore(dir);
    await store.addDocument({ entry, text: VTT, transcript, annotations: [highlight], notebook });
    expect((await store.forExport(entry.id)).annotations).toEqual([highlight]);
    expect(await store.openNotebook(entry.id)).toMatchObject({ markdown: 'm', updatedAt: notebook.updatedAt });
    expect((await store.list()).map((d) => [d.id, d.highlightCount])).toEqual([[entry.id, 1]]);
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  test.each([
    ['an id already in the library', {}, /already in the library/],
    ['an id that is a path', { entry: { ...entry, id: '../evil' } }, /cannot be a document's id/],
    ['a highlight off its text', { annotations: [{ ...highlight, selectors: { ...highlight.selectors, position: { ...highlight.selectors.position, start: 0, end: 8 } } }] }, /does not quote the text/],
  ])('addDocument refuses %s, adding nothing', async (_name, change, message) => {
    const store = await openStore(dir);
    if (!('entry' in change) && !('annotations' in change)) await store.addDocument({ entry, text: VTT, transcript, annotations: [], notebook: null });
    const before = (await store.list()).length;
    await expect(store.addDocument({ entry, text: VTT, transcript, annotations: [highlight], notebook: null, ...change })).rejects.toThrow(message);
    expect((await store.list()).length).toBe(before);
    expect((await checkDataFolder(dir)).leftovers).toEqual([]);
  });

  test('restoreNotebook keeps the time the notebook was saved; changeCodebook returning null writes nothing', async () => {
    const store = await openStore(dir);
    await store.restoreNotebook(null, { state: '{"root":{}}', markdown: 'old', updatedAt: '2020-05-05T00:00:00.000Z' });
    expect(await (await openStore(dir)).openNotebook(null)).toMatchObject({ markdown: 'old', updatedAt: '2020-05-05T00:00:00.000Z' });
    await store.changeCodebook(() => null);
    expect(store.codebookData()).toEqual({ schemaVersion: CURRENT_SCHEMA, colors: {}, codes: {} });
    await expect(store.changeCodebook((c) => ({ ...c, codes: { 'not a // code': { color: null, description: '' } } }))).rejects.toThrow(/cannot be saved/);
  });
});
