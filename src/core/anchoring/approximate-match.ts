/**
 * Finds where a quote whose text has changed may now be: approximate
 * occurrences with at most k errors (insertions, deletions, substitutions),
 * using approx-string-match (Myers' bit-parallel algorithm, as Hypothesis
 * uses). Text is compared in canonical form (white space, quotes, dashes),
 * so a line break that became a space costs nothing. It is run on windows
 * only (near the old place, or where seed-index.ts found pieces of the
 * quote): over a whole transcript it is too slow to run for every highlight.
 */
import search from 'approx-string-match';
import { canonicalText } from './canonical-text';
import type { TextRange } from './selectors';

export interface ApproximateMatch extends TextRange {
  /** Errors in canonical form. */
  errors: number;
}

/** Matches kept from one search, fewest errors first: the rest are only worse variants of the same places. */
const MAX_MATCHES = 24;

/**
 * The errors a changed quote may have and still be the same passage: none for a quote of 1–3 characters, one up
 * to 7, then 35% (a quote is the highlight's main evidence; its context and place only confirm it).
 */
export function maxErrorsFor(quoteLength: number): number {
  if (quoteLength < 4) return 0;
  if (quoteLength < 8) return 1;
  return Math.floor(quoteLength * 0.35);
}

/** Approximate occurrences of `quote` in text[from, to), at most `maxErrors` errors, in offsets of `text`. */
export function approximateMatches(text: string, quote: string, from: number, to: number, maxErrors: number): ApproximateMatch[] {
  const start = Math.max(0, from);
  const window = canonicalText(text.slice(start, Math.min(text.length, to)));
  const pattern = canonicalText(quote).text;
  if (pattern.length === 0 || window.text.length === 0) return [];
  return search(window.text, pattern, maxErrors)
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_MATCHES)
    .map((m) => ({ start: start + window.from[m.start], end: start + window.to[m.end - 1], errors: m.errors }));
}
