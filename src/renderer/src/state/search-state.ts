/**
 * The library search: the query (kept while the reader is elsewhere), where
 * it searches (the whole library or one document), the results shown, and
 * which hit the arrow keys are on. A query is sent a moment after the last
 * keystroke; an answer to a query no longer asked is dropped. Opening a hit
 * shows its document at that place (state/reveal-request.ts).
 */
import { useSyncExternalStore } from 'react';
import { currentReadingPlace, type ReadingPlace } from '../editor/reading-place';
import type { SearchHit, SearchResults } from '../../../shared/model';
import { call } from '../gloss-client';
import { showSidePanelTab } from '../notebook/notebook-state';
import { revealNotebookHit } from '../notebook/reveal-notebook-hit';
import { libraryState, openDocument, showView, type View } from './library-state';
import { readingStore } from './reading-store';
import { openAtHighlight, openAtRange, returnToReader } from './reveal-request';
import { groupHits, shownOrder } from './search-results';
import { SearchRunner, type SearchQuestion } from './search-runner';

/** Most hits asked for: more than anyone reads; the count line says how many there were. */
const SEARCH_LIMIT = 300;

export type SearchScope = 'library' | 'document';

export interface SearchState {
  query: string;
  scope: SearchScope;
  /** The document "this document" means: the one open when the search was opened from the reader; null otherwise. */
  documentId: string | null;
  documentTitle: string | null;
  /** Where Escape and "Back" go. */
  from: Exclude<View, 'search'>;
  /** Where the reader was in the document when the search was opened from it, to go back to. */
  place: ReadingPlace | null;
  /** 'searching': a question is on its way (the results shown are the previous question's). */
  phase: 'empty' | 'searching' | 'done' | 'error';
  results: SearchResults | null;
  /** Why the query could not be run (a filter with nothing after it, an unknown kind), in main's words. */
  error: string | null;
  /** The query the results (or the error) answer. */
  answered: string | null;
  /** The hit the arrow keys are on, as an index into the shown order; -1 for none. */
  active: number;
  /** Raised each time the search is opened, so the field takes the focus again. */
  opened: number;
}

let state: SearchState = {
  query: '',
  scope: 'library',
  documentId: null,
  documentTitle: null,
  from: 'library',
  place: null,
  phase: 'empty',
  results: null,
  error: null,
  answered: null,
  active: -1,
  opened: 0,
};
const listeners = new Set<() => void>();

function set(patch: Partial<SearchState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function searchState(): SearchState {
  return state;
}

export function useSearch<T>(pick: (s: SearchState) => T): T {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pick(state),
  );
}

const question = (): SearchQuestion => ({
  query: state.query,
  documentId: state.scope === 'document' && state.documentId ? state.documentId : undefined,
});

const runner = new SearchRunner(
  ({ query, documentId }) => call('search:query', { query, documentId, limit: SEARCH_LIMIT }),
  (answer, { query }) => {
    if (answer.kind === 'error') set({ phase: 'error', error: answer.message, answered: query });
    else {
      // The same query asked again (the search reopened, the library changed): the arrow keys stay where they were.
      const count = answer.results.hits.length;
      const active = query === state.answered && state.active >= 0 && state.active < count ? state.active : count ? 0 : -1;
      set({ phase: 'done', error: null, results: answer.results, answered: query, active });
    }
  },
);

/** Sends the current query (after the typing delay, or at once); an empty one shows the help, not a search. */
function search(now = false): Promise<void> {
  if (!state.query.trim()) {
    runner.cancel();
    set({ phase: 'empty', results: null, error: null, answered: null, active: -1 });
    return Promise.resolve();
  }
  set({ phase: 'searching' });
  return runner.ask(question(), now);
}

/** Shows the search (from wherever the reader is), its field focused; the query and results of last time are kept and asked again. */
export function openSearch(): void {
  const { view } = libraryState();
  const opened = readingStore.getState().opened;
  const from = view === 'search' ? state.from : view;
  // "This document" is the one being read; a search opened from elsewhere searches the library.
  const documentId = from === 'reader' && opened ? opened.document.id : null;
  const documentTitle = documentId ? (opened?.document.title ?? null) : null;
  const place = view === 'reader' ? currentReadingPlace() : view === 'search' ? state.place : null;
  set({ from, place, documentId, documentTitle, scope: documentId ? state.scope : 'library', opened: state.opened + 1 });
  showView('search');
  // The library may have changed since: the same query, asked again.
  void search(true);
}

/** Back to where the search was opened from. */
export function leaveSearch(): void {
  runner.cancel();
  if (state.phase === 'searching') set({ phase: state.results ? 'done' : 'empty' });
  const openId = readingStore.getState().opened?.document.id;
  if (state.from === 'reader' && openId && state.place && openId === state.documentId) returnToReader(openId, state.place);
  else showView(state.from === 'reader' && !openId ? 'library' : state.from);
}

export function setSearchQuery(query: string): void {
  if (query === state.query) return;
  set({ query });
  void search();
}

export function setSearchScope(scope: SearchScope): void {
  if (scope === state.scope) return;
  set({ scope });
  void search(true);
}

/** The library changed under the search (an edit, an undo, a `gloss` command): the same query, asked again. */
export function searchAgain(): void {
  if (state.query.trim() && !runner.pending) void search(true);
}

function shownHits(): SearchHit[] {
  return state.results ? shownOrder(groupHits(state.results.hits)) : [];
}

/** Moves the hit the arrow keys are on by `step` (kept within the list), or to the first or last. */
export function moveActiveHit(step: number | 'first' | 'last'): void {
  const count = shownHits().length;
  if (count === 0) return;
  const to = step === 'first' ? 0 : step === 'last' ? count - 1 : Math.min(count - 1, Math.max(0, state.active + step));
  set({ active: to });
}

export function setActiveHit(index: number): void {
  if (index !== state.active) set({ active: index });
}

/**
 * Enter: opens the hit the arrow keys are on. When typing has not been answered yet, the query typed is asked at
 * once and its best hit opened, so that Enter never opens a hit of an older query.
 */
export async function openActiveHit(): Promise<void> {
  if (!state.query.trim()) return;
  if (state.phase === 'searching') {
    await search(true);
    // Read afresh: the answer has changed the state since.
    if (searchState().phase !== 'done') return;
  }
  const hit = shownHits()[state.active];
  if (hit) await openHit(hit);
}

/** Shows a hit where it is: a transcript hit scrolled to and flashed, a highlight or note selected, a notebook opened. */
export async function openHit(hit: SearchHit): Promise<void> {
  set({ active: Math.max(0, shownHits().indexOf(hit)) });
  if (hit.documentId === null) {
    showView('notebook');
    revealNotebookHit('library', hit);
  } else if ((hit.kind === 'highlight' || hit.kind === 'note') && hit.highlightId) {
    await openAtHighlight(hit.documentId, hit.highlightId);
  } else if (hit.kind === 'notebook') {
    showSidePanelTab('notebook');
    await openDocument(hit.documentId);
    revealNotebookHit('document', hit);
  } else if (hit.start !== null && hit.end !== null) {
    await openAtRange(hit.documentId, { start: hit.start, end: hit.end });
  } else {
    await openDocument(hit.documentId);
  }
}
