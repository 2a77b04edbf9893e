/**
 * Turns a range of the transcript's plain text into W3C-style selectors and
 * back. Position first; when the text at the position no longer matches, the
 * quote is searched for and the occurrence whose context fits best wins.
 */
import type { HighlightSelectors } from '../../shared/model';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export interface TextRange {
  start: number;
  end: number;
}

/** Selectors for text[start, end). Throws on an empty or out-of-bounds range. */
export function createSelectors(text: string, start: number, end: number): HighlightSelectors {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end)) {
    throw new RangeError(`Range ${start}-${end} is not inside a text of ${text.length} characters`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Length of the common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where the selectors point in `text`, or null when the quote is not found
 * (an orphan: the caller keeps it, it is never dropped).
 */
export function resolveSelectors(text: string, selectors: HighlightSelectors): TextRange | null {
  const { quote, position } = selectors;
  if (text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end };
  }
  if (!quote.exact) return null;
  let best: TextRange | null = null;
  let bestScore = -Infinity;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const context =
      commonSuffix(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonPrefix(text.slice(end, end + quote.suffix.length), quote.suffix);
    // Context decides; distance from the old position breaks ties.
    const score = context * text.length - Math.abs(at - position.start);
    if (score > bestScore) {
      bestScore = score;
      best = { start: at, end };
    }
  }
  return best;
}
