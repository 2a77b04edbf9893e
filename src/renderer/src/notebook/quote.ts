/**
 * A highlight as a notebook quotes it: the passage, who said it, and where it
 * is (document and highlight ids, the document's title). Copied into the
 * notebook when quoted, so the quote still reads after its highlight is gone.
 */
import type { Annotation, Transcript } from '../../../shared/model';

export interface HighlightQuote {
  documentId: string;
  highlightId: string;
  /** Full name of who says it; several joined by commas; null for text no speaker says. */
  speaker: string | null;
  /** The quoted passage, as the transcript has it. */
  text: string;
  documentTitle: string;
}

/** Lexical node type of a quote, in the notebook's serialised state (main reads it to tell which quotes are unlinked). */
export const HIGHLIGHT_QUOTE_TYPE = 'highlight-quote';

/** Speakers of the turns plain-text [start, end) touches, in order; null when none of them has a speaker. */
export function speakerOf(transcript: Transcript, start: number, end: number): string | null {
  const names: string[] = [];
  for (const turn of transcript.turns) {
    const first = turn.paragraphs[0];
    const last = turn.paragraphs[turn.paragraphs.length - 1];
    if (!first || last.end <= start) continue;
    if (first.start >= end) break;
    if (turn.speaker && !names.includes(turn.speaker)) names.push(turn.speaker);
  }
  return names.length ? names.join(', ') : null;
}

/** The quote of `annotation`, in a document titled `documentTitle` whose transcript is `transcript`. */
export function quoteOf(annotation: Annotation, transcript: Transcript, documentTitle: string, range?: { start: number; end: number }): HighlightQuote {
  const { start, end } = range ?? annotation.selectors.position;
  return {
    documentId: annotation.documentId,
    highlightId: annotation.id,
    speaker: speakerOf(transcript, start, end),
    text: annotation.selectors.quote.exact,
    documentTitle,
  };
}
