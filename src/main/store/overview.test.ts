/**
 * The overview through the store: a document's speakers × codes and
 * colours, the library's summed over its documents, and the highlights
 * behind a cell, in document order.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { HighlightColor } from '../../shared/model';
import { LibraryStore } from './library-store';
import { SAMPLE, selectorsOf, testId } from './testing/sample-library';

const MM = 'Madhumita Murgia';
const DA = 'Dario Amodei';
let dir: string;
let store: LibraryStore;
let sampleId: string;
let otherId: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-overview-'));
  store = await LibraryStore.open(dir, { now: (() => { let t = Date.UTC(2026, 10, 1); return () => new Date((t += 60_000)); })() });
  await store.addSampleOnce(SAMPLE);
  sampleId = (await store.list())[0].id;
  otherId = (await store.importText({ text: 'Ann Lee: We spoke about risk.\n\nDario Amodei: And about the tide.', source: 'other.txt', fallbackTitle: 'Other' })).id;
  let n = 0;
  const highlight = async (documentId: string, quote: string, color: HighlightColor, codes: string[]) => {
    await store.createAnnotation({ documentId, id: testId(++n), color, selectors: await selectorsOf(store, documentId, quote), codes });
  };
  // Made out of document order, to see the cell's list come back in it.
  await highlight(sampleId, 'let a gremlin loose', 'red', ['theme/risk']);
  await highlight(sampleId, 'What are some of the challenges?', 'yellow', ['method']);
  await highlight(sampleId, 'Anthropic was valued', 'blue', []);
  await highlight(sampleId, 'No one is more tired of it than me', 'red', ['theme']);
  await highlight(otherId, 'risk', 'green', ['theme/risk']);
  await highlight(otherId, 'tide', 'red', ['theme/risk']);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a document’s overview has its speakers in the order they speak, the unspoken text last, and its codes with their parents', async () => {
  const overview = await store.overview(sampleId);
  expect(overview.documentId).toBe(sampleId);
  expect(overview.codes).toEqual(['method', 'theme', 'theme/risk']);
  expect(overview.rows.map((r) => [r.speaker, r.highlights, r.codes, r.colors])).toEqual([
    [MM, 1, { method: 1 }, { yellow: 1 }],
    [DA, 2, { theme: 2, 'theme/risk': 1 }, { red: 2 }],
    [null, 1, {}, { blue: 1 }],
  ]);
  expect(overview.totals).toEqual({ highlights: 4, codes: { method: 1, theme: 2, 'theme/risk': 1 }, colors: { red: 2, yellow: 1, blue: 1 } });
});

test('the library’s overview sums its documents, a speaker of two documents in one row', async () => {
  const overview = await store.overview(null);
  expect(overview.documentId).toBeNull();
  expect(overview.rows.map((r) => [r.speaker, r.highlights, r.codes])).toEqual([
    [MM, 1, { method: 1 }],
    [DA, 3, { theme: 3, 'theme/risk': 2 }],
    ['Ann Lee', 1, { theme: 1, 'theme/risk': 1 }],
    [null, 1, {}],
  ]);
  expect(overview.totals.highlights).toBe(6);
});

test('a cell lists its highlights in document order, for a document or across the library', async () => {
  const quotes = (refs: { quote: string }[]) => refs.map((r) => r.quote);
  expect(quotes(await store.overviewHighlights({ documentId: sampleId, speaker: DA, code: 'theme' }))).toEqual(['No one is more tired of it than me', 'let a gremlin loose']);
  expect(quotes(await store.overviewHighlights({ documentId: sampleId, speaker: null }))).toEqual(['Anthropic was valued']);
  expect(quotes(await store.overviewHighlights({ documentId: null, color: 'red' }))).toEqual(['No one is more tired of it than me', 'let a gremlin loose', 'tide']);
  const [ref] = await store.overviewHighlights({ documentId: null, speaker: 'Ann Lee', code: 'theme/risk' });
  expect(ref).toEqual({ documentId: otherId, documentTitle: 'Other', id: testId(5), quote: 'risk', speakers: ['Ann Lee'], color: 'green', codes: ['theme/risk'] });
  expect(await store.overviewHighlights({ documentId: sampleId, code: 'nothing' })).toEqual([]);
});

test('an unknown document is refused', async () => {
  await expect(store.overview(testId(99))).rejects.toMatchObject({ code: 'not-found' });
  await expect(store.overviewHighlights({ documentId: testId(99) })).rejects.toMatchObject({ code: 'not-found' });
});
