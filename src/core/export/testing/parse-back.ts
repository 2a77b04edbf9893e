/**
 * Test support: parses exported Markdown back the way a reader's app would,
 * as plain CommonMark and as GitHub-flavoured Markdown (tables, strikethrough,
 * footnotes, task lists and GFM's own autolinks).
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

export type Dialect = 'commonmark' | 'gfm';
export const DIALECTS: readonly Dialect[] = ['commonmark', 'gfm'];

export function parseBack(markdown: string, dialect: Dialect): Root {
  return dialect === 'gfm' ? fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) : fromMarkdown(markdown);
}

/** Every node type in a tree, once each. */
export function nodeTypes(node: Nodes): Set<string> {
  const types = new Set<string>([node.type]);
  if ('children' in node) for (const child of node.children) for (const t of nodeTypes(child)) types.add(t);
  return types;
}

/** Every link in a tree, as its shown text and its target. */
export function linksIn(node: Nodes): { text: string; url: string }[] {
  if (node.type === 'link') return [{ text: toString(node), url: node.url }];
  return 'children' in node ? node.children.flatMap(linksIn) : [];
}

/**
 * What a text reads as once exported, by the export's own rules: line endings
 * normalised, control characters other than tab made spaces, each line
 * trimmed, blank lines dropped, blank-line-separated paragraphs kept apart.
 */
export function asExported(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .join('\n'),
    )
    .filter((para) => para.length > 0);
}
