import { describe, expect, it, test } from 'vitest';
import { CodePointIndex } from './code-points';

describe('CodePointIndex', () => {
  test('counts an emoji as one character where JavaScript counts two', () => {
    const text = 'a😀b 🇫🇷 c𝄞d';
    const offsets = new CodePointIndex(text);
    for (let utf16 = 0; utf16 <= text.length; utf16++) {
      const startsCharacter = utf16 === text.length || !(text.charCodeAt(utf16) >= 0xdc00 && text.charCodeAt(utf16) <= 0xdfff);
      if (!startsCharacter) continue;
      const points = [...text.slice(0, utf16)].length;
      expect(offsets.toCodePoint(utf16)).toBe(points);
      expect(offsets.toUtf16(points)).toBe(utf16);
    }
    expect(offsets.toCodePoint(text.length)).toBe([...text].length);
  });

  test('agrees with the identity on text without astral characters, and past the end', () => {
    const offsets = new CodePointIndex('plain é text');
    expect(offsets.length).toBe('plain é text'.length);
    expect(offsets.toCodePoint(7)).toBe(7);
    expect(offsets.toUtf16(7)).toBe(7);
    const astral = new CodePointIndex('😀😀');
    expect(astral.toCodePoint(10)).toBe(8);
    expect(astral.toUtf16(8)).toBe(10);
  });

  test('a lone surrogate is one character in both counts', () => {
    const offsets = new CodePointIndex('a\ud800b😀');
    expect(offsets.toCodePoint(3)).toBe(3);
    expect(offsets.toCodePoint(5)).toBe(4);
    expect(offsets.toUtf16(4)).toBe(5);
  });
});


describe('CodePointIndex, as REFI-QDA positions use it', () => {
  it.each([
    ['no characters outside the BMP', 'plain text, café', 'café'],
    ['emoji before the passage', 'We 🎉 met 😀😀 at the party', 'at the'],
    ['a flag (two astral characters) and a family (joined by ZWJ)', '🇫🇷 and 👨‍👩‍👧 then words', 'then'],
    ['mathematical letters and CJK extension B', '𝒳 𝔸 𠀀𠀁 after', 'after'],
    ['an emoji inside the passage', 'before 🙂 inside 🙂 after', '🙂 inside 🙂'],
  ])('maps offsets both ways with %s', (_, text, quote) => {
    const index = new CodePointIndex(text);
    const start = text.indexOf(quote);
    const end = start + quote.length;
    const cpStart = index.toCodePoint(start);
    const cpEnd = index.toCodePoint(end);
    // What any code point counter (Array.from) says.
    expect(cpStart).toBe([...text.slice(0, start)].length);
    expect([...text].slice(cpStart, cpEnd).join('')).toBe(quote);
    expect(index.toUtf16(cpStart)).toBe(start);
    expect(index.toUtf16(cpEnd)).toBe(end);
    expect(index.length).toBe([...text].length);
  });

  it('gives an offset between the halves of a surrogate pair the pair’s own code point', () => {
    const index = new CodePointIndex('a😀b');
    expect([0, 1, 2, 3, 4].map((u) => index.toCodePoint(u))).toEqual([0, 1, 1, 2, 3]);
    expect([0, 1, 2, 3].map((c) => index.toUtf16(c))).toEqual([0, 1, 3, 4]);
  });
});
