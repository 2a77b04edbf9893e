/**
 * The side panel's filter and sort, one per document: kept in memory for the
 * session (switching documents and back finds them as they were) and in the
 * renderer's localStorage keyed by document id (a restart finds them too;
 * they are a view setting, not part of the library, so main never sees
 * them). Also the filtered list itself, derived from the grouped highlights
 * (highlight-groups.ts): in document order each group is filtered on its own
 * and a group that did not change keeps its array, so one changed highlight
 * re-renders one group; other orders cut the sorted list into chunks of
 * about the same size, so the list is still built only near its window.
 */
import { useMemo, useSyncExternalStore } from 'react';
import {
  comparatorFor,
  filterChoices,
  highlightMatcher,
  HIGHLIGHT_SORTS,
  isFiltering,
  NO_FILTER,
  type FilterChoices,
  type Filterable,
  type HighlightFilter,
  type HighlightSort,
  type Sortable,
} from '../../../core/study/filter-highlights';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model';
import type { Entry, Group } from './highlight-groups';

/** What the side panel shows of one document's highlights. */
export interface PanelView {
  filter: HighlightFilter;
  sort: HighlightSort;
}

export const DEFAULT_VIEW: PanelView = Object.freeze({ filter: NO_FILTER, sort: 'document' });

/** The part of Web Storage used here (a stand-in in tests; null where there is none). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const STORAGE_PREFIX = 'gloss:highlight-filter:';

function isColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

/** A stored view read back, or null when it is missing or not one (written by another version, edited by hand). */
export function parseStoredView(text: string | null): PanelView | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as { filter?: Record<string, unknown>; sort?: unknown } | null;
    const f = raw?.filter;
    if (!f || !(HIGHLIGHT_SORTS as readonly unknown[]).includes(raw.sort)) return null;
    const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : null);
    const colors = list(f.colors);
    const codes = list(f.codes);
    const speakers = list(f.speakers);
    if (!colors?.every(isColor) || !codes?.every((c) => typeof c === 'string')) return null;
    if (!speakers?.every((s) => s === null || typeof s === 'string') || typeof f.withNote !== 'boolean') return null;
    return {
      filter: { colors: colors as HighlightColor[], codes: codes as string[], speakers: speakers as (string | null)[], withNote: f.withNote },
      sort: raw.sort as HighlightSort,
    };
  } catch {
    return null;
  }
}

export class HighlightFilterStore {
  private readonly views = new Map<string, PanelView>();
  private readonly listeners = new Set<() => void>();
  private panelOpen = false;

  constructor(private readonly storage: KeyValueStorage | null) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** The document's view: as left this session, else as stored, else everything in document order. The same object until it changes. */
  viewOf(documentId: string): PanelView {
    let view = this.views.get(documentId);
    if (!view) {
      view = this.read(documentId) ?? DEFAULT_VIEW;
      this.views.set(documentId, view);
    }
    return view;
  }

  private read(documentId: string): PanelView | null {
    try {
      return parseStoredView(this.storage?.getItem(STORAGE_PREFIX + documentId) ?? null);
    } catch {
      return null;
    }
  }

  set(documentId: string, view: PanelView): void {
    this.views.set(documentId, view);
    try {
      // A document showing everything in document order leaves nothing behind.
      if (!isFiltering(view.filter) && view.sort === DEFAULT_VIEW.sort) this.storage?.removeItem(STORAGE_PREFIX + documentId);
      else this.storage?.setItem(STORAGE_PREFIX + documentId, JSON.stringify(view));
    } catch {
      // Storage full or unavailable: the view still holds for the session.
    }
    this.changed();
  }

  setFilter(documentId: string, patch: Partial<HighlightFilter>): void {
    const view = this.viewOf(documentId);
    this.set(documentId, { ...view, filter: { ...view.filter, ...patch } });
  }

  setSort(documentId: string, sort: HighlightSort): void {
    this.set(documentId, { ...this.viewOf(documentId), sort });
  }

  clearFilter(documentId: string): void {
    this.set(documentId, { ...this.viewOf(documentId), filter: NO_FILTER });
  }

  /** Whether the filter choices are unfolded (one setting for every document). */
  isPanelOpen(): boolean {
    return this.panelOpen;
  }

  setPanelOpen(open: boolean): void {
    this.panelOpen = open;
    this.changed();
  }
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const highlightFilters = new HighlightFilterStore(browserStorage());

/** The view of document `documentId` (DEFAULT_VIEW when none is open). */
export function usePanelView(documentId: string | undefined): PanelView {
  return useSyncExternalStore(highlightFilters.subscribe, () => (documentId ? highlightFilters.viewOf(documentId) : DEFAULT_VIEW));
}

export function useFilterPanelOpen(): boolean {
  return useSyncExternalStore(highlightFilters.subscribe, () => highlightFilters.isPanelOpen());
}

/** Entries per chunk when the list is not in document order (about what a stretch holds in a heavily marked book). */
export const SORTED_CHUNK = 40;

/** The list as the side panel shows it. */
export interface FilteredList {
  groups: readonly Group[];
  /** Highlights listed, and highlights in the document. */
  shown: number;
  total: number;
}

const EMPTY: FilteredList = { groups: [], shown: 0, total: 0 };

function sortableOf(e: Entry): Sortable {
  return { color: e.annotation.color, createdAt: e.annotation.createdAt, start: e.start, end: e.end, placed: e.range !== undefined };
}

/**
 * Filters and orders grouped highlights. Remembers its last answer: a group whose entries and filter are those of
 * last time keeps its filtered array, so React skips it.
 */
export class ListFilter {
  private readonly filtered = new WeakMap<readonly Entry[], { filter: HighlightFilter; entries: readonly Entry[] }>();
  private chunks: readonly (readonly Entry[])[] = [];

  apply(groups: readonly Group[], view: PanelView): FilteredList {
    if (groups.length === 0) return EMPTY;
    let total = 0;
    for (const [, entries] of groups) total += entries.length;
    const { filter, sort } = view;
    const matcher = highlightMatcher(filter);
    // One object reused for every entry: a book's thousands of highlights are tested without allocating.
    const probe: Filterable = { color: 'yellow', codes: [], note: '', speakers: [] };
    const test = (e: Entry) => {
      probe.color = e.annotation.color;
      probe.codes = e.annotation.codes;
      probe.note = e.annotation.note;
      probe.speakers = e.speakers;
      return matcher(probe);
    };
    if (sort === 'document') {
      const out: Group[] = [];
      let shown = 0;
      for (const group of groups) {
        const [stretch, entries] = group;
        let kept: readonly Entry[];
        if (!isFiltering(filter)) kept = entries;
        else {
          const known = this.filtered.get(entries);
          if (known && known.filter === filter) kept = known.entries;
          else {
            kept = entries.filter(test);
            this.filtered.set(entries, { filter, entries: kept });
          }
        }
        if (kept.length === 0) continue;
        shown += kept.length;
        out.push(kept === entries ? group : [stretch, kept]);
      }
      return { groups: out, shown, total };
    }
    const decorated: { entry: Entry; key: Sortable }[] = [];
    for (const [, entries] of groups) for (const entry of entries) if (test(entry)) decorated.push({ entry, key: sortableOf(entry) });
    const compare = comparatorFor(sort);
    decorated.sort((a, b) => compare(a.key, b.key));
    const chunks: (readonly Entry[])[] = [];
    for (let at = 0; at < decorated.length; at += SORTED_CHUNK) {
      const chunk = decorated.slice(at, at + SORTED_CHUNK).map((d) => d.entry);
      // The same entries as the chunk in this place last time: keep that array, so the chunk is not drawn again.
      const before = this.chunks[chunks.length];
      chunks.push(before && before.length === chunk.length && before.every((e, i) => e === chunk[i]) ? before : chunk);
    }
    this.chunks = chunks;
    return { groups: chunks.map((entries, i) => [i, entries] as const), shown: decorated.length, total };
  }
}

/** The side panel's list: the groups given, filtered and ordered by `view`; recomputed only when either changes. */
export function useFilteredList(groups: readonly Group[], view: PanelView): FilteredList {
  const filter = useMemo(() => new ListFilter(), []);
  return useMemo(() => filter.apply(groups, view), [filter, groups, view]);
}

/** What each filter kind can be set to in the listed groups, with counts; computed again only when the groups change. */
export function useFilterChoices(groups: readonly Group[], speakerOrder: readonly string[]): FilterChoices {
  return useMemo(() => {
    const all: Parameters<typeof filterChoices>[0] = {
      *[Symbol.iterator]() {
        for (const [, entries] of groups)
          for (const e of entries) yield { color: e.annotation.color, codes: e.annotation.codes, note: e.annotation.note, speakers: e.speakers };
      },
    };
    return filterChoices(all, speakerOrder);
  }, [groups, speakerOrder]);
}

/** Position of the chunk holding highlight `id` in `groups`, or -1. */
export function groupIndexOf(groups: readonly Group[], id: string | null): number {
  if (!id) return -1;
  return groups.findIndex(([, entries]) => entries.some((e) => e.annotation.id === id));
}
