import { describe, expect, test } from 'vitest';
import { codeForTyped, foldForMatching, indexCodes, suggestCodes, type CodeUse } from './code-completion';

/** A small codebook as a study of interviews might grow one. */
const LIBRARY: CodeUse[] = [
  { path: 'theme', uses: 30 },
  { path: 'theme/risk', uses: 12 },
  { path: 'theme/risk/misuse', uses: 4 },
  { path: 'theme/benefit', uses: 9 },
  { path: 'method', uses: 20 },
  { path: 'method/interview', uses: 15 },
  { path: 'method/survey', uses: 2 },
  { path: 'emotion/frisky', uses: 1 },
  { path: 'Économie', uses: 3 },
  { path: 'risk appetite', uses: 5 },
];
const index = indexCodes(LIBRARY);
const paths = (typed: string, options = {}) => suggestCodes(index, typed, options).map((s) => s.path);

describe('suggestions for what was typed', () => {
  test.each([
    // [typed, expected paths in order, why]
    ['', ['theme', 'method', 'method/interview', 'theme/risk', 'theme/benefit', 'risk appetite', 'theme/risk/misuse', 'Économie'], 'nothing typed: the most used'],
    ['the', ['theme', 'theme/risk', 'theme/benefit', 'theme/risk/misuse'], 'path prefix, most used first'],
    ['risk', ['risk appetite', 'theme/risk', 'theme/risk/misuse', 'emotion/frisky'], 'path prefix, then part prefix, then anywhere'],
    ['theme/risk', ['theme/risk', 'theme/risk/misuse'], 'the exact code first, then those under it'],
    ['theme / risk/', ['theme/risk/misuse'], 'spaces around / do not count'],
    ['inter', ['method/interview'], 'the start of a part'],
    ['view', ['method/interview'], 'anywhere in the path'],
    ['RISK/MIS', ['theme/risk/misuse'], 'case does not count, and a part prefix can span parts'],
    ['econ', ['Économie'], 'accents do not count'],
    ['zzz', [], 'nothing matches'],
  ])('%j offers %j (%s)', (typed, expected) => {
    expect(paths(typed)).toEqual(expected);
  });

  test('an exact match comes first even when many more used codes start with it', () => {
    const many = indexCodes([...Array.from({ length: 20 }, (_, i) => ({ path: `risk${i}`, uses: 100 })), { path: 'risk', uses: 1 }]);
    expect(suggestCodes(many, 'risk')[0]).toEqual({ path: 'risk', uses: 1, match: 'exact' });
  });

  test('a better match beats a more used one: a rarely used prefix comes before a much used substring', () => {
    const two = indexCodes([{ path: 'frisk', uses: 500 }, { path: 'risky', uses: 1 }]);
    expect(suggestCodes(two, 'risk').map((s) => [s.path, s.match])).toEqual([
      ['risky', 'path-prefix'],
      ['frisk', 'substring'],
    ]);
  });

  test('codes the highlight already carries are not offered', () => {
    expect(paths('the', { exclude: new Set(['theme', 'theme/risk']) })).toEqual(['theme/benefit', 'theme/risk/misuse']);
    expect(paths('theme', { exclude: new Set(['theme']) })).toEqual(['theme/risk', 'theme/benefit', 'theme/risk/misuse']);
  });

  test('at most `limit` suggestions, the best ones', () => {
    expect(paths('e', { limit: 3 })).toEqual(['Économie', 'emotion/frisky', 'theme']);
  });

  test('codes equally used are offered in the order given (the codebook’s tree order)', () => {
    const even = indexCodes([{ path: 'a', uses: 1 }, { path: 'a/x', uses: 1 }, { path: 'b/x', uses: 1 }]);
    expect(suggestCodes(even, 'x').map((s) => s.path)).toEqual(['a/x', 'b/x']);
    expect(suggestCodes(even, '').map((s) => s.path)).toEqual(['a', 'a/x', 'b/x']);
  });

  test('a code listed twice is offered once, with its larger use', () => {
    const twice = indexCodes([{ path: 'risk', uses: 1 }, { path: 'risk', uses: 7 }]);
    expect(suggestCodes(twice, 'ri')).toEqual([{ path: 'risk', uses: 7, match: 'path-prefix' }]);
  });
});

describe('the code Enter adds', () => {
  test.each([
    ['theme/risk', 'theme/risk', 'an existing code as typed'],
    ['Theme / RISK', 'theme/risk', 'an existing code, spelled as the library spells it'],
    ['economie', 'Économie', 'an existing code, accents aside'],
    ['  theme //  new   idea ', 'theme/new idea', 'a new code, normalised'],
  ])('%j adds %j (%s)', (typed, expected) => {
    expect(codeForTyped(index, typed)).toBe(expected);
  });

  test('text that cannot be a code is refused with the reason', () => {
    expect(() => codeForTyped(index, ' / ')).toThrow('a code cannot be empty');
    expect(() => codeForTyped(index, 'a\nb')).toThrow('a code cannot hold control characters or line breaks');
  });
});

test('folding for matching drops case, accents and spaces around /', () => {
  expect(foldForMatching('  Économie /  Crédit   Agricole ')).toBe('economie/credit agricole');
});
