/**
 * Parses a Markdown transcript: the first level-1 heading is the title, other
 * headings are section headings, a heading that is only a name ("### Ada
 * Lovelace") or a bold label ("**Ada:** …") starts a speaker's turn, and
 * everything else is read as text without its markup (markdown-blocks.ts
 * reads the Markdown itself).
 */
import type { Transcript } from '../../shared/model';
import { markdownBlocks } from './markdown-blocks';
import { withOffsets, type OpenTurn } from './offsets';
import { acceptedLabels, isInitials } from './speaker-label';

const NAME = /^(?:[A-Z][\p{L}'’.-]*)(?: [A-Z][\p{L}'’.-]*){0,3}$/u;

type Block = { type: 'heading'; depth: number; text: string } | { type: 'text'; text: string; label: string | null };

/** A paragraph's opening bold text as a "Name:" label (colon inside or after the bold): the label and the rest. */
function boldLabel(lead: { bold: string; rest: string }): { label: string; rest: string } | null {
  let { bold: label, rest } = lead;
  if (label.endsWith(':')) label = label.slice(0, -1).trim();
  else if (rest.startsWith(':')) rest = rest.slice(1).trim();
  else return null;
  return NAME.test(label) || isInitials(label) ? { label, rest } : null;
}

/** The document as a flat list of headings and text blocks (lists, quotes and code are read as text). */
function blocksOf(markdown: string): Block[] {
  return markdownBlocks(markdown).flatMap((b): Block[] => {
    if (b.type === 'heading') return [b];
    const bold = b.type === 'paragraph' && b.lead ? boldLabel(b.lead) : null;
    const block: Block = bold ? { type: 'text', text: bold.rest, label: bold.label } : { type: 'text', text: b.text, label: null };
    return block.text === '' ? [] : [block];
  });
}

/**
 * Parses a Markdown transcript.
 * @throws TranscriptFormatError when quotes and lists nest too deeply to read
 */
export function parseMarkdown(text: string, fallbackTitle: string): Transcript {
  const blocks = blocksOf(text.replace(/^\uFEFF/, ''));
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
