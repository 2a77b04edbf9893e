import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { XmlBytes } from './xml-bytes';
import { escapeXmlAttribute, escapeXmlText } from './xml-text';

function decoded(chunks: Uint8Array[]): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

const HOSTILE = [
  '',
  'plain words',
  'a & b < c > d "quoted" \'single\'',
  'line one\nline two\r\nthree\rfour\ttab',
  'control \u0000\u0001\u0008\u000b\u000c\u001f\u007f kept out',
  'émigré — “curly” 中文 𝒳 😀 👩‍👩‍👧 🇫🇷',
  'lone \ud800 high, lone \udc00 low, reversed \udc00\ud800, at the end \ud83d',
  'not characters \ufffe \uffff, but \ufffd is',
  ']]> and &amp; already escaped',
];

describe('XmlBytes', () => {
  it.each(HOSTILE)('escapes %j as xml-text.ts does, as UTF-8', (text) => {
    expect(decoded(new XmlBytes().text(text).take())).toBe(escapeXmlText(text));
    expect(decoded(new XmlBytes().attribute(text).take())).toBe(escapeXmlAttribute(text));
  });

  it('escapes random text of awkward characters as xml-text.ts does', () => {
    const next = seededRandom(12);
    const alphabet = ['a', ' ', '&', '<', '>', '"', '\n', '\r', '\t', '\u0000', '\u001b', 'é', '€', '\ud83d', '\ude00', '😀', '\ufffe', '\uffff', '\u2028'];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const w = new XmlBytes().text(text).raw('|').attribute(text);
      expect(decoded(w.take())).toBe(`${escapeXmlText(text)}|${escapeXmlAttribute(text)}`);
    }
  });

  it('writes a part of a text, markup as it is, and whole numbers', () => {
    const w = new XmlBytes().attribute('say "hello" 😀 there', 4, 14).raw('/').markup('<a b="&amp;">é</a>').raw('/');
    for (const n of [0, 7, 10, 99, 100, 12345, 4294967295, 2 ** 40]) w.int(n).raw(',');
    expect(decoded(w.take())).toBe(`&quot;hello&quot; 😀/<a b="&amp;">é</a>/0,7,10,99,100,12345,4294967295,${2 ** 40},`);
  });

  it('hands out megabytes in chunks that later writing leaves as they were', () => {
    const w = new XmlBytes();
    const line = `<PlainTextSelection name="${'é'.repeat(50)} &amp;"/>\n`;
    const taken: { chunks: Uint8Array[]; text: string }[] = [];
    for (let part = 0; part < 6; part++) {
      let text = '';
      for (let i = 0; i < 4000 * (part + 1); i++) {
        w.markup(line).int(i).raw('\n');
        text += `${line}${i}\n`;
      }
      // A long text in one piece, larger than a chunk.
      if (part === 3) {
        const long = 'x&'.repeat(700_000);
        w.text(long);
        text += escapeXmlText(long);
      }
      taken.push({ chunks: w.take(), text });
    }
    expect(w.take()).toEqual([]);
    for (const { chunks, text } of taken) expect(decoded(chunks)).toBe(text);
    expect(taken.some((t) => t.chunks.length > 1)).toBe(true);
  });

  it('hands out only the chunks it has filled, when asked for those, and the rest later', () => {
    const w = new XmlBytes();
    const line = '<Coding guid="0A1B2C3D-0000-4000-8000-00000000000F"/>\n';
    const full: Uint8Array[] = [];
    for (let i = 0; i < 60_000; i++) {
      w.raw(line);
      if (i % 10_000 === 0) full.push(...w.takeFull());
    }
    full.push(...w.takeFull());
    expect(full.length).toBeGreaterThanOrEqual(2);
    for (const chunk of full) expect(chunk.length).toBeGreaterThan(1024 * 1024 - line.length);
    const rest = w.take();
    expect(decoded([...full, ...rest])).toBe(line.repeat(60_000));
  });
});
