import { describe, expect, test } from 'vitest';
import { NO_FILTER } from '../../../core/study/filter-highlights';
import type { Annotation, HighlightColor } from '../../../shared/model';
import type { Entry, Group } from './highlight-groups';
import { HighlightFilterStore, ListFilter, parseStoredView, SORTED_CHUNK, type KeyValueStorage, type PanelView } from './highlight-filter';

const DOC = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';
const OTHER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function entry(id: string, start: number, color: HighlightColor, codes: string[], speakers: string[], createdAt = '2026-01-01T00:00:00.000Z', note = ''): Entry {
  const annotation: Annotation = {
    id,
    documentId: DOC,
    selectors: { quote: { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + 5 } },
    color,
    note,
    noteState: null,
    codes,
    createdAt,
    updatedAt: createdAt,
  };
  return { annotation, range: { start, end: start + 5 }, start, end: start + 5, speaker: speakers.join(', '), speakers };
}

const groupA = [entry('a1', 10, 'yellow', ['theme/risk'], ['Ann Lee']), entry('a2', 20, 'green', [], ['Bo Chen'], '2026-01-03T00:00:00.000Z', 'a note')];
const groupB = [entry('b1', 30_010, 'yellow', ['theme'], ['Bo Chen'], '2026-01-02T00:00:00.000Z'), entry('b2', 30_020, 'blue', ['method'], ['Ann Lee', 'Bo Chen'])];
const GROUPS: Group[] = [
  [0, groupA],
  [1, groupB],
];
const ids = (groups: readonly Group[]) => groups.map(([, entries]) => entries.map((e) => e.annotation.id));
const view = (filter: Partial<PanelView['filter']>, sort: PanelView['sort'] = 'document'): PanelView => ({ filter: { ...NO_FILTER, ...filter }, sort });

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('the side panel’s filtered list', () => {
  test('without a filter, in document order, the groups are the very arrays given', () => {
    const list = new ListFilter().apply(GROUPS, view({}));
    expect(list.groups[0]).toBe(GROUPS[0]);
    expect(list).toMatchObject({ shown: 4, total: 4 });
  });

  test('a filter keeps each group’s matching highlights in place and drops groups left empty', () => {
    const list = new ListFilter().apply(GROUPS, view({ codes: ['theme'], speakers: ['Bo Chen'] }));
    expect(ids(list.groups)).toEqual([['b1']]);
    expect(list).toMatchObject({ shown: 1, total: 4 });
  });

  test('a group whose highlights did not change keeps its filtered array when another group changes', () => {
    const filter = new ListFilter();
    const v = view({ colors: ['yellow'] });
    const first = filter.apply(GROUPS, v);
    const changedB: Group = [1, [...groupB, entry('b3', 30_030, 'yellow', [], ['Cy Diaz'])]];
    const second = filter.apply([GROUPS[0], changedB], v);
    expect(second.groups[0][1]).toBe(first.groups[0][1]);
    expect(ids(second.groups)).toEqual([['a1'], ['b1', 'b3']]);
  });

  test('sorted by time created, the list is cut into chunks in that order', () => {
    const list = new ListFilter().apply(GROUPS, view({}, 'created'));
    expect(ids(list.groups)).toEqual([['a1', 'b2', 'b1', 'a2']]);
  });

  test('sorted by colour, toolbar order first and document order within a colour', () => {
    const list = new ListFilter().apply(GROUPS, view({}, 'color'));
    expect(ids(list.groups)).toEqual([['a1', 'b1', 'a2', 'b2']]);
  });

  test('a long sorted list comes in chunks of the same size, and an unchanged chunk keeps its array', () => {
    const many = Array.from({ length: SORTED_CHUNK * 2 + 3 }, (_, i) => entry(`h${i}`, i * 10, 'yellow', [], ['Ann Lee']));
    const filter = new ListFilter();
    const first = filter.apply([[0, many]], view({}, 'color'));
    expect(first.groups.map(([, e]) => e.length)).toEqual([SORTED_CHUNK, SORTED_CHUNK, 3]);
    const second = filter.apply([[0, [...many, entry('late', 99_999, 'red', [], ['Ann Lee'])]]], view({}, 'color'));
    expect(second.groups[0][1]).toBe(first.groups[0][1]);
    expect(second.groups[2][1].map((e) => e.annotation.id)).toEqual(['h80', 'h81', 'h82', 'late']);
  });
});

describe('filters kept per document', () => {
  test('each document keeps its own filter and order', () => {
    const store = new HighlightFilterStore(memoryStorage());
    store.setFilter(DOC, { colors: ['yellow'] });
    store.setSort(OTHER, 'created');
    expect(store.viewOf(DOC)).toEqual(view({ colors: ['yellow'] }));
    expect(store.viewOf(OTHER)).toEqual(view({}, 'created'));
  });

  test('a filter set in one session is there in the next (read back from storage)', () => {
    const storage = memoryStorage();
    new HighlightFilterStore(storage).setFilter(DOC, { speakers: [null, 'Bo Chen'], withNote: true });
    expect(new HighlightFilterStore(storage).viewOf(DOC)).toEqual(view({ speakers: [null, 'Bo Chen'], withNote: true }));
  });

  test('clearing the filters of a document in document order leaves nothing stored', () => {
    const storage = memoryStorage();
    const store = new HighlightFilterStore(storage);
    store.setFilter(DOC, { codes: ['theme'] });
    store.clearFilter(DOC);
    expect(storage.data.size).toBe(0);
    expect(store.viewOf(DOC)).toEqual(view({}));
  });

  test('storage that refuses writes still keeps the filter for the session', () => {
    const store = new HighlightFilterStore({ getItem: () => null, setItem: () => { throw new Error('quota'); }, removeItem: () => {} });
    store.setFilter(DOC, { colors: ['red'] });
    expect(store.viewOf(DOC).filter.colors).toEqual(['red']);
  });

  test.each([
    ['not JSON', '{'],
    ['an unknown colour', JSON.stringify({ filter: { ...NO_FILTER, colors: ['mauve'] }, sort: 'document' })],
    ['an unknown order', JSON.stringify({ filter: NO_FILTER, sort: 'random' })],
    ['a missing field', JSON.stringify({ filter: { colors: [], codes: [], speakers: [] }, sort: 'document' })],
    ['a code that is not text', JSON.stringify({ filter: { ...NO_FILTER, codes: [3] }, sort: 'document' })],
  ])('a stored view with %s is ignored', (_, text) => {
    expect(parseStoredView(text)).toBeNull();
  });
});
