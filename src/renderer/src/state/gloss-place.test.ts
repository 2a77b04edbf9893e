import { expect, test } from 'vitest';
import { asGlossPlace } from './gloss-place';

const DOC = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';
const HL = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

test.each([
  [{ documentId: DOC }],
  [{ documentId: DOC, highlightId: HL }],
  [{ documentId: DOC, start: 0, end: 12 }],
])('takes a place shaped as main sends it: %j', (place) => {
  expect(asGlossPlace(place)).toEqual(place);
});

test.each([
  ['nothing', null],
  ['a string', `gloss://document/${DOC}`],
  ['an id that is not a UUID', { documentId: '../../etc' }],
  ['a highlight id that is not a UUID', { documentId: DOC, highlightId: 'x' }],
  ['a highlight and a passage at once', { documentId: DOC, highlightId: HL, start: 0, end: 3 }],
  ['a passage with only a start', { documentId: DOC, start: 3 }],
  ['a passage that ends before it starts', { documentId: DOC, start: 5, end: 5 }],
  ['offsets that are not whole numbers', { documentId: DOC, start: 0.5, end: 3 }],
  ['a negative offset', { documentId: DOC, start: -1, end: 3 }],
  ['offsets given as text', { documentId: DOC, start: '0', end: '3' }],
  ['a key of its own', { documentId: DOC, script: 'alert(1)' }],
])('refuses %s', (_what, value) => {
  expect(asGlossPlace(value)).toBeNull();
});
