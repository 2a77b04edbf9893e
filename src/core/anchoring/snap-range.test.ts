import { describe, expect, test } from 'vitest';
import { snapToWords } from './snap-range';

/** The text snapped from the match `found` (its first occurrence in `text`), for a quote stored as prefix[exact]suffix. */
function snapped(text: string, found: string, stored: string): string | null {
  const [prefix, rest] = stored.split('[');
  const [exact, suffix] = rest.split(']');
  const start = text.indexOf(found);
  const range = snapToWords(text, { start, end: start + found.length }, { exact, prefix, suffix });
  return range && text.slice(range.start, range.end);
}

describe('snapToWords', () => {
  test.each([
    ['a match that starts inside a corrected word', 'the quick brown fox', 'rown fox', 'quick [brwn fox]. End', 'brown fox'],
    ['a match that ends inside a corrected word', 'the quick brown fox jumps', 'quick bro', 'the [quick brwn] fox', 'quick brown'],
    ['a quote that began inside a word, which still does', 'the quick brown fox', 'rown fox', 'quick b[rwn fox]', 'rown fox'],
    ['space the old quote did not have at its edges', 'the quick brown fox', ' brown ', 'quick [brwn] fox', 'brown'],
    ['a quote that began with the space before a word', 'a witness student came', 'tness student', 'a[ more student] came', ' witness student'],
    ['an emoji at the edge, never split', 'keep the lead 🚀🚀 in AI', 'lead 🚀'.slice(0, -1), 'the [leed 🚀]🚀', 'lead 🚀'],
  ])('fits %s', (_case, text, found, stored, expected) => {
    expect(snapped(text, found, stored)).toBe(expected);
  });

  test('gives nothing for a match of white space alone', () => {
    expect(snapped('a    b', '   ', 'x[yz]w')).toBeNull();
  });
});
