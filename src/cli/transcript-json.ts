/** The JSON shape `gloss parse --json` prints: one object per turn, with the segments it was made from. */
import type { TranscriptFormat } from '../core/transcript/detect-format';
import type { Transcript, TurnKind } from '../shared/model';

export interface SegmentJson {
  text: string;
  start: number | null;
  end: number | null;
}

export interface TurnJson {
  speaker: string | null;
  kind: TurnKind;
  text: string;
  start: number | null;
  end: number | null;
  segments: SegmentJson[];
}

export interface TranscriptJson {
  title: string;
  format: TranscriptFormat;
  speakers: string[];
  turns: TurnJson[];
}

export function transcriptToJson(transcript: Transcript, format: TranscriptFormat): TranscriptJson {
  return {
    title: transcript.title,
    format,
    speakers: transcript.speakers,
    turns: transcript.turns.map((turn) => {
      const segments = turn.paragraphs.map((p) => ({ text: p.text, start: p.startSeconds ?? null, end: p.endSeconds ?? null }));
      return {
        speaker: turn.speaker,
        kind: turn.kind,
        text: segments.map((s) => s.text).join('\n\n'),
        start: segments[0]?.start ?? null,
        end: segments.at(-1)?.end ?? null,
        segments,
      };
    }),
  };
}
