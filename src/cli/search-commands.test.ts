/**
 * `gloss search` on a real data folder, as a script uses it: ranked hits with
 * their document, kind, highlight, offsets and marked snippet, as text and
 * JSON; its errors; and that searching writes nothing, even where it has to
 * build the index in memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { plainTextOf } from '../core/transcript/plain-text';
import { LibraryStore } from '../main/store/library-store';
import { SEARCH_INDEX_FILE } from '../main/store/layout';
import type { SearchResults } from '../shared/model';
import { storeWithSample, testId } from '../main/store/testing/sample-library';
import { gloss, snapshot } from './testing/run-gloss';

let dir: string;
let dataDir: string;
let doc: string;
let title: string;

/** `gloss search ... --json` on the library, which must succeed. */
async function search(...argv: string[]): Promise<SearchResults> {
  const { code, out, err } = await gloss('search', ...argv, '--json', '--data-dir', dataDir);
  expect([code, err]).toEqual([0, '']);
  return JSON.parse(out) as SearchResults;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-search-'));
  dataDir = join(dir, 'library');
  const { store, doc: sample, at } = await storeWithSample(dataDir);
  [doc, title] = [sample.id, sample.title];
  await store.createAnnotation({ documentId: doc, id: testId(1), color: 'green', selectors: at('scaling laws'), codes: ['theme/growth'], note: 'Compute keeps **paying** off' });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('search --json gives ranked hits with where each is in the plain text, and writes nothing', async () => {
  const before = await snapshot(dataDir);
  const results: SearchResults = await search('scaling', 'laws');
  expect(await snapshot(dataDir)).toEqual(before);
  expect(results.query).toBe('scaling laws');
  expect(results.total).toBe(results.hits.length);
  const limited: SearchResults = await search('the', '--limit', '5');
  expect(limited.hits).toHaveLength(5);
  expect(limited.total).toBeGreaterThan(5);
  const text = plainTextOf((await (await LibraryStore.open(dataDir, { inspect: true })).open(doc)).transcript);
  const highlight = results.hits.find((h) => h.kind === 'highlight')!;
  expect(highlight).toMatchObject({ documentId: doc, documentTitle: title, highlightId: expect.any(String), start: text.indexOf('scaling laws'), end: text.indexOf('scaling laws') + 12 });
  expect(highlight.snippet.slice(highlight.marks[0][0], highlight.marks[0][1])).toBe('scaling');
  for (const hit of results.hits.filter((h) => h.kind === 'transcript')) {
    expect(text.slice(hit.start!, hit.end!).toLowerCase()).toMatch(/^(scaling|laws)/);
  }
  expect(results.hits.map((h) => h.score)).toEqual([...results.hits.map((h) => h.score)].sort((a, b) => b - a));
  await expect(search('paying', 'kind:note')).resolves.toMatchObject({ total: 1, hits: [{ kind: 'note', highlightId: highlight.highlightId }] });
});

test('search prints hits grouped by document with their kind, offsets and the found words in brackets', async () => {
  const { code, out } = await gloss('search', '"scaling laws"', 'code:theme', '--data-dir', dataDir);
  expect(code).toBe(0);
  expect(out.split('\n')).toEqual(['1 hit for "\\"scaling laws\\" code:theme"', '', `${title}  (${doc})`, expect.stringMatching(/^ {2}highlight \d+-\d+ {2}highlight [0-9a-f-]{36}$/), '    [scaling laws] — theme/growth']);
});

test('search --doc reads the index the app wrote, and refuses what it cannot understand', async () => {
  const store = await LibraryStore.open(dataDir);
  await store.search({ query: 'warm' });
  await store.flushSearchIndex();
  const written = await snapshot(dataDir);
  expect(Object.keys(written)).toContain(join('documents', doc, SEARCH_INDEX_FILE));
  expect((await search('biology', '--doc', doc)).hits.every((h) => h.documentId === doc)).toBe(true);
  expect(await snapshot(dataDir)).toEqual(written);

  expect(await gloss('search', 'kind:paragraph', '--data-dir', dataDir)).toMatchObject({ code: 1, err: expect.stringMatching(/"kind:paragraph" is not a kind of hit/) });
  expect(await gloss('search', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringMatching(/give something to search for/) });
  expect(await gloss('search', 'risk', '--limit', '0', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringMatching(/--limit 0: give a number of hits from 1 to 1000/) });
  expect(await gloss('search', 'risk', '--doc', '00000000-0000-4000-8000-000000000000', '--data-dir', dataDir)).toMatchObject({ code: 1, err: expect.stringMatching(/No document with id/) });
});
