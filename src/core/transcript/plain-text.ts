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

/**
 * Who said plain-text [start, end): the speakers of every turn it touches, in
 * order, or what kind of text it is ("Aside", "Title", "Introduction").
 */
export function attributionOf(transcript: Transcript, start: number, end: number): string {
  const { turns } = transcript;
  // Turns are in text order: find the first that ends after `start` by bisection (a book has thousands).
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const last = turns[mid].paragraphs[turns[mid].paragraphs.length - 1];
    if (last.end <= start) low = mid + 1;
    else high = mid;
  }
  const names: string[] = [];
  for (let i = low; i < turns.length && turns[i].paragraphs[0].start < end; i++) {
    const turn = turns[i];
    const name = turn.speaker ?? (turn.kind === 'aside' ? 'Aside' : turn.kind === 'heading' ? 'Title' : 'Introduction');
    if (!names.includes(name)) names.push(name);
  }
  return names.join(', ');
}
