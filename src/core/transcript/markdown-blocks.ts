/**
 * Reads Markdown into the flat list of blocks a transcript is built from:
 * headings, paragraphs (with the text of an opening bold phrase, which may be
 * a speaker label), code, and HTML blocks without their tags. Quotes and
 * lists are read as the blocks they hold. The parser is markdown-it's
 * CommonMark preset, whose time grows in step with the input on every
 * pathological pattern we know of (micromark, used before, took seconds for
 * 20 KB of some). Quotes and lists nest by recursion, so nesting deeper than
 * MAX_MARKDOWN_NESTING is refused rather than read.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownParser, Token } from 'markdown-it';
import { TranscriptFormatError } from './format-error';

/**
 * How deep quotes and lists may nest. Gloss shows them as plain paragraphs, so
 * depth carries nothing it displays; real transcripts nest a few levels, and
 * deeper nesting is a generated or damaged file.
 */
export const MAX_MARKDOWN_NESTING = 32;

export type MarkdownBlock =
  | { type: 'heading'; depth: number; text: string }
  /** `lead`: the paragraph opens with bold text: that text and the rest, each flattened to one line. */
  | { type: 'paragraph'; text: string; lead: { bold: string; rest: string } | null }
  /** Code and HTML blocks: their text, line breaks kept. */
  | { type: 'text'; text: string };

let shared: MarkdownParser | null = null;

/** A CommonMark parser that refuses quotes and lists nested deeper than MAX_MARKDOWN_NESTING. */
function parser(): MarkdownParser {
  if (shared) return shared;
  // markdown-it's own limit would silently drop what lies deeper: it must never be reached.
  const md = new MarkdownIt('commonmark', { maxNesting: 2 * MAX_MARKDOWN_NESTING + 8 });
  const tokenize = md.block.tokenize.bind(md.block);
  // The block parser calls itself once for the content of each quote or list item.
  let depth = -1;
  md.block.tokenize = (state, startLine, endLine) => {
    depth++;
    try {
      if (depth > MAX_MARKDOWN_NESTING) {
        throw new TranscriptFormatError(
          `line ${startLine + 1} nests quotes and lists more than ${MAX_MARKDOWN_NESTING} deep; Gloss reads up to ${MAX_MARKDOWN_NESTING}`,
        );
      }
      tokenize(state, startLine, endLine);
    } finally {
      depth--;
    }
  };
  return (shared = md);
}

/** Runs of blank space around line breaks become one space; the ends are trimmed. */
export function flat(text: string): string {
  // Split rather than a regular expression: /\s*\n\s*/ rescans a long run of spaces from each of its positions.
  if (!text.includes('\n')) return text.trim();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** The text a reader sees in inline tokens: markup dropped, image descriptions and inline HTML kept. */
function textOf(tokens: readonly Token[], from = 0, to = tokens.length): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.type === 'text' || t.type === 'code_inline' || t.type === 'html_inline') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += '\n';
    else if (t.type === 'image') out += textOf(t.children ?? []);
  }
  return out;
}

/** A paragraph opening with bold text: that text, and the text after it. */
function boldLead(children: readonly Token[]): { bold: string; rest: string } | null {
  // markdown-it may put an empty text token first.
  let first = 0;
  while (children[first]?.type === 'text' && children[first].content === '') first++;
  if (children[first]?.type !== 'strong_open') return null;
  let depth = 0;
  for (let i = first; i < children.length; i++) {
    if (children[i].type === 'strong_open') depth++;
    else if (children[i].type === 'strong_close' && --depth === 0) {
      return { bold: flat(textOf(children, first + 1, i)), rest: flat(textOf(children, i + 1)) };
    }
  }
  return null;
}

function withoutTrailingLineEnds(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}

/** An HTML block's text: tags removed, blank space collapsed. */
function htmlText(html: string): string {
  // [^<>] rather than [^>]: a run of "<" without ">" would otherwise be rescanned from each "<".
  return html.replace(/<[^<>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The document's blocks in reading order; blocks without text are left out.
 * @throws TranscriptFormatError when quotes and lists nest deeper than MAX_MARKDOWN_NESTING
 */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const tokens = parser().parse(markdown, {});
  const blocks: MarkdownBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      blocks.push({ type: 'heading', depth: Number(t.tag.slice(1)), text: flat(textOf(tokens[i + 1].children ?? [])) });
    } else if (t.type === 'paragraph_open') {
      const children = tokens[i + 1].children ?? [];
      blocks.push({ type: 'paragraph', text: flat(textOf(children)), lead: boldLead(children) });
    } else if (t.type === 'code_block' || t.type === 'fence') {
      blocks.push({ type: 'text', text: withoutTrailingLineEnds(t.content) });
    } else if (t.type === 'html_block') {
      blocks.push({ type: 'text', text: htmlText(t.content) });
    }
  }
  return blocks.filter((b) => b.text !== '');
}
