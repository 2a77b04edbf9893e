import { describe, expect, test } from 'vitest';
import { seededRandom } from '../testing/seeded-random';
import { blockquoteLines, quotedParagraphs } from './blockquote-lines';
import { escapeParagraphs } from './escape-markdown';

/** What blockquoteLines must equal: the general escaper's paragraphs, each line behind `> `. */
const general = (text: string) => quotedParagraphs(escapeParagraphs(text));

describe('blockquoteLines', () => {
  test.each([
    ['plain words', 'It was a long night at the committee.'],
    ['a line start that reads as markup', '# not a heading'],
    ['a list marker', '- not a list item'],
    ['a numbered line', '2024. was the year'],
    ['a number with a bracket', '12) twelve'],
    ['paragraphs and line breaks', 'first line\nsecond line\n\n  \n\nnext paragraph\n+ plus'],
    ['blank text', ' \n\n \t'],
    ['empty text', ''],
    ['inline markup', 'a *b* _c_ `d` [e](f) <g> & h | i ~ j $ k ! l \\ m'],
    ['a web address', 'see https://example.com/x?y=1 and www.example.org.'],
    ['control characters and a carriage return', 'a\u0000b\u0007c\r\nd\re'],
    ['a setext underline', 'text\n===\n---'],
    ['letters of any script', 'Ça va — 😀 日本語'],
  ])('writes %s as the general escaper does', (_name, text) => {
    expect(blockquoteLines(text)).toBe(general(text));
  });

  test('writes any text of markup characters, line breaks and words as the general escaper does (seeded)', () => {
    const next = seededRandom(12);
    const alphabet = ['a', 'word ', ' ', '\n', '\n\n', '#', '-', '+', '=', ':', '>', '1', '9', '.', ')', '*', '_', '`', '<', '&', '\t', '\r', 'www.', 'http://x', '\u0001', 'é'];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(blockquoteLines(text), JSON.stringify(text)).toBe(general(text));
    }
  });
});
