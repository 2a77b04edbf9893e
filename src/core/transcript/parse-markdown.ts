/**
 * Parses a Markdown transcript with a CommonMark parser: the first level-1
 * heading is the title, other headings are section headings, a heading that
 * is only a name ("### Ada Lovelace") or a bold label ("**Ada:** …") starts a
 * speaker's turn, and everything else is read as text without its markup.
 */
import type { Content, Heading, Paragraph as MdParagraph, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Transcript } from '../../shared/model';
import { withOffsets, type OpenTurn } from './offsets';
import { acceptedLabels, isInitials } from './speaker-label';

const NAME = /^(?:[A-Z][\p{L}'’.-]*)(?: [A-Z][\p{L}'’.-]*){0,3}$/u;

type Block = { type: 'heading'; depth: number; text: string } | { type: 'text'; text: string; label: string | null };

function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** A paragraph opening with a bold "Name:" label: the label and the rest of the text. */
function boldLabel(p: MdParagraph): { label: string; rest: string } | null {
  const [first, ...others] = p.children;
  if (!first || first.type !== 'strong') return null;
  let label = flat(toString(first));
  let rest = flat(toString({ type: 'paragraph', children: others } as MdParagraph));
  if (label.endsWith(':')) label = label.slice(0, -1).trim();
  else if (rest.startsWith(':')) rest = rest.slice(1).trim();
  else return null;
  return NAME.test(label) || isInitials(label) ? { label, rest } : null;
}

/** The document as a flat list of headings and text blocks (lists, quotes and code are read as text). */
function blocksOf(nodes: Content[], out: Block[]): Block[] {
  for (const node of nodes) {
    if (node.type === 'heading') out.push({ type: 'heading', depth: (node as Heading).depth, text: flat(toString(node)) });
    else if (node.type === 'paragraph') {
      const bold = boldLabel(node);
      out.push(bold ? { type: 'text', text: bold.rest, label: bold.label } : { type: 'text', text: flat(toString(node)), label: null });
    } else if (node.type === 'code') out.push({ type: 'text', text: node.value, label: null });
    else if (node.type === 'html') out.push({ type: 'text', text: node.value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim(), label: null });
    else if ('children' in node) blocksOf(node.children as Content[], out);
  }
  return out.filter((b) => b.text !== '');
}

export function parseMarkdown(text: string, fallbackTitle: string): Transcript {
  const blocks = blocksOf((fromMarkdown(text.replace(/^\uFEFF/, '')) as Root).children, []);
  const isSpeakerHeading = (b: Block, i: number) => {
    const next = blocks[i + 1];
    return b.type === 'heading' && b.depth >= 2 && NAME.test(b.text.replace(/:$/, '')) && next?.type === 'text' && next.label === null;
  };
  const labels = blocks.flatMap((b, i) =>
    b.type === 'text' && b.label ? [b.label] : isSpeakerHeading(b, i) ? [b.text.replace(/:$/, '')] : [],
  );
  const names = acceptedLabels([...labels, ...labels]);

  let title = fallbackTitle;
  const drafts: OpenTurn[] = [];
  let current: OpenTurn | null = null;
  blocks.forEach((b, i) => {
    if (b.type === 'heading') {
      if (isSpeakerHeading(b, i)) {
        const label = b.text.replace(/:$/, '');
        current = { speaker: names.get(label) ?? label, kind: 'speech', texts: [] };
        drafts.push(current);
        return;
      }
      if (b.depth === 1 && title === fallbackTitle && drafts.length === 0) title = b.text;
      drafts.push({ speaker: null, kind: 'heading', texts: [b.text] });
      current = null;
    } else if (b.label) {
      current = { speaker: names.get(b.label) ?? b.label, kind: 'speech', texts: [b.text] };
      drafts.push(current);
    } else if (current) {
      current.texts.push(b.text);
    } else {
      current = { speaker: null, kind: 'speech', texts: [b.text] };
      drafts.push(current);
    }
  });
  const turns = withOffsets(drafts.filter((d) => d.texts.length > 0));
  const speakers = [...new Set(turns.flatMap((t) => (t.speaker ? [t.speaker] : [])))];
  return { title, speakers, turns };
}
