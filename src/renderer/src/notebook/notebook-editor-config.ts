/**
 * The notebook editor's nodes, theme and Markdown shortcuts: the shared
 * rich-text setup's (editor/rich-text: headings, lists and checklists,
 * quotes, links, code), with quoted highlights. The same nodes serve the
 * editor on screen and the headless one that adds a quote to a notebook not
 * open.
 */
import type { EditorThemeClasses, Klass, LexicalNode } from 'lexical';
import { RICH_TEXT_NODES, RICH_TEXT_THEME, RICH_TEXT_TRANSFORMERS } from '../editor/rich-text/rich-text-config';
import { HighlightQuoteNode } from './nodes/HighlightQuoteNode';

export const NOTEBOOK_NODES: ReadonlyArray<Klass<LexicalNode>> = [...RICH_TEXT_NODES, HighlightQuoteNode];

/** Markdown typed at the start of a line (`# `, `- `, `1. `, `[ ] `, `> `) or around words (`**`, `` ` ``, links). */
export const NOTEBOOK_TRANSFORMERS = RICH_TEXT_TRANSFORMERS;

export const NOTEBOOK_THEME: EditorThemeClasses & { highlightQuote: string } = { ...RICH_TEXT_THEME, highlightQuote: 'nb-highlight-quote' };
