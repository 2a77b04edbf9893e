import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlainText } from '../transcript/parse-plain-text';
import { plainTextOf } from '../transcript/plain-text';
import { speakerIndex } from './speakers';

const sample = parsePlainText(readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8'), 'sample.txt');
const text = plainTextOf(sample);
const index = speakerIndex(sample);
const MM = 'Madhumita Murgia';
const DA = 'Dario Amodei';

/** The range of `quote` in the plain text (its `nth` occurrence, from 0). */
function range(quote: string, nth = 0): [number, number] {
  let at = text.indexOf(quote);
  for (let i = 0; i < nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not in the sample: ${quote}`);
  return [at, at + quote.length];
}

describe('who speaks where in the sample interview', () => {
  test('lists the speakers in the order they first speak', () => {
    expect(index.speakers).toEqual([MM, DA]);
  });

  const cases: [string, [number, number], (string | null)[]][] = [
    ['a quote inside one turn', range('let a gremlin loose'), [DA]],
    ['a question', range('What are some of the challenges?'), [MM]],
    ['the introduction, which no speaker says', range('Anthropic was valued'), [null]],
    ['the title', range('Democracies must maintain'), [null]],
    ['a quote across a question and its answer', [range('detail right now?')[0], range('In a sense')[1]], [MM, DA]],
    ['a quote from the introduction into the first question', [range('responsible AI.')[0], range('I want to kick off')[1]], [null, MM]],
    ['a quote over three turns, a speaker twice', [range('What are some of the challenges?')[0] - 20, range('As a thought experiment')[1]], [DA, MM]],
    ['the two blank characters between paragraphs of one turn', [range('that point, then we’ll release these systems.')[0] - 2, range('that point, then we’ll release these systems.')[0]], [DA]],
    ['the whole transcript', [0, text.length], [null, MM, DA]],
  ];
  test.each(cases)('%s', (_what, [start, end], expected) => {
    expect(index.speakersOf(start, end)).toEqual(expected);
  });

  test('the blank between two turns belongs to neither', () => {
    const [, end] = range('What are some of the challenges?');
    expect(index.speakersOf(end, end + 2)).toEqual([]);
  });

  test('places 10,000 ranges in a few milliseconds', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const start = (i * 7919) % (text.length - 200);
      index.speakersOf(start, start + 150);
    }
    expect(performance.now() - started).toBeLessThan(100);
  });
});
