/**
 * The notebook editor's nodes, theme and Markdown shortcuts: headings, lists
 * (bulleted, numbered, checklists), quotes, links, code, and quoted
 * highlights. The same nodes serve the editor on screen and the headless one
 * that adds a quote to a notebook not open.
 */
import { CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  CHECK_LIST,
  CODE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type Transformer,
} from '@lexical/markdown';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { EditorThemeClasses, Klass, LexicalNode } from 'lexical';
import { HighlightQuoteNode } from './nodes/HighlightQuoteNode';

export const NOTEBOOK_NODES: ReadonlyArray<Klass<LexicalNode>> = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, CodeNode, HighlightQuoteNode];

/** Markdown typed at the start of a line (`# `, `- `, `1. `, `[ ] `, `> `) or around words (`**`, `` ` ``, links). */
export const NOTEBOOK_TRANSFORMERS: Transformer[] = [
  HEADING,
  QUOTE,
  CODE,
  // Checklists before bulleted lists: `- [ ] ` is a checklist item, not a bullet.
  CHECK_LIST,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  INLINE_CODE,
  LINK,
];

export const NOTEBOOK_THEME: EditorThemeClasses & { highlightQuote: string } = {
  paragraph: 'nb-p',
  heading: { h1: 'nb-h1', h2: 'nb-h2', h3: 'nb-h3' },
  quote: 'nb-quote',
  code: 'nb-code',
  link: 'nb-link',
  list: {
    ul: 'nb-ul',
    ol: 'nb-ol',
    checklist: 'nb-checklist',
    listitem: 'nb-li',
    listitemChecked: 'nb-li nb-li--checked',
    listitemUnchecked: 'nb-li nb-li--unchecked',
    nested: { listitem: 'nb-li--nested' },
  },
  text: { bold: 'nb-bold', italic: 'nb-italic', underline: 'nb-underline', strikethrough: 'nb-strike', code: 'nb-inline-code' },
  highlightQuote: 'nb-highlight-quote',
};
