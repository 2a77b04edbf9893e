import { describe, expect, test } from 'vitest';
import { splitWebAddresses, type LineSegment } from './web-addresses';

const text = (t: string): LineSegment => ({ kind: 'text', text: t });
const web = (t: string, url = t): LineSegment => ({ kind: 'web-address', text: t, url });

describe('splitWebAddresses', () => {
  test.each<[string, string, LineSegment[]]>([
    ['finds an https address in a sentence', 'see https://example.com/a_b now', [text('see '), web('https://example.com/a_b'), text(' now')]],
    ['leaves the full stop after an address out of it', 'at http://example.com.', [text('at '), web('http://example.com'), text('.')]],
    ['keeps brackets that belong to the address', 'https://en.wikipedia.org/wiki/Foo_(bar)', [web('https://en.wikipedia.org/wiki/Foo_(bar)')]],
    ['leaves an unmatched closing bracket out', '(https://example.com/x)', [text('('), web('https://example.com/x'), text(')')]],
    ['opens a www address over http', 'www.example.com/p', [web('www.example.com/p', 'http://www.example.com/p')]],
    ['leaves www inside a word alone', 'awww.example.com', [text('awww.example.com')]],
    ['finds an address after www inside a word', 'awww.x.com/https://y.com', [text('awww.x.com/'), web('https://y.com')]],
    ['ends an address at a pipe, a backslash or an angle bracket', 'https://a.com/x|y https://b.com/p\\q <https://c.com>', [
      web('https://a.com/x'), text('|y '), web('https://b.com/p'), text('\\q <'), web('https://c.com'), text('>'),
    ]],
    ['ends an address at a bidi override or a zero-width space', 'https://a.com/\u202Eexe https://b.com\u200Bx', [
      web('https://a.com/'), text('\u202Eexe '), web('https://b.com'), text('\u200Bx'),
    ]],
    ['takes no address without a host', 'https:// and www. and https://...', [text('https:// and www. and https://...')]],
    ['does not take javascript: or other schemes', 'javascript:alert(1) ftp://a.com data:text/html,x', [text('javascript:alert(1) ftp://a.com data:text/html,x')]],
    ['finds an upper-case scheme', 'HTTPS://EXAMPLE.COM', [web('HTTPS://EXAMPLE.COM')]],
  ])('%s', (_what, line, segments) => {
    expect(splitWebAddresses(line)).toEqual(segments);
    expect(splitWebAddresses(line).map((s) => s.text).join('')).toBe(line);
  });
});
