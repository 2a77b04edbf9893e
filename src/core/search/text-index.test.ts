import { describe, expect, test } from 'vitest';
import { snippetOf, SNIPPET_LENGTH } from './snippet';
import { type SearchUnit, TextIndex } from './text-index';
import { wordsOf } from './words';

const unit = (from: number, to: number): SearchUnit => ({ kind: 'transcript', from, to, start: from, end: to, highlightId: null, speakers: [], color: null, codes: [] });

describe('TextIndex', () => {
  const text = 'Risky risks were taken.\n\nThe river rose; the RISK grew.\n\nNothing here.';
  const units = [unit(0, 23), unit(25, 55), unit(57, 70)];
  const index = TextIndex.build(text, units);
  const unitsOf = (term: string, prefix: boolean) => {
    const [low, high] = index.range(term, prefix);
    const found = new Set<number>();
    for (let i = low; i < high; i++) {
      const [first, last] = index.postingsOf(i);
      for (let k = first; k < last; k++) found.add(index.unitOf(k));
    }
    return [...found].sort();
  };

  test.each<[string, boolean, number[]]>([
    ['risk', false, [1]],
    ['risk', true, [0, 1]],
    ['ri', true, [0, 1]],
    ['the', false, [1]],
    ['nothing', false, [2]],
    ['absent', true, []],
  ])('%s (prefix: %s) is in units %j', (term, prefix, expected) => {
    expect(unitsOf(term, prefix)).toEqual(expected);
  });

  test('counts each word in a unit, and each unit once per word', () => {
    const [low] = index.range('the', false);
    const [first, last] = index.postingsOf(low);
    expect(last - first).toBe(1);
    expect([index.unitOf(first), index.countOf(first), [...index.places(first)]]).toEqual([1, 2, [0, 3]]);
    expect(index.words).toBe(4 + 6 + 2);
  });

  test('data that does not fit together is refused', () => {
    expect(TextIndex.check(index.data)).toBeNull();
    const reversed = `${index.data.terms.split('\n').filter(Boolean).reverse().join('\n')}\n`;
    expect(TextIndex.check({ ...index.data, terms: reversed })).toBe('terms out of order');
    expect(TextIndex.check({ ...index.data, postings: index.data.postings.slice(2) })).toBe('postings do not fit');
    expect(TextIndex.check({ ...index.data, units: [unit(0, 5000), ...units.slice(1)] })).toBe('a unit lies outside the text');
  });
});

describe('wordsOf', () => {
  test('folds case, accents and compatibility forms, keeping the offsets of the text', () => {
    expect(wordsOf('Été, ﬁne! Don’t')).toEqual([
      { term: 'ete', start: 0, end: 3 },
      { term: 'fine', start: 5, end: 8 },
      { term: 'don', start: 10, end: 13 },
      { term: 't', start: 14, end: 15 },
    ]);
  });
});

describe('snippetOf', () => {
  const long = `${'Before the words. '.repeat(10)}Here is the place where it was found.${' And after it.'.repeat(20)}`;

  test('is one line around the first mark, cut at words, with the marks moved into it', () => {
    const at = long.indexOf('place');
    const snippet = snippetOf(long.replace('Here', 'Here\n'), 0, long.length + 1, [[at + 1, at + 6]]);
    expect(snippet.text).not.toMatch(/\n/);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.marks.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['place']);
  });

  test('a short unit is shown whole', () => {
    expect(snippetOf('Short one.', 0, 10, [[0, 5]])).toEqual({ text: 'Short one.', marks: [[0, 5]] });
  });
});
