import { describe, expect, test } from 'vitest';
import { codesWithin, codeTree, countCodes } from './code-tree';

describe('the code tree', () => {
  test('a code counts towards itself and every code above it', () => {
    expect([...codesWithin(['theme/risk/ai', 'method'])]).toEqual(['theme/risk/ai', 'theme', 'theme/risk', 'method']);
  });

  test('a highlight carrying a code and its parent counts once in the parent’s total', () => {
    const { direct, totals } = countCodes([{ codes: ['theme', 'theme/risk'] }, { codes: ['theme/risk'] }, { codes: [] }]);
    expect(Object.fromEntries(direct)).toEqual({ theme: 1, 'theme/risk': 2 });
    expect(Object.fromEntries(totals)).toEqual({ theme: 2, 'theme/risk': 2 });
  });

  test('lists used and described codes with their parents, parents first, siblings alphabetically and numbers by value', () => {
    const counts = countCodes([{ codes: ['b/x2', 'b/x10'] }, { codes: ['a'] }]);
    const entries = new Map([['c/only-described', { color: 'red' as const, description: 'Not used yet' }]]);
    const tree = codeTree(counts, entries);
    expect(tree.map((c) => [c.path, c.count, c.total])).toEqual([
      ['a', 1, 1],
      ['b', 0, 1],
      ['b/x2', 1, 1],
      ['b/x10', 1, 1],
      ['c', 0, 0],
      ['c/only-described', 0, 0],
    ]);
    expect(tree.at(-1)).toMatchObject({ color: 'red', description: 'Not used yet' });
    expect(tree[0]).toMatchObject({ color: null, description: '' });
  });

  test('a code named like a built-in property is an ordinary code', () => {
    const tree = codeTree(countCodes([{ codes: ['__proto__/constructor'] }]), new Map());
    expect(tree.map((c) => [c.path, c.total])).toEqual([
      ['__proto__', 1],
      ['__proto__/constructor', 1],
    ]);
  });
});
