/**
 * Offsets in Unicode code points and in UTF-16 units, both ways, for one text.
 * Gloss keeps UTF-16 offsets (what JavaScript strings index); the W3C
 * TextPositionSelector counts characters, that is code points, so a character
 * outside the Basic Multilingual Plane (an emoji) is one there and two here.
 * Built once per text, each conversion is a binary search over the text's
 * astral characters, so thousands of highlights cost next to nothing.
 */

export class CodePointOffsets {
  /** UTF-16 offsets at which a surrogate pair (one astral character) starts, ascending. */
  private readonly pairs: number[] = [];

  constructor(readonly text: string) {
    const pair = /[\ud800-\udbff][\udc00-\udfff]/g;
    for (let m = pair.exec(text); m !== null; m = pair.exec(text)) this.pairs.push(m.index);
  }

  /** Code points before UTF-16 offset `utf16` (an offset inside a pair counts the pair's character as before it). Offsets past the end go on counting one for one. */
  toCodePoints(utf16: number): number {
    return utf16 - this.pairsBefore(utf16);
  }

  /** The UTF-16 offset of code point offset `codePoints`; offsets past the end go on one for one. */
  toUtf16(codePoints: number): number {
    // The k-th pair (0-based) starts at code point pairs[k] - k; a code point offset after it gains one unit per pair.
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.pairs[mid] - mid < codePoints) low = mid + 1;
      else high = mid;
    }
    return codePoints + low;
  }

  /** Whether the text has any character outside the Basic Multilingual Plane (else both counts agree). */
  get hasAstral(): boolean {
    return this.pairs.length > 0;
  }

  /** Pairs whose second unit lies before `utf16` (a pair ending at or before it, or one it falls inside). */
  private pairsBefore(utf16: number): number {
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.pairs[mid] + 1 < utf16) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
