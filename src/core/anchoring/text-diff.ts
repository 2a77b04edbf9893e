/**
 * Where an old text and its corrected version agree: the runs of text they
 * share, in order. Computed with diff-match-patch's line mode (our plain text
 * has one paragraph a line, so this diffs paragraphs first) and then
 * character by character inside the paragraphs that changed; this is what
 * keeps a 1.4-million-character transcript with a few hundred corrections
 * fast, where a character diff of the whole text would not be. The diff is
 * then cleaned up semantically: edges of edits slide to word boundaries
 * (deleting "Anthropic … . " before "Amazon" is not read as deleting
 * "nthropic … . A"), and coincidental one-letter equalities are dropped.
 */
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, makeDiff } from '@sanity/diff-match-patch';

/** A stretch of `length` characters found at `oldStart` in the old text and at `newStart` in the new one. */
export interface EqualRun {
  oldStart: number;
  newStart: number;
  length: number;
}

/**
 * How long the diff may search for the smallest edit before settling for a
 * coarser one (still correct: only less of the texts is found equal).
 */
const DIFF_TIMEOUT_SECONDS = 1;

/** The runs both texts share, in order of both texts (each later run starts after the previous one in both). */
export function equalRuns(oldText: string, newText: string): EqualRun[] {
  if (oldText === newText) return oldText ? [{ oldStart: 0, newStart: 0, length: oldText.length }] : [];
  const runs: EqualRun[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [op, text] of cleanupSemantic(makeDiff(oldText, newText, { checkLines: true, timeout: DIFF_TIMEOUT_SECONDS }))) {
    if (op === DIFF_EQUAL) {
      const last = runs.at(-1);
      // The diff may split one equal stretch in two; one run is simpler to map through.
      if (last && last.oldStart + last.length === oldAt && last.newStart + last.length === newAt) last.length += text.length;
      else runs.push({ oldStart: oldAt, newStart: newAt, length: text.length });
      oldAt += text.length;
      newAt += text.length;
    } else if (op === DIFF_DELETE) oldAt += text.length;
    else if (op === DIFF_INSERT) newAt += text.length;
  }
  return runs;
}
