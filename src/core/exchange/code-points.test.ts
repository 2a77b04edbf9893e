import { describe, expect, test } from 'vitest';
import { CodePointOffsets } from './code-points';

describe('CodePointOffsets', () => {
  test('counts an emoji as one character where JavaScript counts two', () => {
    const text = 'a😀b 🇫🇷 c𝄞d';
    const offsets = new CodePointOffsets(text);
    for (let utf16 = 0; utf16 <= text.length; utf16++) {
      const startsCharacter = utf16 === text.length || !(text.charCodeAt(utf16) >= 0xdc00 && text.charCodeAt(utf16) <= 0xdfff);
      if (!startsCharacter) continue;
      const points = [...text.slice(0, utf16)].length;
      expect(offsets.toCodePoints(utf16)).toBe(points);
      expect(offsets.toUtf16(points)).toBe(utf16);
    }
    expect(offsets.toCodePoints(text.length)).toBe([...text].length);
  });

  test('agrees with the identity on text without astral characters, and past the end', () => {
    const offsets = new CodePointOffsets('plain é text');
    expect(offsets.hasAstral).toBe(false);
    expect(offsets.toCodePoints(7)).toBe(7);
    expect(offsets.toUtf16(7)).toBe(7);
    const astral = new CodePointOffsets('😀😀');
    expect(astral.toCodePoints(10)).toBe(8);
    expect(astral.toUtf16(8)).toBe(10);
  });

  test('a lone surrogate is one character in both counts', () => {
    const offsets = new CodePointOffsets('a\ud800b😀');
    expect(offsets.toCodePoints(3)).toBe(3);
    expect(offsets.toCodePoints(5)).toBe(4);
    expect(offsets.toUtf16(4)).toBe(5);
  });
});
