import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Annotation } from '../../shared/model';
import { LibraryStore } from './library-store';
import { storeWithSample, testId } from './testing/sample-library';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-merge-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function setUp() {
  const lib = await storeWithSample(dir);
  const made = (n: number, quote: string, extra: Partial<Annotation> = {}): Annotation => ({
    id: testId(n),
    documentId: lib.doc.id,
    selectors: lib.at(quote),
    color: 'green',
    note: '',
    noteState: null,
    codes: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    ...extra,
  });
  return { ...lib, made };
}

/** Every file of the data folder with its content. */
async function folder(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(path, await readFile(path, 'utf8'));
    }
  };
  await walk(dir);
  return out;
}

describe('LibraryStore.mergeAnnotations', () => {
  test('adds new ids, replaces a known one changed later, keeps one changed as late or earlier, and says which', async () => {
    const { store, doc, made } = await setUp();
    expect(await store.mergeAnnotations(doc.id, [made(1, 'gremlin'), made(2, 'scaling'), made(3, 'Democracies')])).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const counts = await store.mergeAnnotations(doc.id, [
      made(1, 'gremlin', { color: 'red', updatedAt: '2025-06-01T00:00:00.000Z' }),
      made(2, 'scaling', { color: 'red' }),
      made(3, 'Democracies', { color: 'red', updatedAt: '2024-01-01T00:00:00.000Z' }),
      made(4, 'the lead in AI'),
    ]);
    expect(counts).toEqual({ added: 1, updated: 1, unchanged: 2 });
    const reopened = await LibraryStore.open(dir);
    const colours = Object.fromEntries((await reopened.open(doc.id)).annotations.map((a) => [a.id, a.color]));
    expect(colours).toEqual({ [testId(1)]: 'red', [testId(2)]: 'green', [testId(3)]: 'green', [testId(4)]: 'green' });
  });

  test('nothing new writes nothing', async () => {
    const { store, doc, made } = await setUp();
    await store.mergeAnnotations(doc.id, [made(1, 'gremlin')]);
    const before = await folder();
    expect(await store.mergeAnnotations(doc.id, [made(1, 'gremlin')])).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await folder()).toEqual(before);
  });

  const refusals: [string, (m: Awaited<ReturnType<typeof setUp>>) => Annotation[], RegExp][] = [
    ['a highlight of another document', ({ made }) => [made(1, 'gremlin'), { ...made(2, 'scaling'), documentId: 'another-document' }], /Highlight .*2 belongs to another document/],
    ['the same id twice', ({ made }) => [made(1, 'gremlin'), made(1, 'scaling')], /Highlight .*1 is given twice/],
    [
      'a placed highlight that does not quote the text at its position',
      ({ made, at }) => [made(1, 'gremlin'), made(2, 'scaling', { selectors: { quote: { ...at('scaling').quote, exact: 'scalinG' }, position: at('scaling').position } })],
      /Highlight .*2 does not quote the document's text at its position/,
    ],
    ['a position past the end of the text', ({ made, text }) => [made(1, 'gremlin', { selectors: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: text.length, end: text.length + 1 } } })], /does not quote/],
    ['a code that cannot be a code', ({ made }) => [made(1, 'gremlin', { codes: ['fine', 'bad\u0000code'] })], /is not a code: a code cannot hold control characters/],
  ];
  test.each(refusals)('refuses %s and leaves the files untouched', async (_name, incoming, message) => {
    const lib = await setUp();
    await lib.store.mergeAnnotations(lib.doc.id, [lib.made(9, 'biology')]);
    const before = await folder();
    await expect(lib.store.mergeAnnotations(lib.doc.id, incoming(lib))).rejects.toThrow(message);
    expect(await folder()).toEqual(before);
    expect((await lib.store.open(lib.doc.id)).annotations.map((a) => a.id)).toEqual([testId(9)]);
  });

  test('an orphan is not checked against the text, and stays an orphan; a placed one loses a false orphaned flag', async () => {
    const { store, doc, made } = await setUp();
    const orphan = made(1, 'gremlin', {
      orphaned: true,
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'text no longer there', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 999_999, end: 1_000_010 } },
    });
    expect(await store.mergeAnnotations(doc.id, [orphan, { ...made(2, 'scaling'), orphaned: false }])).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const { annotations } = await store.open(doc.id);
    expect(annotations.find((a) => a.id === testId(1))).toMatchObject({ orphaned: true, selectors: orphan.selectors });
    expect(annotations.find((a) => a.id === testId(2))).not.toHaveProperty('orphaned');
  });

  test('normalises codes, and the library list, the codebook and the search see the change', async () => {
    const { store, doc, made } = await setUp();
    await store.mergeAnnotations(doc.id, [made(1, 'gremlin', { note: 'A note on gremlins', codes: [' theme // risk ', 'theme/risk', 'people'] }), made(2, 'scaling')]);
    const { annotations } = await store.open(doc.id);
    expect(annotations.find((a) => a.id === testId(1))!.codes).toEqual(['theme/risk', 'people']);
    expect((await store.list())[0]).toMatchObject({ highlightCount: 2, noteCount: 1 });
    const codebook = await store.codebook();
    expect(codebook.codes.map((c) => [c.path, c.count])).toEqual(expect.arrayContaining([['theme/risk', 1], ['people', 1]]));
    const hits = await store.search({ query: 'gremlins' });
    expect(hits.hits.some((h) => h.kind === 'note' && h.highlightId === testId(1))).toBe(true);
    // Another store on the same folder reads the counts written beside the highlights.
    expect((await (await LibraryStore.open(dir)).list())[0]).toMatchObject({ highlightCount: 2, noteCount: 1 });
  });

  test('an unknown document is refused', async () => {
    const { store, made } = await setUp();
    await expect(store.mergeAnnotations('no-such-document', [made(1, 'gremlin')])).rejects.toThrow(/no-such-document|No document/);
  });
});
