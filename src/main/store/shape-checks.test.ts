import { describe, expect, test } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { annotationProblem } from './shape-checks';

const documentId = '00000000-0000-4000-8000-00000000d0c0';
const text = 'Agents are a bit like gremlins: they do what you say, not what you mean.';
const highlight = {
  id: '00000000-0000-4000-8000-000000000001',
  documentId,
  selectors: createSelectors(text, 22, 30),
  color: 'yellow',
  note: '',
  noteState: null,
  codes: ['theme/risk'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('a highlight’s codes and note state, as read from disk', () => {
  const cases: [string, Record<string, unknown>, RegExp | null][] = [
    ['codes and a note state as Gloss writes them', { codes: ['theme/risk', 'method'], noteState: '{"root":{}}' }, null],
    ['no codes', { codes: [] }, null],
    ['codes missing', { codes: undefined }, /codes that are not a list/],
    ['codes that are not a list', { codes: 'theme' }, /codes that are not a list/],
    ['a code that is not text', { codes: [7] }, /not a code path/],
    ['an empty code', { codes: [''] }, /not a code path/],
    ['a code not written as Gloss keeps it', { codes: [' theme / risk '] }, /not a code path/],
    ['a code with a line break', { codes: ['a\nb'] }, /not a code path/],
    ['a code carried twice', { codes: ['a', 'b', 'a'] }, /carries the code a twice/],
    ['too many codes', { codes: Array.from({ length: 101 }, (_, i) => `c${i}`) }, /more than 100 codes/],
    ['a note state that is not text', { noteState: { root: {} } }, /note state/],
    ['a note state missing', { noteState: undefined }, /note state/],
  ];
  test.each(cases)('%s', (_what, change, problem) => {
    const found = annotationProblem({ ...highlight, ...change }, documentId);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
