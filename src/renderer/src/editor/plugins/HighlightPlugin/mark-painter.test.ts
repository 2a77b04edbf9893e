/** What screen readers are told of a mark: its highlights by colour name, codes and note. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLOR_NAMES, type Annotation, type HighlightColor } from '../../../../../shared/model';
import { markDescription } from './mark-painter';

function highlight(color: HighlightColor, codes: string[] = [], note = ''): Annotation {
  return {
    id: `h-${color}`,
    documentId: 'd',
    selectors: { quote: { exact: 'let a gremlin loose' }, position: { start: 0, end: 19 } },
    color,
    note,
    noteState: null,
    codes,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  } as Annotation;
}

const names = (renamed: Partial<Record<HighlightColor, string>> = {}) => (color: HighlightColor) => renamed[color] ?? DEFAULT_COLOR_NAMES[color];

describe('markDescription', () => {
  it.each([
    ['a plain highlight by its colour', [highlight('blue')], 'Blue highlight'],
    ['one code', [highlight('blue', ['theme/risk'])], 'Blue highlight, code theme/risk'],
    ['several codes, in their order', [highlight('green', ['theme/risk', 'method'])], 'Green highlight, codes theme/risk, method'],
    ['a note', [highlight('pink', [], 'A vivid image')], 'Pink highlight, has a note'],
    ['a note of only spaces is no note', [highlight('pink', [], '  \n')], 'Pink highlight'],
    ['overlapping highlights, in the order given', [highlight('blue', ['theme']), highlight('yellow', [], 'Why?')], 'Blue highlight, code theme; Yellow highlight, has a note'],
  ])('%s', (_, here, expected) => {
    expect(markDescription(here, names())).toBe(expected);
  });

  it('says the name the reader gave the colour', () => {
    expect(markDescription([highlight('blue', ['theme/risk'], 'Note')], names({ blue: 'Key claim' }))).toBe('Key claim highlight, code theme/risk, has a note');
  });
});
