import { expect, test } from 'vitest';
import { TopHits } from './top-hits';
import { seededRandom } from '../testing/seeded-random';

test('keeps the best few of many, best first, ties in the order offered, and counts them all', () => {
  const next = seededRandom(3);
  const scores = Array.from({ length: 5000 }, () => Math.floor(next() * 100));
  const top = new TopHits<number>(25);
  scores.forEach((score, i) => top.offer(score, () => i));
  const expected = scores
    .map((score, i) => ({ score, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, 25)
    .map((e) => e.i);
  expect(top.best()).toEqual(expected);
  expect(top.total).toBe(5000);
});

test('fewer items than the limit are all kept', () => {
  const top = new TopHits<string>(10);
  top.offer(1, () => 'a');
  top.offer(3, () => 'b');
  expect(top.best()).toEqual(['b', 'a']);
});
