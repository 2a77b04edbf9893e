/**
 * Which quoted highlights no longer exist. Told by main when a notebook opens
 * (Notebook.unlinked, and so every other quote there is linked), and live for
 * the open document: a highlight deleted there unlinks its quotes at once, and
 * one brought back (undo) links them again. Each quote listens for its own id
 * only, so a change re-renders one quote, not the notebook.
 */
import { useCallback, useSyncExternalStore } from 'react';

type Listener = () => void;

export class QuoteLinks {
  private readonly unlinked = new Set<string>();
  private readonly listeners = new Map<string, Set<Listener>>();

  isUnlinked(highlightId: string): boolean {
    return this.unlinked.has(highlightId);
  }

  /** Marks `highlightId`'s quotes as linked (its highlight exists) or not. */
  set(highlightId: string, linked: boolean): void {
    if (linked !== this.unlinked.has(highlightId)) return;
    if (linked) this.unlinked.delete(highlightId);
    else this.unlinked.add(highlightId);
    this.listeners.get(highlightId)?.forEach((l) => l());
  }

  /** Takes in what main said of a notebook: of `quoted`, those in `unlinked` are gone, the others exist. */
  apply(quoted: Iterable<string>, unlinked: readonly string[]): void {
    const gone = new Set(unlinked);
    for (const id of quoted) this.set(id, !gone.has(id));
    for (const id of gone) this.set(id, false);
  }

  subscribe(highlightId: string, listener: Listener): () => void {
    let set = this.listeners.get(highlightId);
    if (!set) this.listeners.set(highlightId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(highlightId);
    };
  }
}

export const quoteLinks = new QuoteLinks();

/** Whether the highlight a quote links to is gone; re-renders only when that answer changes. */
export function useIsUnlinked(highlightId: string): boolean {
  const subscribe = useCallback((listener: Listener) => quoteLinks.subscribe(highlightId, listener), [highlightId]);
  return useSyncExternalStore(subscribe, () => quoteLinks.isUnlinked(highlightId));
}
