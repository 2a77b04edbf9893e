/**
 * Who speaks where: which speakers' turns a stretch of a transcript's plain
 * text overlaps, for thousands of highlights at a time. The turns' offsets
 * are gathered once; each range is then found by bisection over them, so a
 * book's highlights are placed in milliseconds.
 */
import type { Transcript } from '../../shared/model';

/** A speaker's name, or null for text no speaker says (an introduction, an aside, a heading). */
export type Speaker = string | null;

export interface SpeakerIndex {
  /**
   * The speakers of every turn that plain-text [start, end) overlaps, each once, in the order they speak. Empty
   * for a range that touches no turn (one that lies wholly between two paragraphs).
   */
  speakersOf(start: number, end: number): Speaker[];
  /** The transcript's speakers in the order they first speak. */
  readonly speakers: readonly string[];
}

export function speakerIndex(transcript: Transcript): SpeakerIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const who: Speaker[] = [];
  for (const turn of transcript.turns) {
    if (turn.paragraphs.length === 0) continue;
    starts.push(turn.paragraphs[0].start);
    ends.push(turn.paragraphs[turn.paragraphs.length - 1].end);
    who.push(turn.speaker);
  }
  const speakers: string[] = [];
  for (const s of who) if (s !== null && !speakers.includes(s)) speakers.push(s);
  return {
    speakers,
    speakersOf(start, end) {
      // The first turn that ends after `start`.
      let low = 0;
      let high = ends.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (ends[mid] <= start) low = mid + 1;
        else high = mid;
      }
      const out: Speaker[] = [];
      for (let i = low; i < starts.length && starts[i] < end; i++) if (!out.includes(who[i])) out.push(who[i]);
      return out;
    },
  };
}
