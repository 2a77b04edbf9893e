/**
 * Shared rich-text setup for Gloss's small editors (a highlight's note, the
 * notebooks): the nodes each registers, the theme classes they draw with
 * (styled in rich-text.css), and the Markdown they understand: the
 * shortcuts typed as they write, and how a note saved as Markdown only is
 * read back. Links go only to http, https and mail addresses, whatever is
 * typed or imported.
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
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { EditorThemeClasses, Klass, LexicalNode } from 'lexical';
import { isSafeLinkUrl } from '../../../../core/notes/rich-text-markdown';
import './rich-text.css';

/** A note's nodes: paragraphs and text (always there), lists and links. */
export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [ListNode, ListItemNode, LinkNode, AutoLinkNode];

/** A notebook's nodes: a note's, with headings, quotes and code blocks. */
export const RICH_TEXT_NODES: ReadonlyArray<Klass<LexicalNode>> = [HeadingNode, QuoteNode, ...NOTE_NODES, CodeNode];

/**
 * The address a link typed or imported as Markdown goes to, if it may be a link: `[text](javascript:…)` stays the
 * text typed. (LinkNode would also draw a bad address as about:blank; this keeps it out of the saved state too.)
 */
function linkAddress(match: RegExpMatchArray): string {
  const raw = match[2] ?? match[3] ?? '';
  return raw.replace(/\\([!-/:-@[-`{-~])/g, '$1').trim();
}

/** Lexical's Markdown link, made only for http, https and mail addresses. */
export const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  replace: (textNode, match) => (isSafeLinkUrl(linkAddress(match)) ? LINK.replace?.(textNode, match) : undefined),
};

/** What a note understands: `**bold**`, `*italic*` or `_italic_`, `` `code` ``, `- ` and `1. ` lists, `[text](https://…)`. */
export const NOTE_TRANSFORMERS: Transformer[] = [UNORDERED_LIST, ORDERED_LIST, INLINE_CODE, BOLD_STAR, ITALIC_STAR, ITALIC_UNDERSCORE, SAFE_LINK];

/** What a notebook understands: a note's shortcuts, with headings, quotes, code blocks, checklists and strikethrough. */
export const RICH_TEXT_TRANSFORMERS: Transformer[] = [
  HEADING,
  QUOTE,
  CODE,
  // Checklists before bulleted lists: `- [ ] ` is a checklist item, not a bullet.
  CHECK_LIST,
  UNORDERED_LIST,
  ORDERED_LIST,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  SAFE_LINK,
];

/** Theme classes (rich-text.css): `rt-…`, one for each kind of node and text format. */
export const RICH_TEXT_THEME: EditorThemeClasses = {
  paragraph: 'rt-p',
  heading: { h1: 'rt-h1', h2: 'rt-h2', h3: 'rt-h3', h4: 'rt-h4', h5: 'rt-h5', h6: 'rt-h6' },
  quote: 'rt-quote',
  code: 'rt-code',
  link: 'rt-link',
  list: {
    ul: 'rt-ul',
    ol: 'rt-ol',
    checklist: 'rt-checklist',
    listitem: 'rt-li',
    listitemChecked: 'rt-li rt-li--checked',
    listitemUnchecked: 'rt-li rt-li--unchecked',
    nested: { listitem: 'rt-li--nested' },
  },
  text: { bold: 'rt-bold', italic: 'rt-italic', underline: 'rt-underline', strikethrough: 'rt-strike', code: 'rt-inline-code' },
};
