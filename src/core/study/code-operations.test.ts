import { describe, expect, test } from 'vitest';
import type { CodeOperation } from '../../shared/model';
import { codesWithin } from './code-tree';
import { mapCode, operationProblem, planOf, recode, recodeEntries } from './code-operations';

const rename = (from: string, to: string): CodeOperation => ({ kind: 'rename', from, to });
const merge = (from: string, into: string): CodeOperation => ({ kind: 'merge', from, into });
const move = (code: string, parent: string): CodeOperation => ({ kind: 'move', code, parent });
const remove = (code: string): CodeOperation => ({ kind: 'delete', code });

describe('one highlight’s codes under an operation', () => {
  const cases: [string, CodeOperation, string[], string[] | null][] = [
    ['a rename changes the code', rename('theme', 'topic'), ['theme'], ['topic']],
    ['children follow their parent', rename('theme', 'topic'), ['theme/risk', 'method', 'theme/risk/ai'], ['topic/risk', 'method', 'topic/risk/ai']],
    ['a code that only starts like the renamed one stays', rename('theme', 'topic'), ['themes', 'theme-2'], null],
    ['a parent stays when its child is renamed', rename('theme/risk', 'theme/danger'), ['theme', 'theme/risk'], ['theme', 'theme/danger']],
    ['a rename may go deeper elsewhere', rename('risk', 'theme/risk'), ['risk/ai'], ['theme/risk/ai']],
    ['a merge keeps one where the highlight carried both', merge('danger', 'risk'), ['risk', 'method', 'danger'], ['risk', 'method']],
    ['a merge keeps the order the reader gave', merge('danger', 'risk'), ['danger', 'method', 'risk'], ['risk', 'method']],
    ['a merge brings the children along, joining those of the same name', merge('a', 'b'), ['a/x', 'b/x', 'a/y'], ['b/x', 'b/y']],
    ['a child merged into its parent', merge('theme/risk', 'theme'), ['theme/risk/ai', 'theme/risk'], ['theme/ai', 'theme']],
    ['a move keeps the last part of the name', move('interview', 'method'), ['interview/first'], ['method/interview/first']],
    ['a move to the top', move('method/interview', ''), ['method/interview'], ['interview']],
    ['a delete takes the code and its children', remove('theme'), ['theme/risk', 'method', 'theme'], ['method']],
    ['a delete of a child leaves the parent', remove('theme/risk'), ['theme', 'theme/risk/ai'], ['theme']],
    ['a highlight without the code is untouched', remove('theme'), ['method'], null],
    ['a highlight without codes is untouched', rename('a', 'b'), [], null],
    ['a code named like a built-in is an ordinary code', rename('__proto__', 'constructor'), ['__proto__/toString'], ['constructor/toString']],
  ];
  test.each(cases)('%s', (_what, op, codes, expected) => {
    expect(recode(codes, planOf(op))).toEqual(expected);
  });

  test('mapCode says where one code goes, null for a deleted one', () => {
    expect(mapCode('a/b', planOf(rename('a', 'c')))).toBe('c/b');
    expect(mapCode('ab', planOf(rename('a', 'c')))).toBe('ab');
    expect(mapCode('a/b', planOf(remove('a')))).toBeNull();
  });
});

describe('which operations the code tree allows', () => {
  const tree = codesWithin(['theme/risk/ai', 'theme/danger', 'method/interview', 'topic/risk', 'a/'.repeat(9) + 'z']);
  const cases: [string, CodeOperation, string | null][] = [
    ['a rename to a free name', rename('theme', 'themes'), null],
    ['a rename onto a code in use: merge instead', rename('theme/danger', 'theme/risk'), 'conflict: .*“theme/risk” is already in use.*merge “theme/danger” into “theme/risk”'],
    ['a rename whose children all land on free names', rename('theme', 'topic2'), null],
    ['a rename whose child lands on a code in use: merge instead', rename('theme', 'topic'), 'conflict: .*“topic” is already in use'],
    ['a rename onto a parent that only exists as a parent', rename('theme/danger', 'method'), 'conflict: .*“method” is already in use'],
    ['a rename to itself', rename('theme', 'theme'), 'invalid-request: .*already called that'],
    ['a rename under itself', rename('theme', 'theme/sub'), 'invalid-request: .*under itself'],
    ['a rename of a code nobody uses', rename('nothing', 'else'), 'not-found: .*no code “nothing”'],
    ['a rename that makes a child too deep', rename('a', 'b/c/d'), 'invalid-request: .*levels deep'],
    ['a merge into a code in use', merge('theme/danger', 'theme/risk'), null],
    ['a merge into a new code', merge('theme/danger', 'new'), null],
    ['a merge of a child into its parent', merge('theme/risk', 'theme'), null],
    ['a merge into its own child', merge('theme', 'theme/risk'), 'invalid-request: .*under itself'],
    ['a merge into itself', merge('theme', 'theme'), 'invalid-request'],
    ['a move under another code', move('theme/danger', 'method'), null],
    ['a move under itself', move('theme', 'theme/risk'), 'invalid-request: .*cannot be moved under itself'],
    ['a move under its own name', move('theme', 'theme'), 'invalid-request: .*under itself'],
    ['a move where it already is', move('theme/danger', 'theme'), 'invalid-request: .*already there'],
    ['a move onto a code in use: merge instead', move('topic/risk', 'theme'), 'conflict: .*“theme/risk” is already in use'],
    ['a move to the top', move('theme/danger', ''), null],
    ['a delete', remove('theme'), null],
    ['a delete of a code nobody uses', remove('nothing'), 'not-found'],
  ];
  test.each(cases)('%s', (_what, op, expected) => {
    const problem = operationProblem(op, tree);
    if (expected === null) expect(problem).toBeNull();
    else expect(`${problem?.kind}: ${problem?.message}`).toMatch(new RegExp(expected));
  });
});

describe('the codebook’s entries under an operation', () => {
  const entries = new Map([
    ['theme', 'T'],
    ['theme/risk', 'R'],
    ['danger', 'D'],
    ['danger/ai', 'DA'],
  ]);
  const cases: [string, CodeOperation, [string, string][]][] = [
    ['a description goes with its code and its children', rename('theme', 'topic'), [['danger', 'D'], ['danger/ai', 'DA'], ['topic', 'T'], ['topic/risk', 'R']]],
    ['a merge keeps the entry of the code merged into, and brings the rest', merge('danger', 'theme/risk'), [['theme', 'T'], ['theme/risk', 'R'], ['theme/risk/ai', 'DA']]],
    ['a delete takes the entries of the code and its children', remove('theme'), [['danger', 'D'], ['danger/ai', 'DA']]],
    ['a move carries the entry under the new parent', move('danger', 'theme'), [['theme', 'T'], ['theme/risk', 'R'], ['theme/danger', 'D'], ['theme/danger/ai', 'DA']]],
  ];
  test.each(cases)('%s', (_what, op, expected) => {
    expect([...recodeEntries(entries, planOf(op))]).toEqual(expected);
  });
});
