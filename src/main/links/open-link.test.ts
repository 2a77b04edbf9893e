import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { glossUrl } from '../../core/links/gloss-url';
import type { LibraryStore } from '../store/library-store';
import { storeWithSample, testId } from '../store/testing/sample-library';
import { resolveGlossLink, UNKNOWN_DOCUMENT_MESSAGE } from './open-link';

let dir: string;
let store: LibraryStore;
let documentId: string;
let textLength: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-links-'));
  const sample = await storeWithSample(dir);
  store = sample.store;
  documentId = sample.doc.id;
  textLength = sample.text.length;
  const placed = await store.createAnnotation({ documentId, id: testId(1), color: 'green', selectors: sample.at('gremlin') });
  // An orphan: a highlight whose text a corrected transcript no longer has (kept, listed under Orphans).
  await store.mergeAnnotations(documentId, [{ ...placed, id: testId(2), orphaned: true, selectors: { ...placed.selectors, quote: { ...placed.selectors.quote, exact: 'a sentence corrected away' } } }]);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const UNKNOWN = '9d3f1a2b-0c4d-4e5f-8a6b-7c8d9e0f1a2b';

describe('resolveGlossLink', () => {
  test('a link to a document, a highlight in it, an orphan in it, or a passage of it, is a place to show', async () => {
    for (const place of [{ documentId }, { documentId, highlightId: testId(1) }, { documentId, highlightId: testId(2) }, { documentId, start: 10, end: 40 }, { documentId, start: 0, end: textLength }]) {
      expect(await resolveGlossLink(store, glossUrl(place))).toEqual({ ok: true, place });
    }
  });

  test('a link whose ids are in capitals (as some notes apps rewrite them) reaches the same highlight', async () => {
    const url = `gloss://document/${documentId.toUpperCase()}/highlight/${testId(1).toUpperCase()}`;
    expect(await resolveGlossLink(store, url)).toEqual({ ok: true, place: { documentId, highlightId: testId(1) } });
  });

  test('a document not in this library is refused with a message that says so', async () => {
    expect(await resolveGlossLink(store, glossUrl({ documentId: UNKNOWN }))).toEqual({ ok: false, message: UNKNOWN_DOCUMENT_MESSAGE });
    expect(await resolveGlossLink(store, glossUrl({ documentId: UNKNOWN, highlightId: testId(1) }))).toEqual({ ok: false, message: UNKNOWN_DOCUMENT_MESSAGE });
  });

  test('a highlight not in the document is refused, naming the document', async () => {
    const result = await resolveGlossLink(store, glossUrl({ documentId, highlightId: testId(9) }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('a highlight that is not in “Democracies must maintain the lead in AI”') });
  });

  test('a deleted highlight is refused', async () => {
    await store.deleteAnnotation(documentId, testId(1));
    expect((await resolveGlossLink(store, glossUrl({ documentId, highlightId: testId(1) }))).ok).toBe(false);
  });

  test('a passage past the end of the text is refused with the text’s length', async () => {
    const result = await resolveGlossLink(store, glossUrl({ documentId, start: textLength - 5, end: textLength + 1 }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`the text has ${textLength}`) });
  });

  test('what is not a Gloss link is refused with parseGlossUrl’s reason, before the library is read', async () => {
    const untouchable = { list: () => Promise.reject(new Error('read')), highlightsOf: () => Promise.reject(new Error('read')) };
    for (const raw of [42, 'https://example.com', 'gloss://document/not-a-uuid', `gloss://document/${documentId}?from=9&to=3`, `gloss://evil/${documentId}`]) {
      const result = await resolveGlossLink(untouchable, raw);
      expect(result.ok, String(raw)).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^This link cannot be opened\. /);
    }
  });

  test('a document whose highlights cannot be read is refused with the reason, for a highlight link', async () => {
    const broken = { list: () => store.list(), highlightsOf: () => Promise.reject(new Error('annotations.json is damaged')) };
    const result = await resolveGlossLink(broken, glossUrl({ documentId, highlightId: testId(1) }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('annotations.json is damaged') });
  });
});
