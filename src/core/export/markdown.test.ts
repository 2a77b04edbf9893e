import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import type { Annotation, HighlightColor } from '../../shared/model';
import { createSelectors } from '../anchoring/selectors';
import { parsePlainText } from '../transcript/parse-plain-text';
import { plainTextOf } from '../transcript/plain-text';
import { exportFileName, exportMarkdown } from './markdown';
import { DIALECTS, linksIn, nodeTypes, parseBack } from './testing/parse-back';

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
    noteState: null,
    codes: [],
    createdAt: `2026-11-26T10:00:${String(n).padStart(2, '0')}Z`,
    updatedAt: `2026-11-26T10:00:${String(n).padStart(2, '0')}Z`,
  };
}

function exportOf(annotations: Annotation[], header: { title?: string; source?: string } = {}): { md: string; tree: Root } {
  const { title = transcript.title, source = 'Sample transcript' } = header;
  const md = exportMarkdown({ title, source, exportedAt, transcript, annotations });
  return { md, tree: fromMarkdown(md) };
}

/** The text of a node with hard line breaks as '\n' (mdast-util-to-string leaves them out). */
function textOf(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map(textOf).join('');
  return 'value' in node ? node.value : '';
}

/** The blocks after "## Highlights", grouped: each blockquote with the note blocks (paragraphs, lists) that follow it, as text. */
function highlightsIn(tree: Root): { quote: RootContent; note: string[]; blocks: RootContent[] }[] {
  const start = tree.children.findIndex((c) => c.type === 'heading' && toString(c) === 'Highlights');
  const groups: { quote: RootContent; note: string[]; blocks: RootContent[] }[] = [];
  for (const node of tree.children.slice(start + 1)) {
    if (node.type === 'blockquote') groups.push({ quote: node, note: [], blocks: [] });
    else if (node.type === 'paragraph' || node.type === 'list') {
      groups.at(-1)?.note.push(textOf(node));
      groups.at(-1)?.blocks.push(node);
    } else if (node.type === 'heading') break;
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
    ['a code fence never closed', '```\nrm -rf /'],
    ['a script tag', '<script>alert(1)</script>'],
    ['a rule', 'a\n***\nb'],
    ['an image and an entity', '![i](a.png) &amp;'],
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['an indented code block', '    indented code'],
    ['a setext underline', 'Title\n==='],
    ['a table row and a trailing backslash', '| a | b |\nend\\'],
  ])('a note containing %s comes out as literal text under its highlight', (_what, note) => {
    const { tree } = exportOf([highlight('gremlin', note)]);
    const groups = highlightsIn(tree);
    expect(groups).toHaveLength(1);
    // Leading indentation is not kept; everything else reads back character for character, line breaks included.
    const expected = note
      .split('\n')
      .map((l) => l.trim())
      .join('\n');
    expect(groups[0].note.join('\n\n')).toBe(expected);
    const afterHeader = tree.children.slice(tree.children.findIndex((c) => toString(c) === 'Highlights') + 1);
    expect(JSON.stringify(afterHeader)).not.toMatch(/"type":"(html|code|inlineCode|image|emphasis|strong|list|thematicBreak|table|heading)"/);
    expect(afterHeader.flatMap(linksIn)).toEqual([]);
  });

  test('a note\'s lists, emphasis, code and links come out as Markdown', () => {
    const note = 'Key **claim**, *hedged*, `code` and [a source](https://example.com/a_b).\n\n- first\n- second\n\n1. one\n2. two';
    const { tree } = exportOf([highlight('gremlin', note), highlight('the scaling laws', 'Plain.')]);
    const [gremlin, scaling] = highlightsIn(tree);
    expect(gremlin.blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'list']);
    expect(gremlin.note).toEqual(['Key claim, hedged, code and a source.', 'firstsecond', 'onetwo']);
    expect(nodeTypes(gremlin.blocks[0] as Nodes)).toEqual(new Set(['paragraph', 'text', 'strong', 'emphasis', 'inlineCode', 'link']));
    expect(gremlin.blocks.slice(1).map((b) => (b as { ordered: boolean }).ordered)).toEqual([false, true]);
    expect(linksIn(gremlin.blocks[0] as Nodes)).toEqual([{ text: 'a source', url: 'https://example.com/a_b' }]);
    // The list ends with its note: the next highlight is a quote of its own.
    expect(toString(scaling.quote)).toContain('the scaling laws');
    expect(scaling.note).toEqual(['Plain.']);
  });

  test('a note written in the rich-text editor is exported from its saved state', () => {
    const noteState = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: '# not a heading <b>', format: 0 }] },
          { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'text', text: 'item', format: 1 }] }] },
          { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Heading in a note', format: 0 }] },
        ],
      },
    });
    const a = { ...highlight('gremlin', 'stale Markdown'), noteState };
    const { tree } = exportOf([a]);
    const [group] = highlightsIn(tree);
    expect(group.note).toEqual(['# not a heading <b>', 'item', 'Heading in a note']);
    expect(group.blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(tree.children.filter((c) => c.type === 'heading').map((c) => toString(c))).toEqual(['Democracies must maintain the lead in AI', 'Highlights']);
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
    expect(headings).toContain('Orphans');
    expect(toString(tree)).toContain('words that are not in the transcript');
  });

  test('an orphan goes under Orphans with its note and codes, even where its old quote still fits the text', () => {
    const placed = highlight('gremlin');
    const orphan = { ...highlight('gremlin', 'Still worth keeping'), id: 'orphan', codes: ['theme/risk'], orphaned: true };
    const { md: markdown, tree } = exportOf([orphan, placed]);
    expect(highlightsIn(tree)).toHaveLength(1);
    const orphans = markdown.slice(markdown.indexOf('## Orphans'));
    expect(orphans).toContain('> gremlin');
    expect(orphans).toContain('Not placed in the current text');
    expect(orphans).toContain('Codes: theme/risk');
    expect(orphans).toContain('Still worth keeping');
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

describe('hostile titles, file names, quotes and notes', () => {
  const hostileFields: [string, string][] = [
    ['a line break and a heading', 'x.txt\n# Injected\n- item'],
    ['a carriage return and a list', 'x.txt\r- [ ] task'],
    ['a line separator', 'a\u2028# b\u2029> c'],
    ['a bidi override', 'report\u202Etxt.exe'],
    ['a zero-width space', 'zero\u200Bwidth'],
    ['a script tag and an image', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['an HTML comment', '<!-- hidden -->'],
    ['a tab and a NUL', 'a\tb\u0000c'],
    ['a closing heading sequence', 'Title ##'],
    ['only hashes', '###'],
    ['a web address', 'https://example.com/a_b_c'],
  ];

  describe.each(DIALECTS)('read as %s', (dialect) => {
    test.each(hostileFields)('a title and a file name with %s stay on their one line, as text', (_what, field) => {
      const md = exportMarkdown({ title: field, source: field, exportedAt, transcript, annotations: [] });
      const tree = parseBack(md, dialect);
      // eslint-disable-next-line no-control-regex
      const shown = field.replace(/[\u0000-\u001f\u2028\u2029\u202e]/g, ' ').replace(/\s+/g, ' ').trim();
      expect(tree.children.map((c) => c.type)).toEqual(['heading', 'list', 'heading', 'paragraph']);
      expect(tree.children[0]).toMatchObject({ depth: 1 });
      expect(toString(tree.children[0])).toBe(shown);
      const items = (tree.children[1] as { children: RootContent[] }).children.map((i) => toString(i));
      expect(items).toEqual([`Source: ${shown}`, 'Exported: 2026-11-26 19:40 UTC', 'Highlights: 0']);
      const header = { type: 'root', children: tree.children.slice(0, 2) } as Root;
      expect([...nodeTypes(header)].sort()).toEqual(
        [...new Set(['root', 'heading', 'list', 'listItem', 'paragraph', 'text', ...(field.startsWith('https') ? ['link'] : [])])].sort(),
      );
      for (const link of linksIn(header)) expect(link).toEqual({ text: 'https://example.com/a_b_c', url: 'https://example.com/a_b_c' });
    });

    test('a web address in a note or a quote shows as typed and opens as typed', () => {
      const { transcript: t, text: plain } = transcriptWith('Ann Lee: The paper is at https://example.com/a_b_c, read it.');
      const start = plain.indexOf('https://');
      const end = plain.indexOf(',', start);
      const annotation = { ...highlight('gremlin', 'See https://example.com/x_y_z and www.example.org/p_q.'), selectors: createSelectors(plain, start, end) };
      const md = exportMarkdown({ title: 'Links', source: 'links.txt', exportedAt, transcript: t, annotations: [annotation] });
      const tree = parseBack(md, dialect);
      const start2 = tree.children.findIndex((c) => toString(c) === 'Highlights');
      const [quote, note] = tree.children.slice(start2 + 1);
      expect(toString((quote as { children: RootContent[] }).children[0])).toBe('https://example.com/a_b_c');
      expect(toString(note)).toBe('See https://example.com/x_y_z and www.example.org/p_q.');
      expect(linksIn(tree)).toEqual([
        { text: 'https://example.com/a_b_c', url: 'https://example.com/a_b_c' },
        { text: 'https://example.com/x_y_z', url: 'https://example.com/x_y_z' },
        { text: 'www.example.org/p_q', url: 'http://www.example.org/p_q' },
      ]);
    });
  });

  test('a speaker name with a line break and a bidi override stays on the attribution line', () => {
    const { transcript: t, text: plain } = transcriptWith('Ann Lee: Hello there.');
    t.turns[0].speaker = 'Ann\n# Lee\u202E';
    const start = plain.indexOf('Hello');
    const annotation = { ...highlight('gremlin'), selectors: createSelectors(plain, start, start + 5) };
    const tree = parseBack(exportMarkdown({ title: 'T', source: 's', exportedAt, transcript: t, annotations: [annotation] }), 'gfm');
    const quote = tree.children.find((c) => c.type === 'blockquote') as { children: RootContent[] };
    expect(quote.children.map((c) => toString(c))).toEqual(['Hello', '— Ann # Lee (yellow)']);
  });
});

/** A small transcript parsed from plain text, with its plain text. */
function transcriptWith(source: string): { transcript: ReturnType<typeof parsePlainText>; text: string } {
  const t = parsePlainText(source);
  return { transcript: t, text: plainTextOf(t) };
}

describe('any note, however hostile, stays under its own highlight (CommonMark and GFM)', () => {
  // Fragments that start block and inline markup, mixed with any character, on several lines.
  const fragment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('# ', '## ', '> ', '- ', '* ', '+ ', '1. ', '2) ', '***', '---', '===', '```', '~~~', '    ', '\t', '<div>', '</div>', '<script>', '<!--', '-->', '[x]: https://e.com', '[x]', '![i](a.png)', '[l](https://e.com)', '[j](javascript:alert(1))', '| a | b |', '|---|', '**', '*', '_', '`', '\\', '&amp;', '\n', '\n\n', 'https://e.com/a_b', 'www.e.com') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 4 }) },
  );
  const note = fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join(''));
  const allowed = ['paragraph', 'text', 'break', 'list', 'listItem', 'strong', 'emphasis', 'delete', 'inlineCode', 'link'];

  test('as Markdown notes (200 pairs of notes)', () => {
    fc.assert(
      fc.property(note, note, (first, second) => {
        const md = exportOf([highlight('gremlin', first), highlight('the scaling laws', second)]).md;
        for (const dialect of DIALECTS) {
          const tree = parseBack(md, dialect);
          // Title, header list, "Highlights", then the two highlights: each a quote and its note's blocks.
          expect(tree.children.filter((c) => c.type === 'heading').map((c) => toString(c)), md).toEqual(['Democracies must maintain the lead in AI', 'Highlights']);
          const groups = highlightsIn(tree);
          expect(groups.map((g) => toString((g.quote as { children: RootContent[] }).children[0])), md).toEqual(['gremlin', 'the scaling laws']);
          for (const g of groups) {
            const types = g.blocks.flatMap((b) => [...nodeTypes(b as Nodes)]);
            expect(types.filter((t) => !allowed.includes(t)), md).toEqual([]);
            for (const link of g.blocks.flatMap((b) => linksIn(b as Nodes))) expect(link.url, md).toMatch(/^(https?:\/\/|mailto:)/);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

test('exportFileName removes characters that file systems refuse', () => {
  expect(exportFileName('AI: the "lead"/<race>?')).toBe('AI the lead race - highlights.md');
  expect(exportFileName('///')).toBe('Gloss export - highlights.md');
});

test('exportFileName turns line breaks, control characters and bidi controls into spaces', () => {
  expect(exportFileName('x.txt\n# Injected\u0000')).toBe('x.txt # Injected - highlights.md');
  expect(exportFileName('invoice\u202Etxt.exe')).toBe('invoice txt.exe - highlights.md');
  expect(exportFileName('a\u2028b\u0085c')).toBe('a b c - highlights.md');
});

test('exportFileName does not cut a character outside the BMP in half', () => {
  const name = exportFileName('x'.repeat(99) + '😀😀');
  expect(name).toBe('x'.repeat(99) + '😀 - highlights.md');
});

describe('codes and colour names in the export', () => {
  test("a highlight's codes follow its quote, and a named colour is written with its name", () => {
    const coded = { ...highlight('let a gremlin loose', 'Vivid.', 'green'), codes: ['theme/risk', 'method_*x*'] };
    const plain = highlight('the scaling laws', '', 'yellow');
    const md = exportMarkdown({ title: 'T', source: 'S', exportedAt, transcript, annotations: [coded, plain], colorNames: { green: 'Key *claim*', yellow: 'Yellow' } });
    const groups = highlightsIn(fromMarkdown(md));
    const gremlin = groups.find((g) => toString(g.quote).includes('gremlin'))!;
    expect(toString(gremlin.quote)).toContain('(green: Key *claim*)');
    expect(gremlin.note).toEqual(['Codes: theme/risk, method_*x*', 'Vivid.']);
    const laws = groups.find((g) => toString(g.quote).includes('scaling laws'))!;
    // A colour the reader never named keeps its key alone.
    expect(toString(laws.quote)).toMatch(/\(yellow\)$/);
    expect(laws.note).toEqual([]);
  });
});
