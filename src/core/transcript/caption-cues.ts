/**
 * The part of reading caption files (WebVTT, SRT) that does not depend on the
 * format: cues, speaker labels in cue text, entities, and turning cues into a
 * transcript.
 */
import type { Transcript } from '../../shared/model';
import { TranscriptFormatError } from './format-error';
import { withOffsets, type DraftTurn } from './offsets';
import { acceptedLabels, matchLabel } from './speaker-label';

/** One caption cue: media times in seconds, its text as read (tags removed), and its speaker if known. */
export interface Cue {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  /** The cue opened with a speaker-change mark the reader removed from its text ("- Yes." in SRT). */
  speakerChange?: boolean;
}

/** A line with nothing but blank space: it separates caption blocks. */
export const isBlank = (line: string): boolean => line.trim() === '';

/** The file is not in the caption format it was read as; the message says why. */
export class CaptionFormatError extends TranscriptFormatError {
  constructor(message: string) {
    super(message);
    this.name = 'CaptionFormatError';
  }
}

/** A turn being built from cues: every paragraph has media times. */
interface CueTurn extends DraftTurn {
  texts: { text: string; startSeconds: number; endSeconds: number }[];
}

/**
 * Consecutive cues by the same speaker (or consecutive cues without one) make
 * one speech turn; each cue is one paragraph carrying its media times.
 * Cues with no text are dropped.
 */
export function cuesToTranscript(cues: Cue[], title: string): Transcript {
  const drafts: CueTurn[] = [];
  for (const cue of cues) {
    const text = cue.text.trim();
    if (!text) continue;
    const paragraph = { text, startSeconds: cue.start, endSeconds: cue.end };
    const last = drafts.at(-1);
    if (last && last.speaker === cue.speaker) last.texts.push(paragraph);
    else drafts.push({ speaker: cue.speaker, kind: 'speech', texts: [paragraph] });
  }
  const speakers = [...new Set(drafts.flatMap((d) => (d.speaker ? [d.speaker] : [])))];
  return { title, speakers, turns: withOffsets(drafts) };
}

/** Marks caption writers put where the speaker changes without naming them ("- Yes.", ">> And you?"). */
const SPEAKER_CHANGE = /^(?:-|–|—|>>)\s/;
const opensWithSpeakerChange = (cue: Cue): boolean => cue.speakerChange === true || SPEAKER_CHANGE.test(cue.text);
const SENTENCE_END = /[.?!…]["'”’)\]]*\s*$/;

/**
 * Gives cues without a speaker the one their text opens with ("Alice Smith: ..."),
 * removing the label. Labels are judged over the whole file as the plain-text
 * parser does, so a one-off "Note:" stays text and "MM:" resolves to a full name.
 * A cue with no label continues the speaker of a sentence left unfinished in
 * the cue before it ("Alice: I went to the" / "shop on Monday."), unless it
 * opens with a speaker-change mark; after a finished sentence an unlabelled cue
 * may be anyone (film subtitles label few lines), so it is left without one.
 */
export function withSpeakerLabels(cues: Cue[]): Cue[] {
  const labels = cues.map((cue) => {
    const label = cue.speaker === null ? matchLabel(cue.text) : null;
    // A cue that is only a name is a caption of a name, not a label for the next cue.
    return label && !label.standalone ? label : null;
  });
  const speakersByLabel = acceptedLabels(labels.flatMap((m) => (m ? [m.label] : [])));
  let previous: Cue | null = null;
  return cues.map((cue, i) => {
    const label = labels[i];
    const speaker = label ? speakersByLabel.get(label.label) : undefined;
    let result = cue;
    if (label && speaker) result = { ...cue, speaker, text: label.rest.trim() };
    else if (cue.speaker === null && previous?.speaker && !opensWithSpeakerChange(cue) && !SENTENCE_END.test(previous.text)) {
      result = { ...cue, speaker: previous.speaker };
    }
    previous = result;
    return result;
  });
}

/** Runs of spaces, tabs and line ends become one space; the ends are trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  lrm: '\u200E',
  rlm: '\u200F',
  // Not in the WebVTT list, but caption tools exporting from HTML write them.
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
};

/** Decodes the character references caption text uses; unknown or invalid ones are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}
