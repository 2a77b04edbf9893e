/**
 * The library table's order, filter and range selection, as pure functions
 * over the documents' summaries: which column sorts and which way, which
 * documents a filter of words keeps (each word in the title or in a
 * speaker's name, without regard to case or accents), and the documents
 * between two rows for a Shift-click.
 */
import type { DocumentSummary } from '../../../shared/model';

export type SortColumn = 'title' | 'format' | 'speakers' | 'words' | 'highlights' | 'added' | 'opened';
export type SortDirection = 'ascending' | 'descending';

export interface LibrarySort {
  column: SortColumn;
  direction: SortDirection;
}

export const FORMAT_NAMES: Record<DocumentSummary['format'], string> = { text: 'Text', markdown: 'Markdown', webvtt: 'WebVTT', srt: 'SRT' };

/** Each column's name, and the way a first click sorts it: words from A, numbers and dates from the most. */
export const SORT_COLUMNS: Record<SortColumn, { label: string; first: SortDirection }> = {
  title: { label: 'Title', first: 'ascending' },
  format: { label: 'Format', first: 'ascending' },
  speakers: { label: 'Speakers', first: 'ascending' },
  words: { label: 'Words', first: 'descending' },
  highlights: { label: 'Highlights', first: 'descending' },
  added: { label: 'Added', first: 'descending' },
  opened: { label: 'Last opened', first: 'descending' },
};

export const SORT_COLUMN_IDS = Object.keys(SORT_COLUMNS) as SortColumn[];

/** Most recently opened (or, never opened, added) first: the order the library had before it could be sorted. */
export const DEFAULT_SORT: LibrarySort = { column: 'opened', direction: 'descending' };

/** The sort after a click on `column`'s header: the other way round when it already sorts, else its first way. */
export function nextSort(current: LibrarySort, column: SortColumn): LibrarySort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: SORT_COLUMNS[column].first };
}

/** A remembered sort read back, or the default when it is not one (an older Gloss, a hand edit). */
export function parseSort(text: string | null): LibrarySort {
  try {
    const value = JSON.parse(text ?? 'null') as Partial<LibrarySort> | null;
    if (value && SORT_COLUMN_IDS.includes(value.column as SortColumn) && (value.direction === 'ascending' || value.direction === 'descending')) {
      return { column: value.column as SortColumn, direction: value.direction };
    }
  } catch {
    // Not JSON: the default.
  }
  return DEFAULT_SORT;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Compare = (a: DocumentSummary, b: DocumentSummary) => number;
const byNumber = (n: (d: DocumentSummary) => number): Compare => (a, b) => n(a) - n(b);
const byText = (s: (d: DocumentSummary) => string): Compare => (a, b) => collator.compare(s(a), s(b));
// ISO dates compare as text.
const byDate = (s: (d: DocumentSummary) => string): Compare => (a, b) => (s(a) < s(b) ? -1 : s(a) > s(b) ? 1 : 0);

const COMPARE: Record<SortColumn, Compare> = {
  title: byText((d) => d.title),
  format: byText((d) => FORMAT_NAMES[d.format]),
  // Documents without speakers come first from A: they have none to sort by.
  speakers: byText((d) => d.speakers.join(', ')),
  words: byNumber((d) => d.wordCount),
  highlights: byNumber((d) => d.highlightCount),
  added: byDate((d) => d.addedAt),
  // A document never opened counts from when it was added, so what was just imported is among the recent.
  opened: byDate((d) => d.openedAt ?? d.addedAt),
};

const byTitle = COMPARE.title;

/** The documents in `sort`'s order; equal ones by title, then by id, so the order never depends on the list's. */
export function sortDocuments(documents: readonly DocumentSummary[], sort: LibrarySort): DocumentSummary[] {
  const compare = COMPARE[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...documents].sort((a, b) => sign * (compare(a, b) || byTitle(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

/** Text as a filter compares it: accents and other marks dropped, lower case ("Tomás" and "tomas" are alike). */
export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The words of a filter, folded; none when it is blank. */
export function filterWords(filter: string): string[] {
  return foldForFilter(filter).split(/\s+/).filter(Boolean);
}

/** What a filter looks in, folded once per document. */
interface Searchable {
  title: string;
  speakers: string[];
}

const searchable = new WeakMap<DocumentSummary, Searchable>();

function searchableOf(doc: DocumentSummary): Searchable {
  let found = searchable.get(doc);
  if (!found) {
    found = { title: foldForFilter(doc.title), speakers: doc.speakers.map(foldForFilter) };
    searchable.set(doc, found);
  }
  return found;
}

/** Whether every word of the filter is in the document's title or in one of its speakers' names. */
export function matchesFilter(doc: DocumentSummary, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const { title, speakers } = searchableOf(doc);
  return words.every((w) => title.includes(w) || speakers.some((s) => s.includes(w)));
}

export function filterDocuments(documents: readonly DocumentSummary[], filter: string): DocumentSummary[] {
  const words = filterWords(filter);
  return words.length === 0 ? [...documents] : documents.filter((d) => matchesFilter(d, words));
}

/** The ids from the row of `fromId` to the row of `toId`, both included, in the order shown; just `toId` when `fromId` is not shown. */
export function idsBetween(shown: readonly DocumentSummary[], fromId: string | null, toId: string): string[] {
  const to = shown.findIndex((d) => d.id === toId);
  const from = fromId === null ? -1 : shown.findIndex((d) => d.id === fromId);
  if (to < 0) return [];
  if (from < 0) return [toId];
  const [start, end] = from < to ? [from, to] : [to, from];
  return shown.slice(start, end + 1).map((d) => d.id);
}
