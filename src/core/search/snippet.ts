/**
 * A search hit in context: one line of at most about SNIPPET_LENGTH
 * characters around the first word found, cut at word boundaries, with the
 * found words' offsets moved into it.
 */

export const SNIPPET_LENGTH = 160;
/** How much of the text before the first word found the snippet shows, at most. */
const LEAD = 50;
const ELLIPSIS = '…';

export interface Snippet {
  text: string;
  marks: [number, number][];
}

/** The snippet of text[from, to) around `marks` (offsets in text, in order). */
export function snippetOf(text: string, from: number, to: number, marks: readonly [number, number][]): Snippet {
  const first = marks[0]?.[0] ?? from;
  let begin = Math.max(from, first - LEAD);
  if (begin > from) begin = wordStartAfter(text, begin, first);
  let end = Math.min(to, begin + SNIPPET_LENGTH);
  if (end < to) end = wordEndBefore(text, end, Math.min(to, (marks[0]?.[1] ?? begin) + 1));
  const lead = begin > from ? ELLIPSIS : '';
  const body = text.slice(begin, end).replace(/\s/g, ' ');
  const shift = lead.length - begin;
  const inside = marks.filter(([a, b]) => a >= begin && b <= end).map(([a, b]): [number, number] => [a + shift, b + shift]);
  return { text: lead + body + (end < to ? ELLIPSIS : ''), marks: inside };
}

/** The start of the first word at or after `at` (not past `limit`). */
function wordStartAfter(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && !/\s/.test(text[i - 1] ?? ' ')) i++;
  return i;
}

/** The end of the last whole word before `at` (not before `limit`). */
function wordEndBefore(text: string, at: number, limit: number): number {
  let i = at;
  while (i > limit && !/\s/.test(text[i] ?? ' ')) i--;
  return i > limit ? i : at;
}
