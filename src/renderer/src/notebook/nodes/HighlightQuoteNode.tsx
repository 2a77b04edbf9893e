/**
 * A highlight quoted in a notebook: a block the reader cannot type into,
 * showing the passage and its speaker (and, in the library notebook, its
 * document), linked to the highlight it came from. Serialised as
 * `highlight-quote` with the quote's fields, so that a notebook reads the
 * same after its highlights are gone and main can tell which are unlinked.
 */
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical';
import type { JSX } from 'react';
import { HIGHLIGHT_QUOTE_TYPE, type HighlightQuote } from '../quote';
import { HighlightQuoteView } from '../HighlightQuoteView';

export type SerializedHighlightQuoteNode = SerializedLexicalNode & HighlightQuote & { type: typeof HIGHLIGHT_QUOTE_TYPE };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads a quote's fields from serialised JSON, tolerating a damaged one (it shows what it has). */
export function quoteFromJSON(json: Record<string, unknown>): HighlightQuote {
  return {
    documentId: text(json.documentId),
    highlightId: text(json.highlightId),
    speaker: typeof json.speaker === 'string' && json.speaker ? json.speaker : null,
    text: text(json.text),
    documentTitle: text(json.documentTitle),
  };
}

export class HighlightQuoteNode extends DecoratorNode<JSX.Element> {
  __quote: HighlightQuote;

  static override getType(): string {
    return HIGHLIGHT_QUOTE_TYPE;
  }

  static override clone(node: HighlightQuoteNode): HighlightQuoteNode {
    return new HighlightQuoteNode(node.__quote, node.__key);
  }

  static override importJSON(json: Record<string, unknown>): HighlightQuoteNode {
    return $createHighlightQuoteNode(quoteFromJSON(json));
  }

  constructor(quote: HighlightQuote, key?: NodeKey) {
    super(key);
    this.__quote = quote;
  }

  override exportJSON(): SerializedHighlightQuoteNode {
    return { type: HIGHLIGHT_QUOTE_TYPE, version: 1, ...this.getLatest().__quote };
  }

  getQuote(): HighlightQuote {
    return this.getLatest().__quote;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = (config.theme as { highlightQuote?: string }).highlightQuote;
    if (className) element.className = className;
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** For pasting into other programs: a blockquote with its attribution. */
  override exportDOM(): DOMExportOutput {
    const { text: quoted, speaker, documentTitle } = this.__quote;
    const element = document.createElement('blockquote');
    const p = document.createElement('p');
    p.textContent = quoted;
    element.append(p);
    const by = [speaker, documentTitle].filter(Boolean).join(', ');
    if (by) {
      const cite = document.createElement('p');
      cite.textContent = `— ${by}`;
      element.append(cite);
    }
    return { element };
  }

  override getTextContent(): string {
    const { text: quoted, speaker } = this.__quote;
    return `“${quoted}”${speaker ? ` — ${speaker}` : ''}\n\n`;
  }

  override isInline(): false {
    return false;
  }

  override decorate(): JSX.Element {
    return <HighlightQuoteView quote={this.__quote} nodeKey={this.__key} />;
  }
}

export function $createHighlightQuoteNode(quote: HighlightQuote): HighlightQuoteNode {
  return $applyNodeReplacement(new HighlightQuoteNode(quote));
}

export function $isHighlightQuoteNode(node: LexicalNode | null | undefined): node is HighlightQuoteNode {
  return node instanceof HighlightQuoteNode;
}
