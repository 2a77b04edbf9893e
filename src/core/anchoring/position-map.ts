/**
 * Maps offsets in an old text to offsets in its corrected version, through
 * the runs the two texts share (text-diff.ts). An offset inside a shared run
 * maps exactly; one inside text that was replaced maps in proportion into
 * what replaced it, and one inside deleted text to where the deletion was.
 */
import type { EqualRun } from './text-diff';

export class PositionMap {
  constructor(
    private readonly runs: readonly EqualRun[],
    private readonly oldLength: number,
    private readonly newLength: number,
  ) {}

  /** Index of the first run that ends after `offset` (runs.length when none does). */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const run = this.runs[mid];
      if (run.oldStart + run.length <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Where old offset `offset` is in the new text. `side` says which way to lean at the edge of an insertion:
   * a start leans after inserted text ('after'), an end before it ('before'), so that text inserted right
   * next to a highlight stays outside it.
   */
  map(offset: number, side: 'before' | 'after'): number {
    const i = this.firstEndingAfter(side === 'before' ? offset - 1 : offset);
    const run = this.runs[i];
    if (run && run.oldStart <= offset && offset <= run.oldStart + run.length) {
      if (side === 'before' ? offset > run.oldStart : offset < run.oldStart + run.length) return run.newStart + offset - run.oldStart;
    }
    // In a gap between shared runs: old text [gapOld, gapOldEnd) was replaced by new text [gapNew, gapNewEnd).
    const previous = this.runs[i - 1];
    const gapOld = previous ? previous.oldStart + previous.length : 0;
    const gapNew = previous ? previous.newStart + previous.length : 0;
    const gapOldEnd = run ? run.oldStart : this.oldLength;
    const gapNewEnd = run ? run.newStart : this.newLength;
    const oldSpan = gapOldEnd - gapOld;
    const share = oldSpan > 0 ? (offset - gapOld) / oldSpan : 0;
    return gapNew + Math.round(share * (gapNewEnd - gapNew));
  }

  /**
   * The new text that stands where old text [start, end) was: mapped exactly where its edges are in shared runs,
   * widened to the whole of what replaced an edge that lies in changed text.
   */
  span(start: number, end: number): { start: number; end: number } {
    const first = this.firstEndingAfter(start);
    const a = this.runs[first];
    const before = this.runs[first - 1];
    const from = a && a.oldStart <= start ? a.newStart + start - a.oldStart : before ? before.newStart + before.length : 0;
    const last = this.firstEndingAfter(end - 1);
    const b = this.runs[last];
    const to = b && b.oldStart < end ? b.newStart + end - b.oldStart : b ? b.newStart : this.newLength;
    return { start: from, end: Math.max(from, to) };
  }

  /** How many characters of old text [start, end) are still in the new text (inside shared runs). */
  retained(start: number, end: number): number {
    let count = 0;
    for (let i = this.firstEndingAfter(start); i < this.runs.length && this.runs[i].oldStart < end; i++) {
      const run = this.runs[i];
      count += Math.min(end, run.oldStart + run.length) - Math.max(start, run.oldStart);
    }
    return count;
  }

  /** Whether old text [start, end) lies inside one shared run: it is in the new text unchanged, at map(start). */
  unchanged(start: number, end: number): boolean {
    const run = this.runs[this.firstEndingAfter(start)];
    return !!run && run.oldStart <= start && end <= run.oldStart + run.length;
  }
}
