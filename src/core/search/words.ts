/**
 * The words of a text as search sees them: runs of letters and digits, each
 * folded so that case, accents and compatibility forms do not matter
 * ("Été" and "ete" are one word; "ﬁle" is "file"). Apostrophes, straight or
 * curly, split words alike, so "don’t" and "don't" are the same two words.
 * Offsets are those of the original text (UTF-16), so hits can be marked in it.
 */

/** A word found in a text: its folded form and where it is, [start, end). */
export interface Word {
  term: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}/gu;
const NOT_ASCII = /[^ -~\t\n\r]/;

/** A word or name as search compares it: lower case, without accents. */
export function fold(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** Calls `each` with every word of text[from, to), in order: its folded form and where it is. */
export function forEachWord(text: string, from: number, to: number, each: (term: string, start: number, end: number) => void): void {
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) {
    // A word running past `to` is cut there (units are separated by line breaks, so it does not happen in practice).
    const end = Math.min(m.index + m[0].length, to);
    const term = fold(end === m.index + m[0].length ? m[0] : text.slice(m.index, end));
    if (term !== '') each(term, m.index, end);
  }
}

/** The words of text[from, to), in order. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  forEachWord(text, from, to, (term, start, end) => out.push({ term, start, end }));
  return out;
}

/** The folded words of a short text (a query's phrase, a name). */
export function termsOf(text: string): string[] {
  return wordsOf(text).map((w) => w.term);
}
