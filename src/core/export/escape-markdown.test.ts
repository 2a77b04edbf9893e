import fc from 'fast-check';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import { escapeParagraphs, escapeSingleLine, singleLine } from './escape-markdown';
import { DIALECTS, asExported, linksIn, nodeTypes, parseBack, type Dialect } from './testing/parse-back';

/** The paragraphs a reader sees, each as its text. */
function paragraphsOf(tree: Root): string[] {
  return tree.children.map((c) => toString(c));
}

/** Only paragraphs of text and links to web or mail addresses shown as typed, nothing else. */
function expectOnlyTextAndAddresses(tree: Root): void {
  expect([...nodeTypes(tree)].filter((t) => !['root', 'paragraph', 'text', 'link'].includes(t))).toEqual([]);
  for (const link of linksIn(tree)) {
    expect([link.text, `http://${link.text}`, `mailto:${link.text}`]).toContain(link.url);
    expect(link.url).toMatch(/^(https?|mailto|xmpp):/i);
  }
}

const hostile: [string, string][] = [
  ['a script tag', '<script>alert(1)</script>'],
  ['an image with an error handler', '<img src=x onerror="window.__pwned=1">'],
  ['a javascript: link', '[x](javascript:alert(1))'],
  ['a bare javascript: address', 'javascript:alert(document.cookie)'],
  ['an autolink to javascript:', '<javascript:alert(1)>'],
  ['an HTML comment', 'before <!-- hidden --> after'],
  ['a bidi override', 'pay \u202Egnp.exe\u202C now'],
  ['a zero-width space', 'zero\u200Bwidth'],
  ['a lone carriage return', 'first\rsecond'],
  ['tabs', 'a\tb\t\tc'],
  ['a heading', '# heading\n## another'],
  ['a code fence', '```js\nalert(1)\n```'],
  ['a tilde fence', '~~~\ncode\n~~~'],
  ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
  ['a table without outer pipes', 'a | b\n:-: | -:'],
  ['a delimiter row starting with a colon', 'x\n:-:'],
  ['a footnote', 'text[^1]\n\n[^1]: the note'],
  ['strikethrough', '~~gone~~ and ~one~'],
  ['emphasis', '*em* _em_ **strong** __strong__ ***both***'],
  ['trailing spaces (a hard break)', 'line one  \nline two'],
  ['a trailing backslash (a hard break)', 'line one\\\nline two'],
  ['a task list', '- [ ] todo\n- [x] done'],
  ['a link reference definition', '[x]: https://example.com\n[x]'],
  ['an entity', '&amp; &lt;b&gt; &#x41;'],
  ['math', '$x^2$ and $$y$$'],
  ['a NUL and other control characters', 'a\u0000b\u0007c\u001bd'],
  ['an image', '![alt](https://example.com/x.png)'],
  ['an ordered list', '1. one\n2) two'],
  ['a setext heading', 'Title\n---'],
  ['a thematic break', '***\n___\n- - -'],
  ['an indented code block', '    code'],
  ['a quote', '> quoted'],
  ['raw HTML block', '<div onclick="x()">\n\nhi</div>'],
];

const addresses: [string, string, { text: string; url: string }[]][] = [
  ['an address with underscores', 'see https://example.com/a_b_c for more', [{ text: 'https://example.com/a_b_c', url: 'https://example.com/a_b_c' }]],
  ['an address ending a sentence', 'It is at https://example.com/x_y.', [{ text: 'https://example.com/x_y', url: 'https://example.com/x_y' }]],
  ['an address in brackets', '(see https://en.wikipedia.org/wiki/Foo_(bar))', [{ text: 'https://en.wikipedia.org/wiki/Foo_(bar)', url: 'https://en.wikipedia.org/wiki/Foo_(bar)' }]],
  // Emphasis marks ending an address are left out of it, as GFM's own autolinks do.
  ['an address with a query and emphasis marks', 'https://example.com/?q=*a*&b=~c~#__d__', [{ text: 'https://example.com/?q=*a*&b=~c~#__d', url: 'https://example.com/?q=*a*&b=~c~#__d' }]],
  ['a www address', 'at www.example.com/a_b', [{ text: 'www.example.com/a_b', url: 'http://www.example.com/a_b' }]],
  ['a www address with an entity-like query', 'www.example.com/?a&amp;b', [{ text: 'www.example.com/?a&amp;b', url: 'http://www.example.com/?a&amp;b' }]],
  ['a www address after an asterisk', '*www.example.com/_x_*', [{ text: 'www.example.com/_x', url: 'http://www.example.com/_x' }]],
  ['an address cut by a pipe', 'https://example.com/a|https://example.org/b_c', [
    { text: 'https://example.com/a', url: 'https://example.com/a' },
    { text: 'https://example.org/b_c', url: 'https://example.org/b_c' },
  ]],
  ['an address inside markup', '[x](https://example.com/a_b)', [{ text: 'https://example.com/a_b', url: 'https://example.com/a_b' }]],
  ['an address in angle brackets', '<https://example.com/a_b>', [{ text: 'https://example.com/a_b', url: 'https://example.com/a_b' }]],
  ['an address broken by a bidi override', 'https://example.com/\u202Etxt.exe', [{ text: 'https://example.com/', url: 'https://example.com/' }]],
  ['an address after an exclamation mark', '!https://example.com/a.png and ![www.example.com]', [
    { text: 'https://example.com/a.png', url: 'https://example.com/a.png' },
    { text: 'www.example.com', url: 'http://www.example.com' },
  ]],
];

describe('escapeParagraphs', () => {
  describe.each(DIALECTS)('read as %s', (dialect: Dialect) => {
    test.each(hostile)('a note with %s reads back as typed, as text only', (_what, note) => {
      const tree = parseBack(escapeParagraphs(note).join('\n\n'), dialect);
      expect(paragraphsOf(tree)).toEqual(asExported(note));
      expectOnlyTextAndAddresses(tree);
    });

    test.each(addresses)('%s reads back as typed and opens the address', (_what, note, links) => {
      const tree = parseBack(escapeParagraphs(note).join('\n\n'), dialect);
      expect(paragraphsOf(tree)).toEqual(asExported(note));
      expect(linksIn(tree)).toEqual(links);
      expectOnlyTextAndAddresses(tree);
    });
  });

  test('writes https addresses as autolinks, not with escaped punctuation', () => {
    expect(escapeParagraphs('https://example.com/a_b_c')).toEqual(['<https://example.com/a_b_c>']);
  });

  test('keeps paragraphs apart and lines within a paragraph together', () => {
    expect(escapeParagraphs('one\ntwo\n\n\n  \nthree')).toEqual(['one\ntwo', 'three']);
  });
});

describe('any text, however hostile, reads back as typed in CommonMark and GFM', () => {
  // Fragments that start markup, addresses and the characters around them, mixed with any character at all.
  const fragment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...'\\`*_[]<>&|~$!#=+-:.()"\'@/^1 \t\n\r'.split(''), 'https://', 'http://', 'www.', 'x.com', 'a_b', '&amp;', '```', '~~', '[^1]', '<!--', '-->', '\u202E', '\u200B', '\u2028', 'javascript:', 'mailto:a@b.co') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 3 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
  );
  const text = fc.array(fragment, { maxLength: 24 }).map((parts) => parts.join(''));

  test('as note paragraphs (1,000 texts)', () => {
    fc.assert(
      fc.property(text, (note) => {
        for (const dialect of DIALECTS) {
          const tree = parseBack(escapeParagraphs(note).join('\n\n'), dialect);
          expect(paragraphsOf(tree)).toEqual(asExported(note));
          expectOnlyTextAndAddresses(tree);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  test('as a one-line field (1,000 texts)', () => {
    fc.assert(
      fc.property(text, (field) => {
        for (const dialect of DIALECTS) {
          const tree = parseBack(`- Source: ${escapeSingleLine(field)}`, dialect);
          expect(tree.children).toHaveLength(1);
          expect(tree.children[0]).toMatchObject({ type: 'list' });
          expect(toString(tree)).toBe(`Source: ${singleLine(field)}`.trim());
          expectOnlyTextAndAddresses({ type: 'root', children: (tree.children[0] as { children: { children: Root['children'] }[] }).children[0].children });
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe('singleLine', () => {
  test.each([
    ['a line feed', 'x.txt\n# Injected', 'x.txt # Injected'],
    ['a carriage return', 'a\rb', 'a b'],
    ['a line separator', 'a\u2028b\u2029c', 'a b c'],
    ['a bidi override', 'invoice\u202Etxt.exe', 'invoice txt.exe'],
    ['bidi isolates and marks', '\u2067a\u2069\u200Fb\u061C', 'a b'],
    ['a NUL and an escape', 'a\u0000b\u001Bc\u0085d', 'a b c d'],
    ['tabs and runs of spaces', '  a\t\tb   c  ', 'a b c'],
  ])('collapses %s to a space', (_what, input, expected) => {
    expect(singleLine(input)).toBe(expected);
  });

  test('keeps zero-width joiners and non-joiners, which scripts and emoji need', () => {
    expect(singleLine('👩\u200D💻 می\u200Cخواهم')).toBe('👩\u200D💻 می\u200Cخواهم');
  });
});
