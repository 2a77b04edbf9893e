/**
 * REFI-QDA and the W3C TextPositionSelector count text positions in Unicode
 * code points from 0; Gloss (and JavaScript) count UTF-16 code units. The two differ after every character
 * outside the Basic Multilingual Plane (emoji, many CJK extension characters,
 * historic scripts), which takes two UTF-16 units and one code point.
 */

const HIGH_SURROGATE = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Converts offsets between UTF-16 units and code points in one text. Built once per text; each conversion is a binary search. */
export class CodePointIndex {
  /** UTF-16 offset of each surrogate pair (astral character), in order. */
  private readonly pairs: number[] = [];
  readonly utf16Length: number;
  readonly length: number;

  constructor(text: string) {
    this.utf16Length = text.length;
    HIGH_SURROGATE.lastIndex = 0;
    for (let m = HIGH_SURROGATE.exec(text); m; m = HIGH_SURROGATE.exec(text)) this.pairs.push(m.index);
    this.length = text.length - this.pairs.length;
  }

  /** How many pairs start before UTF-16 offset `at` (a pair split by `at` counts as before: the offset snaps to the pair's start). */
  private pairsBefore(at: number): number {
    const { pairs } = this;
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[mid] < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The code point offset of UTF-16 offset `utf16` (an offset inside a surrogate pair gives the pair's own). */
  toCodePoint(utf16: number): number {
    if (this.pairs.length === 0) return utf16;
    // An offset between the two halves of a pair counts that pair as before it, which gives the pair's own offset.
    return utf16 - this.pairsBefore(utf16);
  }

  /** The UTF-16 offset of code point offset `codePoint`. */
  toUtf16(codePoint: number): number {
    const { pairs } = this;
    // Pair k sits at code point pairs[k] - k: count the pairs before codePoint.
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[mid] - mid < codePoint) low = mid + 1;
      else high = mid;
    }
    return codePoint + low;
  }
}
