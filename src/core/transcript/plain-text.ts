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
  const names: string[] = [];
  for (const turn of transcript.turns) {
    const first = turn.paragraphs[0];
    const last = turn.paragraphs[turn.paragraphs.length - 1];
    if (last.end <= start || first.start >= end) continue;
    const name = turn.speaker ?? (turn.kind === 'aside' ? 'Aside' : turn.kind === 'heading' ? 'Title' : 'Introduction');
    if (!names.includes(name)) names.push(name);
  }
  return names.join(', ');
}
