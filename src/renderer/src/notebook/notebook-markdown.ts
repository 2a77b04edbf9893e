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

/**
 * Quotes written before, by their fields: a notebook is written whole at every save, and escaping hundreds of
 * quotes that have not changed (a quote never changes) was most of the time a save took.
 */
const written = new Map<string, string>();
const WRITTEN_MAX = 20_000;

function cachedQuoteMarkdown(quote: HighlightQuote, scope: NotebookScope, escape: MarkdownHelpers['escape']): string {
  const key = [scope, quote.highlightId, quote.speaker ?? '', quote.documentTitle, quote.text].join('\u0000');
  let markdown = written.get(key);
  if (markdown === undefined) {
    if (written.size >= WRITTEN_MAX) written.clear();
    markdown = quoteMarkdown(quote, scope, escape);
    written.set(key, markdown);
  }
  return markdown;
}

/** The Markdown of a notebook's serialised state (JSON text, or the object `EditorState.toJSON()` gives). */
export function notebookMarkdown(state: unknown, scope: NotebookScope): string {
  return richTextToMarkdown(state, {
    custom: (node: RichTextNode, helpers) => (node.type === HIGHLIGHT_QUOTE_TYPE ? cachedQuoteMarkdown(quoteFromJSON(node), scope, helpers.escape) : null),
  });
}
