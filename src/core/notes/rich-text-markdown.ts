/**
 * Writes rich text (a note's or a notebook's serialised Lexical editor state,
 * as plain JSON) as Markdown, and as plain text. Structure becomes Markdown
 * (paragraphs, headings, quotes, bulleted, numbered and check lists, code
 * blocks, line breaks; bold, italic, strikethrough and inline code; links to
 * http, https and mailto addresses), and every text is escaped so that it
 * reads back as the same text: a paragraph typed as `# not a heading` or
 * `<script>` comes out as those characters, never as a heading or HTML.
 * Markdown has no underline, sub- or superscript: their text is kept.
 *
 * The input is not trusted (main derives a note's Markdown from the state the
 * renderer sends): anything that is not an object is skipped, an unknown node
 * gives its text, nesting deeper than MAX_RICH_TEXT_DEPTH gives its text as
 * plain paragraphs, and nothing here throws.
 */
import { escapeInline, escapeLine, escapeLineStart, escapeText } from '../export/escape-markdown';

/** A node of a serialised editor state, as JSON gives it: nothing about its fields is assumed. */
export type RichTextNode = Readonly<Record<string, unknown>>;

/** What a `custom` writer may use to write its node consistently with the rest. */
export interface MarkdownHelpers {
  /** Escapes text to read back as itself, on one line (line breaks become spaces). */
  escape(text: string): string;
  /** The text a node holds, each block on a line of its own. */
  plainText(node: unknown): string;
  /** Writes nodes as Markdown blocks (with the same options), blocks separated by blank lines. */
  blocks(nodes: readonly unknown[]): string;
}

export interface RichTextMarkdownOptions {
  /**
   * Writes a node of a type this module does not know (or overrides one it does): the Markdown to put in its place,
   * or null to write it the usual way. Where blocks stand (the root, quotes, list items) the answer is a block of its
   * own; inside a paragraph it is put in the line as it is. The writer escapes what it puts in.
   */
  custom?: (node: RichTextNode, helpers: MarkdownHelpers) => string | null;
  /**
   * For Markdown that sits inside another document's section (a note under its highlight in an export): headings are
   * written as plain paragraphs and horizontal rules left out, so the note cannot start a section of its own.
   */
  contained?: boolean;
}

/** How deep blocks and inline elements may nest before what lies deeper is written as plain text. */
export const MAX_RICH_TEXT_DEPTH = 32;

/** Lexical's text format bits. */
export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;
const { bold: BOLD, italic: ITALIC, strikethrough: STRIKE, code: CODE } = TEXT_FORMAT;
/** Marks written as delimiters, outermost first when several open together. */
const MARKS: readonly (readonly [number, string])[] = [
  [BOLD, '**'],
  [ITALIC, '*'],
  [STRIKE, '~~'],
];
const DELIMITER = new Map(MARKS);

const BLOCK_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'code', 'horizontalrule', 'table', 'tablerow', 'tablecell', 'layout-container', 'layout-item', 'collapsible-container']);

// Control characters other than tab and line breaks: as the export writes plain notes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/;

/** Whether a link to `url` may be written as a link (http, https and mail addresses); anything else keeps only its text. */
export function isSafeLinkUrl(url: unknown): url is string {
  return typeof url === 'string' && /^(https?:\/\/[^\s/]|mailto:[^\s])/i.test(url.trim());
}

function isNode(value: unknown): value is RichTextNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(node: RichTextNode): string {
  return typeof node.type === 'string' ? node.type : '';
}

function childrenOf(node: RichTextNode): readonly unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

/** The root of a serialised state given as JSON text, an editor state (`{ root }`) or a node; null when there is none. */
function rootOf(state: unknown): RichTextNode | null {
  let value = state;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (!isNode(value)) return null;
  return isNode(value.root) ? value.root : value;
}

function isBlock(node: RichTextNode): boolean {
  const type = typeOf(node);
  if (BLOCK_TYPES.has(type)) return true;
  if (['text', 'linebreak', 'tab', 'link', 'autolink', 'mark', 'code-highlight'].includes(type)) return false;
  // An unknown element holding blocks is a block itself.
  return childrenOf(node).some((c) => isNode(c) && BLOCK_TYPES.has(typeOf(c)));
}

/**
 * The text under `node`, blocks on lines of their own; walked without recursion, so any depth is safe.
 * Line breaks are '\n', tabs '\t'.
 */
export function plainTextOf(node: unknown): string {
  const out: string[] = [];
  const endLine = () => {
    if (out.length > 0 && out[out.length - 1] !== '\n') out.push('\n');
  };
  // Either a node to visit or the end of a block (a line break after it).
  const stack: (unknown | typeof END_BLOCK)[] = [node];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === END_BLOCK) {
      endLine();
      continue;
    }
    if (!isNode(next)) continue;
    const type = typeOf(next);
    if (type === 'linebreak') out.push('\n');
    else if (type === 'tab') out.push('\t');
    else if (typeof next.text === 'string') out.push(next.text);
    const children = childrenOf(next);
    const block = type !== 'root' && isBlock(next);
    if (block) {
      endLine();
      stack.push(END_BLOCK);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out.join('').replace(/\n+$/, '');
}
const END_BLOCK = Symbol('end of block');

/** The text of a rich-text state, each paragraph or list item on a line of its own ('' for anything unreadable). */
export function richTextToPlainText(state: unknown): string {
  const root = rootOf(state);
  return root ? plainTextOf(root).trim() : '';
}

/**
 * A note as it should be stored: when it comes with a rich-text state, its Markdown is written here from that state
 * (the Markdown sent beside it is not trusted), and a state with no text is no note at all (`''`, null); without a
 * state, the Markdown as given. The renderer writes its Markdown with the same function, so the two agree.
 */
export function noteFromState(source: { note: string; noteState?: string | null }): { note: string; noteState: string | null } {
  if (!source.noteState) return { note: source.note, noteState: null };
  const note = richTextToMarkdown(source.noteState);
  return note === '' ? { note: '', noteState: null } : { note, noteState: source.noteState };
}

/**
 * What a note says, as plain text (a side panel's preview): the text of its rich-text state when it has a readable
 * one, else its Markdown as written.
 */
export function noteText(source: { note: string; noteState?: string | null }): string {
  return (source.noteState ? richTextToPlainText(source.noteState) : '') || source.note;
}

/** A written block, with what the block after it needs to know. */
interface Block {
  markdown: string;
  /** The marker of a list (`-`, `*`, `.`, `)`): a list right after it with the same marker would join it. */
  listMarker: string | null;
  /** A list that may follow a paragraph line directly (a bulleted one, or a numbered one starting at 1). */
  interrupts: boolean;
}

type Segment = { kind: 'text'; text: string; format: number } | { kind: 'break' } | { kind: 'atom'; markdown: string };

interface Piece {
  text: string;
  /** Marks wanted over this piece (bold, italic, strikethrough), and whether it is inline code. */
  marks: number;
  code: boolean;
  /** Already Markdown: a link, or what a custom writer gave. */
  atom: boolean;
}

class Writer {
  private readonly helpers: MarkdownHelpers;

  constructor(private readonly options: RichTextMarkdownOptions) {
    this.helpers = {
      escape: (text) => escapeLineStart(escapeInline(text.replace(/\s+/g, ' ').trim())),
      plainText: plainTextOf,
      blocks: (nodes) => join(this.flow(nodes, 0)),
    };
  }

  private custom(node: RichTextNode): string | null {
    const { custom } = this.options;
    if (!custom) return null;
    try {
      const written = custom(node, this.helpers);
      return typeof written === 'string' ? written : null;
    } catch {
      return null;
    }
  }

  /** Nodes where blocks stand: consecutive inline nodes make a paragraph. */
  flow(nodes: readonly unknown[], depth: number): Block[] {
    const blocks: Block[] = [];
    let inline: unknown[] = [];
    const add = (block: Block | null) => {
      if (!block || block.markdown.trim() === '') return;
      blocks.push(block);
    };
    const endParagraph = () => {
      if (inline.length > 0) add(this.paragraph(inline, depth));
      inline = [];
    };
    for (const node of nodes) {
      if (!isNode(node)) continue;
      const custom = this.custom(node);
      if (custom !== null) {
        endParagraph();
        add({ markdown: custom, listMarker: null, interrupts: false });
      } else if (isBlock(node)) {
        endParagraph();
        if (depth >= MAX_RICH_TEXT_DEPTH) add(plainBlock(node));
        else for (const block of this.block(node, depth, blocks.at(-1)?.listMarker ?? null)) add(block);
      } else inline.push(node);
    }
    endParagraph();
    return blocks;
  }

  private block(node: RichTextNode, depth: number, previousListMarker: string | null): Block[] {
    const type = typeOf(node);
    const plain = (markdown: string): Block[] => [{ markdown, listMarker: null, interrupts: false }];
    switch (type) {
      case 'paragraph':
        return plain(this.lines(childrenOf(node), depth).join('\\\n'));
      case 'heading': {
        const lines = this.lines(childrenOf(node), depth);
        if (this.options.contained) return plain(lines.join('\\\n'));
        const level = /^h([1-6])$/.exec(typeof node.tag === 'string' ? node.tag : '')?.[1] ?? '1';
        const text = lines.join(' ').replace(/(^|[ \t])(#+)$/, '$1\\$2');
        return plain(text ? `${'#'.repeat(Number(level))} ${text}` : '');
      }
      case 'quote': {
        const inner = join(this.flow(childrenOf(node), depth + 1));
        return plain(inner ? prefixLines(inner, '> ', '>') : '');
      }
      case 'list':
        return [this.list(node, depth, previousListMarker)];
      case 'code':
        return plain(fencedCode(plainTextOf({ children: childrenOf(node) }), node.language));
      case 'horizontalrule':
        return this.options.contained ? [] : plain('---');
      default:
        // The root, a list item out of a list, tables and unknown containers: what they hold, block by block.
        return this.flow(childrenOf(node), depth + 1);
    }
  }

  private paragraph(nodes: readonly unknown[], depth: number): Block {
    return { markdown: this.lines(nodes, depth).join('\\\n'), listMarker: null, interrupts: false };
  }

  private list(node: RichTextNode, depth: number, previousListMarker: string | null): Block {
    const kind = node.listType === 'number' ? 'number' : node.listType === 'check' ? 'check' : 'bullet';
    // A list right after another with the same marker would join it: the second takes the other marker.
    const marker = kind === 'number' ? (previousListMarker === '.' ? ')' : '.') : previousListMarker === '-' ? '*' : '-';
    const start = typeof node.start === 'number' && Number.isInteger(node.start) && node.start >= 0 && node.start <= 999_999_999 ? node.start : 1;
    const items: { lines: string[]; width: number }[] = [];
    let n = start;
    for (const item of childrenOf(node)) {
      if (!isNode(item)) continue;
      const children = typeOf(item) === 'listitem' ? childrenOf(item) : [item];
      const nestedOnly = children.length > 0 && children.every((c) => isNode(c) && typeOf(c) === 'list');
      const content = this.itemContent(children, depth + 1);
      const last = items.at(-1);
      if (nestedOnly && last) {
        // Lexical keeps a nested list in an item of its own after the item it belongs under.
        last.lines.push(...indent(content, last.width));
        continue;
      }
      const bullet = kind === 'number' ? `${Math.min(n, 999_999_999)}${marker} ` : `${marker} `;
      n++;
      const box = kind === 'check' ? (item.checked === true ? '[x] ' : '[ ] ') : '';
      const [first = '', ...rest] = content;
      items.push({ lines: [`${bullet}${box}${first}`.trimEnd(), ...indent(rest, bullet.length)], width: bullet.length });
    }
    return {
      markdown: items.map((i) => i.lines.join('\n')).join('\n'),
      listMarker: marker,
      interrupts: kind !== 'number' || start === 1,
    };
  }

  /** The lines of a list item's content: its blocks, a nested list directly under the line before it (a tight list). */
  private itemContent(children: readonly unknown[], depth: number): string[] {
    const blocks = depth >= MAX_RICH_TEXT_DEPTH ? [plainBlock({ children })] : this.flow(children, depth);
    const lines: string[] = [];
    blocks.forEach((block, i) => {
      if (i > 0) {
        const tight = block.listMarker !== null && block.interrupts && blocks[i - 1].listMarker === null;
        if (!tight) lines.push('');
      }
      lines.push(...block.markdown.split('\n'));
    });
    return lines;
  }

  /** Inline nodes as lines of Markdown (joined by hard line breaks by the caller), each safe at the start of a line. */
  lines(nodes: readonly unknown[], depth: number, inLink = false): string[] {
    const segments: Segment[] = [];
    this.collect(nodes, depth, inLink, segments);
    const lines: Segment[][] = [[]];
    for (const s of segments) {
      if (s.kind === 'break') lines.push([]);
      else lines[lines.length - 1].push(s);
    }
    const written = lines.map((line) => writeLine(line, inLink));
    while (written.length > 0 && written[0] === '') written.shift();
    while (written.length > 0 && written[written.length - 1] === '') written.pop();
    return written;
  }

  private collect(nodes: readonly unknown[], depth: number, inLink: boolean, out: Segment[]): void {
    for (const node of nodes) {
      if (!isNode(node)) continue;
      const custom = this.custom(node);
      if (custom !== null) {
        out.push({ kind: 'atom', markdown: custom });
        continue;
      }
      const type = typeOf(node);
      if (type === 'linebreak') out.push({ kind: 'break' });
      else if (type === 'tab') out.push({ kind: 'text', text: '\t', format: 0 });
      else if (typeof node.text === 'string' && !Array.isArray(node.children)) {
        const format = typeof node.format === 'number' ? node.format : 0;
        node.text.split(LINE_BREAK).forEach((text, i) => {
          if (i > 0) out.push({ kind: 'break' });
          out.push({ kind: 'text', text, format });
        });
      } else if (depth >= MAX_RICH_TEXT_DEPTH) {
        out.push({ kind: 'text', text: plainTextOf(node).replace(/\s+/g, ' '), format: 0 });
      } else if ((type === 'link' || type === 'autolink') && !inLink && node.isUnlinked !== true && isSafeLinkUrl(node.url)) {
        out.push({ kind: 'atom', markdown: this.link(node, node.url, depth) });
      } else {
        // Links to anything else, marks and unknown elements: what they hold. A block inside a line gets lines of its own.
        const block = BLOCK_TYPES.has(type);
        if (block) out.push({ kind: 'break' });
        this.collect(childrenOf(node), depth + 1, inLink, out);
        if (block) out.push({ kind: 'break' });
      }
    }
  }

  private link(node: RichTextNode, url: string, depth: number): string {
    const text = this.lines(childrenOf(node), depth + 1, true).join(' ') || escapeText(url);
    return `[${text}](<${linkDestination(url.trim())}>)`;
  }
}

/** A link destination written between `<` and `>`: only `\`, `<`, `>`, `&` (entities) and line breaks need care there. */
function linkDestination(url: string): string {
  return url
    .replace(/[\\<>&]/g, '\\$&')
    .replace(/[\s\p{Cc}]/gu, (c) => encodeURIComponent(c));
}

/** One line of inline segments as Markdown: marks opened and closed around runs, text escaped, safe at the start of a line. */
function writeLine(segments: readonly Segment[], inLink: boolean): string {
  const pieces: Piece[] = [];
  for (const s of segments) {
    if (s.kind === 'break') continue;
    if (s.kind === 'atom') {
      pieces.push({ text: s.markdown, marks: 0, code: false, atom: true });
      continue;
    }
    const text = s.text.replace(CONTROL, ' ');
    if (text === '') continue;
    // Inline code of nothing but spaces says nothing: it is written as the spaces.
    const code = (s.format & CODE) !== 0 && text.trim() !== '';
    const marks = s.format & (BOLD | ITALIC | STRIKE);
    const last = pieces.at(-1);
    if (last && !last.atom && last.code === code && last.marks === marks) last.text += text;
    else pieces.push({ text, marks, code, atom: false });
  }
  // Whitespace at either end of a marked run goes outside its delimiters (`** x**` is no emphasis).
  const split: Piece[] = [];
  for (const p of pieces) {
    if (p.atom || p.code || p.marks === 0) {
      split.push(p);
      continue;
    }
    const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!;
    if (lead) split.push({ ...p, text: lead, marks: -1 });
    if (core) split.push({ ...p, text: core });
    if (trail) split.push({ ...p, text: trail, marks: -1 });
  }
  // Whitespace keeps only the marks on both sides of it.
  const around = split.map((p, i) => (p.marks === -1 ? marksAround(split, i) : p.marks));
  split.forEach((p, i) => (p.marks = around[i]));
  trimLine(split);

  // A delimiter that Markdown would not read as one (`a**\*b**`: an opening `**` between a letter and punctuation)
  // would show as asterisks: that mark is left off that run, and the line written again.
  for (let line = split; ; ) {
    const { markdown, unreadable } = writePieces(line, inLink);
    if (!unreadable) return escapeLineStart(markdown);
    for (let i = unreadable.from; i < unreadable.to; i++) line[i].marks &= ~unreadable.mark;
    line = merged(line);
  }
}

/** Pieces with neighbours of the same kind joined (two code spans side by side would read as one odd span). */
function merged(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && !last.atom && !p.atom && last.code === p.code && last.marks === p.marks) out[out.length - 1] = { ...last, text: last.text + p.text };
    else out.push({ ...p });
  }
  return out;
}

/** A run of one mark over pieces `from` to `to` (exclusive). */
interface MarkRun {
  mark: number;
  from: number;
  to: number;
}

interface WrittenDelimiter {
  at: number;
  end: number;
  opening: boolean;
  run: MarkRun;
}

/** Writes pieces with their marks; the first mark run whose delimiters would not read as delimiters, if any. */
function writePieces(pieces: readonly Piece[], inLink: boolean): { markdown: string; unreadable: MarkRun | null } {
  let out = '';
  const open: MarkRun[] = [];
  const delimiters: WrittenDelimiter[] = [];
  const closeFrom = (index: number, at: number) => {
    for (let j = open.length - 1; j >= index; j--) {
      const run = open[j];
      run.to = at;
      const start = out.length;
      out += DELIMITER.get(run.mark);
      delimiters.push({ at: start, end: out.length, opening: false, run });
    }
    open.length = index;
  };
  pieces.forEach((p, i) => {
    const stale = open.findIndex((run) => (p.marks & run.mark) === 0);
    if (stale >= 0) closeFrom(stale, i);
    // Marks opening together: the one that lasts longest outermost, so that none closes only to open again.
    const opening = MARKS.filter(([mark]) => (p.marks & mark) !== 0 && !open.some((run) => run.mark === mark))
      .map(([mark, delimiter]) => ({ mark, delimiter, to: runEnd(pieces, i, mark) }))
      .sort((a, b) => b.to - a.to);
    for (const { mark, delimiter } of opening) {
      const run = { mark, from: i, to: pieces.length };
      const start = out.length;
      out += delimiter;
      open.push(run);
      delimiters.push({ at: start, end: out.length, opening: true, run });
    }
    if (p.atom) out += p.text;
    else if (p.code) out += codeSpan(p.text);
    else out += inLink ? escapeText(p.text) : escapeInline(p.text);
  });
  closeFrom(0, pieces.length);
  return { markdown: out, unreadable: unreadableRun(out, delimiters) };
}

/** Where a run of `mark` starting at piece `from` ends (the first piece without it). */
function runEnd(pieces: readonly Piece[], from: number, mark: number): number {
  let i = from;
  while (i < pieces.length && (pieces[i].marks & mark) !== 0) i++;
  return i;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * The first mark run with a delimiter CommonMark would not take as one: delimiters written side by side form one
 * run of characters, which opens only if left-flanking and closes only if right-flanking (CommonMark 6.2).
 */
function unreadableRun(out: string, delimiters: readonly WrittenDelimiter[]): MarkRun | null {
  let i = 0;
  while (i < delimiters.length) {
    let j = i + 1;
    while (j < delimiters.length && delimiters[j].at === delimiters[j - 1].end && out[delimiters[j].at] === out[delimiters[i].at]) j++;
    const before = delimiters[i].at > 0 ? out[delimiters[i].at - 1] : ' ';
    const after = delimiters[j - 1].end < out.length ? out[delimiters[j - 1].end] : ' ';
    const space = (c: string) => WHITESPACE.test(c);
    const punctuation = (c: string) => PUNCTUATION.test(c);
    const left = !space(after) && (!punctuation(after) || space(before) || punctuation(before));
    const right = !space(before) && (!punctuation(before) || space(after) || punctuation(after));
    for (const d of delimiters.slice(i, j)) {
      if (d.opening ? !left : !right) return d.run;
    }
    i = j;
  }
  return null;
}

/** Takes spaces and tabs off a line's ends (four would start code; two before a break would be one). */
function trimLine(pieces: Piece[]): void {
  const editable = (p: Piece | undefined) => p !== undefined && !p.atom && !p.code;
  while (editable(pieces[0])) {
    pieces[0].text = pieces[0].text.replace(/^[ \t]+/, '');
    if (pieces[0].text !== '') break;
    pieces.shift();
  }
  while (editable(pieces.at(-1))) {
    const last = pieces[pieces.length - 1];
    last.text = last.text.replace(/[ \t]+$/, '');
    if (last.text !== '') break;
    pieces.pop();
  }
}

/** The marks shared by the pieces on either side of whitespace piece `i` (none at a line's ends or next to a link). */
function marksAround(pieces: readonly Piece[], i: number): number {
  const side = (step: number): number => {
    for (let j = i + step; j >= 0 && j < pieces.length; j += step) {
      const p = pieces[j];
      if (p.marks === -1) continue;
      return p.atom ? 0 : p.marks;
    }
    return 0;
  };
  return side(-1) & side(1);
}

/** Inline code: fenced by more backticks than any run inside it, padded where it starts or ends with a backtick or a space. */
function codeSpan(raw: string): string {
  const text = raw.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(text) || (/^ [\s\S]* $/.test(text) && text.trim() !== '');
  return pad ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** A code block fenced by more backticks than any run inside it; a language only when it is a plain word. */
function fencedCode(text: string, language: unknown): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const info = typeof language === 'string' && /^[\w+#.-]{1,40}$/.test(language) ? language : '';
  const body = text.replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
  return `${fence}${info}\n${body}${body ? '\n' : ''}${fence}`;
}

/** What lies too deep: its text as a paragraph, a line for each of its blocks and line breaks. */
function plainBlock(node: unknown): Block {
  const lines = plainTextOf(node)
    .split('\n')
    .map((line) => escapeLine(line.replace(CONTROL, ' ')))
    .filter((line) => line !== '');
  return { markdown: lines.join('\\\n'), listMarker: null, interrupts: false };
}

function join(blocks: readonly Block[]): string {
  return blocks.map((b) => b.markdown).join('\n\n');
}

function indent(lines: readonly string[], width: number): string[] {
  const pad = ' '.repeat(width);
  return lines.map((line) => (line === '' ? '' : pad + line));
}

function prefixLines(text: string, prefix: string, blank: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? blank : prefix + line))
    .join('\n');
}

/**
 * A rich-text state (JSON text, `{ root }` or a root node) as Markdown that
 * reads back as the same text and structure; '' for anything unreadable.
 */
export function richTextToMarkdown(state: unknown, options: RichTextMarkdownOptions = {}): string {
  const root = rootOf(state);
  if (!root) return '';
  const writer = new Writer(options);
  const nodes = typeOf(root) === 'root' ? childrenOf(root) : [root];
  return join(writer.flow(nodes, 0));
}
