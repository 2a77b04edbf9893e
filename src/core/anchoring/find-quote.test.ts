import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlainText } from '../transcript/parse-plain-text';
import { plainTextOf } from '../transcript/plain-text';
import { findQuote } from './find-quote';

const text = plainTextOf(parsePlainText(readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8')));

/** The text each match covers, to compare with what the transcript says. */
const found = (quote: string) => {
  const { ranges, exact } = findQuote(text, quote);
  return { quotes: ranges.map((r) => text.slice(r.start, r.end)), exact };
};

describe('findQuote on the sample interview', () => {
  test.each([
    ['an exact quote', 'let a gremlin loose', ['let a gremlin loose'], true],
    ['an exact quote with curly apostrophes typed as in the text', 'the world’s most advanced', ['the world’s most advanced'], true],
    ['straight apostrophes for curly ones', "the world's most advanced", ['the world’s most advanced'], false],
    ['straight double quotes for curly ones', 'why an "entente" strategy', ['why an “entente” strategy'], false],
    ['a hyphen for an em dash', 'until 2021 - a year before', ['until 2021 — a year before'], false],
    ['two hyphens for an em dash', 'until 2021 -- a year before', ['until 2021 — a year before'], false],
    ['one space for the break between paragraphs', 'chatbot, Claude. Anthropic was valued', ['chatbot, Claude.\n\nAnthropic was valued'], false],
    ['runs of spaces and a line break', 'the  world’s\nmost   advanced', ['the world’s most advanced'], false],
    ['white space around the quote, which is left out', '  let a gremlin loose \n', ['let a gremlin loose'], true],
    ['several occurrences, in text order', 'scaling laws', ['scaling laws', 'scaling laws', 'scaling laws', 'scaling laws'], true],
  ])('finds %s', (_case, quote, quotes, exact) => {
    expect(found(quote)).toEqual({ quotes, exact });
  });

  test.each([
    ['a quote that is not in the text', 'gremlins everywhere'],
    ['a quote differing in case', 'Let A Gremlin Loose'],
    ['an empty quote', ''],
    ['a quote of white space only', ' \n '],
    ['an em dash where the text has no dash', 'until 2021 a year'],
  ])('finds nothing for %s', (_case, quote) => {
    expect(found(quote).quotes).toEqual([]);
  });

  test('prefers exact occurrences: a curly apostrophe typed finds only those, not the tolerant ones too', () => {
    const straight = "it's";
    const curly = 'it’s';
    expect(text.includes(straight)).toBe(false);
    expect(found(curly)).toEqual({ quotes: Array(found(straight).quotes.length).fill(curly), exact: true });
  });

  test('maps a tolerant match back to offsets in the plain text that createSelectors can use', () => {
    const [range] = findQuote(text, 'Claude. Anthropic').ranges;
    expect(range).toEqual({ start: text.indexOf('Claude.\n\nAnthropic'), end: text.indexOf('Claude.\n\nAnthropic') + 'Claude.\n\nAnthropic'.length });
  });
});

describe('findQuote on small texts', () => {
  test.each([
    ['aaa', 'aa', [[0, 2], [1, 3]]],
    ['“Yes,” she said', '"Yes," she said', [[0, 15]]],
    ['a — b', 'a - b', [[0, 5]]],
    ['a\u00a0b', 'a b', [[0, 3]]],
    ['end.', 'end.', [[0, 4]]],
  ])('in %j finds %j at %j', (haystack, quote, ranges) => {
    expect(findQuote(haystack, quote).ranges.map((r) => [r.start, r.end])).toEqual(ranges);
  });
});
