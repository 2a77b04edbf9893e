/**
 * The Markdown a note is exported as. A note written in the rich-text editor
 * is written from its saved state; any other note (one written by an older
 * Gloss in a plain text field, or given as `gloss highlight --note`) is
 * Markdown, read with only the markup the note editor itself has: paragraphs,
 * line breaks, bulleted and numbered lists, bold, italic, strikethrough,
 * inline code, and links to http, https and mail addresses. Everything else
 * stays the characters typed, escaped: raw HTML never becomes HTML, and
 * headings, quotes, rules, code blocks, tables, images and link definitions
 * cannot restructure the export or break out of the note's highlight.
 * Either way a note is "contained" (see richTextToMarkdown): it holds no
 * heading and no horizontal rule.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownParser, Token } from 'markdown-it';
import { escapeParagraphs } from '../export/escape-markdown';
import { isSafeLinkUrl, MAX_RICH_TEXT_DEPTH, richTextToMarkdown, TEXT_FORMAT, type RichTextNode } from './rich-text-markdown';

/** What a note is made of, as a highlight carries it. */
export interface NoteSource {
  note: string;
  noteState?: string | null;
}

class TooDeep extends Error {}

let shared: MarkdownParser | null = null;

/** CommonMark with only the note editor's markup; quotes and lists nesting past the limit stop the reading. */
function parser(): MarkdownParser {
  if (shared) return shared;
  const md = new MarkdownIt('commonmark', { html: false, linkify: false, maxNesting: 4 * MAX_RICH_TEXT_DEPTH });
  md.disable(['blockquote', 'code', 'fence', 'heading', 'hr', 'html_block', 'lheading', 'reference', 'entity', 'html_inline']);
  md.enable(['strikethrough']);
  md.validateLink = (url) => isSafeLinkUrl(url);
  const tokenize = md.block.tokenize.bind(md.block);
  let depth = -1;
  md.block.tokenize = (state, startLine, endLine) => {
    depth++;
    try {
      if (depth > MAX_RICH_TEXT_DEPTH) throw new TooDeep();
      tokenize(state, startLine, endLine);
    } finally {
      depth--;
    }
  };
  return (shared = md);
}

type Element = { type: string; children: RichTextNode[] } & Record<string, unknown>;

/** markdown-it's tokens as the rich-text tree the editor would save. */
function treeOf(tokens: readonly Token[]): Element {
  const root: Element = { type: 'root', children: [] };
  const stack: Element[] = [root];
  const open = (node: Element) => {
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
        open({ type: 'list', listType: 'bullet', children: [] });
        break;
      case 'ordered_list_open':
        open({ type: 'list', listType: 'number', start: Number(token.attrGet('start') ?? 1), children: [] });
        break;
      case 'list_item_open':
        open({ type: 'listitem', children: [] });
        break;
      case 'paragraph_open':
        open({ type: 'paragraph', children: [] });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'paragraph_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'inline':
        stack[stack.length - 1].children.push(...inlineOf(token.children ?? []));
        break;
    }
  }
  return root;
}

const MARK_OF: Record<string, number> = { strong: TEXT_FORMAT.bold, em: TEXT_FORMAT.italic, s: TEXT_FORMAT.strikethrough };

function inlineOf(tokens: readonly Token[]): RichTextNode[] {
  const top: RichTextNode[] = [];
  let target = top;
  let link: Element | null = null;
  let format = 0;
  for (const token of tokens) {
    const [tag, side] = token.type.split(/_(?=open$|close$)/);
    if (tag in MARK_OF && side) {
      format = side === 'open' ? format | MARK_OF[tag] : format & ~MARK_OF[tag];
    } else if (token.type === 'link_open' && !link) {
      link = { type: 'link', url: token.attrGet('href') ?? '', children: [] };
      top.push(link);
      target = link.children;
    } else if (token.type === 'link_close') {
      link = null;
      target = top;
    } else if (token.type === 'text' && token.content) {
      target.push({ type: 'text', text: token.content, format });
    } else if (token.type === 'image') {
      // An image is no part of a note: it stays the text typed (its address as the parser read it).
      target.push({ type: 'text', text: `![${token.content}](${token.attrGet('src') ?? ''})`, format });
    } else if (token.type === 'code_inline') {
      target.push({ type: 'text', text: token.content, format: format | TEXT_FORMAT.code });
    } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
      // A note's line break is meant as one: notes were typed in a plain text field before.
      target.push({ type: 'linebreak' });
    }
  }
  return top;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Characters that the note editor's markup starts with, and line breaks. */
const MAY_HOLD_MARKUP = /[\\`*_[\]<>!~&\r\n]/;
const STARTS_LIST = /^\s*([-+]|\d{1,9}[.)])(\s|$)/;

/** Markdown given as a note (not from the rich-text editor), written back with only the note editor's markup. */
export function containMarkdownNote(note: string): string {
  // Control characters become spaces, as in every text the export writes (CommonMark would make NUL U+FFFD).
  const markdown = note.replace(CONTROL, ' ');
  if (markdown.trim() === '') return '';
  // Most notes are one line of words: nothing in them is markup, and parsing them costs more than the rest of an export.
  if (!MAY_HOLD_MARKUP.test(markdown) && !STARTS_LIST.test(markdown)) return escapeParagraphs(markdown).join('\n\n');
  try {
    return richTextToMarkdown(treeOf(parser().parse(markdown, {})), { contained: true });
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    // Lists nested past any real note: the text as typed, escaped.
    return escapeParagraphs(markdown).join('\n\n');
  }
}

/** The Markdown an export writes for a note: from its rich-text state when it has a readable one, else its Markdown. */
export function exportedNoteMarkdown(source: NoteSource): string {
  if (source.noteState) {
    const written = richTextToMarkdown(source.noteState, { contained: true });
    // A state with no text at all, or one that cannot be read, leaves the Markdown saved with it.
    if (written !== '' || source.note.trim() === '') return written;
  }
  return containMarkdownNote(source.note);
}
