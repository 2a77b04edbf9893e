/**
 * Parses a plain-text transcript into a title and turns: labelled speech,
 * unlabelled text (an intro), and asides (captions, sidebar boxes, page debris).
 */
import type { Transcript } from '../../shared/model';
import { isCaption, isDebris, isHeadingLike } from './aside';
import { withOffsets, type OpenTurn as DraftTurn } from './offsets';
import { acceptedLabels, matchLabel } from './speaker-label';


/** Line ends normalised to LF, byte-order mark removed. */
export function normaliseText(input: string): string {
  return input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Blocks are separated by blank lines. Inside a block each line is its own
 * paragraph, unless the block is prose hard-wrapped at a fixed width.
 */
function splitBlocks(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0),
    )
    .filter((lines) => lines.length > 0)
    .map((lines) => (isHardWrapped(lines) ? [lines.join(' ')] : lines));
}

function isHardWrapped(lines: string[]): boolean {
  return (
    lines.length > 1 &&
    lines.slice(0, -1).every((l) => l.length >= 40 && l.length <= 100) &&
    !lines.slice(1).some((l) => matchLabel(l) !== null)
  );
}

function isTitle(block: string[]): boolean {
  if (block.length !== 1 || matchLabel(block[0])) return false;
  const t = block[0];
  return t.split(/\s+/).length <= 20 && !/[.,;:]$/.test(t);
}

/**
 * Parses a plain-text transcript.
 * @param fallbackTitle used when the text does not open with a title line (e.g. the file name)
 */
export function parsePlainText(input: string, fallbackTitle = 'Untitled transcript'): Transcript {
  const blocks = splitBlocks(normaliseText(input));
  const candidates = blocks.flat().flatMap((p) => {
    const m = matchLabel(p);
    return m ? [m.label] : [];
  });
  const speakersByLabel = acceptedLabels(candidates);

  const drafts: DraftTurn[] = [];
  let title = fallbackTitle;
  let start = 0;
  if (blocks.length > 1 && isTitle(blocks[0])) {
    title = blocks[0][0];
    drafts.push({ speaker: null, kind: 'heading', texts: [title] });
    start = 1;
  }

  // The turn unlabelled speech continues; after a caption, the speaker before it.
  let speech: DraftTurn | null = null;
  // An open sidebar box: unlabelled paragraphs after a heading-like line belong to it.
  let box: DraftTurn | null = null;

  for (const block of blocks.slice(start)) {
    if (block.some(isCaption)) {
      drafts.push({ speaker: null, kind: 'aside', texts: [...block] });
      box = null;
      continue;
    }
    for (const para of block) {
      const label = matchLabel(para);
      const speaker = label ? speakersByLabel.get(label.label) : undefined;
      if (label && speaker) {
        speech = { speaker, kind: 'speech', texts: [label.rest] };
        drafts.push(speech);
        box = null;
      } else if (box) {
        box.texts.push(para);
      } else if (isDebris(para)) {
        drafts.push({ speaker: null, kind: 'aside', texts: [para] });
      } else if (isHeadingLike(para)) {
        box = { speaker: null, kind: 'aside', texts: [para] };
        drafts.push(box);
      } else if (speech && drafts[drafts.length - 1] === speech) {
        speech.texts.push(para);
      } else {
        // Text after an interruption continues the last speaker; before any label it is an intro.
        const continued: string | null = (speech as DraftTurn | null)?.speaker ?? null;
        speech = { speaker: continued, kind: 'speech', texts: [para] };
        drafts.push(speech);
      }
    }
  }

  const turns = withOffsets(drafts);
  const speakers = [...new Set(turns.flatMap((t) => (t.speaker ? [t.speaker] : [])))];
  return { title, speakers, turns };
}
