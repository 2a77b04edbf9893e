import { describe, expect, it } from 'vitest';
import type { HighlightColor } from '../../shared/model';
import { activeFilterKinds, filterChoices, filterHighlights, NO_FILTER, type HighlightFilter } from './filter-highlights';

const MM = 'Madhumita Murgia';
const DA = 'Dario Amodei';

interface H {
  id: string;
  color: HighlightColor;
  codes: string[];
  note: string;
  speakers: (string | null)[];
  createdAt: string;
  start: number;
  end: number;
  placed: boolean;
}

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

// Highlights on the sample interview, in the order they were made.
const HIGHLIGHTS: H[] = [
  { id: 'gremlin', color: 'yellow', codes: ['theme/risk'], note: '', speakers: [DA], createdAt: at(1), start: 900, end: 934, placed: true },
  { id: 'essay', color: 'green', codes: ['method/interview'], note: 'Opening question', speakers: [MM], createdAt: at(2), start: 120, end: 160, placed: true },
  { id: 'scaling', color: 'yellow', codes: ['theme'], note: '', speakers: [null], createdAt: at(3), start: 40, end: 56, placed: true },
  { id: 'challenges', color: 'pink', codes: ['theme/risk/misuse', 'method'], note: '  ', speakers: [MM, DA], createdAt: at(4), start: 600, end: 700, placed: true },
  { id: 'lost', color: 'blue', codes: [], note: 'text was edited away', speakers: [], createdAt: at(0), start: 0, end: 0, placed: false },
];

const filter = (f: Partial<HighlightFilter>) => ({ ...NO_FILTER, ...f });
const ids = (f: Partial<HighlightFilter>, sort: 'document' | 'created' | 'color' = 'document') => filterHighlights(HIGHLIGHTS, filter(f), sort).map((h) => h.id);

describe('filterHighlights', () => {
  it.each<[string, Partial<HighlightFilter>, string[]]>([
    ['no filter lists every highlight in document order, orphans last', {}, ['scaling', 'essay', 'challenges', 'gremlin', 'lost']],
    ['a colour lists that colour only', { colors: ['yellow'] }, ['scaling', 'gremlin']],
    ['several colours list any of them', { colors: ['pink', 'green'] }, ['essay', 'challenges']],
    ['a code takes in the codes under it', { codes: ['theme'] }, ['scaling', 'challenges', 'gremlin']],
    ['a child code does not take in its parent', { codes: ['theme/risk'] }, ['challenges', 'gremlin']],
    ['a code does not take in a sibling that starts with the same letters', { codes: ['theme/ri'] }, []],
    ['several codes list any of them', { codes: ['method/interview', 'theme/risk/misuse'] }, ['essay', 'challenges']],
    ['a speaker lists highlights touching their turns, spanning ones included', { speakers: [DA] }, ['challenges', 'gremlin']],
    ['no speaker (null) lists text nobody says', { speakers: [null] }, ['scaling']],
    ['"has a note" ignores notes of white space only', { withNote: true }, ['essay', 'lost']],
    ['kinds combine: all must hold', { codes: ['theme'], speakers: [DA] }, ['challenges', 'gremlin']],
    ['kinds combine down to nothing', { colors: ['yellow'], speakers: [MM] }, []],
    ['colour, code, speaker and note together', { colors: ['green', 'pink'], codes: ['method'], speakers: [MM], withNote: true }, ['essay']],
  ])('%s', (_, f, expected) => {
    expect(ids(f)).toEqual(expected);
  });

  it('sorts by time of creation, oldest first', () => {
    expect(ids({}, 'created')).toEqual(['lost', 'gremlin', 'essay', 'scaling', 'challenges']);
  });

  it('sorts by colour in toolbar order, then by place in the document', () => {
    expect(ids({}, 'color')).toEqual(['scaling', 'gremlin', 'essay', 'lost', 'challenges']);
  });

  it('leaves the list it was given as it was', () => {
    const before = HIGHLIGHTS.map((h) => h.id);
    filterHighlights(HIGHLIGHTS, NO_FILTER, 'color');
    expect(HIGHLIGHTS.map((h) => h.id)).toEqual(before);
  });

  it('counts the kinds of filter in use', () => {
    expect(activeFilterKinds(NO_FILTER)).toBe(0);
    expect(activeFilterKinds(filter({ colors: ['red', 'blue'], withNote: true }))).toBe(2);
  });
});

describe('filterChoices', () => {
  const choices = filterChoices(HIGHLIGHTS, [MM, DA]);

  it('offers the colours in use in toolbar order, with counts', () => {
    expect(choices.colors).toEqual([
      { color: 'yellow', count: 2 },
      { color: 'green', count: 1 },
      { color: 'blue', count: 1 },
      { color: 'pink', count: 1 },
    ]);
  });

  it('offers the codes in use and their parents in tree order, a parent counting its children once per highlight', () => {
    expect(choices.codes).toEqual([
      { code: 'method', count: 2 },
      { code: 'method/interview', count: 1 },
      { code: 'theme', count: 3 },
      { code: 'theme/risk', count: 2 },
      { code: 'theme/risk/misuse', count: 1 },
    ]);
  });

  it('offers the speakers in the transcript order, no speaker last', () => {
    expect(choices.speakers).toEqual([
      { speaker: MM, count: 2 },
      { speaker: DA, count: 2 },
      { speaker: null, count: 1 },
    ]);
  });

  it('counts the highlights with a note', () => {
    expect(choices.withNote).toBe(2);
  });

  it("each choice's count is what filtering by it alone lists", () => {
    for (const { code, count } of choices.codes) expect(ids({ codes: [code] })).toHaveLength(count);
    for (const { speaker, count } of choices.speakers) expect(ids({ speakers: [speaker] })).toHaveLength(count);
    for (const { color, count } of choices.colors) expect(ids({ colors: [color] })).toHaveLength(count);
  });
});
