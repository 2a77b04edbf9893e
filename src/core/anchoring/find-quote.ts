/**
 * Finds a quote typed by a person (on the command line) in a document's plain
 * text. Exact occurrences first; when there is none, occurrences that differ
 * only in white space (runs of spaces, the line breaks between paragraphs)
 * and in typography a keyboard does not type: curly quotes and apostrophes
 * for straight ones, en and em dashes for hyphens. Either way the result is
 * offsets in the plain text, ready for createSelectors.
 */
import type { TextRange } from './selectors';

export interface QuoteMatches {
  /** Every occurrence, in text order (occurrences may overlap: "aa" is found twice in "aaa"). */
  ranges: TextRange[];
  /** Whether the quote was found as typed; false when only the tolerant search found it (or nothing did). */
  exact: boolean;
}

const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x60, 0xb4]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb]);
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff0d]);
const SPACE = /\s/;

const isSpace = (code: number) => (code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(String.fromCharCode(code)));

/**
 * The text as the tolerant search compares it: white-space runs as one space, quotes straight, dash runs as one
 * hyphen (`--` is how an em dash is typed). `from[i]` and `to[i]` are where canonical character i came from in the
 * original text, so a match maps back to exact offsets.
 */
interface Canonical {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

function canonical(text: string): Canonical {
  const chars: string[] = [];
  const from = new Int32Array(text.length);
  const to = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let out = text[i];
    let j = i + 1;
    if (isSpace(code)) {
      out = ' ';
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    } else if (DASHES.has(code)) {
      out = '-';
      while (j < text.length && DASHES.has(text.charCodeAt(j))) j++;
    } else if (SINGLE_QUOTES.has(code)) out = "'";
    else if (DOUBLE_QUOTES.has(code)) out = '"';
    chars.push(out);
    from[n] = i;
    to[n] = j;
    n++;
    i = j;
  }
  return { text: chars.join(''), from: from.subarray(0, n), to: to.subarray(0, n) };
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
  const wanted = canonical(typed).text;
  const haystack = canonical(text);
  const ranges = occurrences(haystack.text, wanted).map((at) => ({ start: haystack.from[at], end: haystack.to[at + wanted.length - 1] }));
  return { ranges, exact: false };
}
