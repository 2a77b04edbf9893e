/**
 * Assigns each paragraph of a transcript its offsets in the plain text, where
 * paragraphs are joined by PARAGRAPH_SEPARATOR. Shared by every parser.
 */
import type { Paragraph, Turn, TurnKind } from '../../shared/model';
import { PARAGRAPH_SEPARATOR } from '../../shared/model';

/** A paragraph as written: its text, or its text with the media times a caption cue gives it. */
export type DraftParagraph = string | { text: string; startSeconds: number | null; endSeconds: number | null };

/** A turn as written, before offsets are assigned. */
export interface DraftTurn {
  speaker: string | null;
  kind: TurnKind;
  texts: readonly DraftParagraph[];
}

/** A turn being built by a parser: paragraphs are appended as they are read. */
export interface OpenTurn {
  speaker: string | null;
  kind: TurnKind;
  texts: string[];
}

/** The turns with every paragraph's `start`/`end` in the plain text; media times are kept. */
export function withOffsets(drafts: readonly DraftTurn[]): Turn[] {
  let offset = 0;
  let first = true;
  return drafts.map((d) => ({
    speaker: d.speaker,
    kind: d.kind,
    paragraphs: d.texts.map((draft): Paragraph => {
      if (!first) offset += PARAGRAPH_SEPARATOR.length;
      first = false;
      const p: Paragraph =
        typeof draft === 'string'
          ? { text: draft, start: offset, end: offset + draft.length }
          : { text: draft.text, start: offset, end: offset + draft.text.length, startSeconds: draft.startSeconds, endSeconds: draft.endSeconds };
      offset = p.end;
      return p;
    }),
  }));
}
