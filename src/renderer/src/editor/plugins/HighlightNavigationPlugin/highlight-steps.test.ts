import { describe, expect, it } from 'vitest';
import { stepHighlight, type PlacedHighlight } from './highlight-steps';

/** Four highlights in document order; b and c start at the same word, c is the longer. */
const placed: PlacedHighlight[] = [
  { id: 'a', start: 10, end: 20 },
  { id: 'b', start: 40, end: 45 },
  { id: 'c', start: 40, end: 60 },
  { id: 'd', start: 90, end: 99 },
];
const all = () => true;

describe('stepHighlight', () => {
  it('goes from the selected highlight to the next and previous in document order', () => {
    expect(stepHighlight(placed, { selectedId: 'b', offset: 0 }, 'next', all)).toEqual({ id: 'c', wrapped: false });
    expect(stepHighlight(placed, { selectedId: 'b', offset: 0 }, 'previous', all)).toEqual({ id: 'a', wrapped: false });
  });

  it('wraps round at either end and says so', () => {
    expect(stepHighlight(placed, { selectedId: 'd', offset: 0 }, 'next', all)).toEqual({ id: 'a', wrapped: true });
    expect(stepHighlight(placed, { selectedId: 'a', offset: 0 }, 'previous', all)).toEqual({ id: 'd', wrapped: true });
  });

  it('with nothing selected, goes from the caret: on to the first starting at or after it, back to the last before it', () => {
    expect(stepHighlight(placed, { selectedId: null, offset: 30 }, 'next', all)).toEqual({ id: 'b', wrapped: false });
    expect(stepHighlight(placed, { selectedId: null, offset: 40 }, 'next', all)).toEqual({ id: 'b', wrapped: false });
    expect(stepHighlight(placed, { selectedId: null, offset: 40 }, 'previous', all)).toEqual({ id: 'a', wrapped: false });
    expect(stepHighlight(placed, { selectedId: null, offset: 95 }, 'next', all)).toEqual({ id: 'a', wrapped: true });
    expect(stepHighlight(placed, { selectedId: null, offset: 5 }, 'previous', all)).toEqual({ id: 'd', wrapped: true });
  });

  it('visits only the highlights the filter lets through, from a selected one it hides too', () => {
    const greens = new Set(['a', 'c']);
    const green = (id: string) => greens.has(id);
    expect(stepHighlight(placed, { selectedId: 'a', offset: 0 }, 'next', green)).toEqual({ id: 'c', wrapped: false });
    expect(stepHighlight(placed, { selectedId: 'b', offset: 0 }, 'next', green)).toEqual({ id: 'c', wrapped: false });
    expect(stepHighlight(placed, { selectedId: 'd', offset: 0 }, 'previous', green)).toEqual({ id: 'c', wrapped: false });
    expect(stepHighlight(placed, { selectedId: 'c', offset: 0 }, 'next', green)).toEqual({ id: 'a', wrapped: true });
  });

  it('comes back to the only matching highlight, wrapped, and finds none when nothing matches', () => {
    expect(stepHighlight(placed, { selectedId: 'd', offset: 0 }, 'next', (id) => id === 'd')).toEqual({ id: 'd', wrapped: true });
    expect(stepHighlight(placed, { selectedId: null, offset: 0 }, 'next', () => false)).toBeNull();
    expect(stepHighlight([], { selectedId: null, offset: 0 }, 'next', all)).toBeNull();
  });

  it('treats a selected id it does not know (an orphan) as no selection', () => {
    expect(stepHighlight(placed, { selectedId: 'orphan', offset: 50 }, 'next', all)).toEqual({ id: 'd', wrapped: false });
  });
});
