/**
 * Shows the place a gloss:// link asked for (checked in main, and its shape
 * again here): the document opened in the reader, then its highlight selected
 * and scrolled to (an orphan, which has no place in the text, is selected in
 * the side panel's Orphans), or its passage scrolled to and flashed.
 */
import { showSidePanelTab } from '../notebook/notebook-state';
import { asGlossPlace } from './gloss-place';
import { openDocument } from './library-state';
import { readingStore } from './reading-store';
import { openAtHighlight, openAtRange } from './reveal-request';

export async function showPlace(value: unknown): Promise<void> {
  const place = asGlossPlace(value);
  if (!place) {
    readingStore.setStatus({ kind: 'error', message: 'A link asked for a place Gloss cannot show. Nothing was opened.' });
    return;
  }
  if (place.highlightId !== undefined) {
    // The side panel lists the highlight (or the orphan): it shows its Highlights tab.
    showSidePanelTab('highlights');
    await openAtHighlight(place.documentId, place.highlightId);
  } else if (place.start !== undefined && place.end !== undefined) {
    await openAtRange(place.documentId, { start: place.start, end: place.end });
  } else {
    await openDocument(place.documentId);
  }
}
