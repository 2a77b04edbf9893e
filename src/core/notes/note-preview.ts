/**
 * A note as the side panel previews it, on one line: the text of its rich-text
 * state, or, for a note that has only Markdown (imported from a W3C file or a
 * REFI-QDA project, or written with `gloss highlight --note`), the words of
 * that Markdown without its markup, read by the same CommonMark parser the
 * export uses. HTML in it stays text.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownParser, Token } from 'markdown-it';
import { richTextToPlainText } from './rich-text-markdown';

let parser: MarkdownParser | null = null;

function inlineText(children: readonly Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'html_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return text;
}

/** The words of a Markdown text without its markup: blocks joined by a space. */
export function markdownPlainText(markdown: string): string {
  parser ??= new MarkdownIt('commonmark', { html: false });
  const parts: string[] = [];
  for (const token of parser.parse(markdown, {})) {
    if (token.type === 'inline') parts.push(inlineText(token.children ?? []));
    else if (token.type === 'code_block' || token.type === 'fence' || token.type === 'html_block') parts.push(token.content);
  }
  return parts
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
}

/** What a note says, for a one-line preview. */
export function notePreviewText(source: { note: string; noteState?: string | null }): string {
  return (source.noteState ? richTextToPlainText(source.noteState) : '') || markdownPlainText(source.note) || source.note;
}
