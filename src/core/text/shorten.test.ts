import { expect, test } from 'vitest';
import { shorten } from './shorten';

test.each([
  ['a short quote', 20, 'a short quote'],
  ['  line one\n\nline   two ', 40, 'line one line two'],
  ['the whole of a longer passage', 12, 'the whole o…'],
  ['cut after a word ends', 10, 'cut after…'],
])('puts %j on one line within %i characters', (text, max, shown) => {
  const out = shorten(text, max);
  expect(out).toBe(shown);
  expect(out.length).toBeLessThanOrEqual(max);
});
