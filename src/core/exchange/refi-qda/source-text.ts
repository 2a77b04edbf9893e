/**
 * The text of a REFI-QDA text source written by Gloss: the transcript's
 * paragraphs as in its plain text, with each speaker's name written at the
 * start of their turn ("Dario Amodei: …"), so that a reader in another tool
 * sees who speaks. Offsets in Gloss's plain text (which has no names) are
 * mapped to offsets in this text, accounting for the names put in.
 */
import { PARAGRAPH_SEPARATOR, type Transcript } from '../../../shared/model';

/** One speaker's turn in the source text: from the start of its label to the end of its last paragraph (UTF-16). */
export interface SourceTurn {
  speaker: string;
  start: number;
  end: number;
}

export interface SourceText {
  text: string;
  /**
   * The source text offset of plain-text offset `offset`. A start at a paragraph's start goes after the speaker's
   * label; an end there stays before it (the label belongs to neither highlight).
   */
  toSource(offset: number, edge: 'start' | 'end'): number;
  turns: SourceTurn[];
}

/** The label written before a speaker's turn. */
export function speakerLabel(speaker: string): string {
  return `${speaker.replace(/[\r\n]+/g, ' ')}: `;
}

export function sourceTextOf(transcript: Transcript): SourceText {
  const pieces: string[] = [];
  // Per paragraph: its plain-text start, and how far the source text is ahead of the plain text at its start (after its label) and before its label.
  const starts: number[] = [];
  const shiftAfter: number[] = [];
  const shiftBefore: number[] = [];
  const turns: SourceTurn[] = [];
  let shift = 0;
  let length = 0;
  for (const turn of transcript.turns) {
    turn.paragraphs.forEach((paragraph, index) => {
      if (pieces.length > 0) {
        pieces.push(PARAGRAPH_SEPARATOR);
        length += PARAGRAPH_SEPARATOR.length;
      }
      const label = index === 0 && turn.kind === 'speech' && turn.speaker ? speakerLabel(turn.speaker) : '';
      starts.push(paragraph.start);
      shiftBefore.push(shift);
      if (label) {
        if (turn.speaker) turns.push({ speaker: turn.speaker, start: length, end: length });
        pieces.push(label);
        length += label.length;
        shift += label.length;
      }
      shiftAfter.push(shift);
      pieces.push(paragraph.text);
      length += paragraph.text.length;
      if (turn.kind === 'speech' && turn.speaker && turns.length > 0) turns[turns.length - 1].end = length;
    });
  }
  const toSource = (offset: number, edge: 'start' | 'end'): number => {
    // The last paragraph starting at or before the offset.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    const at = low - 1;
    if (at < 0) return offset;
    return offset + (edge === 'end' && starts[at] === offset ? shiftBefore[at] : shiftAfter[at]);
  };
  return { text: pieces.join(''), toSource, turns };
}
