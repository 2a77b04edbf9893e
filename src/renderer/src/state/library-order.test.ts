import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/model';
import { DEFAULT_SORT, filterDocuments, idsBetween, nextSort, parseSort, sortDocuments, type SortColumn } from './library-order';

function doc(id: string, patch: Partial<DocumentSummary>): DocumentSummary {
  return {
    id,
    title: id,
    source: `${id}.txt`,
    format: 'text',
    hash: id,
    speakers: [],
    wordCount: 0,
    highlightCount: 0,
    noteCount: 0,
    addedAt: '2026-01-01T00:00:00.000Z',
    openedAt: null,
    ...patch,
  };
}

const library = [
  doc('a', { title: 'Interview 10', format: 'webvtt', speakers: ['Tomás Ferreira'], wordCount: 900, highlightCount: 3, addedAt: '2026-01-03T00:00:00.000Z', openedAt: '2026-02-01T00:00:00.000Z' }),
  doc('b', { title: 'interview 2', format: 'srt', speakers: ['Helen Park', 'Amara Nwosu'], wordCount: 50, highlightCount: 12, addedAt: '2026-01-01T00:00:00.000Z' }),
  doc('c', { title: 'Élan vital', format: 'markdown', speakers: [], wordCount: 4000, highlightCount: 0, addedAt: '2026-01-02T00:00:00.000Z', openedAt: '2026-01-05T00:00:00.000Z' }),
  doc('d', { title: 'Budget hearing', format: 'text', speakers: ['Kwame Mensah'], wordCount: 900, highlightCount: 7, addedAt: '2026-01-04T00:00:00.000Z' }),
];

const titles = (docs: DocumentSummary[]) => docs.map((d) => d.title);

describe('sorting the library', () => {
  const cases: [SortColumn, string[]][] = [
    // Numbers in titles by value, case and accents aside.
    ['title', ['Budget hearing', 'Élan vital', 'interview 2', 'Interview 10']],
    ['format', ['Élan vital', 'interview 2', 'Budget hearing', 'Interview 10']],
    ['speakers', ['Élan vital', 'interview 2', 'Budget hearing', 'Interview 10']],
    // Equal word counts fall back to the title.
    ['words', ['interview 2', 'Budget hearing', 'Interview 10', 'Élan vital']],
    ['highlights', ['Élan vital', 'Interview 10', 'Budget hearing', 'interview 2']],
    ['added', ['interview 2', 'Élan vital', 'Interview 10', 'Budget hearing']],
    // Never opened: when it was added.
    ['opened', ['interview 2', 'Budget hearing', 'Élan vital', 'Interview 10']],
  ];
  it.each(cases)('sorts by %s from the least, and the other way round', (column, ascending) => {
    expect(titles(sortDocuments(library, { column, direction: 'ascending' }))).toEqual(ascending);
    expect(titles(sortDocuments(library, { column, direction: 'descending' }))).toEqual([...ascending].reverse());
  });

  it('sorts words from A and numbers from the most on a first click, the other way on a second', () => {
    expect(nextSort(DEFAULT_SORT, 'title')).toEqual({ column: 'title', direction: 'ascending' });
    expect(nextSort({ column: 'title', direction: 'ascending' }, 'title')).toEqual({ column: 'title', direction: 'descending' });
    expect(nextSort({ column: 'title', direction: 'ascending' }, 'highlights')).toEqual({ column: 'highlights', direction: 'descending' });
  });

  it('reads a remembered sort back, and the default from anything else', () => {
    expect(parseSort('{"column":"words","direction":"ascending"}')).toEqual({ column: 'words', direction: 'ascending' });
    for (const bad of [null, '', 'nonsense', '{"column":"size","direction":"ascending"}', '{"column":"words","direction":"up"}', '[]']) {
      expect(parseSort(bad)).toEqual(DEFAULT_SORT);
    }
  });
});

describe('filtering the library', () => {
  it('keeps documents whose title or a speaker holds every word, without regard to case or accents', () => {
    expect(titles(filterDocuments(library, 'INTERVIEW'))).toEqual(['Interview 10', 'interview 2']);
    expect(titles(filterDocuments(library, 'elan'))).toEqual(['Élan vital']);
    expect(titles(filterDocuments(library, 'tomas'))).toEqual(['Interview 10']);
    expect(titles(filterDocuments(library, 'park interview'))).toEqual(['interview 2']);
    expect(titles(filterDocuments(library, '  '))).toHaveLength(4);
    expect(filterDocuments(library, 'nobody')).toEqual([]);
  });
});

describe('selecting a range', () => {
  it('gives the rows between two, in the order shown, whichever is first', () => {
    expect(idsBetween(library, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(idsBetween(library, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(idsBetween(library, null, 'c')).toEqual(['c']);
    expect(idsBetween(library, 'gone', 'c')).toEqual(['c']);
    expect(idsBetween(library, 'a', 'gone')).toEqual([]);
  });
});
