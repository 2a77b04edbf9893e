/**
 * Code autocomplete: which of the library's codes to offer for what the
 * reader has typed so far, best first. A code matches when the typed text
 * starts its path (`the` → `theme/risk`), starts one of its parts
 * (`ri` → `theme/risk`) or stands anywhere in it (`isk` → `theme/risk`),
 * in that order of preference; within each, the most used code comes first.
 * Case and accents do not count. Built once per codebook (`indexCodes`),
 * then asked on every keystroke (`suggestCodes`), so it stays well under a
 * frame with thousands of codes.
 */
import { normaliseCode } from './code-path';

/** A code the library knows and how often it is used (highlights carrying it or a code under it). */
export interface CodeUse {
  path: string;
  uses: number;
}

/** How a suggestion matched what was typed, best first. */
export type CodeMatch = 'exact' | 'path-prefix' | 'part-prefix' | 'substring';

export interface CodeSuggestion {
  path: string;
  uses: number;
  match: CodeMatch;
}

interface IndexedCode extends CodeUse {
  /** The path folded for matching: lower case, accents dropped. */
  folded: string;
  /** Its place in the order given (tree order), the last tie-breaker. */
  order: number;
}

/** The library's codes prepared for matching, most used first. */
export interface CodeIndex {
  readonly codes: readonly IndexedCode[];
  /** Folded path → the code as the library spells it (the most used, should two fold alike). */
  readonly byFolded: ReadonlyMap<string, CodeUse>;
}

const MATCH_RANK: Record<CodeMatch, number> = { exact: 0, 'path-prefix': 1, 'part-prefix': 2, substring: 3 };

/** What counts when matching: letters without case or accents, white space as one space, no space around `/`. */
export function foldForMatching(text: string): string {
  // Most codes are plain ASCII: they skip the costlier accent folding.
  const letters = /[^ -~]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return letters
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?\/ ?/g, '/')
    .trim();
}

/**
 * Prepares codes for `suggestCodes`; codes equally used are offered in the order given (the codebook gives them in
 * tree order). A path given twice keeps its larger use.
 */
export function indexCodes(uses: readonly CodeUse[]): CodeIndex {
  const best = new Map<string, IndexedCode>();
  for (const u of uses) {
    const seen = best.get(u.path);
    if (!seen) best.set(u.path, { path: u.path, uses: u.uses, folded: foldForMatching(u.path), order: best.size });
    else if (u.uses > seen.uses) seen.uses = u.uses;
  }
  const codes = [...best.values()].sort((a, b) => b.uses - a.uses || a.order - b.order);
  const byFolded = new Map<string, CodeUse>();
  for (const c of codes) if (!byFolded.has(c.folded)) byFolded.set(c.folded, c);
  return { codes, byFolded };
}

function matchOf(folded: string, query: string): CodeMatch | null {
  if (folded === query) return 'exact';
  const at = folded.indexOf(query);
  if (at < 0) return null;
  if (at === 0) return 'path-prefix';
  if (folded[at - 1] === '/' || folded.includes(`/${query}`)) return 'part-prefix';
  return 'substring';
}

export interface SuggestOptions {
  /** Codes not to offer (those the highlight already carries). */
  exclude?: ReadonlySet<string>;
  /** Most suggestions given; 8 unless told. */
  limit?: number;
}

/**
 * The codes to offer for `typed`, best first: exact, then path prefix, then part prefix, then anywhere in the
 * path; within each the most used, then tree order. Nothing typed offers the most used codes.
 */
export function suggestCodes(index: CodeIndex, typed: string, options: SuggestOptions = {}): CodeSuggestion[] {
  const limit = options.limit ?? 8;
  const exclude = options.exclude;
  const query = foldForMatching(typed);
  const out: CodeSuggestion[] = [];
  if (query === '') {
    for (const c of index.codes) {
      if (out.length >= limit) break;
      if (!exclude?.has(c.path)) out.push({ path: c.path, uses: c.uses, match: 'path-prefix' });
    }
    return out;
  }
  const exact = index.byFolded.get(query);
  if (exact && !exclude?.has(exact.path)) out.push({ path: exact.path, uses: exact.uses, match: 'exact' });
  // Each rank keeps at most `limit`, filled in use order (the index is in use order): no sort per keystroke.
  const ranks: CodeSuggestion[][] = [out, [], [], []];
  for (const c of index.codes) {
    if (c === exact || exclude?.has(c.path)) continue;
    const match = matchOf(c.folded, query);
    if (!match) continue;
    const rank = ranks[MATCH_RANK[match]];
    if (rank.length < limit) rank.push({ path: c.path, uses: c.uses, match });
    // Once the exact match and the path prefixes fill the list, nothing later can enter it.
    if (out.length + ranks[1].length >= limit) break;
  }
  return ranks.flat().slice(0, limit);
}

/**
 * The code Enter adds for `typed` when no suggestion is chosen: the library's own spelling of a code that matches it
 * exactly (case and accents aside), otherwise `typed` normalised as a new code. Throws a readable error for text
 * that cannot be a code.
 */
export function codeForTyped(index: CodeIndex, typed: string): string {
  const path = normaliseCode(typed);
  return index.byFolded.get(foldForMatching(path))?.path ?? path;
}
