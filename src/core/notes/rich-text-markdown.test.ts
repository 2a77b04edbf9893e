import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import { DIALECTS, nodeTypes, parseBack, type Dialect } from '../export/testing/parse-back';
import { MAX_RICH_TEXT_DEPTH, noteFromState, noteText, richTextToMarkdown, richTextToPlainText, type RichTextMarkdownOptions } from './rich-text-markdown';

// Serialised Lexical nodes, as the editor saves them.
const t = (text: string, format = 0) => ({ type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 });
const br = () => ({ type: 'linebreak', version: 1 });
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, children, direction: 'ltr', format: '', indent: 0, version: 1, ...extra });
const p = (...children: unknown[]) => element('paragraph', children);
const h = (tag: string, ...children: unknown[]) => element('heading', children, { tag });
const quote = (...children: unknown[]) => element('quote', children);
const link = (url: string, ...children: unknown[]) => element('link', children, { url, rel: null, target: null, title: null });
const li = (...children: unknown[]) => element('listitem', children, { value: 1 });
const ul = (...items: unknown[]) => element('list', items, { listType: 'bullet', start: 1, tag: 'ul' });
const ol = (start: number, ...items: unknown[]) => element('list', items, { listType: 'number', start, tag: 'ol' });
const state = (...children: unknown[]) => ({ root: element('root', children) });
const B = 1;
const I = 2;
const S = 4;
const U = 8;
const C = 16;

/** A parsed tree in a compact form: blocks and inline content, adjacent text joined, a hard break as '\n'. */
type Shape = string | { [key: string]: unknown };
function shape(node: Nodes): Shape | Shape[] {
  switch (node.type) {
    case 'root':
      return node.children.map((c) => shape(c) as Shape);
    case 'paragraph':
      return { p: inline(node.children) };
    case 'heading':
      return { h: node.depth, text: inline(node.children) };
    case 'blockquote':
      return { quote: node.children.map((c) => shape(c)) };
    case 'list':
      return {
        [node.ordered ? 'ol' : 'ul']: node.children.map((item) => ({
          ...(typeof item.checked === 'boolean' ? { checked: item.checked } : {}),
          content: item.children.map((c) => shape(c)),
        })),
        ...(node.ordered && node.start !== 1 ? { start: node.start } : {}),
      };
    case 'code':
      return { codeBlock: node.value, ...(node.lang ? { lang: node.lang } : {}) };
    case 'thematicBreak':
      return 'hr';
    default:
      return { [node.type]: toString(node) };
  }
}
function inline(nodes: Nodes[]): Shape[] {
  const out: Shape[] = [];
  for (const node of nodes) {
    let s: Shape;
    if (node.type === 'text') s = node.value;
    else if (node.type === 'break') s = '\n';
    else if (node.type === 'strong') s = { b: inline(node.children) };
    else if (node.type === 'emphasis') s = { i: inline(node.children) };
    else if (node.type === 'delete') s = { s: inline(node.children) };
    else if (node.type === 'inlineCode') s = { code: node.value };
    else if (node.type === 'link') s = { a: node.url, text: inline(node.children) };
    else s = { [node.type]: toString(node) };
    if (typeof s === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += s;
    else out.push(s);
  }
  return out;
}

function readBack(markdown: string, dialect: Dialect): Shape | Shape[] {
  return shape(parseBack(markdown, dialect));
}

describe('richTextToMarkdown writes structure as Markdown and text as itself', () => {
  const cases: [string, unknown, Shape[], RichTextMarkdownOptions?][] = [
    ['a paragraph', state(p(t('Agents need supervision.'))), [{ p: ['Agents need supervision.'] }]],
    ['paragraphs', state(p(t('One.')), p(), p(t('Two.'))), [{ p: ['One.'] }, { p: ['Two.'] }]],
    ['bold, italic and inline code', state(p(t('a '), t('bold', B), t(' and '), t('it', I), t(' with '), t('x()', C))), [{ p: ['a ', { b: ['bold'] }, ' and ', { i: ['it'] }, ' with ', { code: 'x()' }] }]],
    ['bold ending in a space', state(p(t('bold ', B), t('next'))), [{ p: [{ b: ['bold'] }, ' next'] }]],
    ['bold starting after a space', state(p(t('see'), t(' bold', B))), [{ p: ['see ', { b: ['bold'] }] }]],
    ['italic inside bold', state(p(t('all ', B), t('both', B | I), t(' all', B))), [{ p: [{ b: ['all ', { i: ['both'] }, ' all'] }] }]],
    ['bold and italic together', state(p(t('x', B | I))), [{ p: [{ i: [{ b: ['x'] }] }] }]],
    ['bold code', state(p(t('say '), t('run', B | C))), [{ p: ['say ', { b: [{ code: 'run' }] }] }]],
    ['underline keeps its text', state(p(t('under', U), t('lined'))), [{ p: ['underlined'] }]],
    ['code holding backticks', state(p(t('a`b', C), t(' '), t('`', C), t(' '), t('`` x', C))), [{ p: [{ code: 'a`b' }, ' ', { code: '`' }, ' ', { code: '`` x' }] }]],
    ['code holding markup', state(p(t('<b>*x*</b> &amp;', C))), [{ p: [{ code: '<b>*x*</b> &amp;' }] }]],
    ['code with spaces at both ends', state(p(t(' x ', C))), [{ p: [{ code: ' x ' }] }]],
    ['a line break', state(p(t('first'), br(), t('second'))), [{ p: ['first\nsecond'] }]],
    ['a line break inside bold', state(p(t('one', B), br(), t('two', B))), [{ p: [{ b: ['one'] }, '\n', { b: ['two'] }] }]],
    ['a line break typed into a text', state(p(t('first\nsecond\r\nthird'))), [{ p: ['first\nsecond\nthird'] }]],
    ['a link', state(p(t('see '), link('https://example.com/a_b', t('the site')))), [{ p: ['see ', { a: 'https://example.com/a_b', text: ['the site'] }] }]],
    ['a link with bold text', state(p(link('https://example.com', t('bold', B), t(' plain')))), [{ p: [{ a: 'https://example.com', text: [{ b: ['bold'] }, ' plain'] }] }]],
    ['a mail link', state(p(link('mailto:ann@example.com', t('Ann')))), [{ p: [{ a: 'mailto:ann@example.com', text: ['Ann'] }] }]],
    ['a link whose address has spaces, brackets and ampersands', state(p(link('https://example.com/a b(c)?x=1&amp;y', t('x')))), [{ p: [{ a: 'https://example.com/a%20b(c)?x=1&amp;y', text: ['x'] }] }]],
    ['a link whose text is an address', state(p(link('https://example.com/x', t('https://example.com/y')))), [{ p: [{ a: 'https://example.com/x', text: ['https://example.com/y'] }] }]],
    ['a link without text', state(p(link('https://example.com/x'))), [{ p: [{ a: 'https://example.com/x', text: ['https://example.com/x'] }] }]],
    ['a javascript: link, as its text', state(p(link('javascript:alert(1)', t('click')))), [{ p: ['click'] }]],
    ['a data: link, as its text', state(p(link('data:text/html,<script>alert(1)</script>', t('click')))), [{ p: ['click'] }]],
    ['a relative link, as its text', state(p(link('a.png', t('image')))), [{ p: ['image'] }]],
    ['an autolink', state(p(element('autolink', [t('www.example.com')], { url: 'https://www.example.com' }))), [{ p: [{ a: 'https://www.example.com', text: ['www.example.com'] }] }]],
    ['a bulleted list', state(ul(li(t('one')), li(t('two ')), li(t('three', B)))), [{ ul: [{ content: [{ p: ['one'] }] }, { content: [{ p: ['two'] }] }, { content: [{ p: [{ b: ['three'] }] }] }] }]],
    ['a numbered list', state(ol(1, li(t('first')), li(t('second')))), [{ ol: [{ content: [{ p: ['first'] }] }, { content: [{ p: ['second'] }] }] }]],
    ['a numbered list from 7', state(ol(7, li(t('seventh')), li(t('eighth')))), [{ ol: [{ content: [{ p: ['seventh'] }] }, { content: [{ p: ['eighth'] }] }], start: 7 }]],
    [
      'a nested list, as Lexical keeps it (in an item of its own)',
      state(ul(li(t('a')), li(ul(li(t('nested')), li(ol(1, li(t('deeper')))))), li(t('b')))),
      [{ ul: [{ content: [{ p: ['a'] }, { ul: [{ content: [{ p: ['nested'] }, { ol: [{ content: [{ p: ['deeper'] }] }] }] }] }] }, { content: [{ p: ['b'] }] }] }],
    ],
    ['a list item with a line break', state(ul(li(t('one'), br(), t('more')))), [{ ul: [{ content: [{ p: ['one\nmore'] }] }] }]],
    ['an empty list item', state(ul(li(), li(t('x')))), [{ ul: [{ content: [] }, { content: [{ p: ['x'] }] }] }]],
    ['two lists in a row stay two lists', state(ul(li(t('a'))), ul(li(t('b'))), ol(1, li(t('c'))), ol(1, li(t('d')))), [
      { ul: [{ content: [{ p: ['a'] }] }] },
      { ul: [{ content: [{ p: ['b'] }] }] },
      { ol: [{ content: [{ p: ['c'] }] }] },
      { ol: [{ content: [{ p: ['d'] }] }] },
    ]],
    ['list items that look like markup', state(ul(li(t('# heading')), li(t('- item')), li(t('1. one')), li(t('    code')))), [
      { ul: [{ content: [{ p: ['# heading'] }] }, { content: [{ p: ['- item'] }] }, { content: [{ p: ['1. one'] }] }, { content: [{ p: ['code'] }] }] },
    ]],
    ['a heading', state(h('h2', t('Themes ##'))), [{ h: 2, text: ['Themes ##'] }]],
    ['a heading, contained', state(h('h1', t('Themes'))), [{ p: ['Themes'] }], { contained: true }],
    ['a quote', state(quote(t('quoted '), t('bold', B), br(), t('# more'))), [{ quote: [{ p: ['quoted ', { b: ['bold'] }, '\n# more'] }] }]],
    ['a code block', state(element('code', [t('let x = 1;'), br(), t('```'), br(), t('<script>')], { language: 'js' })), [{ codeBlock: 'let x = 1;\n```\n<script>', lang: 'js' }]],
    ['a code block with a hostile language', state(element('code', [t('x')], { language: '`` onload' })), [{ codeBlock: 'x' }]],
    ['a horizontal rule', state(p(t('a')), element('horizontalrule', []), p(t('b'))), [{ p: ['a'] }, 'hr', { p: ['b'] }]],
    ['a horizontal rule, contained', state(p(t('a')), element('horizontalrule', []), p(t('b'))), [{ p: ['a'] }, { p: ['b'] }], { contained: true }],
    ['an unknown inline node with text', state(p(t('a '), { type: 'emoji', text: '🙂', format: 0 }, t(' b'))), [{ p: ['a 🙂 b'] }]],
    ['an unknown element', state(element('table', [element('tablerow', [element('tablecell', [p(t('cell'))])])])), [{ p: ['cell'] }]],
    ['a mark node', state(p(element('mark', [t('marked', B)], { ids: ['x'] }))), [{ p: [{ b: ['marked'] }] }]],
    ['a paragraph inside a paragraph', state(p(t('a'), p(t('b')), t('c'))), [{ p: ['a\nb\nc'] }]],
  ];

  describe.each(DIALECTS)('read as %s', (dialect) => {
    test.each(cases)('%s', (_what, input, expected, options) => {
      const markdown = richTextToMarkdown(input, options);
      expect(readBack(markdown, dialect), markdown).toEqual(expected);
    });
  });

  test('strikethrough is written for GFM', () => {
    const markdown = richTextToMarkdown(state(p(t('gone', S), t(' stays'))));
    expect(readBack(markdown, 'gfm')).toEqual([{ p: [{ s: ['gone'] }, ' stays'] }]);
    expect(toString(parseBack(markdown, 'commonmark'))).toBe('~~gone~~ stays');
  });

  test('a check list is written as a task list', () => {
    const list = element('list', [element('listitem', [t('done')], { checked: true }), element('listitem', [t('to do')], { checked: false })], { listType: 'check' });
    expect(readBack(richTextToMarkdown(state(list)), 'gfm')).toEqual([{ ul: [{ checked: true, content: [{ p: ['done'] }] }, { checked: false, content: [{ p: ['to do'] }] }] }]);
  });

  test('writes the Markdown a reader expects', () => {
    const md = richTextToMarkdown(state(p(t('Key '), t('claim', B), t(': see '), link('https://example.com', t('the paper'))), ul(li(t('one')), li(ul(li(t('two')))))));
    expect(md).toBe('Key **claim**: see [the paper](<https://example.com>)\n\n- one\n  - two');
  });

  test('accepts the state as JSON text', () => {
    expect(richTextToMarkdown(JSON.stringify(state(p(t('x', B)))))).toBe('**x**');
  });
});

describe('hostile text in a rich-text note comes out as the same text', () => {
  const hostile = [
    '# not a heading',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '> not a quote',
    '- not a list',
    '+ not a list',
    '1. not a list',
    '2) not a list',
    '***',
    '---',
    '===',
    '```',
    '~~~',
    '[x](javascript:alert(1))',
    '![i](https://example.com/x.png)',
    '| a | b |',
    ':-:|',
    '&amp; &#x41;',
    '*em* _em_ **strong**',
    '[^1]: footnote',
    '[x]: https://example.com',
    'ends with a backslash\\',
    'Title ##',
    '<!-- comment -->',
    'www.example.com and https://example.com/a_b',
  ];
  const allowed = ['root', 'paragraph', 'text', 'link'];

  describe.each(DIALECTS)('read as %s', (dialect) => {
    test.each(hostile)('%s', (text) => {
      const tree = parseBack(richTextToMarkdown(state(p(t(text)))), dialect);
      expect(toString(tree)).toBe(text.trim());
      expect([...nodeTypes(tree)].filter((type) => !allowed.includes(type))).toEqual([]);
    });

    test.each(hostile)('%s in bold, in a list item and in a quote', (text) => {
      const tree = parseBack(richTextToMarkdown(state(ul(li(t(text, B))), quote(t(text)))), dialect);
      const [list, quoted] = tree.children;
      expect(toString(list)).toBe(text.trim());
      expect(toString(quoted)).toBe(text.trim());
      expect(tree.children.map((c) => c.type)).toEqual(['list', 'blockquote']);
    });
  });

  // Any text, cut into runs of any format, with line breaks: the same text reads back, with no markup but marks and addresses.
  const fragment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...'\\`*_[]<>&|~$!#=+-:.()"\'@/^1 \t'.split(''), 'https://', 'www.', 'x.com', '&amp;', '```', '~~', '<!--', '\u202E', 'javascript:', '1.', '- ') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 4 }) },
  );
  const runs = (formats: number[]) =>
    fc.array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({ text: fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')), format: fc.constantFrom(...formats) }).map((r) =>
            // Inline code keeps its spaces: the model below trims line ends, so code here has none at its own ends.
            (r.format & C) !== 0 ? { ...r, text: r.text.trim() || 'code' } : r,
          ),
        },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      { minLength: 1, maxLength: 6 },
    );

  /** What reads back: the text of each line, its ends trimmed, empty lines at either end left out. */
  const expectedText = (paragraph: ({ text: string } | null)[]) =>
    paragraph
      // eslint-disable-next-line no-control-regex
      .map((r) => (r === null ? '\n' : r.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')))
      .join('')
      .split('\n')
      .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
      .join('\n')
      .replace(/^\n+|\n+$/g, '');

  test.each([
    ['CommonMark and GFM', [0, 0, B, I, B | I, C, B | C, U], DIALECTS],
    ['GFM, with strikethrough', [0, S, B | S, I | S, B, I, C, S | C], ['gfm'] as const],
  ])('as runs of any format, read as %s (500 paragraphs)', (_dialects, formats, dialects) => {
    fc.assert(
      fc.property(runs(formats), (paragraph) => {
        const md = richTextToMarkdown(state(p(...paragraph.map((r) => (r === null ? br() : t(r.text, r.format))))));
        for (const dialect of dialects) {
          const tree = parseBack(md, dialect);
          expect(textWithBreaks(tree), md).toBe(expectedText(paragraph));
          const markup = ['root', 'paragraph', 'text', 'link', 'strong', 'emphasis', 'delete', 'inlineCode', 'break'];
          expect([...nodeTypes(tree)].filter((type) => !markup.includes(type)), md).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

/** The text of a tree with hard breaks as '\n' (mdast-util-to-string leaves them out). */
function textWithBreaks(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map(textWithBreaks).join('');
  return 'value' in node ? node.value : '';
}

describe('hostile or malformed input', () => {
  test.each([
    ['nothing', undefined],
    ['null', null],
    ['a number', 42],
    ['text that is not JSON', 'not json {'],
    ['an array', []],
    ['a root that is not an object', { root: 5 }],
    ['children that are not an array', { root: { type: 'root', children: 'x' } }],
  ])('%s gives no Markdown and no error', (_what, input) => {
    expect(richTextToMarkdown(input)).toBe('');
    expect(richTextToPlainText(input)).toBe('');
  });

  test('skips children that are not nodes and fields of the wrong type', () => {
    const input = state(null, 5, 'text', p(t('kept'), { type: 'text', text: 7, format: 'bold' }, { type: 'text', text: ' too', format: 'x' }), ul('x', li(t('item'))));
    expect(readBack(richTextToMarkdown(input), 'commonmark')).toEqual([{ p: ['kept too'] }, { ul: [{ content: [{ p: ['item'] }] }] }]);
  });

  test('nesting far deeper than the limit keeps the text, without error', () => {
    let list: unknown = ul(li(t('bottom')));
    for (let i = 0; i < 500; i++) list = ul(li(t(`level ${i}`)), li(list));
    const markdown = richTextToMarkdown(state(list));
    const tree = parseBack(markdown, 'commonmark');
    expect(toString(tree)).toContain('level 499');
    expect(toString(tree)).toContain('bottom');
    expect(richTextToPlainText(state(list))).toContain('bottom');
    // Lists nest only as deep as the limit; what lies deeper is plain text.
    expect(markdown.split('\n').every((line) => line.length - line.trimStart().length <= 2 * MAX_RICH_TEXT_DEPTH + 2)).toBe(true);
  });

  test('deeply nested unknown inline elements keep their text', () => {
    let node: unknown = t('deep');
    for (let i = 0; i < 10_000; i++) node = element('mystery', [node]);
    expect(richTextToMarkdown(state(p(node)))).toBe('deep');
  });
});

describe('custom nodes', () => {
  const highlightQuote = { type: 'highlight-quote', quote: '# Risk <b>', speaker: 'Ann', version: 1 };

  test('a custom writer writes a node of its own type, as a block', () => {
    const md = richTextToMarkdown(state(p(t('before')), highlightQuote, p(t('after'))), {
      custom: (node, { escape }) => (node.type === 'highlight-quote' ? `> ${escape(String(node.quote))}\n> — ${escape(String(node.speaker))}` : null),
    });
    expect(readBack(md, 'commonmark')).toEqual([{ p: ['before'] }, { quote: [{ p: ['# Risk <b>\n— Ann'] }] }, { p: ['after'] }]);
  });

  test('without a custom writer an unknown node gives its text, if any', () => {
    expect(richTextToMarkdown(state(p(t('a')), { type: 'highlight-quote', children: [t('quoted')] }))).toBe('a\n\nquoted');
  });

  test('a custom writer that throws or answers null leaves the node to the usual writing', () => {
    const md = richTextToMarkdown(state(p(t('x', B))), {
      custom: (node) => {
        if (node.type === 'text') throw new Error('no');
        return null;
      },
    });
    expect(md).toBe('**x**');
  });
});

describe('richTextToPlainText', () => {
  test('gives the text, each paragraph and list item on its own line', () => {
    const input = state(p(t('Key '), t('claim', B)), ul(li(t('one')), li(ul(li(t('two'))))), p(t('a'), br(), t('b')));
    expect(richTextToPlainText(input)).toBe('Key claim\none\ntwo\na\nb');
  });

  test('noteText gives a note\'s text from its state, or its Markdown as written', () => {
    expect(noteText({ note: '\\<b\\> **x**', noteState: JSON.stringify(state(p(t('<b> '), t('x', B)))) })).toBe('<b> x');
    expect(noteText({ note: '- old note', noteState: null })).toBe('- old note');
    expect(noteText({ note: 'kept', noteState: 'not json' })).toBe('kept');
  });

  test('noteFromState writes a note\'s Markdown from its state, whatever Markdown came with it', () => {
    const noteState = JSON.stringify(state(p(t('safe', B)), p(t('<script>'))));
    expect(noteFromState({ note: '<script>alert(1)</script>', noteState })).toEqual({ note: '**safe**\n\n\\<script\\>', noteState });
    expect(noteFromState({ note: 'ignored', noteState: JSON.stringify(state(p())) })).toEqual({ note: '', noteState: null });
    expect(noteFromState({ note: '- as given', noteState: null })).toEqual({ note: '- as given', noteState: null });
  });

  test('keeps markup characters as typed', () => {
    expect(richTextToPlainText(state(p(t('<script>alert(1)</script> # x'))))).toBe('<script>alert(1)</script> # x');
  });
});

test('Root type is the one the tests parse into', () => {
  const tree: Root = parseBack(richTextToMarkdown(state(p(t('x')))), 'commonmark');
  expect(tree.type).toBe('root');
});
