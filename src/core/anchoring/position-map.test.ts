import { describe, expect, test } from 'vitest';
import { PositionMap } from './position-map';
import { equalRuns } from './text-diff';

const mapOf = (before: string, after: string) => new PositionMap(equalRuns(before, after), before.length, after.length);

describe('PositionMap', () => {
  test.each([
    ['text inserted before', 'the quick fox', 'oh, the quick fox', 'quick', 'quick'],
    ['text deleted before', 'well, the quick fox', 'the quick fox', 'quick', 'quick'],
    ['text inserted right before the range, which stays outside it', 'the quick fox', 'the very quick fox', 'quick', 'quick'],
    ['text inserted right after the range, which stays outside it', 'the quick fox', 'the quick brown fox', 'quick', 'quick'],
    ['a word corrected inside the range, which takes the correction', 'the qiuck brwn fox', 'the quick brown fox', 'qiuck brwn', 'quick brown'],
  ])('maps a range across %s', (_case, before, after, quote, expected) => {
    const start = before.indexOf(quote);
    const map = mapOf(before, after);
    expect(after.slice(map.map(start, 'after'), map.map(start + quote.length, 'before'))).toBe(expected);
  });

  test('maps offsets in deleted text to where the deletion was', () => {
    const before = 'Keep this. Drop this sentence. Keep that.';
    const after = 'Keep this. Keep that.';
    const map = mapOf(before, after);
    const start = before.indexOf('sentence');
    const at = map.map(start, 'after');
    expect([after.slice(0, at).trim(), after.slice(at).trim()]).toEqual(['Keep this.', 'Keep that.']);
    expect(map.retained(start, start + 8)).toBe(0);
  });

  test('counts the characters of a range the new text still has', () => {
    const before = 'one two three four';
    const after = 'one three four five';
    const map = mapOf(before, after);
    expect(map.retained(0, before.length)).toBe('one three four'.length);
    expect(map.unchanged(before.indexOf('three'), before.length)).toBe(true);
    expect(map.unchanged(0, before.indexOf('three'))).toBe(false);
  });

  test('maps every offset to itself when nothing changed', () => {
    const map = mapOf('same text', 'same text');
    expect([0, 4, 9].map((o) => map.map(o, 'after'))).toEqual([0, 4, 9]);
    expect([0, 4, 9].map((o) => map.map(o, 'before'))).toEqual([0, 4, 9]);
  });
});
