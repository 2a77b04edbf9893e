/**
 * Re-anchors highlights when a transcript is replaced by a corrected version.
 *
 * The two texts are diffed once (text-diff.ts) to map old offsets to new ones
 * (position-map.ts). Each highlight is then placed by the first that gives a
 * confident place:
 *  - kept: the text its old range maps to still equals its quote (or an
 *    exact occurrence shares an edge with it: the diff aligned an edit's edge
 *    the other way);
 *  - near the old place: the quote exactly; the mapped text itself (scored
 *    by the share of the old quote the diff kept, so a sentence inserted
 *    inside does not orphan it); approximate matches (approximate-match.ts);
 *  - anywhere, for those still unplaced: one pass over the text finds pieces
 *    of every such quote at once (seed-index.ts); around them, the quote
 *    exactly (moved), then approximate matches.
 * Candidates are scored on the quote (errors counted in canonical form:
 * white space and curly quotes are free), its context (the stored prefix and
 * suffix) and its distance from the old place; changed edges are snapped to
 * whole words (snap-range.ts). 'moved' is the same text elsewhere, 'changed'
 * different text. What has no confident place is orphaned, never dropped.
 * Highlights that were already orphans are tried the same way; their stored
 * position refers to an older text, so it is no evidence and only a weak tie
 * breaker.
 */
import type { HighlightSelectors, ReanchorStatus } from '../../shared/model';
import { approximateMatches, maxErrorsFor } from './approximate-match';
import { canonicalText } from './canonical-text';
import { PositionMap } from './position-map';
import { createSelectors, type TextRange } from './selectors';
import { SeedIndex, type SeedPlace, seedsOf } from './seed-index';
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
/** A quote at least this long, with few errors, is evidence enough by itself wherever it is found. */
const DISTINCTIVE_LENGTH = 24;
/** Seeds that must agree on a distant place before an approximate match is looked for there, and how many such places are tried. */
const MIN_VOTES = 2;
const MAX_DISTANT_PLACES = 3;
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
  /** The new text standing where the old quote was (what replaced it, where its text was changed). */
  span: TextRange;
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
  // Nearness is evidence where the old place still holds the quote; where the diff says its text went, a copy
  // touching the mapped place counts only with one side of its context agreeing (a one-letter quote with edits on
  // both sides is indistinguishable from a deleted one by place alone).
  const touches = c.start <= w.span.end && c.end >= w.span.start;
  const near = w.placeKnown ? distance <= NEAR + w.length : w.trusted && touches && Math.max(before, after) >= CONTEXT_AGREES;
  // Enough of the quote, confirmed by its context on both sides, by its place, or by being long and nearly intact.
  const confident =
    c.quoteSimilarity >= MIN_QUOTE_SIMILARITY &&
    (Math.min(before, after) >= CONTEXT_AGREES || (near && c.quoteSimilarity >= 0.75) || (w.length >= DISTINCTIVE_LENGTH && c.quoteSimilarity >= 0.9));
  return { ...c, score, confident };
}

/** Exact occurrences of the quote near where it is expected (none when the old place cannot be trusted). */
function exactNearby(text: string, w: Wanted): Candidate[] {
  if (!w.trusted) return [];
  const out: Candidate[] = [];
  const from = Math.max(0, w.hint - NEAR - w.quote.length);
  // Searched in a slice of the text so that a quote that is not nearby does not cost a scan of the whole text.
  const window = text.slice(from, w.hintEnd + NEAR + w.quote.length);
  for (let at = window.indexOf(w.quote); at !== -1; at = window.indexOf(w.quote, at + 1)) {
    out.push({ start: from + at, end: from + at + w.quote.length, quoteSimilarity: 1 });
  }
  return out;
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
 * Where to look near the old place, in order, cheapest first: the quote exactly; the mapped text itself;
 * approximate matches around it.
 */
function nearbySearches(text: string, w: Wanted): (() => Candidate[])[] {
  const pad = NEAR + Math.ceil(w.quote.length / 2);
  return [() => exactNearby(text, w), () => mappedCandidate(text, w), () => (w.trusted ? approximateCandidates(text, w, w.hint - pad, w.hintEnd + pad) : [])];
}

/**
 * Where to look anywhere in the text (a moved paragraph, an orphan from an older text), around the places the
 * seed index found: the quote exactly at any of them, then approximate matches around the few places that
 * most of the quote's seeds agree on (one seed alone, in transcripts that repeat their words, is chance).
 */
function distantSearches(text: string, w: Wanted, places: readonly SeedPlace[]): (() => Candidate[])[] {
  const slack = maxErrorsFor(w.length) + 16;
  return [
    () => places.filter(({ at }) => text.startsWith(w.quote, at)).map(({ at }) => ({ start: at, end: at + w.quote.length, quoteSimilarity: 1 })),
    () =>
      places
        .filter(({ votes }) => votes >= MIN_VOTES)
        .slice(0, MAX_DISTANT_PLACES)
        .flatMap(({ at }) => approximateCandidates(text, w, at - slack, at + w.quote.length + slack)),
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
      span: map.span(start, end),
      placeKnown: retained >= quote.exact.length / 2,
      retained,
      length: canonicalText(quote.exact).text.length,
      key,
    };
    pending.push({ index, wanted });
  }

  const tryAll = (index: number, wanted: Wanted, attempts: (() => Candidate[])[]): boolean => {
    for (const search of attempts) {
      const found = placer.best(wanted, search());
      if (!found) continue;
      const same = newText.slice(found.start, found.end) === wanted.quote;
      // The same text with an edge where the diff put it: the diff only aligned an edit's edge differently.
      const atPlace = same && wanted.placeKnown && (found.start === wanted.hint || found.end === wanted.hintEnd);
      results[index] = place(highlights[index].id, atPlace ? 'kept' : same ? 'moved' : 'changed', found, atPlace ? 1 : found.score);
      return true;
    }
    return false;
  };
  const distant = pending.filter(({ index, wanted }) => !tryAll(index, wanted, nearbySearches(newText, wanted)));
  if (distant.length > 0) {
    const seeds = new SeedIndex();
    for (const [k, { wanted: w }] of distant.entries()) seeds.add(k, seedsOf(w.quote, w.prefix, w.suffix));
    seeds.scan(newText);
    for (const [k, { index, wanted }] of distant.entries()) tryAll(index, wanted, distantSearches(newText, wanted, seeds.places(k, maxErrorsFor(wanted.length) + 16)));
  }
  return results.map((r, i) => r ?? { id: highlights[i].id, status: 'orphaned', selectors: null });
}
