/**
 * A passage to show once its document is open: a view outside the reader
 * (the overview, a notebook) opens a document and asks for one of its
 * highlights; the reader, once built, selects it and scrolls to it. Only the
 * latest request counts.
 */
import { useEffect } from 'react';
import { afterNextPaint } from '../after-paint';
import { openDocument } from './library-state';
import { readingStore } from './reading-store';

interface Request {
  documentId: string;
  highlightId: string;
}

let pending: Request | null = null;
const listeners = new Set<() => void>();

/** Hears a new request (the reader showing the document may already be built). */
export function subscribeRevealRequests(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The highlight waiting to be shown in `documentId`, taken (so it is shown once); null when none waits. */
export function takeRevealRequest(documentId: string): string | null {
  if (!pending || pending.documentId !== documentId) return null;
  const { highlightId } = pending;
  pending = null;
  return highlightId;
}

/** Opens `documentId` in the reader (reading it afresh) and shows highlight `highlightId` there, selected. */
export async function openAtHighlight(documentId: string, highlightId: string): Promise<void> {
  pending = { documentId, highlightId };
  await openDocument(documentId);
  // Failed to open (the reason is in the status line): nothing to wait for.
  if (readingStore.getState().opened?.document.id !== documentId) pending = null;
  for (const l of listeners) l();
}

/**
 * For the reader of `documentId`: shows each highlight asked for, by calling `reveal` once the reader's first
 * frame is painted (its marks are built by then).
 */
export function useRevealRequests(documentId: string | undefined, reveal: (highlightId: string) => void): void {
  useEffect(() => {
    if (!documentId) return;
    let live = true;
    const check = () =>
      afterNextPaint(() => {
        const id = live ? takeRevealRequest(documentId) : null;
        if (id) reveal(id);
      });
    check();
    const off = subscribeRevealRequests(check);
    return () => {
      live = false;
      off();
    };
  }, [documentId, reveal]);
}
