/**
 * Re-anchors highlights when a transcript is replaced by a corrected version.
 *
 * The two texts are diffed once (text-diff.ts) to map old offsets to new ones
 * (position-map.ts). Each highlight is then placed, first that succeeds:
 *  1. kept: the text its old range maps to still equals its quote;
 *  2. moved: an exact occurrence of the quote elsewhere, chosen by how well
 *     its context matches the stored prefix and suffix and how near it is to
 *     the mapped place;
 *  3. changed: an approximate occurrence (approximate-match.ts), near the
 *     mapped place first, then wherever pieces of the quote occur, scored on
 *     the quote, its context and its distance, its edges snapped to whole
 *     words of the new text;
 *  4. orphaned: nothing could be placed with confidence (never dropped).
 * Highlights that were already orphans are tried the same way; their stored
 * position refers to an older text, so it counts only as a weak hint.
 */
import type { HighlightSelectors, ReanchorStatus } from '../../shared/model';
import { approximateMatches, maxErrorsFor, seedPlaces } from './approximate-match';
import { canonicalText } from './canonical-text';
import { PositionMap } from './position-map';
import { commonPrefix, commonSuffix, createSelectors, type TextRange } from './selectors';
import { snapToWords } from './snap-range';
import { equalRuns } from './text-diff';
import { similarity } from './text-similarity';

/** A highlight as it was anchored in the old text (an orphan's selectors may refer to an even older text). */
export interface AnchorInput {
  id: string;
  selectors: HighlightSelectors;
}

export interface Reanchored {
  id: string;
  status: ReanchorStatus;
  /** Selectors in the new text (made with createSelectors); null for an orphan. */
  selectors: HighlightSelectors | null;
  /** How sure the placement is, 0 to 1 (1 for kept); absent for an orphan. */
  score?: number;
}

/** How far from the mapped place a candidate still counts as "at its place" (plus the quote's own length). */
const NEAR = 64;
/** Exact occurrences looked at, at most (a very short quote may occur thousands of times). */
const MAX_OCCURRENCES = 2_000;
/** Occurrences given the full (slower) context comparison, picked by a quick one. */
const SHORTLIST = 12;
/** A quote at least this long, with few errors, is evidence enough by itself wherever it is found. */
const DISTINCTIVE_LENGTH = 24;
/** How much longer than its old quote a highlight may grow by text inserted inside it. */
const MAX_GROWTH = 3;
/** The least share of its old quote a placed highlight must still have (as approximate-match.ts's maxErrorsFor allows). */
const MIN_QUOTE_SIMILARITY = 0.65;
/** Context agreement (on the worse side) that confirms a candidate. */
const CONTEXT_AGREES = 0.5;

interface Candidate extends TextRange {
  /** 1 - errors / quote length, in canonical form (1 for an exact occurrence). */
  quoteSimilarity: number;
}

interface Judged extends Candidate {
  score: number;
  confident: boolean;
}

/** What is known of one highlight while it is placed. */
interface Wanted {
  quote: string;
  prefix: string;
  suffix: string;
  /** Where it is expected in the new text (its old place mapped), and whether that can be trusted. */
  hint: number;
  hintEnd: number;
  trusted: boolean;
  /** Whether the old place still holds most of the quote's text (the diff kept it): only then is nearness evidence. */
  placeKnown: boolean;
  /** Characters of the old quote the diff found unchanged (0 when not trusted). */
  retained: number;
  /** The quote's length in canonical form (what approximate errors are counted against). */
  length: number;
  /** Identifies the old occurrence: two highlights on one occurrence may share a place, two on different ones may not. */
  key: string;
}

/** Context similarity on one side; an empty stored context (the text's very start or end) is neutral unless it still is. */
function sideSimilarity(stored: string, actual: string, atEdge: boolean): number {
  if (stored === '') return atEdge ? 1 : 0.5;
  return similarity(stored, actual);
}

function judge(text: string, w: Wanted, c: Candidate): Judged {
  const before = sideSimilarity(w.prefix, text.slice(Math.max(0, c.start - w.prefix.length), c.start), c.start === 0);
  const after = sideSimilarity(w.suffix, text.slice(c.end, c.end + w.suffix.length), c.end === text.length);
  const distance = Math.abs(c.start - w.hint);
  const closeness = 1 / (1 + distance / 256);
  const score = 0.5 * c.quoteSimilarity + 0.3 * ((before + after) / 2) + (w.placeKnown ? 0.2 : 0.05) * closeness;
  const length = w.length;
  const near = w.placeKnown && distance <= NEAR + length;
  const confident =
    c.quoteSimilarity >= MIN_QUOTE_SIMILARITY &&
    (Math.min(before, after) >= CONTEXT_AGREES ||
    (near && c.quoteSimilarity >= 0.75) ||
      (length >= DISTINCTIVE_LENGTH && c.quoteSimilarity >= 0.9));
  return { ...c, score, confident };
}

/** Exact occurrences of the quote near where it is expected (none when the old place cannot be trusted). */
function exactNearby(text: string, w: Wanted): Candidate[] {
  if (!w.placeKnown) return [];
  const out: Candidate[] = [];
  const last = w.hintEnd + NEAR;
  for (let at = text.indexOf(w.quote, Math.max(0, w.hint - NEAR - w.quote.length)); at !== -1 && at <= last; at = text.indexOf(w.quote, at + 1)) {
    out.push({ start: at, end: at + w.quote.length, quoteSimilarity: 1 });
  }
  return out;
}

/** Exact occurrences of the quote anywhere, shortlisted by a quick context match and nearness, all near the hint included. */
function exactCandidates(text: string, w: Wanted): Candidate[] {
  const quick: { start: number; rank: number }[] = [];
  for (let at = text.indexOf(w.quote); at !== -1 && quick.length < MAX_OCCURRENCES; at = text.indexOf(w.quote, at + 1)) {
    const end = at + w.quote.length;
    const context = commonSuffix(text.slice(Math.max(0, at - w.prefix.length), at), w.prefix) + commonPrefix(text.slice(end, end + w.suffix.length), w.suffix);
    const near = w.placeKnown && Math.abs(at - w.hint) <= NEAR + w.quote.length;
    quick.push({ start: at, rank: (near ? 1000 : 0) + context - Math.abs(at - w.hint) / text.length });
  }
  quick.sort((a, b) => b.rank - a.rank);
  return quick.slice(0, SHORTLIST).map(({ start }) => ({ start, end: start + w.quote.length, quoteSimilarity: 1 }));
}

/** Approximate occurrences around `from`..`to`, snapped to words. */
function approximateCandidates(text: string, w: Wanted, from: number, to: number): Candidate[] {
  const out: Candidate[] = [];
  for (const m of approximateMatches(text, w.quote, from, to, maxErrorsFor(w.length))) {
    const range = snapToWords(text, m, { exact: w.quote, prefix: w.prefix, suffix: w.suffix });
    if (range) out.push({ ...range, quoteSimilarity: 1 - m.errors / w.length });
  }
  return out;
}

/**
 * The text the old range maps to, as a candidate: its similarity is the share of the old quote the diff found
 * unchanged, so text inserted inside a quote (a sentence the first transcript missed) costs nothing, while text
 * deleted from it does. A range grown past MAX_GROWTH times the quote is not the same passage any more.
 */
function mappedCandidate(text: string, w: Wanted): Candidate[] {
  if (!w.trusted || w.hintEnd <= w.hint || w.hintEnd - w.hint > MAX_GROWTH * w.quote.length + NEAR) return [];
  const range = snapToWords(text, { start: w.hint, end: w.hintEnd }, { exact: w.quote, prefix: w.prefix, suffix: w.suffix });
  return range ? [{ ...range, quoteSimilarity: w.retained / w.quote.length }] : [];
}

/**
 * Where to look, in order, cheapest and nearest first; the first that gives a confident place wins: the quote
 * exactly, near its mapped place; the mapped text itself; approximate matches near it; the quote exactly
 * anywhere (a moved paragraph); approximate matches wherever seeds of the quote occur.
 */
function searches(text: string, w: Wanted): (() => Candidate[])[] {
  const pad = NEAR + Math.ceil(w.quote.length / 2);
  const slack = maxErrorsFor(w.quote.length) + 16;
  return [
    () => exactNearby(text, w),
    () => mappedCandidate(text, w),
    () => (w.trusted ? approximateCandidates(text, w, w.hint - pad, w.hintEnd + pad) : []),
    () => exactCandidates(text, w),
    () => seedPlaces(text, w.quote).flatMap((at) => approximateCandidates(text, w, at - slack, at + w.quote.length + slack)),
  ];
}

/** Places highlights, keeping two highlights on different old occurrences off the same new one. */
class Placer {
  private readonly claimed = new Map<string, string>();

  constructor(private readonly text: string) {}

  claim(range: TextRange, key: string): void {
    const at = `${range.start}:${range.end}`;
    if (!this.claimed.has(at)) this.claimed.set(at, key);
  }

  private free(range: TextRange, key: string): boolean {
    const owner = this.claimed.get(`${range.start}:${range.end}`);
    return owner === undefined || owner === key;
  }

  /** The best confident candidate not taken by another highlight, or null. */
  best(w: Wanted, candidates: Candidate[]): Judged | null {
    let best: Judged | null = null;
    const seen = new Set<string>();
    for (const c of candidates) {
      const at = `${c.start}:${c.end}`;
      if (seen.has(at)) continue;
      seen.add(at);
      if (!this.free(c, w.key)) continue;
      const judged = judge(this.text, w, c);
      if (judged.confident && (!best || judged.score > best.score)) best = judged;
    }
    if (best) this.claim(best, w.key);
    return best;
  }
}

/** Places every highlight in `newText`, in the order given; never drops one (an orphan has selectors null). */
export function reanchor(oldText: string, newText: string, highlights: readonly AnchorInput[]): Reanchored[] {
  const map = new PositionMap(equalRuns(oldText, newText), oldText.length, newText.length);
  const placer = new Placer(newText);
  const results: (Reanchored | null)[] = [];
  const pending: { index: number; wanted: Wanted }[] = [];
  const place = (id: string, status: ReanchorStatus, range: TextRange, score: number): Reanchored => ({
    id,
    status,
    selectors: createSelectors(newText, range.start, range.end),
    score: Math.round(score * 1000) / 1000,
  });

  // Kept highlights first, so that a moved one never takes a place that is still some other highlight's own.
  for (const [index, { id, selectors }] of highlights.entries()) {
    const { quote, position } = selectors;
    const inOld = position.start < position.end && oldText.slice(position.start, position.end) === quote.exact;
    const start = Math.min(Math.max(0, position.start), oldText.length);
    const end = Math.min(Math.max(start, position.end), oldText.length);
    const hint = map.map(start, 'after');
    const hintEnd = Math.max(hint, map.map(end, 'before'));
    const key = `${position.start}:${position.end}:${quote.exact}`;
    if (inOld && newText.slice(hint, hintEnd) === quote.exact) {
      placer.claim({ start: hint, end: hintEnd }, key);
      results.push(place(id, 'kept', { start: hint, end: hintEnd }, 1));
      continue;
    }
    results.push(null);
    if (quote.exact === '' || newText === '') continue;
    const retained = inOld ? map.retained(start, end) : 0;
    const wanted: Wanted = {
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      hint,
      hintEnd,
      trusted: inOld,
      placeKnown: retained >= quote.exact.length / 2,
      retained,
      length: canonicalText(quote.exact).text.length,
      key,
    };
    pending.push({ index, wanted });
  }

  for (const { index, wanted } of pending) {
    for (const search of searches(newText, wanted)) {
      const found = placer.best(wanted, search());
      if (!found) continue;
      const same = newText.slice(found.start, found.end) === wanted.quote;
      // The same text with an edge where the diff put it: the diff only aligned an edit's edge differently.
      const atPlace = same && wanted.placeKnown && (found.start === wanted.hint || found.end === wanted.hintEnd);
      results[index] = place(highlights[index].id, atPlace ? 'kept' : same ? 'moved' : 'changed', found, atPlace ? 1 : found.score);
      break;
    }
  }
  return results.map((r, i) => r ?? { id: highlights[i].id, status: 'orphaned', selectors: null });
}
