/**
 * Media times of highlights, for transcripts that have them (caption files,
 * timestamped lines): the time of the paragraph a highlight starts in, found
 * by bisection over the paragraphs, and written as `m:ss` or `h:mm:ss`.
 */
import type { Transcript } from '../../shared/model';

export interface MediaTimes {
  /** Whether any paragraph has a time. */
  readonly timed: boolean;
  /** The time of the paragraph holding plain-text offset `start` (or the last one before it), or null. */
  at(start: number): number | null;
}

export function mediaTimes(transcript: Transcript): MediaTimes {
  const starts: number[] = [];
  const seconds: (number | null)[] = [];
  for (const turn of transcript.turns) {
    for (const p of turn.paragraphs) {
      starts.push(p.start);
      seconds.push(typeof p.startSeconds === 'number' && Number.isFinite(p.startSeconds) ? p.startSeconds : null);
    }
  }
  const timed = seconds.some((s) => s !== null);
  return {
    timed,
    at(start) {
      if (!timed) return null;
      // The last paragraph that starts at or before `start`.
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid] <= start) low = mid + 1;
        else high = mid;
      }
      return low > 0 ? seconds[low - 1] : null;
    },
  };
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatMediaTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
