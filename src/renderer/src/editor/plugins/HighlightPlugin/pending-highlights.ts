/**
 * A new highlight's colour on screen in the very next frame. Building its
 * mark in the editor changes the DOM, and on a book-length transcript that
 * costs the editor more than a frame; so the passage is first painted with
 * the CSS Custom Highlight API (no DOM change, nothing to lay out), and the
 * preview is dropped once the mark is built, a frame later. Where the API is
 * missing, the mark is built at once instead.
 */
import type { HighlightColor } from '../../../../../shared/model';

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' ? CSS.highlights : null;
}

/** The name styles.css gives the preview of a colour: `::highlight(gloss-pending-green)`. */
const pendingName = (color: HighlightColor) => `gloss-pending-${color}`;

/**
 * Paints the text of `selection`'s range in `color` until the returned function is called; null when nothing could
 * be shown (no API, or a selection reaching outside `root`).
 */
export function showPending(root: HTMLElement, selection: Selection | null, color: HighlightColor): (() => void) | null {
  const highlights = registry();
  if (!highlights || !selection || selection.rangeCount === 0) return null;
  const live = selection.getRangeAt(0);
  if (!root.contains(live.startContainer) || !root.contains(live.endContainer)) return null;
  const range = new StaticRange(live);
  const name = pendingName(color);
  let highlight = highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    highlights.set(name, highlight);
  }
  highlight.add(range);
  return () => void highlight.delete(range);
}
