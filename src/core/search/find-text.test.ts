import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlainText } from '../transcript/parse-plain-text';
import { plainTextOf } from '../transcript/plain-text';
import { TextFinder, findText, type FindOptions } from './find-text';

/** The original text each match covers. */
const found = (text: string, query: string, options: FindOptions = {}) => findText(text, query, options).map((r) => text.slice(r.start, r.end));

describe('findText', () => {
  test.each<[string, string, string, string[], FindOptions?]>([
    ['every occurrence, in text order', 'the cat and the hat', 'the', ['the', 'the']],
    ['regardless of case by default', 'The THE the', 'the', ['The', 'THE', 'the']],
    ['only the same case with match case', 'The THE the', 'the', ['the'], { matchCase: true }],
    ['a precomposed accent for a plain letter', 'un café noir', 'cafe', ['café']],
    ['a decomposed accent for a plain letter, taking the mark along', 'un cafe\u0301 noir', 'cafe', ['cafe\u0301']],
    ['a precomposed query in decomposed text', 'un cafe\u0301 noir', 'café', ['cafe\u0301']],
    ['a decomposed query in precomposed text', 'un café noir', 'cafe\u0301', ['café']],
    ['accents even with match case', 'Ça va', 'Ca', ['Ça'], { matchCase: true }],
    ['Turkish dotted capital I as i', 'İstanbul', 'istanbul', ['İstanbul']],
    ['Turkish dotless i as i', 'kırmızı', 'kirmizi', ['kırmızı']],
    ['sharp s as ss', 'Die Straße', 'strasse', ['Straße']],
    ['ss as sharp s', 'Die Strasse', 'straße', ['Strasse']],
    ['a ligature as its letters', 'a ﬁne day', 'fine', ['ﬁne']],
    ['full-width letters as ASCII', 'ＡＢＣ news', 'abc', ['ＡＢＣ']],
    ['a straight apostrophe for a curly one', 'the world’s best', "world's", ['world’s']],
    ['a curly apostrophe for a straight one', "the world's best", 'world’s', ["world's"]],
    ['straight double quotes for curly ones', 'an “entente” plan', '"entente"', ['“entente”']],
    ['a hyphen for an em dash', 'yes—no', 'yes-no', ['yes—no']],
    ['one space for a paragraph break', 'end.\n\nStart', 'end. start', ['end.\n\nStart']],
    ['text beside an emoji, with offsets past it right', 'I 😀 love 😀 tea', 'love', ['love']],
    ['an emoji itself', 'I 😀 love 😀 tea', '😀', ['😀', '😀']],
    ['matches that do not overlap', 'aaaa', 'aa', ['aa', 'aa']],
    ['one match for a letter inside one character', 'Maß', 's', ['ß']],
    ['a whole word only, with whole words', 'cat catalogue cat', 'cat', ['cat', 'cat'], { wholeWord: true }],
    ['a word beside punctuation, with whole words', '(cat), cat.', 'cat', ['cat', 'cat'], { wholeWord: true }],
    ['not a word inside an accented word, with whole words', 'caféine café', 'cafe', ['café'], { wholeWord: true }],
    ['not part of a word with an apostrophe, with whole words', 'don’t don', 'don', ['don'], { wholeWord: true }],
    ['a word in quotes, with whole words', '‘don’ said', 'don', ['don'], { wholeWord: true }],
    ['a phrase with punctuation at its edge, with whole words', 'well, then', 'well,', ['well,'], { wholeWord: true }],
    ['digits as word characters, with whole words', '2021 12021', '2021', ['2021'], { wholeWord: true }],
  ])('finds %s', (_case, text, query, expected, options) => {
    expect(found(text, query, options)).toEqual(expected);
  });

  test.each([
    ['an empty query', 'some text', ''],
    ['a query of white space', 'some text', '   '],
    ['a word that is not there', 'some text', 'other'],
    ['an accented letter for another letter', 'cafe', 'cafa'],
  ])('finds nothing for %s', (_case, text, query) => {
    expect(findText(text, query)).toEqual([]);
  });

  test('gives UTF-16 offsets of the original text after an emoji and a decomposed accent', () => {
    const text = '😀 cafe\u0301 😀 cafe';
    expect(findText(text, 'cafe')).toEqual([
      { start: 3, end: 8 },
      { start: 12, end: 16 },
    ]);
  });
});

describe('TextFinder on the sample interview', () => {
  const text = plainTextOf(parsePlainText(readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8')));
  const finder = new TextFinder(text);

  test('finds a phrase typed with a straight apostrophe where the transcript has a curly one', () => {
    const matches = finder.find("the world's most advanced");
    expect(matches.map((r) => text.slice(r.start, r.end))).toEqual(['the world’s most advanced']);
  });

  test('gives the same matches on a second search (the folded text is kept)', () => {
    expect(finder.find('scaling laws')).toEqual(finder.find('Scaling Laws'));
    expect(finder.find('scaling laws').length).toBeGreaterThan(1);
  });
});

describe('TextFinder on a book-length text', () => {
  // About 250,000 words, the size the find bar must handle in the reader.
  const words = ['the', 'Émigré', 'world’s', 'cafe\u0301', 'scaling', 'laws', 'and', 'a', 'gremlin', 'loose,', 'ﬁne', 'Straße'];
  const parts: string[] = [];
  for (let i = 0; i < 250_000; i++) parts.push(words[(i * 7 + (i >> 3)) % words.length]);
  const book = parts.join(' ');

  // The bench measures the find bar against its 30 ms budget; this bound (on a machine that may be busy) catches a
  // search that grows with matches times pieces.
  test('finds tens of thousands of matches, with their offsets right, in a fraction of a second', () => {
    const finder = new TextFinder(book);
    finder.prepare();
    const started = performance.now();
    const matches = finder.find('world’s');
    const elapsed = performance.now() - started;
    expect(matches.length).toBeGreaterThan(10_000);
    expect(matches.every((r) => book.slice(r.start, r.end) === 'world’s')).toBe(true);
    expect(elapsed).toBeLessThan(250);
  });
});
