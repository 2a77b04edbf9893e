import { expect, test } from 'vitest';
import { type FlagSpecs, parseArgs, UsageError } from './args';

const SPECS: FlagSpecs = { check: { repair: 'switch' }, highlight: { doc: 'value', code: 'values', note: 'value' } };
const parse = (...argv: string[]) => parseArgs(argv, SPECS, { GLOSS_DATA_DIR: '/data' });

test('reads switches, flags with a value (spaced or with =), repeated flags in order, and operands', () => {
  const args = parse('highlight', '--doc', 'D', '--code=a', 'extra', '--code', 'b/c', '--json', '--data-dir=/lib');
  expect(args).toMatchObject({ command: 'highlight', operands: ['extra'], json: true, dataDir: '/lib' });
  expect(args.values).toEqual(new Map([['doc', ['D']], ['code', ['a', 'b/c']]]));
  expect(parse('check', '--repair').flags).toEqual(new Set(['repair']));
  expect(parse('check').dataDir).toBe('/data');
});

test('a value may begin with dashes or be empty; what follows -- is an operand', () => {
  expect(parse('highlight', '--note', '--- draft', '--code', '').values).toEqual(new Map([['note', ['--- draft']], ['code', ['']]]));
  expect(parse('highlight', '--', '--doc').operands).toEqual(['--doc']);
});

test.each([
  [['highlight', '--repair'], 'unknown option --repair for gloss highlight'],
  [['check', '--doc', 'D'], 'unknown option --doc for gloss check'],
  [['highlight', '--doc', 'A', '--doc', 'B'], '--doc can be given only once'],
  [['highlight', '--doc'], '--doc needs a value'],
  [['check', '--repair=yes'], '--repair takes no value'],
  [['check', '--json=1'], '--json takes no value'],
  [['check', '--data-dir='], '--data-dir needs a folder'],
  [['highlight', '--toString', 'x'], 'unknown option --toString for gloss highlight'],
])('refuses %j: %s', (argv, message) => {
  expect(() => parse(...argv)).toThrow(new UsageError(message));
});
