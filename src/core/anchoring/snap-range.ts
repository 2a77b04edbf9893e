/**
 * Fits the edges of an approximate match to the new text: a highlight that
 * began or ended on a word boundary does so again (so a corrected word at its
 * edge is taken whole, "brwn fox" becoming "brown fox", not "rown fox"), white
 * space the old quote did not have at its edges is left out, and no edge
 * splits a surrogate pair (an emoji).
 */
import type { TextQuoteSelector } from '../../shared/model';
import type { TextRange } from './selectors';

const WORD = /[\p{L}\p{N}\p{M}_]/u;
/** How far an edge may move to reach a word boundary (a word longer than this is cut, not extended). */
const MAX_SHIFT = 40;

const isWord = (ch: string | undefined) => ch !== undefined && ch !== '' && WORD.test(ch);
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `range` in `text` with its edges fitted, judged by how the old quote began and ended (from its stored context);
 * null when nothing but white space is left.
 */
export function snapToWords(text: string, range: TextRange, old: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): TextRange | null {
  let { start, end } = range;
  const first = old.exact[0];
  const last = old.exact.at(-1);
  // A boundary is where word turns to non-word or back; the start or end of the text counts as one.
  const startsOnBoundary = old.prefix === '' || isWord(first) !== isWord(old.prefix.at(-1));
  const endsOnBoundary = old.suffix === '' || isWord(last) !== isWord(old.suffix[0]);
  if (!isSpace(first)) while (start < end && isSpace(text[start])) start++;
  if (!isSpace(last)) while (end > start && isSpace(text[end - 1])) end--;
  if (start >= end) return null;
  if (startsOnBoundary && isWord(text[start - 1]) && isWord(text[start])) {
    let s = start;
    while (s > 0 && start - s < MAX_SHIFT && isWord(text[s - 1])) s--;
    // The old quote began with the space before a word: so does the new one.
    if (!isWord(first) && s > 0 && !isWord(text[s - 1])) s--;
    if (start - s <= MAX_SHIFT) start = s;
  }
  if (endsOnBoundary && isWord(text[end - 1]) && isWord(text[end])) {
    let e = end;
    while (e < text.length && e - end < MAX_SHIFT && isWord(text[e])) e++;
    if (!isWord(last) && e < text.length && !isWord(text[e])) e++;
    if (e - end <= MAX_SHIFT) end = e;
  }
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
  return { start, end };
}
