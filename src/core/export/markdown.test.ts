import { readFileSync } from 'node:fs';
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import type { Annotation, HighlightColor } from '../../shared/model';
import { createSelectors } from '../anchoring/selectors';
import { parsePlainText } from '../transcript/parse-plain-text';
import { plainTextOf } from '../transcript/plain-text';
import { exportFileName, exportMarkdown } from './markdown';

const transcript = parsePlainText(readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8'));
const text = plainTextOf(transcript);
const exportedAt = new Date('2026-11-26T19:40:00Z');

let n = 0;
function highlight(quote: string, note = '', color: HighlightColor = 'yellow', occurrence = 0): Annotation {
  let start = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not in sample: ${quote}`);
  n++;
  return {
    id: `a${n}`,
    documentId: 'doc',
    selectors: createSelectors(text, start, start + quote.length),
    color,
    note,
    createdAt: `2026-11-26T10:00:${String(n).padStart(2, '0')}Z`,
    updatedAt: `2026-11-26T10:00:${String(n).padStart(2, '0')}Z`,
  };
}

function exportOf(annotations: Annotation[]): { md: string; tree: Root } {
  const md = exportMarkdown({ title: transcript.title, source: 'Sample transcript', exportedAt, transcript, annotations });
  return { md, tree: fromMarkdown(md) };
}

/** The blocks after "## Highlights", grouped: each blockquote with the paragraphs that follow it. */
function highlightsIn(tree: Root): { quote: RootContent; note: string[] }[] {
  const start = tree.children.findIndex((c) => c.type === 'heading' && toString(c) === 'Highlights');
  const groups: { quote: RootContent; note: string[] }[] = [];
  for (const node of tree.children.slice(start + 1)) {
    if (node.type === 'blockquote') groups.push({ quote: node, note: [] });
    else if (node.type === 'paragraph') groups.at(-1)?.note.push(toString(node));
    else if (node.type === 'heading') break;
    else throw new Error(`unexpected ${node.type} node in the highlights`);
  }
  return groups;
}

describe('exportMarkdown', () => {
  test('opens with the title, the source and the export date', () => {
    const { tree } = exportOf([]);
    expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(toString(tree.children[0])).toBe('Democracies must maintain the lead in AI');
    expect(toString(tree.children[1])).toContain('Source: Sample transcript');
    expect(toString(tree.children[1])).toContain('Exported: 2026-11-26 19:40 UTC');
  });

  test('lists highlights in document order, each quoted and attributed to its speaker, with its note', () => {
    const later = highlight('let a gremlin loose', 'Vivid image for agent risk.', 'pink');
    const earlier = highlight('I want to kick off by talking about your essay', 'Opening question.', 'green');
    const groups = highlightsIn(exportOf([later, earlier]).tree);
    expect(groups).toHaveLength(2);
    const [first, second] = groups;
    const firstQuote = first.quote as { children: RootContent[] };
    expect(toString(firstQuote.children[0])).toBe('I want to kick off by talking about your essay');
    expect(toString(firstQuote.children.at(-1)!)).toBe('— Madhumita Murgia (green)');
    expect(first.note).toEqual(['Opening question.']);
    expect(toString(second.quote)).toContain('— Dario Amodei (pink)');
    expect(second.note).toEqual(['Vivid image for agent risk.']);
  });

  test('a highlight across two turns keeps both paragraphs and names both speakers', () => {
    const a = highlight('actually look like?\n\nAI Exchange');
    const quote = highlightsIn(exportOf([a]).tree)[0].quote as { children: RootContent[] };
    expect(quote.children.map((c) => toString(c))).toEqual(['actually look like?', 'AI Exchange', '— Madhumita Murgia, Aside (yellow)']);
  });

  test.each([
    ['a heading', '# heading'],
    ['a quote', '> quote'],
    ['a code fence', '```\nrm -rf /\n```'],
    ['a script tag', '<script>alert(1)</script>'],
    ['a list, a rule and a numbered item', '- item\n***\n1. first'],
    ['a link, an image, emphasis and an entity', '[x](http://e.com) ![i](a.png) *em* __b__ &amp; `code`'],
    ['an indented code block', '    indented code'],
    ['a setext underline', 'Title\n==='],
    ['a table row and a trailing backslash', '| a | b |\nend\\'],
  ])('a note containing %s comes out as literal text under its highlight', (_what, note) => {
    const { tree } = exportOf([highlight('gremlin', note)]);
    const groups = highlightsIn(tree);
    expect(groups).toHaveLength(1);
    // Leading indentation is not kept; everything else reads back character for character.
    const expected = note
      .split('\n')
      .map((l) => l.trim())
      .join('\n');
    expect(groups[0].note.join('\n\n')).toBe(expected);
    const afterHeader = tree.children.slice(tree.children.findIndex((c) => toString(c) === 'Highlights'));
    expect(JSON.stringify(afterHeader)).not.toMatch(/"type":"(html|code|inlineCode|link|image|emphasis|strong|list|thematicBreak|table)"/);
  });

  test('a note with paragraphs keeps them as paragraphs', () => {
    const groups = highlightsIn(exportOf([highlight('gremlin', 'First thought.\n\nSecond thought.')]).tree);
    expect(groups[0].note).toEqual(['First thought.', 'Second thought.']);
  });

  test('keeps a highlight whose text has gone, under its own heading', () => {
    const a = highlight('gremlin');
    a.selectors.quote.exact = 'words that are not in the transcript';
    a.selectors.position = { type: 'TextPositionSelector', start: 0, end: 5 };
    const { tree } = exportOf([a]);
    const headings = tree.children.filter((c) => c.type === 'heading').map((c) => toString(c));
    expect(headings).toContain('Highlights whose text has changed');
    expect(toString(tree)).toContain('words that are not in the transcript');
  });

  test('orders overlapping highlights by where they start', () => {
    const outer = highlight('Do you want to let a gremlin loose');
    const inner = highlight('gremlin');
    const groups = highlightsIn(exportOf([inner, outer]).tree);
    expect(groups.map((g) => toString((g.quote as { children: RootContent[] }).children[0]))).toEqual([
      'Do you want to let a gremlin loose',
      'gremlin',
    ]);
  });
});

test('exportFileName removes characters that file systems refuse', () => {
  expect(exportFileName('AI: the "lead"/<race>?')).toBe('AI the lead race - highlights.md');
  expect(exportFileName('///')).toBe('Gloss export - highlights.md');
});
