import { describe, expect, test } from 'vitest';
import type { SearchHit, SearchHitKind } from '../../../shared/model';
import { countLine, groupHits, LIBRARY_NOTEBOOK_TITLE, shownOrder, snippetParts } from './search-results';

const DEMOCRACIES = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';
const INTERVIEW = '0d6b1f7a-2c3e-4f5a-8b9c-0d1e2f3a4b5c';

function hit(documentId: string | null, score: number, kind: SearchHitKind = 'transcript'): SearchHit {
  return {
    documentId,
    documentTitle: documentId === DEMOCRACIES ? 'Democracies must maintain the lead in AI' : documentId === INTERVIEW ? 'An interview' : '',
    kind,
    highlightId: null,
    start: documentId ? score : null,
    end: documentId ? score + 4 : null,
    speaker: null,
    snippet: `hit ${score}`,
    marks: [],
    score,
  };
}

describe('groupHits', () => {
  test('groups hits by document, the groups in the order of their best hit and the hits in theirs', () => {
    const hits = [hit(INTERVIEW, 9), hit(DEMOCRACIES, 8), hit(INTERVIEW, 7), hit(null, 6, 'notebook'), hit(DEMOCRACIES, 5)];
    const groups = groupHits(hits);
    expect(groups.map((g) => [g.title, g.hits.map((h) => h.score)])).toEqual([
      ['An interview', [9, 7]],
      ['Democracies must maintain the lead in AI', [8, 5]],
      [LIBRARY_NOTEBOOK_TITLE, [6]],
    ]);
    // Up and Down walk the hits as shown, group after group.
    expect(shownOrder(groups).map((h) => h.score)).toEqual([9, 7, 8, 5, 6]);
  });

  test('no hits, no groups', () => {
    expect(groupHits([])).toEqual([]);
  });
});

describe('countLine', () => {
  const results = (hits: SearchHit[], total = hits.length) => ({ query: 'q', hits, total });

  test.each([
    [[hit(DEMOCRACIES, 1)], '1 hit in 1 document'],
    [[hit(DEMOCRACIES, 2), hit(INTERVIEW, 1), hit(DEMOCRACIES, 0)], '3 hits in 2 documents'],
    [[hit(DEMOCRACIES, 2), hit(null, 1, 'notebook')], '2 hits in 1 document and the library notebook'],
    [[hit(null, 1, 'notebook')], '1 hit in the library notebook'],
    [[], 'No hits'],
  ])('counts the hits and where they are (%#)', (hits, line) => {
    expect(countLine(results(hits))).toBe(line);
  });

  test('says when the list holds only the best of more hits', () => {
    expect(countLine(results([hit(DEMOCRACIES, 2), hit(INTERVIEW, 1)], 1234))).toBe('The best 2 of 1,234 hits, in 2 documents');
  });
});

describe('snippetParts', () => {
  const shown = (snippet: string, marks: [number, number][]) =>
    snippetParts(snippet, marks)
      .map((p) => (p.marked ? `[${p.text}]` : p.text))
      .join('');

  test.each<[string, [number, number][], string]>([
    ['the upside is being explained', [[4, 10]], 'the [upside] is being explained'],
    ['risk and more risk', [[14, 18], [0, 4]], '[risk] and more [risk]'],
    ['touching', [[0, 5], [5, 8]], '[touching]'],
    ['overlapping marks', [[0, 7], [4, 11]], '[overlapping] marks'],
    ['a mark past the end', [[16, 99]], 'a mark past the [end]'],
    ['empty and backward marks', [[3, 3], [9, 5], [-4, 1]], '[e]mpty and backward marks'],
    ['<b>not markup</b>', [[3, 6]], '<b>[not] markup</b>'],
  ])('%s', (snippet, marks, expected) => {
    expect(shown(snippet, marks)).toBe(expected);
  });

  test('never loses or repeats text, whatever the marks', () => {
    const snippet = 'Dario Amodei came to artificial intelligence from biophysics';
    const marks: [number, number][] = [[40, 2], [5, 30], [6, 12], [58, 70], [0, 1]];
    expect(snippetParts(snippet, marks).map((p) => p.text).join('')).toBe(snippet);
  });
});
