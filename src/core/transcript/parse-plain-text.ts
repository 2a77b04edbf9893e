/**
 * Parses a plain-text transcript into a title and turns: labelled speech (in
 * any of the label styles speaker-label.ts knows), unlabelled text (an intro),
 * section headings ("Act I, Scene I"), and asides (captions, sidebar boxes,
 * stage directions, page debris). Time stamps become paragraph media times.
 */
import type { Transcript, Turn } from '../../shared/model';
import { creditOffsets, isDebris, isDirection, isHeadingLike } from './aside';
import { TurnWriter, type DraftParagraph } from './offsets';
import { SECTION_WORD, acceptedLabels, matchLabel, type LabelCandidate, type LabelMatch } from './speaker-label';
import { leadingStamp } from './time-stamp';

/** Line ends normalised to LF, byte-order mark removed. */
export function normaliseText(input: string): string {
  const text = input.replace(/^\uFEFF/, '');
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** What is known about one paragraph before the turns are built. */
interface Line {
  text: string;
  /** Which block (lines between blank lines) it comes from. */
  block: number;
  label: LabelMatch | null;
  /** Its block holds a photo caption: the whole block is an aside. */
  caption: boolean;
}

/**
 * The paragraphs of a text, in one pass. Blocks are separated by blank lines;
 * inside a block each line is its own paragraph, unless the block is prose
 * hard-wrapped at a fixed width.
 */
function linesOf(text: string): Line[] {
  const credits = creditOffsets(text);
  const lines: Line[] = [];
  let block: string[] = [];
  let blocks = 0;
  let hasCredit = false;
  let credit = 0;
  const endBlock = () => {
    if (block.length === 0) return;
    const paragraphs = isHardWrapped(block) ? [block.join(' ')] : block;
    for (const p of paragraphs) lines.push({ text: p, block: blocks, label: hasCredit ? null : matchLabel(p), caption: hasCredit });
    blocks++;
    block = [];
    hasCredit = false;
  };
  for (let pos = 0; pos <= text.length; ) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    while (credit < credits.length && credits[credit] < end) if (credits[credit++] >= pos) hasCredit = true;
    const line = text.slice(pos, end).trim();
    if (line) block.push(line);
    else endBlock();
    pos = end + 1;
  }
  endBlock();
  return lines;
}

function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  for (let i = 0; i < lines.length - 1; i++) if (lines[i].length < 40 || lines[i].length > 100) return false;
  // A wrapped line may well be a capitalised word or two ("New York"); only a real label starts a new paragraph.
  return !lines.slice(1).some((l) => {
    const label = matchLabel(l);
    return label !== null && !label.bare;
  });
}

function paragraph(text: string, seconds: number | null): DraftParagraph {
  return seconds === null ? text : { text, startSeconds: seconds, endSeconds: null };
}

function isPlainText(line: Line | undefined): boolean {
  return line !== undefined && line.label === null && !line.caption && !isDirection(line.text);
}

/**
 * Every label, with whether speech follows it. The line after a label alone on
 * its line is its speech even when it looks like a name itself ("Yes"), unless
 * that name is used as a label elsewhere ("MARGARET" after a title line).
 */
function candidatesOf(lines: Line[]): LabelCandidate[] {
  const uses = new Map<string, number>();
  for (const line of lines) if (line.label) uses.set(line.label.label, (uses.get(line.label.label) ?? 0) + 1);
  const canBeSpeech = (line: Line | undefined) =>
    line?.label ? line.label.bare && line.label.seconds === null && uses.get(line.label.label) === 1 : isPlainText(line);

  // Counted rather than listed, as a long transcript has a label per turn: per label, one count for each way it was seen.
  const counts = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const label = lines[i].label;
    if (!label) continue;
    const followedBySpeech = canBeSpeech(lines[i + 1]);
    const way = (label.standalone ? 4 : 0) + (label.seconds !== null ? 2 : 0) + (followedBySpeech ? 1 : 0);
    let seen = counts.get(label.label);
    if (!seen) counts.set(label.label, (seen = [0, 0, 0, 0, 0, 0, 0, 0]));
    seen[way]++;
    if (label.standalone && followedBySpeech) i++;
  }
  return [...counts].flatMap(([label, seen]) =>
    seen.flatMap((times, way) => (times ? [{ label, standalone: way >= 4, timed: (way & 2) !== 0, followedBySpeech: (way & 1) !== 0, times }] : [])),
  );
}

/**
 * Parses a plain-text transcript.
 * @param fallbackTitle used when the text does not open with a title line (e.g. the file name)
 */
export function parsePlainText(input: string, fallbackTitle = 'Untitled transcript'): Transcript {
  const lines = linesOf(normaliseText(input));
  const speakersByLabel = acceptedLabels(candidatesOf(lines));
  const speakerOf = (line: Line | undefined) => (line?.label ? speakersByLabel.get(line.label.label) : undefined);

  const writer = new TurnWriter();
  let title = fallbackTitle;
  let first = 0;
  const opening = lines[0];
  // A single line, then a blank line and more text.
  if (lines[1]?.block === 1 && !speakerOf(opening) && !SECTION_WORD.test(opening.text) && isTitle(opening.text)) {
    title = opening.text;
    writer.begin(null, 'heading', title);
    first = 1;
  }

  // The turn unlabelled speech continues; after an aside, the speaker before it.
  let speech: Turn | null = null;
  // An open sidebar box: unlabelled paragraphs after a heading-like line belong to it.
  let box: Turn | null = null;
  // A label alone on its line, waiting for its speech in the next paragraph.
  let pending: { speaker: string; seconds: number | null; text: string } | null = null;
  // A time stamp alone on its line, for the next paragraph.
  let pendingStamp: { seconds: number; text: string } | null = null;

  const aside = (text: DraftParagraph) => writer.begin(null, 'aside', text);
  const flushPending = () => {
    // A label or time stamp with no speech after it is kept as written rather than dropped.
    if (pending) aside(pending.text);
    if (pendingStamp) aside(pendingStamp.text);
    pending = null;
    pendingStamp = null;
  };

  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    if (line.caption) {
      flushPending();
      aside(line.text);
      while (lines[i + 1]?.block === line.block) writer.add(lines[++i].text);
      continue;
    }
    const speaker = speakerOf(line);
    if (line.label && speaker) {
      flushPending();
      if (line.label.standalone) pending = { speaker, seconds: line.label.seconds, text: line.text };
      else speech = writer.begin(speaker, 'speech', paragraph(line.label.rest, line.label.seconds));
      continue;
    }

    let text = line.text;
    let seconds = pendingStamp?.seconds ?? null;
    const stamp = leadingStamp(text);
    if (stamp && stamp.rest === '') {
      if (pendingStamp) aside(pendingStamp.text);
      pendingStamp = { seconds: stamp.seconds, text };
      continue;
    }
    pendingStamp = null;
    if (stamp) {
      text = stamp.rest;
      seconds ??= stamp.seconds;
    }

    const last = writer.last;
    if (isDirection(text)) {
      aside(paragraph(text, seconds));
    } else if (pending) {
      speech = writer.begin(pending.speaker, 'speech', paragraph(text, pending.seconds ?? seconds));
      pending = null;
    } else if (box && box === last) {
      writer.add(paragraph(text, seconds));
    } else if (isDebris(text)) {
      aside(text);
    } else if (isHeadingLike(text) && (SECTION_WORD.test(text) || !isPlainText(lines[i + 1]) || speakerOf(lines[i + 1]) !== undefined)) {
      // A heading followed by speech (or by nothing) opens a section; followed by plain text it opens a box.
      writer.begin(null, 'heading', paragraph(text, seconds));
      speech = null;
    } else if (isHeadingLike(text)) {
      box = writer.begin(null, 'aside', paragraph(text, seconds));
    } else if (speech && speech === last) {
      writer.add(paragraph(text, seconds));
    } else {
      // Text after an interruption continues the last speaker; before any label it is an intro.
      const continued: string | null = (speech as Turn | null)?.speaker ?? null;
      speech = writer.begin(continued, 'speech', paragraph(text, seconds));
    }
  }
  flushPending();

  const turns = writer.turns;
  const speakers = [...new Set(turns.flatMap((t) => (t.speaker ? [t.speaker] : [])))];
  return { title, speakers, turns };
}

function isTitle(text: string): boolean {
  return text.split(/\s+/).length <= 20 && !/[.,;:]$/.test(text);
}
