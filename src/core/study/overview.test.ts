import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { HighlightColor } from '../../shared/model';
import { parsePlainText } from '../transcript/parse-plain-text';
import { plainTextOf } from '../transcript/plain-text';
import { inCell, type OverviewHighlight, overviewOf } from './overview';
import { speakerIndex } from './speakers';

const sample = parsePlainText(readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8'), 'sample.txt');
const text = plainTextOf(sample);
const index = speakerIndex(sample);
const MM = 'Madhumita Murgia';
const DA = 'Dario Amodei';

/** A highlight of `quote` (or from `quote` to `to`), placed among the speakers as the store places it. */
function highlight(quote: string, color: HighlightColor, codes: string[], to?: string): OverviewHighlight {
  const start = text.indexOf(quote);
  const end = to ? text.indexOf(to) + to.length : start + quote.length;
  return { speakers: index.speakersOf(start, end), codes, color };
}

const highlights = [
  highlight('let a gremlin loose', 'red', ['theme/risk/agents']),
  highlight('What are some of the challenges?', 'yellow', ['method/question']),
  highlight('Anthropic was valued', 'blue', ['context']),
  highlight('detail right now?', 'green', ['theme/risk', 'theme'], 'In a sense'),
  highlight('No one is more tired of it than me', 'red', []),
];

describe('the overview of the sample interview', () => {
  const overview = overviewOf('doc', index.speakers, highlights);

  test('has a column for every code in use and its parents, in tree order', () => {
    expect(overview.codes).toEqual(['context', 'method', 'method/question', 'theme', 'theme/risk', 'theme/risk/agents']);
  });

  test('has a row per speaker in the order they speak, then the text no speaker says', () => {
    expect(overview.rows.map((r) => r.speaker)).toEqual([MM, DA, null]);
  });

  test('counts a highlight over a question and its answer for both speakers, and once in the totals', () => {
    const [mm, da, none] = overview.rows;
    expect(mm).toEqual({ speaker: MM, highlights: 2, codes: { method: 1, 'method/question': 1, theme: 1, 'theme/risk': 1 }, colors: { yellow: 1, green: 1 } });
    expect(da).toEqual({ speaker: DA, highlights: 3, codes: { theme: 2, 'theme/risk': 2, 'theme/risk/agents': 1 }, colors: { red: 2, green: 1 } });
    expect(none).toEqual({ speaker: null, highlights: 1, codes: { context: 1 }, colors: { blue: 1 } });
    expect(overview.totals).toEqual({
      highlights: 5,
      codes: { context: 1, method: 1, 'method/question': 1, theme: 2, 'theme/risk': 2, 'theme/risk/agents': 1 },
      colors: { red: 2, yellow: 1, blue: 1, green: 1 },
    });
  });

  test('a code column counts a highlight carrying the code and its parent once', () => {
    expect(overview.totals.codes.theme).toBe(2);
  });

  test('lists every speaker, even one with no highlight, and no empty row for unspoken text', () => {
    const quiet = overviewOf('doc', index.speakers, [highlight('let a gremlin loose', 'red', [])]);
    expect(quiet.rows).toEqual([
      { speaker: MM, highlights: 0, codes: {}, colors: {} },
      { speaker: DA, highlights: 1, codes: {}, colors: { red: 1 } },
    ]);
    expect(quiet.codes).toEqual([]);
  });

  test('a cell stands for the highlights of its speaker and its code (with children) or colour', () => {
    const ofCell = (cell: Parameters<typeof inCell>[1]) => highlights.filter((h) => inCell(h, cell)).length;
    expect(ofCell({ speaker: DA, code: 'theme' })).toBe(2);
    expect(ofCell({ speaker: MM, code: 'theme/risk' })).toBe(1);
    expect(ofCell({ speaker: null })).toBe(1);
    expect(ofCell({ code: 'theme/risk/agents' })).toBe(1);
    expect(ofCell({ speaker: DA, color: 'red' })).toBe(2);
    expect(ofCell({})).toBe(5);
  });
});
