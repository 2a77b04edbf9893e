/**
 * A notebook's Markdown, saved beside its editor state (what export, search
 * and the command line read): a quoted highlight becomes a blockquote
 * attributed to its speaker (and, in the library notebook, its document).
 */
import { $convertToMarkdownString, type ElementTransformer } from '@lexical/markdown';
import type { EditorState } from 'lexical';
import type { NotebookScope } from './notebook-context';
import { NOTEBOOK_TRANSFORMERS } from './notebook-editor-config';
import { $isHighlightQuoteNode, HighlightQuoteNode } from './nodes/HighlightQuoteNode';
import type { HighlightQuote } from './quote';

/** A quote as Markdown: every line of the passage quoted, then who said it. */
export function quoteMarkdown(quote: HighlightQuote, scope: NotebookScope): string {
  const lines = quote.text.split(/\r?\n/).map((line) => (line.trim() ? `> ${line}` : '>'));
  const by = [quote.speaker ?? 'No speaker', scope === 'library' && quote.documentTitle ? `in “${quote.documentTitle}”` : null].filter(Boolean).join(', ');
  return [...lines, '>', `> — ${by}`].join('\n');
}

function quoteTransformer(scope: NotebookScope): ElementTransformer {
  return {
    type: 'element',
    dependencies: [HighlightQuoteNode],
    export: (node) => ($isHighlightQuoteNode(node) ? quoteMarkdown(node.getQuote(), scope) : null),
    regExp: /(?!)/,
    replace: () => false,
  };
}

/** The Markdown of a notebook's content. */
export function notebookMarkdown(editorState: EditorState, scope: NotebookScope): string {
  return editorState.read(() => $convertToMarkdownString([quoteTransformer(scope), ...NOTEBOOK_TRANSFORMERS])).trimEnd();
}
