/**
 * The Markdown parser Gloss used before markdown-it, kept for the tests as a
 * reference: mdast-util-from-markdown (micromark), walked the same way. Its
 * output on ordinary documents must match parseMarkdown's; it is too slow on
 * pathological input to use in the app.
 */
import type { Content, Heading, Paragraph as MdParagraph, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { MarkdownBlock } from '../markdown-blocks';

const flat = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

function lead(p: MdParagraph): { bold: string; rest: string } | null {
  const [first, ...others] = p.children;
  if (!first || first.type !== 'strong') return null;
  return { bold: flat(toString(first)), rest: flat(toString({ type: 'paragraph', children: others } as MdParagraph)) };
}

function walk(nodes: Content[], out: MarkdownBlock[]): void {
  for (const node of nodes) {
    if (node.type === 'heading') out.push({ type: 'heading', depth: (node as Heading).depth, text: flat(toString(node)) });
    else if (node.type === 'paragraph') out.push({ type: 'paragraph', text: flat(toString(node)), lead: lead(node) });
    else if (node.type === 'code') out.push({ type: 'text', text: node.value });
    else if (node.type === 'html') out.push({ type: 'text', text: node.value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() });
    else if ('children' in node) walk(node.children as Content[], out);
  }
}

/** The blocks micromark reads, in the form markdownBlocks gives them. */
export function referenceMarkdownBlocks(markdown: string): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  walk((fromMarkdown(markdown) as Root).children, out);
  return out.filter((b) => b.text !== '');
}
