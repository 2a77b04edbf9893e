/**
 * Find in one text, as a find bar does: every occurrence of what was typed,
 * in text order, as [start, end) offsets of the original text (UTF-16).
 *
 * What does not matter, by default: case (full folding, so "ß" is "ss" and
 * Turkish "İ" and "ı" are "i"), accents and other marks ("café" typed either
 * precomposed or decomposed is "cafe"), compatibility forms ("ﬁ" is "fi",
 * a full-width "Ａ" is "a", "…" is "..."), curly or straight quotes and
 * apostrophes, which dash, and how much white space (the break between
 * paragraphs is one space). Match case makes case matter again; accents and
 * the rest never do. Whole words keeps only matches with no letter or digit
 * on either side (an apostrophe inside a word, as in "don’t", counts as part
 * of it).
 *
 * The text is folded once (per case mode) with a map from each folded
 * character back to the original, so a book is searched with indexOf alone.
 */
import type { TextRange } from '../anchoring/selectors';
import { DASHES, DOUBLE_QUOTES, isSpace, SINGLE_QUOTES } from '../text/typography';

export interface FindOptions {
  /** Upper and lower case differ (they do not by default). */
  matchCase?: boolean;
  /** Only matches that are whole words: no letter or digit just before or after. */
  wholeWord?: boolean;
}

/**
 * A text folded for comparison, with the way back to the original in pieces: piece p covers folded characters from
 * `starts[p]` to the next piece's start. A plain piece (`ends[p]` is -1) maps one to one onto the original from
 * `origins[p]`; any other piece (a run of white space, a character that folds to several, one that took a dropped
 * accent along) is one original stretch, [origins[p], ends[p]). Printable ASCII stays in plain pieces, so a
 * transcript has only a few pieces per paragraph.
 */
interface FoldedText {
  text: string;
  starts: Int32Array;
  origins: Int32Array;
  ends: Int32Array;
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x02bc]);
/** Case folding beyond toLowerCase: the full folds a reader expects to type plainly. */
const EXTRA_FOLDS = new Map([
  ['ß', 'ss'],
  ['ẞ', 'ss'],
  ['ς', 'σ'],
  ['ı', 'i'],
]);
const MARK = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

const wordCodes = new Map<number, boolean>();
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let word = wordCodes.get(code);
  if (word === undefined) wordCodes.set(code, (word = code >= 0 && WORD_CHAR.test(String.fromCodePoint(code))));
  return word;
}

/** The folded form of one character that is not ASCII and not white space ('' for a mark, which is dropped). */
function foldCharacter(char: string, matchCase: boolean): string {
  const code = char.codePointAt(0)!;
  if (SINGLE_QUOTES.has(code)) return "'";
  if (DOUBLE_QUOTES.has(code)) return '"';
  if (DASHES.has(code)) return '-';
  let folded = char.normalize('NFKD').replace(MARK, '');
  if (!matchCase) {
    folded = folded.toLowerCase();
    for (const [from, to] of EXTRA_FOLDS) if (folded.includes(from)) folded = folded.replaceAll(from, to);
  }
  return folded;
}

const foldCaches = { true: new Map<number, string>(), false: new Map<number, string>() };

/** The folded form of the character at code point `point`, from the cache of its case mode. */
function foldedCharacter(point: number, matchCase: boolean): string {
  const cache = foldCaches[`${matchCase}`];
  let folded = cache.get(point);
  if (folded === undefined) {
    folded = foldCharacter(String.fromCodePoint(point), matchCase);
    cache.set(point, folded);
  }
  return folded;
}

/** What does not fold one to one as it is: white-space runs, a lone space that is not ' ', anything outside printable ASCII. */
const SPECIAL = /\s{2,}|[^\x20-\x5f\x61-\x7e]/g;

/** Folds `text` (see the module comment), remembering where each folded character came from. */
function foldText(text: string, matchCase: boolean): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  const origins: number[] = [];
  const ends: number[] = [];
  let size = 0;
  const plain = (from: number, to: number) => {
    if (to <= from) return;
    starts.push(size);
    origins.push(from);
    ends.push(-1);
    const slice = text.slice(from, to);
    out.push(matchCase ? slice : slice.toLowerCase());
    size += to - from;
  };
  let done = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m !== null; m = SPECIAL.exec(text)) {
    const i = m.index;
    plain(done, i);
    let j = i + m[0].length;
    let folded: string;
    const code = text.charCodeAt(i);
    if (isSpace(code)) folded = ' ';
    else if (code < 128) folded = code === 0x60 ? "'" : text[i];
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) j = i + 2;
      folded = foldedCharacter(point, matchCase);
    }
    SPECIAL.lastIndex = j;
    done = j;
    if (folded === '') {
      // A dropped mark belongs to the character before it: a match ending there takes its accent along.
      const last = starts.length - 1;
      if (last < 0) continue;
      if (ends[last] !== -1) ends[last] = j;
      else {
        // The plain piece's last character becomes a piece of its own, reaching over the mark.
        const lastChar = origins[last] + (size - 1 - starts[last]);
        if (size - 1 === starts[last]) ends[last] = j;
        else {
          starts.push(size - 1);
          origins.push(lastChar);
          ends.push(j);
        }
      }
      continue;
    }
    starts.push(size);
    origins.push(i);
    ends.push(j);
    out.push(folded);
    size += folded.length;
  }
  plain(done, text.length);
  return { text: out.join(''), starts: Int32Array.from(starts), origins: Int32Array.from(origins), ends: Int32Array.from(ends) };
}

/**
 * Maps folded ranges, met in text order, back to the original: a cursor walks the pieces forward, so a search with
 * a hundred thousand matches costs one pass over the pieces rather than a bisection per match.
 */
class PieceCursor {
  private piece = 0;

  constructor(private readonly folded: FoldedText) {}

  /** The piece holding folded character `k` (not before the last one asked for). */
  private pieceOf(k: number): number {
    const { starts } = this.folded;
    while (this.piece + 1 < starts.length && starts[this.piece + 1] <= k) this.piece++;
    return this.piece;
  }

  /** The original [start, end) of folded [from, to). */
  originalRange(from: number, to: number): TextRange {
    const { starts, origins, ends } = this.folded;
    const a = this.pieceOf(from);
    const start = ends[a] === -1 ? origins[a] + (from - starts[a]) : origins[a];
    const b = this.pieceOf(to - 1);
    const end = ends[b] === -1 ? origins[b] + (to - starts[b]) : ends[b];
    // The cursor stays at the match's start: the next match may begin inside this one's last piece.
    this.piece = a;
    return { start, end };
  }
}

/** The code point that ends just before `offset`, or -1 at the start. */
function codeBefore(text: string, offset: number): number {
  if (offset <= 0) return -1;
  const low = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? text.codePointAt(offset - 2)! : low;
}

const codeAt = (text: string, offset: number) => (offset < text.length ? text.codePointAt(offset)! : -1);

/** Whether a word goes on across the edge at `offset` (an apostrophe between letters is inside the word). */
function wordGoesOn(text: string, offset: number, side: 'before' | 'after'): boolean {
  const next = side === 'after' ? codeAt(text, offset) : codeBefore(text, offset);
  if (next === -1) return false;
  if (isWordCode(next)) return true;
  if (!APOSTROPHES.has(next)) return false;
  const beyond = side === 'after' ? codeAt(text, offset + 1) : codeBefore(text, offset - 1);
  return beyond !== -1 && isWordCode(beyond);
}

/** Whether original [start, end) stands as whole words: no word goes on across an edge that is itself in a word. */
function isWholeWord(text: string, start: number, end: number): boolean {
  const startsInWord = isWordCode(codeAt(text, start));
  const endsInWord = isWordCode(codeBefore(text, end));
  return !(startsInWord && wordGoesOn(text, start, 'before')) && !(endsInWord && wordGoesOn(text, end, 'after'));
}

/**
 * Finds in one text, folding it once per case mode (a document keeps one finder, so each keystroke in the find bar
 * costs only the search).
 */
export class TextFinder {
  private readonly folded: { true?: FoldedText; false?: FoldedText } = {};

  constructor(readonly text: string) {}

  /** Folds the text ahead of the first search (when the find bar opens, say). */
  prepare(options: FindOptions = {}): void {
    this.foldedFor(options.matchCase ?? false);
  }

  private foldedFor(matchCase: boolean): FoldedText {
    const key = `${matchCase}` as const;
    return (this.folded[key] ??= foldText(this.text, matchCase));
  }

  /** Every match of `query`, in text order, never overlapping; none for a query of white space alone. */
  find(query: string, options: FindOptions = {}): TextRange[] {
    if (query.trim() === '') return [];
    const matchCase = options.matchCase ?? false;
    const wanted = foldText(query, matchCase).text;
    const haystack = this.foldedFor(matchCase);
    const found: TextRange[] = [];
    if (wanted === '') return found;
    const cursor = new PieceCursor(haystack);
    let lastEnd = 0;
    for (let at = haystack.text.indexOf(wanted); at !== -1; ) {
      const { start, end } = cursor.originalRange(at, at + wanted.length);
      // Two folded matches inside one original character ("s" twice in "ß") are one match.
      const fits = start >= lastEnd && (!options.wholeWord || isWholeWord(this.text, start, end));
      if (fits) {
        found.push({ start, end });
        lastEnd = end;
      }
      at = haystack.text.indexOf(wanted, fits ? at + wanted.length : at + 1);
    }
    return found;
  }
}

/** Every match of `query` in `text` (see TextFinder; for one search, with nothing kept). */
export function findText(text: string, query: string, options: FindOptions = {}): TextRange[] {
  return new TextFinder(text).find(query, options);
}
