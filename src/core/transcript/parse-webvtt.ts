/**
 * Reads a WebVTT caption file into a transcript, following the W3C WebVTT
 * parsing rules in spirit: header, blocks separated by blank lines, NOTE /
 * STYLE / REGION blocks skipped, speakers from voice spans or "Name:" labels.
 */
import type { Transcript } from '../../shared/model';
import { CaptionFormatError, collapseSpace, isBlank, cuesToTranscript, decodeEntities, withSpeakerLabels, type Cue } from './caption-cues';
import { toSeconds } from './time-stamp';

// [hh:]mm:ss.ttt; hours take any number of digits, minutes and seconds two, the fraction three.
const TIMESTAMP = String.raw`(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})`;
// Start --> end, then cue settings (position, align...), which a transcript has no use for.
const TIMING_LINE = new RegExp(String.raw`^[ \t]*${TIMESTAMP}[ \t]*-->[ \t]*${TIMESTAMP}(?:[ \t].*)?$`);

/**
 * Parses the text of a WebVTT file. Cues with an invalid time line are skipped.
 * @throws CaptionFormatError when the text does not start with the WEBVTT signature
 */
export function parseWebVtt(text: string, fallbackTitle: string): Transcript {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0])) {
    throw new CaptionFormatError('not a WebVTT file: the first line must start with WEBVTT');
  }

  // The header runs to the first blank line; a time line there means the header ended without one.
  let i = 1;
  while (i < lines.length && !isBlank(lines[i]) && !lines[i].includes('-->')) i++;

  const cues: Cue[] = [];
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    // A block: an optional identifier line, a time line, then cue text. Blocks without a
    // time line (NOTE, STYLE, REGION, stray text) are skipped. An arrow anywhere else in a
    // block starts the next block, since cue text cannot contain "-->".
    const start = i;
    let timing = -1;
    for (; i < lines.length && !isBlank(lines[i]); i++) {
      if (!lines[i].includes('-->')) continue;
      if (timing === -1 && i - start <= 1) timing = i;
      else break;
    }
    if (timing !== -1) cues.push(...readCue(lines[timing], lines.slice(timing + 1, i)));
  }
  return cuesToTranscript(withSpeakerLabels(cues), fallbackTitle);
}

/** The cue as one or more cues, one per voice span; none when its time line is invalid. */
function readCue(timingLine: string, textLines: string[]): Cue[] {
  const m = TIMING_LINE.exec(timingLine);
  if (!m) return [];
  const start = toSeconds(m[1], m[2], m[3], m[4]);
  const end = toSeconds(m[5], m[6], m[7], m[8]);
  return voiceSpans(textLines.join('\n')).map(({ speaker, text }) => ({ start, end, speaker, text }));
}

// "v", "v.loud" or "v.first.loud", then whitespace and the speaker's name.
const VOICE_TAG = /^v(?:\.[^ \t\n\f\r]*)?[ \t\n\f\r]+([\s\S]*)$/;

/**
 * Splits cue text at its voice spans and removes every tag. A voice span runs
 * to the next one (or the end of the cue) whether or not it is closed.
 */
function voiceSpans(cueText: string): { speaker: string | null; text: string }[] {
  const spans = [{ speaker: null as string | null, text: '' }];
  // A tag runs to ">" or, unterminated, to the end of the cue text.
  for (const [, tag, text] of cueText.matchAll(/<([^>]*)(?:>|$)|([^<]+)/g)) {
    if (text !== undefined) {
      spans[spans.length - 1].text += text;
      continue;
    }
    const voice = VOICE_TAG.exec(tag);
    const speaker = voice ? collapseSpace(decodeEntities(voice[1])) : '';
    if (speaker && speaker !== spans[spans.length - 1].speaker) spans.push({ speaker, text: '' });
  }
  return spans
    .map((s) => ({ speaker: s.speaker, text: decodeEntities(collapseSpace(s.text)) }))
    .filter((s) => s.text.length > 0);
}
