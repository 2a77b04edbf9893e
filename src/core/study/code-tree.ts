/**
 * The library's code tree as the codebook lists it: every code in use or
 * described, with its parents, in tree order, each with how many highlights
 * carry it (`count`) and carry it or a code under it (`total`, each highlight
 * once). Also the counting both rest on, one document's highlights at a time,
 * so the library's counts are sums of small per-document counts.
 */
import type { CodeSummary, HighlightColor } from '../../shared/model';
import { ancestorsOf, compareCodes } from './code-path';

/** What the codebook says of one code. */
export interface CodeEntry {
  color: HighlightColor | null;
  description: string;
}

/** The codes given and every code above them: what a highlight carrying `codes` counts towards. */
export function codesWithin(codes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const code of codes) {
    out.add(code);
    for (const above of ancestorsOf(code)) out.add(above);
  }
  return out;
}

/** Per code: highlights carrying it (`direct`), and carrying it or one under it (`totals`, each highlight once). */
export interface CodeCounts {
  direct: Map<string, number>;
  totals: Map<string, number>;
}

/** Counts the codes of some highlights (thousands at a time: each code's parents are worked out once). */
export function countCodes(highlights: Iterable<{ codes: readonly string[] }>): CodeCounts {
  const direct = new Map<string, number>();
  const totals = new Map<string, number>();
  const above = new Map<string, string[]>();
  const within = new Set<string>();
  for (const h of highlights) {
    if (h.codes.length === 0) continue;
    within.clear();
    for (const code of h.codes) {
      direct.set(code, (direct.get(code) ?? 0) + 1);
      within.add(code);
      let parents = above.get(code);
      if (!parents) above.set(code, (parents = ancestorsOf(code)));
      for (const parent of parents) within.add(parent);
    }
    for (const code of within) totals.set(code, (totals.get(code) ?? 0) + 1);
  }
  return { direct, totals };
}

/** Adds `more` into `into` (the counts of another document). */
export function addCounts(into: Map<string, number>, more: Iterable<[string, number]>): void {
  for (const [code, n] of more) into.set(code, (into.get(code) ?? 0) + n);
}

/**
 * The code tree: every code counted or described, and their parents, in tree order. `entries` is the codebook
 * (read with own keys only, so a code named like a built-in property is just a code).
 */
export function codeTree(counts: CodeCounts, entries: ReadonlyMap<string, CodeEntry>): CodeSummary[] {
  const paths = codesWithin([...counts.direct.keys(), ...counts.totals.keys(), ...entries.keys()]);
  return [...paths].sort(compareCodes).map((path) => {
    const entry = entries.get(path);
    return {
      path,
      count: counts.direct.get(path) ?? 0,
      total: counts.totals.get(path) ?? 0,
      color: entry?.color ?? null,
      description: entry?.description ?? '',
    };
  });
}
