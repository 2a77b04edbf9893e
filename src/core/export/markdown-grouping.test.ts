import { expect, test } from 'vitest';
import { createSelectors } from '../anchoring/selectors';
import { seededRandom } from '../testing/seeded-random';
import { attributionOf, plainTextOf } from '../transcript/plain-text';
import type { Annotation } from '../../shared/model';
import { attributionIndex, placeHighlights } from './markdown-grouping';
import { SAMPLE, SAMPLE_TEXT } from './testing/markdown-fixtures';

test('the attribution index says who says a range as attributionOf does, for every kind of range (seeded)', () => {
  const who = attributionIndex(SAMPLE);
  const next = seededRandom(7);
  const length = SAMPLE_TEXT.length;
  for (let i = 0; i < 5000; i++) {
    const start = Math.floor(next() * length);
    // Short ranges inside a paragraph, long ones across turns, and empty ones between paragraphs.
    const end = Math.min(length, start + Math.floor(next() * (next() < 0.2 ? 3000 : 80)));
    expect(who(start, end), `${start}-${end}`).toBe(attributionOf(SAMPLE, start, end));
  }
  for (const [start, end] of [[0, 0], [0, length], [length, length], [length - 1, length]]) expect(who(start, end)).toBe(attributionOf(SAMPLE, start, end));
});

test('a highlight is placed where its position says, found by its quote when the text moved, or left an orphan', () => {
  const text = plainTextOf(SAMPLE);
  const at = text.indexOf('gremlin');
  const base: Omit<Annotation, 'id' | 'selectors'> = { documentId: 'd', color: 'yellow', note: '', noteState: null, codes: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
  const inPlace: Annotation = { ...base, id: 'a', selectors: createSelectors(text, at, at + 7) };
  const moved: Annotation = { ...base, id: 'b', selectors: { ...inPlace.selectors, position: { type: 'TextPositionSelector', start: at + 5, end: at + 12 } } };
  const gone: Annotation = { ...base, id: 'c', selectors: { ...inPlace.selectors, quote: { ...inPlace.selectors.quote, exact: 'no such words anywhere' } } };
  const orphaned: Annotation = { ...inPlace, id: 'd', orphaned: true };
  const { placed, orphans } = placeHighlights(SAMPLE, text, [gone, moved, orphaned, inPlace]);
  expect(placed.map((h) => [h.annotation.id, h.start, h.quote])).toEqual([
    ['a', at, 'gremlin'],
    ['b', at, 'gremlin'],
  ]);
  expect(placed[0].attribution).toBe(attributionOf(SAMPLE, at, at + 7));
  expect(orphans.map((h) => [h.annotation.id, h.attribution])).toEqual([
    ['c', 'Not placed in the current text'],
    ['d', 'Not placed in the current text'],
  ]);
});
