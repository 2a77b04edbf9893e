/**
 * Reads a SubRip (SRT) caption file into a transcript: numbered cues with a
 * "start --> end" time line, tolerant of the ways real files bend the format
 * (missing numbers, extra blank lines, dot or short milliseconds, CRLF, BOM).
 */
import type { Transcript } from '../../shared/model';
import { CaptionFormatError, collapseSpace, isBlank, cuesToTranscript, withSpeakerLabels, type Cue } from './caption-cues';
import { toSeconds } from './time-stamp';

const TIMESTAMP = String.raw`(\d{1,3}):(\d{1,2}):(\d{1,2})[,.](\d{1,3})`;
// Some files add display coordinates after the end time ("X1:100 X2:200 ..."); they are ignored.
const TIME_LINE = new RegExp(String.raw`^\s*${TIMESTAMP}\s*-->\s*${TIMESTAMP}(?:\s.*)?$`);
const INDEX_LINE = /^\s*\d+\s*$/;
// "- Yes." opens a line of dialogue by another speaker.
const DIALOGUE_DASH = /^\s*[-–]\s+/;
// Formatting tags SRT players understand, and ASS-style overrides such as {\an8}.
// A tag ends at the next "<" or "{" at the latest, so a line of "<i <i <i" is not rescanned from every "<".
const FORMATTING = /<\/?(?:i|b|u|s|font)(?:\s[^<>]*)?>|\{\\[^{}]*\}/gi;

/**
 * Parses the text of an SRT file.
 * @throws CaptionFormatError when not a single cue with a time line can be read
 */
export function parseSrt(text: string, fallbackTitle: string): Transcript {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const drafts: { start: number; end: number; lines: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const time = TIME_LINE.exec(lines[i]);
    if (time) {
      drafts.push({ start: toSeconds(time[1], time[2], time[3], time[4]), end: toSeconds(time[5], time[6], time[7], time[8]), lines: [] });
    } else if (drafts.length > 0 && !isBlank(lines[i]) && !isCueNumber(lines, i)) {
      // Text after a stray blank line inside a cue still belongs to it: there is no other cue it could be.
      drafts[drafts.length - 1].lines.push(lines[i]);
    }
  }
  if (drafts.length === 0) {
    throw new CaptionFormatError('not an SRT file: no numbered cue with a "-->" time line was found');
  }

  const cues: Cue[] = drafts.map((d) => ({
    start: d.start,
    end: d.end,
    speaker: null,
    text: cueText(d.lines),
    speakerChange: d.lines.length > 0 && DIALOGUE_DASH.test(d.lines[0].replace(FORMATTING, '')),
  }));
  return cuesToTranscript(withSpeakerLabels(cues), fallbackTitle);
}

/** A cue's number: digits alone on a line, with a time line next (blank lines between are tolerated). */
function isCueNumber(lines: string[], at: number): boolean {
  if (!INDEX_LINE.test(lines[at])) return false;
  let i = at + 1;
  while (i < lines.length && isBlank(lines[i])) i++;
  return i < lines.length && TIME_LINE.test(lines[i]);
}

/** The cue's lines joined with spaces, formatting tags and dialogue dashes ("- Yes.") removed. */
function cueText(lines: string[]): string {
  return collapseSpace(lines.map((l) => l.replace(FORMATTING, '').replace(DIALOGUE_DASH, '')).join(' '));
}
