import { expect, test } from 'vitest';
import { wordDiff, type DiffSegment } from './word-diff';

/** The segments as text with changed runs in [brackets]. */
const show = (segments: DiffSegment[]) => segments.map((s) => (s.changed ? `[${s.text}]` : s.text)).join('');

test.each([
  ['one corrected word', 'we walked to the quarry at dawn', 'we walked to the query at dawn', 'we walked to the [quarry] at dawn', 'we walked to the [query] at dawn'],
  ['a word added', 'the pit closed', 'the old pit closed', 'the pit closed', 'the [old ]pit closed'],
  ['a phrase replaced is marked as one run', 'he said no to them', 'he said yes please to them', 'he said [no] to them', 'he said [yes please] to them'],
  ['the same quote', 'nothing changed here', 'nothing changed here', 'nothing changed here', 'nothing changed here'],
  ['everything different', 'alpha beta', 'gamma', '[alpha beta]', '[gamma]'],
])('marks the words that differ: %s', (_name, before, after, left, right) => {
  const diff = wordDiff(before, after);
  expect(show(diff.before)).toBe(left);
  expect(show(diff.after)).toBe(right);
  // Nothing of either quote is lost on the way.
  expect(diff.before.map((s) => s.text).join('')).toBe(before);
  expect(diff.after.map((s) => s.text).join('')).toBe(after);
});

test('very long quotes are shown whole, marked as changed when they differ', () => {
  const long = 'word '.repeat(400);
  const diff = wordDiff(long, `${long}more`);
  expect(diff.before).toEqual([{ text: long, changed: true }]);
  expect(diff.after).toEqual([{ text: `${long}more`, changed: true }]);
});
