import { expect, test } from 'vitest';
import { parseMarkdown } from './parse-markdown';

const INTERVIEW = `# Engines and looms

An *introduction* with a [link](https://example.com) and \`code\`.

## Part one

**Ada Lovelace:** The engine weaves **algebraic** patterns.

It continues in a second paragraph.

**Charles Babbage:** As the loom weaves _flowers_.

**AL:** Exactly.

### Charles Babbage

A reply under a name heading.

- a list item
- another
`;

test('reads headings as sections, bold labels and name headings as turns, and drops the markup', () => {
  const t = parseMarkdown(INTERVIEW, 'fallback');
  expect(t.title).toBe('Engines and looms');
  expect(t.speakers).toEqual(['Ada Lovelace', 'Charles Babbage']);
  expect(t.turns.map((x) => [x.kind, x.speaker, x.paragraphs.map((p) => p.text)])).toEqual([
    ['heading', null, ['Engines and looms']],
    ['speech', null, ['An introduction with a link and code.']],
    ['heading', null, ['Part one']],
    ['speech', 'Ada Lovelace', ['The engine weaves algebraic patterns.', 'It continues in a second paragraph.']],
    ['speech', 'Charles Babbage', ['As the loom weaves flowers.']],
    ['speech', 'Ada Lovelace', ['Exactly.']],
    ['speech', 'Charles Babbage', ['A reply under a name heading.', 'a list item', 'another']],
  ]);
});

test('a bold phrase that is not a label stays text, and HTML tags are dropped', () => {
  const t = parseMarkdown('**Important** point here.\n\n<div>Boxed <b>words</b></div>\n', 'notes');
  expect(t.title).toBe('notes');
  expect(t.speakers).toEqual([]);
  expect(t.turns[0].paragraphs.map((p) => p.text)).toEqual(['Important point here.', 'Boxed words']);
});
