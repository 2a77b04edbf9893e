/**
 * Filtering and sorting a document's highlights as the side panel lists them:
 * by colour, code (a code takes in its children), speaker and whether a note
 * was written; combined, all of the kinds asked for must hold, and within a
 * kind any of the values will do. Sorted by place in the document, time of
 * creation or colour. Pure: the renderer calls it on every filter change, so
 * one pass over a book's highlights must stay well under a frame.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../shared/model';
import { ancestorsOf, compareCodes } from './code-path';

/** What the reader asked to see. An empty list asks nothing of that kind. */
export interface HighlightFilter {
  colors: readonly HighlightColor[];
  /** Code paths; a highlight carrying the code or one under it matches. */
  codes: readonly string[];
  /** Speakers' names; null stands for text no speaker says (an introduction, a caption). */
  speakers: readonly (string | null)[];
  /** Only highlights with a note. */
  withNote: boolean;
}

export const NO_FILTER: HighlightFilter = Object.freeze({ colors: [], codes: [], speakers: [], withNote: false });

export const HIGHLIGHT_SORTS = ['document', 'created', 'color'] as const;
export type HighlightSort = (typeof HIGHLIGHT_SORTS)[number];

/** What filtering looks at in a highlight. */
export interface Filterable {
  color: HighlightColor;
  codes: readonly string[];
  note: string;
  /** Every speaker whose turns the highlight touches (null: text no speaker says). */
  speakers: readonly (string | null)[];
}

/** What sorting looks at in a highlight. */
export interface Sortable {
  color: HighlightColor;
  /** ISO 8601. */
  createdAt: string;
  /** Offsets in the plain text; an orphan (text no longer found) sorts after every placed highlight. */
  start: number;
  end: number;
  placed: boolean;
}

/** How many kinds of filter are in use (colours, codes, speakers, note). */
export function activeFilterKinds(filter: HighlightFilter): number {
  return (filter.colors.length ? 1 : 0) + (filter.codes.length ? 1 : 0) + (filter.speakers.length ? 1 : 0) + (filter.withNote ? 1 : 0);
}

export function isFiltering(filter: HighlightFilter): boolean {
  return activeFilterKinds(filter) > 0;
}

/**
 * A test for one filter, prepared once so that it can be run over thousands of highlights: colours and speakers
 * are looked up in sets, and each code of a highlight is checked against the codes asked for with its parents.
 */
export function highlightMatcher(filter: HighlightFilter): (h: Filterable) => boolean {
  if (!isFiltering(filter)) return () => true;
  const colors = filter.colors.length ? new Set(filter.colors) : null;
  const speakers = filter.speakers.length ? new Set(filter.speakers) : null;
  const codes = filter.codes.length ? new Set(filter.codes) : null;
  const codeMatches = (code: string): boolean => {
    if (codes!.has(code)) return true;
    // A parent asked for takes in this code: walk up its path.
    for (let at = code.lastIndexOf('/'); at > 0; at = code.lastIndexOf('/', at - 1)) if (codes!.has(code.slice(0, at))) return true;
    return false;
  };
  return (h) =>
    (!colors || colors.has(h.color)) &&
    (!filter.withNote || h.note.trim() !== '') &&
    (!speakers || h.speakers.some((s) => speakers.has(s))) &&
    (!codes || h.codes.some(codeMatches));
}

/** Whether `h` passes `filter` (for one highlight; for many, prepare a highlightMatcher once). */
export function matchesFilter(h: Filterable, filter: HighlightFilter): boolean {
  return highlightMatcher(filter)(h);
}

const COLOR_ORDER = new Map<HighlightColor, number>(HIGHLIGHT_COLORS.map((c, i) => [c, i]));

/** Document order: by start, then end; orphans last. */
export function compareInDocument(a: Sortable, b: Sortable): number {
  if (a.placed !== b.placed) return a.placed ? -1 : 1;
  return a.start - b.start || a.end - b.end;
}

/** The comparison for `sort`; ties fall back to document order, so the order is always the same. */
export function comparatorFor(sort: HighlightSort): (a: Sortable, b: Sortable) => number {
  switch (sort) {
    case 'document':
      return compareInDocument;
    case 'created':
      // ISO times of one format compare as strings.
      return (a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : compareInDocument(a, b));
    case 'color':
      return (a, b) => COLOR_ORDER.get(a.color)! - COLOR_ORDER.get(b.color)! || compareInDocument(a, b);
  }
}

/** The highlights that pass `filter`, sorted by `sort` (a new array; the input is left as it was). */
export function filterHighlights<T extends Filterable & Sortable>(highlights: readonly T[], filter: HighlightFilter, sort: HighlightSort): T[] {
  const matches = highlightMatcher(filter);
  return highlights.filter(matches).sort(comparatorFor(sort));
}

/** What a filter kind can be set to in a document: each value in use, with how many highlights it would list. */
export interface FilterChoices {
  colors: { color: HighlightColor; count: number }[];
  /** Codes in use and their parents, in tree order; `count` takes in the children. */
  codes: { code: string; count: number }[];
  speakers: { speaker: string | null; count: number }[];
  withNote: number;
}

/**
 * The values in use among `highlights`, each with how many highlights it would list on its own. Speakers come in
 * `speakerOrder` (the transcript's order of first appearance), others after them by name, no speaker last.
 */
export function filterChoices(highlights: Iterable<Filterable>, speakerOrder: readonly string[] = []): FilterChoices {
  const colors = new Map<HighlightColor, number>();
  const codes = new Map<string, number>();
  const speakers = new Map<string | null, number>();
  let withNote = 0;
  const seen = new Set<string>();
  for (const h of highlights) {
    colors.set(h.color, (colors.get(h.color) ?? 0) + 1);
    if (h.note.trim() !== '') withNote++;
    for (const s of new Set(h.speakers)) speakers.set(s, (speakers.get(s) ?? 0) + 1);
    if (h.codes.length) {
      seen.clear();
      for (const code of h.codes) {
        seen.add(code);
        for (const parent of ancestorsOf(code)) seen.add(parent);
      }
      for (const code of seen) codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }
  const rank = new Map(speakerOrder.map((s, i) => [s, i]));
  const speakerRank = (s: string | null) => (s === null ? Infinity : (rank.get(s) ?? speakerOrder.length));
  return {
    colors: HIGHLIGHT_COLORS.filter((c) => colors.has(c)).map((color) => ({ color, count: colors.get(color)! })),
    codes: [...codes.keys()].sort(compareCodes).map((code) => ({ code, count: codes.get(code)! })),
    speakers: [...speakers.keys()]
      .sort((a, b) => speakerRank(a) - speakerRank(b) || (a ?? '').localeCompare(b ?? ''))
      .map((speaker) => ({ speaker, count: speakers.get(speaker)! })),
    withNote,
  };
}
