/**
 * The canonical form in which quotes are compared when exact text is not
 * required: white-space runs (spaces, line breaks, the break between
 * paragraphs) as one space, curly quotes and apostrophes straight, dash runs
 * as one hyphen. Each canonical character remembers where it came from, so
 * a match found in canonical text maps back to exact offsets.
 */

import { DASHES, DOUBLE_QUOTES, isSpace, SINGLE_QUOTES } from '../text/typography';

/** A dash of any kind, the hyphen included: a run of them is one hyphen. */
const isDash = (code: number) => code === 0x2d || DASHES.has(code);

/**
 * A text in canonical form. `from[i]` and `to[i]` are where canonical character i came from in the original text
 * ([from, to): a collapsed run covers several original characters).
 */
export interface Canonical {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

/** The canonical form of `text` (`dash runs as one hyphen`: `--` is how an em dash is typed). */
export function canonicalText(text: string): Canonical {
  const codes = new Uint16Array(text.length);
  const from = new Int32Array(text.length);
  const to = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let out = code;
    let j = i + 1;
    // Letters and digits first: most of a transcript, and none of them is changed.
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) out = code;
    else if (isSpace(code)) {
      out = 32;
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    } else if (isDash(code)) {
      out = 45;
      while (j < text.length && isDash(text.charCodeAt(j))) j++;
    } else if (SINGLE_QUOTES.has(code)) out = 39;
    else if (DOUBLE_QUOTES.has(code)) out = 34;
    codes[n] = out;
    from[n] = i;
    to[n] = j;
    n++;
    i = j;
  }
  return { text: fromCodes(codes.subarray(0, n)), from: from.subarray(0, n), to: to.subarray(0, n) };
}

/** The string of UTF-16 code units `codes`, built in chunks (one call per character would be slow, one call for all may overflow the stack). */
function fromCodes(codes: Uint16Array): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  // apply takes the typed array as it is (spreading it would go through its iterator, many times slower).
  for (let at = 0; at < codes.length; at += CHUNK) parts.push(String.fromCharCode.apply(null, codes.subarray(at, at + CHUNK) as unknown as number[]));
  return parts.join('');
}
