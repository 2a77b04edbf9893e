import { expect, test } from 'vitest';
import { withOffsets } from './offsets';

test('numbers paragraphs through the plain text, counting the separator between them', () => {
  const turns = withOffsets([
    { speaker: null, kind: 'heading', texts: ['Title'] },
    { speaker: 'Alice Smith', kind: 'speech', texts: ['Hi.', { text: 'At a time.', startSeconds: 1.5, endSeconds: 3 }] },
  ]);
  expect(turns).toEqual([
    { speaker: null, kind: 'heading', paragraphs: [{ text: 'Title', start: 0, end: 5 }] },
    {
      speaker: 'Alice Smith',
      kind: 'speech',
      paragraphs: [
        { text: 'Hi.', start: 7, end: 10 },
        { text: 'At a time.', start: 12, end: 22, startSeconds: 1.5, endSeconds: 3 },
      ],
    },
  ]);
});

test('gives text without media times no time fields', () => {
  const [turn] = withOffsets([{ speaker: null, kind: 'speech', texts: ['a'] }]);
  expect(Object.keys(turn.paragraphs[0])).toEqual(['text', 'start', 'end']);
});
