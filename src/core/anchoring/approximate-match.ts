/**
 * Finds where a quote whose text has changed may now be: approximate
 * occurrences with at most k errors (insertions, deletions, substitutions),
 * using approx-string-match (Myers' bit-parallel algorithm, as Hypothesis
 * uses). Text is compared in canonical form (white space, quotes, dashes),
 * so a line break that became a space costs nothing. Searching a whole
 * transcript this way is too slow to do for every highlight, so far from the
 * old place the search is filtered first: only around exact occurrences of a
 * few short pieces ("seeds") of the quote.
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
/** Seed length in characters, and how many seeds a quote gives at most. */
const SEED_LENGTH = 10;
const MAX_SEEDS = 4;
/** A seed found more often than this says nothing about where the quote is. */
const MAX_SEED_HITS = 32;

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

/**
 * Where in `text` the quote may start, judged by exact occurrences of a few pieces of it (start, middle, end):
 * an edited quote usually keeps some piece intact. Empty for a quote too short to give a seed.
 */
export function seedPlaces(text: string, quote: string): number[] {
  if (quote.length < SEED_LENGTH * 2) return [];
  const count = Math.min(MAX_SEEDS, Math.floor(quote.length / SEED_LENGTH));
  const places = new Set<number>();
  for (let s = 0; s < count; s++) {
    const offset = Math.round((s * (quote.length - SEED_LENGTH)) / Math.max(1, count - 1));
    const seed = quote.slice(offset, offset + SEED_LENGTH);
    const hits: number[] = [];
    for (let at = text.indexOf(seed); at !== -1 && hits.length <= MAX_SEED_HITS; at = text.indexOf(seed, at + 1)) hits.push(at);
    if (hits.length > MAX_SEED_HITS) continue;
    for (const at of hits) places.add(Math.max(0, at - offset));
  }
  return [...places].sort((a, b) => a - b);
}
