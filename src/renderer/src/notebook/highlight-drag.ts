/**
 * Dragging a highlight from the side panel's list into a notebook: what a
 * drag carries (a private type with the highlight's ids, for Gloss, and the
 * quote as plain text, for other programs) and how a drop target tells a
 * highlight's drag from others (files to import, text).
 */

/** The private drag type of a highlight; its data is `{ documentId, highlightId }` as JSON. */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-gloss-highlight';

export interface DraggedHighlight {
  documentId: string;
  highlightId: string;
}

/** Fills a drag's data with highlight `highlight`, quoted as `quote` (said by `speaker`, if someone) for other programs. */
export function setHighlightDrag(data: DataTransfer, highlight: DraggedHighlight, quote: string, speaker: string | null): void {
  data.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify({ documentId: highlight.documentId, highlightId: highlight.highlightId }));
  data.setData('text/plain', `“${quote}”${speaker ? ` — ${speaker}` : ''}`);
  data.effectAllowed = 'copy';
}

/** Whether a drag carries a highlight (its types can be read while it moves; its data only on the drop). */
export function isHighlightDrag(data: DataTransfer | null): boolean {
  return data?.types.includes(HIGHLIGHT_DRAG_TYPE) ?? false;
}

/** The highlight a drop carries, or null when it carries none (or something malformed). */
export function draggedHighlight(data: DataTransfer | null): DraggedHighlight | null {
  const raw = data?.getData(HIGHLIGHT_DRAG_TYPE);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<DraggedHighlight> | null;
    return typeof value?.documentId === 'string' && typeof value.highlightId === 'string' ? { documentId: value.documentId, highlightId: value.highlightId } : null;
  } catch {
    return null;
  }
}
