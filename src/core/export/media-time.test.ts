import { expect, test } from 'vitest';
import type { Transcript } from '../../shared/model';
import { formatMediaTime, mediaTimes } from './media-time';

test.each([
  [0, '0:00'],
  [5.9, '0:05'],
  [75, '1:15'],
  [723, '12:03'],
  [3600, '1:00:00'],
  [3725, '1:02:05'],
  [36000, '10:00:00'],
])('%s seconds are written %s', (seconds, written) => {
  expect(formatMediaTime(seconds)).toBe(written);
});

const timed: Transcript = {
  title: 'T',
  speakers: ['A'],
  turns: [
    { speaker: 'A', kind: 'speech', paragraphs: [{ text: 'one', start: 0, end: 3, startSeconds: 12 }, { text: 'two', start: 5, end: 8, startSeconds: 75 }] },
    { speaker: null, kind: 'aside', paragraphs: [{ text: 'three', start: 10, end: 15 }] },
  ],
};

test('a highlight takes the time of the paragraph it starts in, or of the last timed one before it', () => {
  const times = mediaTimes(timed);
  expect(times.timed).toBe(true);
  expect([0, 2, 4, 5, 9, 12].map((at) => times.at(at))).toEqual([12, 12, 12, 75, 75, null]);
});

test('a transcript with no times gives none', () => {
  const untimed: Transcript = { ...timed, turns: [{ speaker: 'A', kind: 'speech', paragraphs: [{ text: 'x', start: 0, end: 1 }] }] };
  expect(mediaTimes(untimed).timed).toBe(false);
  expect(mediaTimes(untimed).at(0)).toBeNull();
});
