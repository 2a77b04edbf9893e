import { describe, expect, it } from 'vitest';
import { CodePointIndex } from './code-points';

describe('CodePointIndex', () => {
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
