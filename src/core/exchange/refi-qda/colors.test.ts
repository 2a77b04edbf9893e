import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../shared/model';
import { glossColorOf, REFI_COLOR_HEX } from './colors';

describe('colours between Gloss and REFI-QDA', () => {
  it('reads every colour Gloss writes as itself', () => {
    for (const color of HIGHLIGHT_COLORS) expect(glossColorOf(REFI_COLOR_HEX[color])).toBe(color);
  });

  it.each([
    ['#FF0000', 'red'],
    ['#E31A1C', 'red'],
    ['#ff7f00', 'orange'],
    ['#FFD700', 'yellow'],
    ['#33A02C', 'green'],
    ['#1E90FF', 'blue'],
    ['#6A3D9A', 'purple'],
    ['#FF69B4', 'pink'],
    ['#f0f', 'pink'],
    ['#808080', null],
    ['#000000', null],
    ['#FFFFFF', null],
    ['red', null],
    ['', null],
  ])('reads %s as %s', (hex, color) => {
    expect(glossColorOf(hex)).toBe(color);
  });
});
