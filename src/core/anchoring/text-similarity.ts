/**
 * How alike two short strings are (a highlight's stored context and the text
 * beside a candidate place), compared in canonical form so that white space
 * and curly quotes do not count: 1 - edit distance / the longer length.
 */
import { canonicalText } from './canonical-text';

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. Meant for short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let row = new Uint32Array(b.length + 1);
  let next = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = row[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      next[j] = Math.min(substitution, row[j] + 1, next[j - 1] + 1);
    }
    [row, next] = [next, row];
  }
  return row[b.length];
}

/** 1 for strings alike once canonical, 0 for nothing in common; two empty strings are alike. */
export function similarity(a: string, b: string): number {
  const x = canonicalText(a).text;
  const y = canonicalText(b).text;
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - editDistance(x, y) / longer;
}
