/**
 * A passage to show once its document is open: a view outside the reader
 * (the overview, a notebook, the library search) opens a document and asks
 * for one of its highlights, or for a stretch of its plain text; the reader,
 * once built, selects the highlight or scrolls to the text. Only the latest
 * request counts.
 */
import { useEffect } from 'react';
import type { TextRange } from '../../../core/anchoring/selectors';
import { afterNextPaint } from '../after-paint';
import type { ReadingPlace } from '../editor/reading-place';
import { openDocument, showView } from './library-state';
import { readingStore } from './reading-store';

type Request = { documentId: string } & ({ highlightId: string } | { range: TextRange } | { place: ReadingPlace });

let pending: Request | null = null;
const listeners = new Set<() => void>();

/** Hears a new request (the reader showing the document may already be built). */
export function subscribeRevealRequests(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether something waits to be shown in `documentId` (the reader then goes there, not back to where it was). */
export function hasRevealRequest(documentId: string): boolean {
  return pending?.documentId === documentId;
}

/** The highlight waiting to be shown in `documentId`, taken (so it is shown once); null when none waits. */
export function takeRevealRequest(documentId: string): string | null {
  if (!pending || pending.documentId !== documentId || !('highlightId' in pending)) return null;
  const { highlightId } = pending;
  pending = null;
  return highlightId;
}

/** The stretch of plain text waiting to be shown in `documentId`, taken (so it is shown once); null when none waits. */
export function takeRangeRequest(documentId: string): TextRange | null {
  if (!pending || pending.documentId !== documentId || !('range' in pending)) return null;
  const { range } = pending;
  pending = null;
  return range;
}

/** Where the reader was in `documentId` when it left for another view, taken (so it is gone back to once); null when none waits. */
export function takePlaceRequest(documentId: string): ReadingPlace | null {
  if (!pending || pending.documentId !== documentId || !('place' in pending)) return null;
  const { place } = pending;
  pending = null;
  return place;
}

/** Shows the reading view of the open document `documentId` again, scrolled back to `place`. */
export function returnToReader(documentId: string, place: ReadingPlace): void {
  pending = { documentId, place };
  showView('reader');
  for (const l of listeners) l();
}

/** Opens `documentId` in the reader (reading it afresh) and shows highlight `highlightId` there, selected. */
export function openAtHighlight(documentId: string, highlightId: string): Promise<void> {
  return openWith({ documentId, highlightId });
}

/** Opens `documentId` in the reader (reading it afresh) and scrolls plain-text `range` into view, flashed. */
export function openAtRange(documentId: string, range: TextRange): Promise<void> {
  return openWith({ documentId, range });
}

async function openWith(request: Request): Promise<void> {
  const { documentId } = request;
  pending = request;
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
  useRequests(documentId, takeRevealRequest, reveal);
}

/** For the reader of `documentId`: shows each stretch of text asked for, by calling `reveal` once its first frame is painted. */
export function useRangeRevealRequests(documentId: string | undefined, reveal: (range: TextRange) => void): void {
  useRequests(documentId, takeRangeRequest, reveal);
}

/** For the reader of `documentId`: goes back to the place asked for, by calling `reveal` once its first frame is painted. */
export function usePlaceRequests(documentId: string | undefined, reveal: (place: ReadingPlace) => void): void {
  useRequests(documentId, takePlaceRequest, reveal);
}

function useRequests<T>(documentId: string | undefined, take: (documentId: string) => T | null, reveal: (request: T) => void): void {
  useEffect(() => {
    if (!documentId) return;
    let live = true;
    const check = () =>
      afterNextPaint(() => {
        const request = live ? take(documentId) : null;
        if (request !== null) reveal(request);
      });
    check();
    const off = subscribeRevealRequests(check);
    return () => {
      live = false;
      off();
    };
  }, [documentId, take, reveal]);
}
