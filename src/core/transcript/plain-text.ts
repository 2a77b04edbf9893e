/**
 * The transcript's plain text: the string every selector's offsets refer to.
 * Paragraphs in order, joined by PARAGRAPH_SEPARATOR; speaker names are not part of it.
 */
import type { Paragraph, Transcript } from '../../shared/model';
import { PARAGRAPH_SEPARATOR } from '../../shared/model';

export function paragraphsOf(transcript: Transcript): Paragraph[] {
  return transcript.turns.flatMap((t) => t.paragraphs);
}

export function plainTextOf(transcript: Transcript): string {
  return paragraphsOf(transcript)
    .map((p) => p.text)
    .join(PARAGRAPH_SEPARATOR);
}

export function wordCountOf(transcript: Transcript): number {
  let n = 0;
  for (const p of paragraphsOf(transcript)) n += p.text.split(/\s+/).filter(Boolean).length;
  return n;
}

/** The turn whose paragraphs contain plain-text offset `at` (binary search; turns are in order). */
export function turnAt(transcript: Transcript, at: number): Transcript['turns'][number] | null {
  const turns = transcript.turns;
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const ps = turns[mid].paragraphs;
    if (at < ps[0].start) hi = mid - 1;
    else if (at > ps[ps.length - 1].end + PARAGRAPH_SEPARATOR.length - 1) lo = mid + 1;
    else return turns[mid];
  }
  return null;
}
