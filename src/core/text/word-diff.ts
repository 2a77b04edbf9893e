/**
 * A small word diff for showing how a quote changed (a corrected transcript's
 * report: old and new quote side by side, the words that differ marked).
 * Words and the spaces between them are compared as tokens; the longest
 * common subsequence of tokens is kept, the rest is marked as changed.
 */

export interface DiffSegment {
  text: string;
  /** True for words only on this side (removed from the old quote, or added in the new one). */
  changed: boolean;
}

export interface WordDiff {
  before: DiffSegment[];
  after: DiffSegment[];
}

/** Past this many tokens a side the quotes are shown whole, marked as changed (the table grows as the product). */
const MAX_TOKENS = 300;

/** Words and runs of whitespace, in order; joined they give `text` back. */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Appends `text` to `segments`, joining it to the last one when it is marked alike. */
function push(segments: DiffSegment[], text: string, changed: boolean): void {
  const last = segments.at(-1);
  if (last && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}

/** Space between two changed words counts as changed, so a changed phrase is marked as one run. */
function joinChangedRuns(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const between = !s.changed && /^\s+$/.test(s.text) && segments[i - 1]?.changed && segments[i + 1]?.changed;
    push(out, s.text, s.changed || !!between);
  }
  return out;
}

/** The words of `before` not in `after`, and of `after` not in `before`, marked; unchanged text is not. */
export function wordDiff(before: string, after: string): WordDiff {
  const a = wordTokens(before);
  const b = wordTokens(after);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    return { before: before ? [{ text: before, changed: before !== after }] : [], after: after ? [{ text: after, changed: before !== after }] : [] };
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const left: DiffSegment[] = [];
  const right: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(left, a[i++], false);
      push(right, b[j++], false);
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      push(right, b[j++], true);
    } else {
      push(left, a[i++], true);
    }
  }
  return { before: joinChangedRuns(left), after: joinChangedRuns(right) };
}
