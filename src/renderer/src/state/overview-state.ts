/**
 * Which overview is showing (one document's, or the library's) and where
 * "Back" goes: the overview is a view of its own (library-state's View), left
 * for the reader or the library it was opened from.
 */
import { useSyncExternalStore } from 'react';
import { showView, type View } from './library-state';

interface OverviewState {
  /** The document whose overview this is; null for the whole library. */
  documentId: string | null;
  /** The view "Back" returns to. */
  from: Exclude<View, 'overview'>;
}

let state: OverviewState = { documentId: null, from: 'library' };
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOverviewScope(): OverviewState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Shows the overview of `documentId` (null: the library's), to come back to `from`. */
export function showOverview(documentId: string | null, from: OverviewState['from']): void {
  state = { documentId, from };
  for (const l of listeners) l();
  showView('overview');
}

/** Back to the view the overview was opened from. */
export function leaveOverview(): void {
  showView(state.from);
}
