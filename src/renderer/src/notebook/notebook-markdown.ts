/**
 * A notebook's Markdown, saved beside its editor state (what export, search
 * and the command line read): the shared rich-text writer (every text
 * escaped to read back as typed), with a quoted highlight written as a
 * blockquote attributed to its speaker (and, in the library notebook, to
 * its document).
 */
import { richTextToMarkdown, type MarkdownHelpers, type RichTextNode } from '../../../core/notes/rich-text-markdown';
import type { NotebookScope } from './notebook-context';
import { quoteFromJSON } from './nodes/HighlightQuoteNode';
import { HIGHLIGHT_QUOTE_TYPE, type HighlightQuote } from './quote';

/** A quote as Markdown: every line of the passage quoted, then who said it. */
export function quoteMarkdown(quote: HighlightQuote, scope: NotebookScope, escape: MarkdownHelpers['escape']): string {
  const lines = quote.text.split(/\r\n?|\n/).map((line) => (line.trim() ? `> ${escape(line)}` : '>'));
  const where = scope === 'library' && quote.documentTitle ? `, in “${escape(quote.documentTitle)}”` : '';
  return [...lines, '>', `> — ${escape(quote.speaker ?? 'No speaker')}${where}`].join('\n');
}

/** The Markdown of a notebook's serialised state (JSON text, or the object `EditorState.toJSON()` gives). */
export function notebookMarkdown(state: unknown, scope: NotebookScope): string {
  return richTextToMarkdown(state, {
    custom: (node: RichTextNode, helpers) => (node.type === HIGHLIGHT_QUOTE_TYPE ? quoteMarkdown(quoteFromJSON(node), scope, helpers.escape) : null),
  });
}
