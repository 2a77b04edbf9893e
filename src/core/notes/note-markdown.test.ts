import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import { DIALECTS, linksIn, nodeTypes, parseBack } from '../export/testing/parse-back';
import { containMarkdownNote, exportedNoteMarkdown } from './note-markdown';

/** The text of a tree with hard breaks as '\n'. */
function text(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map(text).join('');
  return 'value' in node ? node.value : '';
}

/** Node types beyond what any note may hold. */
function markupBeyondNotes(node: Nodes): string[] {
  const allowed = ['root', 'paragraph', 'text', 'break', 'list', 'listItem', 'strong', 'emphasis', 'delete', 'inlineCode', 'link'];
  return [...nodeTypes(node)].filter((t) => !allowed.includes(t));
}

describe('containMarkdownNote', () => {
  describe.each(DIALECTS)('read as %s', (dialect) => {
    test.each([
      ['a heading', '# heading', '# heading'],
      ['a setext heading', 'Title\n===', 'Title\n==='],
      ['a quote', '> quote', '> quote'],
      ['a code fence, never closed', '```\n<script>alert(1)</script>', '```\n<script>alert(1)</script>'],
      ['a script tag', '<script>alert(1)</script>', '<script>alert(1)</script>'],
      ['an HTML block', '<div onclick="x()">\n\nhi</div>', '<div onclick="x()">\n\nhi</div>'],
      ['an HTML comment', 'a <!-- hidden --> b', 'a <!-- hidden --> b'],
      ['a thematic break', 'a\n\n***\n\nb', 'a\n\n***\n\nb'],
      ['an indented code block', '    indented code', 'indented code'],
      ['an image', '![i](https://example.com/x.png)', '![i](https://example.com/x.png)'],
      ['a javascript: link', '[x](javascript:alert(1))', '[x](javascript:alert(1))'],
      ['a relative link', '[x](a.png)', '[x](a.png)'],
      ['a link reference definition', '[x]: https://example.com\n\n[x]', '[x]: https://example.com\n\n[x]'],
      ['an entity', '&amp; &lt;b&gt;', '&amp; &lt;b&gt;'],
      ['a table', '| a | b |\n|---|---|', '| a | b |\n|---|---|'],
    ])('%s stays as typed', (_what, note, shown) => {
      const tree = parseBack(containMarkdownNote(note), dialect);
      expect(tree.children.map(text).join('\n\n')).toBe(shown);
      expect(markupBeyondNotes(tree)).toEqual([]);
      // The one link allowed is a web address typed as text, shown and opened as typed.
      for (const link of linksIn(tree)) expect(link.url).toBe(link.text);
    });
  });

  test('keeps the note editor\'s markup: lists, marks, code and safe links', () => {
    const md = containMarkdownNote('Some **bold**, _italic_ and `code` [here](https://example.com/a_b).\n\n- one\n- two\n  1. nested\n\n3. three\n4. four');
    expect(md).toBe('Some **bold**, *italic* and `code` [here](<https://example.com/a_b>).\n\n- one\n- two\n  1. nested\n\n3. three\n4. four');
    const tree = parseBack(md, 'commonmark');
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'list', 'list']);
    expect(linksIn(tree)).toEqual([{ text: 'here', url: 'https://example.com/a_b' }]);
  });

  test('a line break typed in a note stays a line break', () => {
    const tree = parseBack(containMarkdownNote('first line\nsecond line'), 'commonmark');
    expect(tree.children).toHaveLength(1);
    expect(text(tree)).toBe('first line\nsecond line');
  });

  test('lists nested past the limit come out as the text typed', () => {
    const note = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const md = containMarkdownNote(note);
    expect(toString(parseBack(md, 'commonmark'))).toContain('level 59');
  });

  test('a one-line note without markup characters comes out as parsing it would give (1,000 notes)', () => {
    const line = fc.array(fc.oneof(fc.constantFrom('#', '-', '+', '1.', '2)', '=', ':', '|', '.', ' ', '\t', 'https://e.com/a_b', 'www.e.com', 'a@b.co', '\u202E', '\u0000'), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, (note) => {
        // A blank line after it takes the note down the parsing path, and changes nothing else.
        expect(containMarkdownNote(note)).toBe(containMarkdownNote(`${note}\n\n`));
      }),
      { numRuns: 1000 },
    );
  });

  test('an empty note is no Markdown', () => {
    expect(containMarkdownNote(' \n ')).toBe('');
  });
});

describe('exportedNoteMarkdown', () => {
  const state = JSON.stringify({
    root: {
      type: 'root',
      children: [
        { type: 'heading', tag: 'h1', children: [{ type: 'text', text: 'Not a section', format: 0 }] },
        { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'text', text: 'item', format: 1 }] }] },
      ],
    },
  });

  test('a note with a rich-text state is written from the state, its headings as paragraphs', () => {
    expect(exportedNoteMarkdown({ note: 'ignored: the state is what the reader wrote', noteState: state })).toBe('Not a section\n\n- **item**');
  });

  test('a note without a state, or with one that cannot be read, is written from its Markdown', () => {
    expect(exportedNoteMarkdown({ note: '# x\n- y', noteState: null })).toBe('\\# x\n\n- y');
    expect(exportedNoteMarkdown({ note: '- y', noteState: '{ not json' })).toBe('- y');
    expect(exportedNoteMarkdown({ note: '- y' })).toBe('- y');
  });
});
