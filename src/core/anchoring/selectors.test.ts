import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlainText } from '../transcript/parse-plain-text';
import { plainTextOf } from '../transcript/plain-text';
import { CONTEXT_LENGTH, createSelectors, resolveSelectors } from './selectors';

const text = plainTextOf(
  parsePlainText(readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8')),
);

describe('createSelectors', () => {
  test('records the quote, its context and its position', () => {
    const start = text.indexOf('let a gremlin loose');
    const s = createSelectors(text, start, start + 'let a gremlin loose'.length);
    expect(s.quote.exact).toBe('let a gremlin loose');
    expect(s.quote.prefix).toBe(text.slice(start - CONTEXT_LENGTH, start));
    expect(s.quote.prefix.endsWith('Do you want to ')).toBe(true);
    expect(s.quote.suffix.startsWith(' in the internals')).toBe(true);
    expect(s.position).toEqual({ type: 'TextPositionSelector', start, end: start + 19 });
  });

  test('clips context at the ends of the text', () => {
    const s = createSelectors(text, 0, 11);
    expect(s.quote).toMatchObject({ exact: 'Democracies', prefix: '' });
    const t = createSelectors(text, text.length - 5, text.length);
    expect(t.quote.suffix).toBe('');
  });

  test.each([
    [5, 5],
    [-1, 4],
    [10, 4],
    [0, text.length + 1],
    [1.5, 4],
  ])('refuses the range %d-%d', (start, end) => {
    expect(() => createSelectors(text, start, end)).toThrow(RangeError);
  });
});

describe('resolveSelectors', () => {
  const start = text.indexOf('the scaling laws');
  const selectors = createSelectors(text, start, start + 16);

  test('finds an unchanged quote at its position', () => {
    expect(resolveSelectors(text, selectors)).toEqual({ start, end: start + 16 });
  });

  test('re-anchors a quote after a correction earlier in the text moved it', () => {
    const corrected = text.replace('Democracies must', 'Democracies really must');
    expect(resolveSelectors(corrected, selectors)).toEqual({ start: start + 7, end: start + 23 });
  });

  test('picks the occurrence whose context matches, not merely the first', () => {
    expect(text.indexOf('the scaling laws')).toBeLessThan(start + 1);
    const later = text.indexOf('the scaling laws', start + 1);
    expect(later).toBeGreaterThan(start);
    const s = createSelectors(text, later, later + 16);
    const shifted = 'x'.repeat(40) + text;
    expect(resolveSelectors(shifted, s)).toEqual({ start: later + 40, end: later + 56 });
  });

  test('reports an orphan when the quote is gone', () => {
    expect(resolveSelectors(text.replaceAll('the scaling laws', 'scaling'), selectors)).toBeNull();
  });
});
