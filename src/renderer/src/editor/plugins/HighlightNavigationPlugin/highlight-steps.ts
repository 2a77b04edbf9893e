/**
 * Which highlight the next- and previous-highlight keys go to: in document
 * order, from the selected highlight or else from the caret, only among
 * those that pass the side panel's filter, wrapping round at the ends.
 */

/** A highlight placed in the text, in document order among the others. */
export interface PlacedHighlight {
  id: string;
  start: number;
  end: number;
}

export interface StepFrom {
  /** The selected highlight, if any: the step is from it (even when the filter hides it). */
  selectedId: string | null;
  /** Otherwise from here: the caret's offset in the plain text. */
  offset: number;
}

export interface Step {
  id: string;
  /** The step went past the last (or first) highlight and round to the other end. */
  wrapped: boolean;
}

/**
 * The next (or previous) highlight that `matches` lets through, or null when none does. `placed` is in document
 * order (by start, then end). From the caret, the next is the first that starts at or after it and the previous
 * the last that starts before it.
 */
export function stepHighlight(placed: readonly PlacedHighlight[], from: StepFrom, direction: 'next' | 'previous', matches: (id: string) => boolean): Step | null {
  const n = placed.length;
  if (n === 0) return null;
  const forward = direction === 'next';
  const at = from.selectedId === null ? -1 : placed.findIndex((h) => h.id === from.selectedId);
  // The first index to look at, which may be n (past the end) or -1 (before the start).
  let first: number;
  if (at >= 0) first = forward ? at + 1 : at - 1;
  else {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (placed[mid].start < from.offset) lo = mid + 1;
      else hi = mid;
    }
    first = forward ? lo : lo - 1;
  }
  for (let k = 0; k < n; k++) {
    const raw = forward ? first + k : first - k;
    const i = ((raw % n) + n) % n;
    if (matches(placed[i].id)) return { id: placed[i].id, wrapped: forward ? raw >= n : raw < 0 };
  }
  return null;
}
