/**
 * Finds the web addresses in one line of text (`https://…`, `http://…`,
 * `www.…`) so the Markdown export can write them as links that show exactly
 * what was typed, instead of escaping their punctuation.
 */

/** A piece of a line: plain text, or a web address as typed with the URL it opens. */
export type LineSegment = { kind: 'text'; text: string } | { kind: 'web-address'; text: string; url: string };

/**
 * The characters an address runs over: anything but whitespace, control and
 * invisible format characters (bidi overrides, zero-width spaces), and the
 * few a Markdown link cannot hold as typed (`<`, `>`, `\`) or a GFM table
 * would split on (`|`).
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s\p{Cc}\p{Cf}<>\\|]+/giu;

/** Punctuation that ends a sentence more often than an address, as GFM's own autolinks judge it. */
const TRAILING = /[?!.,:;*_~'"]$/;

/**
 * Where GFM starts a `www.` autolink of its own: at the start of the line,
 * after whitespace or after one of `(*_[]~`. Elsewhere `www.` is left as text.
 */
function startsWww(line: string, at: number): boolean {
  if (at === 0) return true;
  return /[\s(*_[\]~]/u.test(line[at - 1]);
}

/** Drops sentence punctuation and unmatched closing brackets from the end of an address. */
function trimAddress(candidate: string): string {
  let text = candidate;
  for (;;) {
    if (TRAILING.test(text)) text = text.slice(0, -1);
    else if (text.endsWith(')') && count(text, ')') > count(text, '(')) text = text.slice(0, -1);
    else if (text.endsWith(']') && count(text, ']') > count(text, '[')) text = text.slice(0, -1);
    else return text;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The part after `https://` or `www.` must hold a letter or digit, or it is not an address. */
function hasHost(address: string): boolean {
  const rest = address.replace(/^(?:https?:\/\/|www\.)/i, '');
  return /[\p{L}\p{N}]/u.test(rest);
}

/** Splits a line into text and web addresses; joined, the segments' texts give the line back. */
export function splitWebAddresses(line: string): LineSegment[] {
  const segments: LineSegment[] = [];
  const finder = new RegExp(ADDRESS);
  let last = 0;
  for (let match = finder.exec(line); match; match = finder.exec(line)) {
    const at = match.index;
    const isWww = /^w/i.test(match[0]);
    const address = trimAddress(match[0]);
    if ((isWww && !startsWww(line, at)) || !hasHost(address)) {
      // Not an address here, but one may start inside it ("xwww.a.com/https://b.com").
      finder.lastIndex = at + 1;
      continue;
    }
    if (at > last) segments.push({ kind: 'text', text: line.slice(last, at) });
    segments.push({ kind: 'web-address', text: address, url: isWww ? `http://${address}` : address });
    last = at + address.length;
    finder.lastIndex = last;
  }
  if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
  return segments;
}
