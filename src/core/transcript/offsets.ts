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
  texts: DraftParagraph[];
}

/**
 * Builds turns in reading order, giving each paragraph its offsets as it is
 * added, so a long transcript is not copied a second time to number it.
 * Paragraphs can only be added to the last turn.
 */
export class TurnWriter {
  readonly turns: Turn[] = [];
  private end = -PARAGRAPH_SEPARATOR.length;

  get last(): Turn | undefined {
    return this.turns[this.turns.length - 1];
  }

  /** Starts a turn with its first paragraph. */
  begin(speaker: string | null, kind: TurnKind, first: DraftParagraph): Turn {
    const turn: Turn = { speaker, kind, paragraphs: [] };
    this.turns.push(turn);
    this.add(first);
    return turn;
  }

  /** Adds a paragraph to the last turn. */
  add(draft: DraftParagraph): void {
    const start = this.end + PARAGRAPH_SEPARATOR.length;
    const p: Paragraph =
      typeof draft === 'string'
        ? { text: draft, start, end: start + draft.length }
        : { text: draft.text, start, end: start + draft.text.length, startSeconds: draft.startSeconds, endSeconds: draft.endSeconds };
    this.turns[this.turns.length - 1].paragraphs.push(p);
    this.end = p.end;
  }
}

/** The turns with every paragraph's `start`/`end` in the plain text; media times are kept. Turns without text are left out. */
export function withOffsets(drafts: readonly DraftTurn[]): Turn[] {
  const writer = new TurnWriter();
  for (const d of drafts) {
    if (d.texts.length === 0) continue;
    writer.begin(d.speaker, d.kind, d.texts[0]);
    for (let i = 1; i < d.texts.length; i++) writer.add(d.texts[i]);
  }
  return writer.turns;
}
