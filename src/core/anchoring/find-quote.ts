/**
 * Finds a quote typed by a person (on the command line) in a document's plain
 * text. Exact occurrences first; when there is none, occurrences that differ
 * only in white space (runs of spaces, the line breaks between paragraphs)
 * and in typography a keyboard does not type: curly quotes and apostrophes
 * for straight ones, en and em dashes for hyphens. Either way the result is
 * offsets in the plain text, ready for createSelectors.
 */
import { canonicalText } from './canonical-text';
import type { TextRange } from './selectors';

export interface QuoteMatches {
  /** Every occurrence, in text order (occurrences may overlap: "aa" is found twice in "aaa"). */
  ranges: TextRange[];
  /** Whether the quote was found as typed; false when only the tolerant search found it (or nothing did). */
  exact: boolean;
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** Every occurrence of `quote` (trimmed) in `text`: exact if there is any, else tolerant of white space, quotes and dashes. */
export function findQuote(text: string, quote: string): QuoteMatches {
  // White space around a quote is how it was typed (or pasted), not part of what to highlight.
  const typed = quote.trim();
  if (typed === '') return { ranges: [], exact: false };
  const exact = occurrences(text, typed);
  if (exact.length > 0) return { ranges: exact.map((start) => ({ start, end: start + typed.length })), exact: true };
  const wanted = canonicalText(typed).text;
  const haystack = canonicalText(text);
  const ranges = occurrences(haystack.text, wanted).map((at) => ({ start: haystack.from[at], end: haystack.to[at + wanted.length - 1] }));
  return { ranges, exact: false };
}
