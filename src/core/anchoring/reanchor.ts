/**
 * Re-anchors highlights when a transcript is replaced by a corrected version.
 * PLACEHOLDER (issue 11, being built): only position and exact quote are tried
 * here; the real matcher replaces this file's body, keeping its signature.
 */
import type { HighlightSelectors, ReanchorStatus } from '../../shared/model';
import { createSelectors } from './selectors';

/** A highlight as it was anchored in the old text (an orphan's selectors may refer to an even older text). */
export interface AnchorInput {
  id: string;
  selectors: HighlightSelectors;
}

export interface Reanchored {
  id: string;
  status: ReanchorStatus;
  /** Selectors in the new text (made with createSelectors); null for an orphan. */
  selectors: HighlightSelectors | null;
}

/** Places every highlight in `newText`, in the order given; never drops one (an orphan has selectors null). */
export function reanchor(oldText: string, newText: string, highlights: readonly AnchorInput[]): Reanchored[] {
  void oldText;
  return highlights.map(({ id, selectors }) => {
    const { start, end } = selectors.position;
    const exact = selectors.quote.exact;
    if (newText.slice(start, end) === exact) return { id, status: 'kept', selectors: createSelectors(newText, start, end) };
    const at = newText.indexOf(exact);
    if (at >= 0) return { id, status: 'moved', selectors: createSelectors(newText, at, at + exact.length) };
    return { id, status: 'orphaned', selectors: null };
  });
}
