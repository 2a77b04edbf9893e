/**
 * Notebooks through the store: the library's and each document's, saved as
 * the reader types (the last save wins, one write per save at most), kept
 * across a restart with backups, quotes of deleted highlights reported as
 * no longer linked, and a document's notebook leaving with the document.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BACKUPS_DIR, NOTEBOOK_FILE, REMOVED_DIR } from './layout';
import { LibraryStore } from './library-store';
import { quotedHighlights } from './notebooks';
import { checkDataFolder } from './testing/check-data-folder';
import { faultyFileSystem } from './testing/faulty-file-system';
import { SAMPLE, selectorsOf, testId } from './testing/sample-library';
import { CURRENT_SCHEMA } from './file-schemas';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-notebooks-'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** A saved editor state holding paragraphs and, nested in a list, quotes of highlights. */
function state(text: string, quotes: [string, string][] = []): string {
  const quote = ([documentId, highlightId]: [string, string]) => ({ type: 'highlight-quote', documentId, highlightId, speaker: 'Dario Amodei', children: [{ type: 'text', text: 'quoted' }] });
  return JSON.stringify({
    root: {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', text }] },
        { type: 'list', children: [{ type: 'listitem', children: quotes.map(quote) }] },
      ],
    },
  });
}

async function library() {
  const store = await LibraryStore.open(dir);
  await store.addSampleOnce(SAMPLE);
  const [doc] = await store.list();
  const made = await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'red', selectors: await selectorsOf(store, doc.id, 'gremlin') });
  return { store, doc, made };
}

describe('notebooks', () => {
  test('a notebook never written opens empty, and nothing is written for it', async () => {
    const { store, doc } = await library();
    expect(await store.openNotebook(doc.id)).toEqual({ documentId: doc.id, state: null, markdown: '', updatedAt: null, unlinked: [] });
    expect(await store.openNotebook(null)).toEqual({ documentId: null, state: null, markdown: '', updatedAt: null, unlinked: [] });
    expect(await readdir(join(dir, 'documents', doc.id))).not.toContain(NOTEBOOK_FILE);
    expect(await readdir(dir)).not.toContain(NOTEBOOK_FILE);
  });

  test('the library’s and a document’s notebooks are kept apart, across a restart', async () => {
    const { store, doc } = await library();
    const { updatedAt } = await store.saveNotebook(doc.id, state('On this interview'), 'On this interview');
    await store.saveNotebook(null, state('Across documents'), '# Across documents');
    const reopened = await LibraryStore.open(dir);
    expect(await reopened.openNotebook(doc.id)).toEqual({ documentId: doc.id, state: state('On this interview'), markdown: 'On this interview', updatedAt, unlinked: [] });
    expect(await reopened.openNotebook(null)).toMatchObject({ state: state('Across documents'), markdown: '# Across documents' });
    expect(JSON.parse(await readFile(join(dir, 'documents', doc.id, NOTEBOOK_FILE), 'utf8'))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, markdown: 'On this interview' });
    expect((await readdir(join(dir, BACKUPS_DIR))).some((n) => n.startsWith(`${NOTEBOOK_FILE}-`))).toBe(true);
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  test('quotes of highlights that no longer exist are reported as no longer linked, wherever they sit in the notebook', async () => {
    const { store, doc, made } = await library();
    const quotes: [string, string][] = [[doc.id, made.id], [doc.id, testId(2)], [testId(99), testId(3)]];
    await store.saveNotebook(null, state('Quotes', quotes), '> quoted');
    expect((await store.openNotebook(null)).unlinked.sort()).toEqual([testId(2), testId(3)]);
    await store.deleteAnnotation(doc.id, made.id);
    expect((await store.openNotebook(null)).unlinked.sort()).toEqual([testId(1), testId(2), testId(3)]);
    await store.restoreAnnotation(made);
    expect((await store.openNotebook(null)).unlinked.sort()).toEqual([testId(2), testId(3)]);
  });

  test('saves made while one is being written: the last wins, and the ones it replaced are not written', async () => {
    const fs = faultyFileSystem();
    const store = await LibraryStore.open(dir, { fs });
    fs.delay({ op: 'replaceFile', path: NOTEBOOK_FILE, ms: 30 });
    const writesBefore = fs.calls.filter((c) => c.op === 'replaceFile' && c.path.endsWith(`/${NOTEBOOK_FILE}`)).length;
    const saves = Array.from({ length: 20 }, (_, i) => store.saveNotebook(null, state(`version ${i}`), `version ${i}`));
    const results = await Promise.all(saves);
    const writes = fs.calls.filter((c) => c.op === 'replaceFile' && c.path.endsWith(`/${NOTEBOOK_FILE}`)).length - writesBefore;
    expect(writes).toBeLessThanOrEqual(3);
    expect(results.every((r) => typeof r.updatedAt === 'string')).toBe(true);
    expect((await (await LibraryStore.open(dir)).openNotebook(null)).markdown).toBe('version 19');
  });

  test('a notebook of 500 quotes (about a megabyte) is saved in one write', async () => {
    const { store, doc } = await library();
    const quotes = Array.from({ length: 500 }, (_, i): [string, string] => [doc.id, testId(1000 + i)]);
    const big = state('x'.repeat(900_000), quotes);
    expect(big.length).toBeGreaterThan(900_000);
    const started = performance.now();
    await store.saveNotebook(doc.id, big, 'big');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await store.openNotebook(doc.id)).unlinked).toHaveLength(500);
  });

  test('a failed save says so and leaves the notebook as it was', async () => {
    const fs = faultyFileSystem();
    const store = await LibraryStore.open(dir, { fs });
    await store.saveNotebook(null, state('kept'), 'kept');
    fs.fail({ op: 'replaceFile', path: `${dir}/${NOTEBOOK_FILE}`, code: 'ENOSPC', times: 1 });
    await expect(store.saveNotebook(null, state('lost'), 'lost')).rejects.toMatchObject({ code: 'storage', message: expect.stringMatching(/notebook.*disk is full/) });
    expect((await store.openNotebook(null)).markdown).toBe('kept');
    expect((await (await LibraryStore.open(dir)).openNotebook(null)).markdown).toBe('kept');
  });

  test('a damaged notebook is set aside and its newest backup restored', async () => {
    const { store, doc } = await library();
    await store.saveNotebook(doc.id, state('backed up'), 'backed up');
    await writeFile(join(dir, 'documents', doc.id, NOTEBOOK_FILE), `{"schemaVersion":${CURRENT_SCHEMA},"state":7}`);
    const reopened = await LibraryStore.open(dir);
    expect((await reopened.openNotebook(doc.id)).markdown).toBe('backed up');
    expect(reopened.status().notices).toEqual([expect.objectContaining({ kind: 'restored', documentId: doc.id })]);
  });

  test('a notebook from a newer Gloss is shown and never changed', async () => {
    const path = join(dir, NOTEBOOK_FILE);
    const store = await LibraryStore.open(dir);
    await writeFile(path, JSON.stringify({ schemaVersion: CURRENT_SCHEMA + 1, state: null, markdown: 'from the future', updatedAt: '2030-01-01T00:00:00.000Z' }));
    expect((await store.openNotebook(null)).markdown).toBe('from the future');
    await expect(store.saveNotebook(null, state('x'), 'x')).rejects.toMatchObject({ code: 'read-only', message: expect.stringMatching(/newer Gloss/) });
    expect(JSON.parse(await readFile(path, 'utf8')).markdown).toBe('from the future');
  });

  test('a document’s notebook leaves with the document, into removed/', async () => {
    const { store, doc } = await library();
    await store.saveNotebook(doc.id, state('goes along'), 'goes along');
    await store.removeDocument(doc.id);
    const [removed] = await readdir(join(dir, REMOVED_DIR));
    expect(await readdir(join(dir, REMOVED_DIR, removed))).toContain(NOTEBOOK_FILE);
    await expect(store.openNotebook(doc.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.saveNotebook(doc.id, state('x'), 'x')).rejects.toMatchObject({ code: 'not-found' });
  });

  test('finds quotes in any shape of state, and ignores states that are not JSON', () => {
    expect([...quotedHighlights(state('a', [['d', 'h1'], ['d', 'h2'], ['e', 'h1']]))].map(([d, ids]) => [d, [...ids]])).toEqual([
      ['d', ['h1', 'h2']],
      ['e', ['h1']],
    ]);
    expect(quotedHighlights('not json').size).toBe(0);
    expect(quotedHighlights(null).size).toBe(0);
  });
});
