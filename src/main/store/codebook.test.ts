/**
 * The codebook: colour names for the whole library, each code's colour and
 * description, and every code with its counts across documents, read from
 * the documents' counts files rather than their highlights. Kept in
 * codebook.json with the guarantees of every data file.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ANNOTATIONS_FILE, BACKUPS_DIR, CODEBOOK_FILE } from './layout';
import { LibraryStore } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';
import { SAMPLE, selectorsOf, testId } from './testing/sample-library';
import { CURRENT_SCHEMA } from './file-schemas';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-codebook-'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** A library of the sample and a second interview, with a highlight maker for each. */
async function library() {
  const store = await LibraryStore.open(dir);
  await store.addSampleOnce(SAMPLE);
  const other = await store.importText({ text: 'Ann Lee: We spoke about risk and about method.\n\nBo Chen: And about the tide.', source: 'other.txt', fallbackTitle: 'Other' });
  const [first] = (await store.list()).filter((d) => d.id !== other.id);
  let n = 0;
  const highlight = async (documentId: string, quote: string, codes: string[]) => {
    return store.createAnnotation({ documentId, id: testId(++n), color: 'yellow', selectors: await selectorsOf(store, documentId, quote), codes });
  };
  return { store, sampleId: first.id, otherId: other.id, highlight };
}

describe('the codebook', () => {
  test('a new library has every colour under its own name, and no codes', async () => {
    const store = await LibraryStore.open(dir);
    const codebook = await store.codebook();
    expect(codebook.colors).toEqual([
      { color: 'yellow', name: 'Yellow' },
      { color: 'green', name: 'Green' },
      { color: 'blue', name: 'Blue' },
      { color: 'pink', name: 'Pink' },
      { color: 'purple', name: 'Purple' },
      { color: 'orange', name: 'Orange' },
      { color: 'red', name: 'Red' },
    ]);
    expect(codebook.codes).toEqual([]);
    expect(await readdir(dir)).not.toContain(CODEBOOK_FILE);
  });

  test('lists every code used across documents with its parents, in tree order, with direct and inclusive counts', async () => {
    const { store, sampleId, otherId, highlight } = await library();
    await highlight(sampleId, 'gremlin', ['theme/risk', 'theme']);
    await highlight(sampleId, 'scaling laws', ['method/interview']);
    await highlight(otherId, 'risk', ['theme/risk/ai']);
    await highlight(otherId, 'tide', ['Theme 10', 'theme 9']);

    const rows = (await store.codebook()).codes.map((c) => [c.path, c.count, c.total]);
    expect(rows).toEqual([
      ['method', 0, 1],
      ['method/interview', 1, 1],
      ['theme', 1, 2],
      ['theme/risk', 1, 2],
      ['theme/risk/ai', 1, 1],
      ['theme 9', 1, 1],
      ['Theme 10', 1, 1],
    ]);
  });

  test('counts come from the documents’ counts files, without reading their highlights', async () => {
    const { store, sampleId, highlight } = await library();
    await highlight(sampleId, 'gremlin', ['theme/risk']);
    // The highlights file can no longer be read: a fresh store still counts the codes.
    await writeFile(join(dir, 'documents', sampleId, ANNOTATIONS_FILE), '{ not json');
    const fresh = await LibraryStore.open(dir, { mode: 'inspect' });
    expect((await fresh.codebook()).codes.map((c) => [c.path, c.total])).toEqual([
      ['theme', 1],
      ['theme/risk', 1],
    ]);
    void store;
  });

  test('colour names are the reader’s for the whole library, kept across a restart; an empty name gives a colour its own back', async () => {
    const store = await LibraryStore.open(dir);
    await store.nameColor('yellow', '  key   claim ');
    const named = await store.nameColor('red', 'disagree');
    expect(named.colors.slice(0, 1)).toEqual([{ color: 'yellow', name: 'key claim' }]);
    expect(named.colors.at(-1)).toEqual({ color: 'red', name: 'disagree' });
    expect((await (await LibraryStore.open(dir)).codebook()).colors[0].name).toBe('key claim');
    // The names alone, as the export and the command line ask for them.
    expect((await LibraryStore.open(dir)).colorNames()).toMatchObject({ yellow: 'key claim', red: 'disagree', blue: 'Blue' });
    expect((await store.nameColor('yellow', '')).colors[0]).toEqual({ color: 'yellow', name: 'Yellow' });
    expect(store.colorNames().yellow).toBe('Yellow');
    expect(JSON.parse(await readFile(join(dir, CODEBOOK_FILE), 'utf8'))).toEqual({ schemaVersion: CURRENT_SCHEMA, colors: { red: 'disagree' }, codes: {} });
  });

  test('a code described before any highlight carries it is listed, with its colour and description; what is not given stays', async () => {
    const store = await LibraryStore.open(dir);
    await store.describeCode('theme / risk', { color: 'red', description: 'Anything dangerous' });
    const codebook = await store.describeCode('theme/risk', { description: 'Anything that could go wrong' });
    expect(codebook.codes).toEqual([
      { path: 'theme', count: 0, total: 0, color: null, description: '' },
      { path: 'theme/risk', count: 0, total: 0, color: 'red', description: 'Anything that could go wrong' },
    ]);
    expect((await store.describeCode('theme/risk', { color: null })).codes[1]).toMatchObject({ color: null, description: 'Anything that could go wrong' });
    await expect(store.describeCode('a/\u0000b', {})).rejects.toMatchObject({ code: 'invalid-request' });
  });

  test('many changes at once are all kept: each is written after the one before', async () => {
    const store = await LibraryStore.open(dir);
    await Promise.all([
      store.nameColor('blue', 'evidence'),
      store.describeCode('a', { description: 'one' }),
      store.describeCode('b', { description: 'two' }),
      store.nameColor('green', 'context'),
    ]);
    const codebook = await (await LibraryStore.open(dir)).codebook();
    expect(codebook.colors.filter((c) => c.name !== c.color.replace(/^./, (l) => l.toUpperCase()))).toEqual([
      { color: 'green', name: 'context' },
      { color: 'blue', name: 'evidence' },
    ]);
    expect(codebook.codes.map((c) => c.description)).toEqual(['one', 'two']);
  });

  test('a damaged codebook is set aside and its newest good backup restored, and the reader is told', async () => {
    const store = await LibraryStore.open(dir);
    await store.nameColor('yellow', 'key claim');
    expect((await readdir(join(dir, BACKUPS_DIR))).some((n) => n.startsWith(`${CODEBOOK_FILE}-`))).toBe(true);
    await writeFile(join(dir, CODEBOOK_FILE), `{"schemaVersion":${CURRENT_SCHEMA},"colors":{"yellow":7},"codes":{}}`);

    const reopened = await LibraryStore.open(dir);
    expect((await reopened.codebook()).colors[0].name).toBe('key claim');
    expect(reopened.status().notices).toEqual([expect.objectContaining({ kind: 'restored', message: expect.stringContaining(CODEBOOK_FILE) })]);
    expect((await readdir(dir)).filter((n) => n.startsWith(`${CODEBOOK_FILE}.damaged-`))).toHaveLength(1);
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  test('a codebook from a newer Gloss makes the library read-only and is left as it is', async () => {
    await writeFile(join(dir, CODEBOOK_FILE), `{"schemaVersion":${CURRENT_SCHEMA + 1},"colors":{},"codes":{}}`);
    const store = await LibraryStore.open(dir);
    expect(store.status().readOnly).toMatch(/newer Gloss/);
    await expect(store.nameColor('yellow', 'x')).rejects.toMatchObject({ code: 'read-only' });
    expect(await readFile(join(dir, CODEBOOK_FILE), 'utf8')).toBe(`{"schemaVersion":${CURRENT_SCHEMA + 1},"colors":{},"codes":{}}`);
  });
});
