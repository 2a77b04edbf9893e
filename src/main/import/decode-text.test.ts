import { describe, expect, test } from 'vitest';
import { decodeText, NotTextError } from './decode-text';

const sentence = 'Café “quoted” — naïve Ωmega\r\nsecond line';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
  }
  return Uint8Array.from(out);
}

describe('decodeText', () => {
  test.each([
    ['UTF-8 without a BOM', new TextEncoder().encode(sentence), 'utf-8'],
    ['UTF-8 with a BOM (which is dropped)', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sentence)]), 'utf-8'],
    ['UTF-16 LE with a BOM', utf16(sentence, false, true), 'utf-16le'],
    ['UTF-16 BE with a BOM', utf16(sentence, true, true), 'utf-16be'],
  ])('reads %s', (_what, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: sentence, encoding });
  });

  test.each([
    ['LE', false, 'utf-16le'],
    ['BE', true, 'utf-16be'],
  ])('recognises UTF-16 %s without a BOM by its zero bytes', (_what, bigEndian, encoding) => {
    const text = 'Alice Smith: Hello there.\n\nBob Jones: Hi.';
    expect(decodeText(utf16(text, bigEndian, false))).toEqual({ text, encoding });
  });

  test('falls back to Windows-1252 for a legacy file that is not valid UTF-8', () => {
    // "Café – it’s" in Windows-1252: é = E9, en dash = 96, right quote = 92.
    const bytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x69, 0x74, 0x92, 0x73]);
    expect(decodeText(bytes)).toEqual({ text: 'Café – it’s', encoding: 'windows-1252' });
  });

  test.each([
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)],
    ['a PNG header', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['UTF-8 text with NUL bytes', new TextEncoder().encode('hello\u0000world')],
  ])('refuses %s as not text', (_what, bytes) => {
    expect(() => decodeText(bytes)).toThrow(NotTextError);
  });

  test('refuses a UTF-16 BOM followed by bytes that are not UTF-16', () => {
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41]))).toThrow(/not valid UTF-16LE/);
  });
});
