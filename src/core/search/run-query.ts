/**
 * Runs a parsed query over the indexes of a library and gives the hits best
 * first: every word of the query must be in a unit (a prefix finds longer
 * words too, a little lower), phrases are checked against the text itself,
 * filters narrow, and units are ranked by BM25 over the whole library, with
 * highlights and notes a little above the transcript's paragraphs.
 */
import type { HighlightColor, SearchHit, SearchHitKind } from '../../shared/model';
import { codeMatches, namedBy, type ParsedQuery } from './query-syntax';
import { snippetOf } from './snippet';
import type { SearchUnit, TextIndex } from './text-index';
import { TopHits } from './top-hits';
import { type Word, wordsOf } from './words';

/** One index, with the document it belongs to (null: the library's notebook). */
export interface SearchPart {
  documentId: string | null;
  documentTitle: string;
  index: TextIndex;
}

export interface RunOptions {
  /** Colours asked for (colour: filters, resolved against the library's names), or null for any. */
  colours: ReadonlySet<HighlightColor> | null;
  limit: number;
}

export const KIND_BOOST: Readonly<Record<SearchHitKind, number>> = { transcript: 1, highlight: 1.25, note: 1.15, notebook: 1.05 };
/** A word found because it begins with the query's word counts this much of an exact one. */
const PREFIX_WEIGHT = 0.7;
const K1 = 1.2;
const B = 0.75;

/** A unit found, before its snippet is made. */
export interface Candidate {
  part: SearchPart;
  unit: number;
  score: number;
}

/**
 * The best `limit` units for the query, best first, and how many there were. Phrases need the places of words of
 * every part (TextIndex.places); nothing here reads the text.
 */
export function rankQuery(parts: readonly SearchPart[], query: ParsedQuery, options: RunOptions): { best: Candidate[]; total: number } {
  const passes = unitFilter(query, options.colours);
  const top = new TopHits<Candidate>(options.limit);
  if (query.terms.length === 0) filteredOnly(parts, query, passes, top);
  else ranked(parts, query, passes, top);
  return { best: top.best(), total: top.total };
}

/** The hits of ranked units, with their snippets (this reads the text of each unit). */
export function hitsOf(best: readonly Candidate[], query: ParsedQuery): SearchHit[] {
  return best.map((c) => hitOf(c, query));
}

export function runQuery(parts: readonly SearchPart[], query: ParsedQuery, options: RunOptions): { hits: SearchHit[]; total: number } {
  const { best, total } = rankQuery(parts, query, options);
  return { hits: hitsOf(best, query), total };
}

function unitFilter(query: ParsedQuery, colours: ReadonlySet<HighlightColor> | null): ((unit: SearchUnit) => boolean) | null {
  if (query.kinds.length + query.speakers.length + query.codes.length === 0 && colours === null) return null;
  const kinds = query.kinds.length > 0 ? new Set(query.kinds) : null;
  // A library has a few speakers and many paragraphs: each name is compared with the filters once.
  const named = new Map<string, boolean>();
  const speaks = (name: string) => {
    let yes = named.get(name);
    if (yes === undefined) named.set(name, (yes = query.speakers.some((f) => namedBy(name, f))));
    return yes;
  };
  return (unit) =>
    (kinds === null || kinds.has(unit.kind)) &&
    (query.speakers.length === 0 || unit.speakers.some(speaks)) &&
    (query.codes.length === 0 || unit.codes.some((c) => query.codes.some((f) => codeMatches(c, f)))) &&
    (colours === null || (unit.color !== null && colours.has(unit.color)));
}

/** A query of filters alone: every unit they let through, in document order (a note only when notes are asked for). */
function filteredOnly(parts: readonly SearchPart[], query: ParsedQuery, passes: ((unit: SearchUnit) => boolean) | null, top: TopHits<Candidate>): void {
  for (const part of parts) {
    part.index.units.forEach((unit, u) => {
      if ((unit.kind !== 'note' || query.kinds.includes('note')) && (passes === null || passes(unit))) top.offer(0, () => ({ part, unit: u, score: 0 }));
    });
  }
}

function ranked(parts: readonly SearchPart[], query: ParsedQuery, passes: ((unit: SearchUnit) => boolean) | null, top: TopHits<Candidate>): void {
  const terms = dedupe(query.terms);
  // How many units use each matching word, across the library, for its weight (idf).
  const unitTotal = parts.reduce((n, p) => n + p.index.units.length, 0);
  const used = new Map<string, number>();
  const ranges = parts.map((part) =>
    terms.map(({ term, prefix }) => {
      const range = part.index.range(term, prefix);
      for (let i = range[0]; i < range[1]; i++) {
        const word = part.index.term(i);
        used.set(word, (used.get(word) ?? 0) + part.index.unitCount(i));
      }
      return range;
    }),
  );
  const phraseWords = new Set(query.phrases.flat());
  const idfOf = (word: string) => {
    const n = used.get(word)!;
    return Math.log(1 + (unitTotal - n + 0.5) / (n + 0.5));
  };
  // A part without one of the words has no hit.
  parts.forEach((part, p) => {
    if (!ranges[p].some(([low, high]) => low === high)) rankPart(part, ranges[p], terms, phraseWords, idfOf, query, passes, top);
  });
}

/**
 * One part's units that have every word, scored (BM25) and offered to `top`. A top-level function of plain loops
 * over typed arrays, so the engine compiles it once for every part.
 */
function rankPart(
  part: SearchPart,
  ranges: readonly [number, number][],
  terms: ParsedQuery['terms'],
  phraseWords: ReadonlySet<string>,
  idfOf: (word: string) => number,
  query: ParsedQuery,
  passes: ((unit: SearchUnit) => boolean) | null,
  top: TopHits<Candidate>,
): void {
  const { index } = part;
  const size = index.units.length;
  const { lengths, postings: pairs, placeCount } = index.data;
  const average = index.words / Math.max(1, size) || 1;
  const { score, found, matched, have } = scratchFor(size);
  let haveCount = 0;
  /** For each word of a phrase, its posting in each unit (to check where it is). */
  const postingOf = new Map<string, Int32Array>();
  let phraseWord = 0;
  for (let q = 0; q < terms.length; q++) {
    const { term } = terms[q];
    const [low, high] = ranges[q];
    const postings = phraseWords.has(term) ? phraseScratch(phraseWord++, size) : null;
    if (postings) postingOf.set(term, postings);
    haveCount = 0;
    for (let i = low; i < high; i++) {
      const word = index.term(i);
      const weight = word === term ? 1 : PREFIX_WEIGHT;
      const [first, last] = index.postingsOf(i);
      const scale = weight * idfOf(word) * (K1 + 1);
      const exact = postings !== null && word === term;
      for (let k = first; k < last; k++) {
        const u = pairs[2 * k];
        // Only units that have every word before this one can still be hits.
        if (found[u] !== q) continue;
        // How many times the word is in the unit: up to where the next posting's places begin.
        const count = (2 * k + 3 < pairs.length ? pairs[2 * k + 3] : placeCount) - pairs[2 * k + 1];
        score[u] += (scale * count) / (count + K1 * (1 - B + (B * lengths[u]) / average));
        if (matched[u] !== q + 1) have[haveCount++] = u;
        matched[u] = q + 1;
        if (exact) postings[u] = k;
      }
    }
    // Counted after the word's postings, so a unit matching two of its forms counts once.
    for (let h = 0; h < haveCount; h++) found[have[h]]++;
  }
  // In unit order, as hits of equal score are kept in the order they are offered (one word's postings already are).
  const candidates = have.subarray(0, haveCount);
  if (ranges[terms.length - 1][1] - ranges[terms.length - 1][0] > 1) candidates.sort();
  const phrases = query.phrases.map((phrase) => phrase.map((word) => postingOf.get(word)!));
  // The unit objects are touched only for filters and hits kept: reading one per found unit ("the": nearly all)
  // cost more than the scoring itself.
  const boosts = boostsOf(index);
  for (const u of candidates) {
    const boosted = score[u] * boosts[u];
    if (passes !== null && !passes(index.units[u])) continue;
    if (!hasPhrases(index, phrases, u)) continue;
    // Counted without being offered (nor made) when it would not be kept: the same test offer() makes.
    if (top.wouldKeep(boosted)) top.offer(boosted, () => ({ part, unit: u, score: boosted }));
    else top.total++;
  }
}

/**
 * The arrays a part is scored in, kept from part to part and query to query (rankQuery runs to its end without
 * waiting, so one set serves every search): made afresh, they were megabytes a query for the collector.
 */
const scratch = { score: new Float64Array(0), found: new Uint16Array(0), matched: new Uint16Array(0), have: new Uint32Array(0), phrases: [] as Int32Array[] };

/** score, found and matched zeroed over a part's `size` units (have is written before it is read). */
function scratchFor(size: number): Pick<typeof scratch, 'score' | 'found' | 'matched' | 'have'> {
  if (scratch.score.length < size) {
    const room = Math.max(size, 2 * scratch.score.length);
    Object.assign(scratch, { score: new Float64Array(room), found: new Uint16Array(room), matched: new Uint16Array(room), have: new Uint32Array(room), phrases: [] });
  } else {
    scratch.score.fill(0, 0, size);
    scratch.found.fill(0, 0, size);
    scratch.matched.fill(0, 0, size);
  }
  return scratch;
}

/** The n-th phrase word's postings by unit, -1 over a part's `size` units (scratchFor is called first). */
function phraseScratch(n: number, size: number): Int32Array {
  const postings = (scratch.phrases[n] ??= new Int32Array(scratch.score.length));
  return postings.fill(-1, 0, size);
}

/** Each unit's KIND_BOOST, per index, made once (the units of an index do not change). */
const unitBoosts = new WeakMap<TextIndex, Float64Array>();

function boostsOf(index: TextIndex): Float64Array {
  let boosts = unitBoosts.get(index);
  if (!boosts) {
    boosts = Float64Array.from(index.units, (unit) => KIND_BOOST[unit.kind]);
    unitBoosts.set(index, boosts);
  }
  return boosts;
}

/** Whether every phrase's words follow one another somewhere in unit u (from the places of its words). */
function hasPhrases(index: TextIndex, phrases: readonly (readonly Int32Array[])[], u: number): boolean {
  for (const phrase of phrases) if (!hasPhrase(index, phrase, u)) return false;
  return true;
}

/** Whether the phrase's words follow one another somewhere in unit u. */
function hasPhrase(index: TextIndex, phrase: readonly Int32Array[], u: number): boolean {
  if (phrase.length === 2) return phrase[0][u] >= 0 && phrase[1][u] >= 0 && index.adjacent(phrase[0][u], phrase[1][u]);
  const ks = phrase.map((postings) => postings[u]);
  return !ks.some((k) => k < 0) && index.hasSequence(ks);
}

function dedupe(terms: ParsedQuery['terms']): ParsedQuery['terms'] {
  const seen = new Map<string, ParsedQuery['terms'][number]>();
  for (const t of terms) {
    const before = seen.get(t.term);
    // The same word asked for whole and as a prefix: the whole word is what must be there.
    if (!before) seen.set(t.term, t);
    else if (!t.prefix) seen.set(t.term, t);
  }
  return [...seen.values()];
}

/** Where each phrase is found in the words, as [first word, word after the last) pairs. */
function phraseSpans(words: readonly Word[], phrase: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let k = 0;
    while (k < phrase.length && words[i + k].term === phrase[k]) k++;
    if (k === phrase.length) spans.push([i, i + phrase.length]);
  }
  return spans;
}

/** The words of a unit the query found, in order: every word matching a term outside a phrase, and each phrase whole. */
function marksIn(words: readonly Word[], query: ParsedQuery): [number, number][] {
  const inPhrase = new Set(query.phrases.flat());
  const marks: [number, number][] = [];
  for (const w of words) {
    if (inPhrase.has(w.term)) continue;
    if (query.terms.some((t) => w.term === t.term || (t.prefix && w.term.startsWith(t.term)))) marks.push([w.start, w.end]);
  }
  for (const phrase of query.phrases) for (const [a, b] of phraseSpans(words, phrase)) marks.push([words[a].start, words[b - 1].end]);
  marks.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}

function hitOf(candidate: Candidate, query: ParsedQuery): SearchHit {
  const { part } = candidate;
  const unit = part.index.units[candidate.unit];
  const text = part.index.unitText(unit);
  // Marks are offsets in the unit's text.
  const marks = query.terms.length > 0 ? marksIn(wordsOf(text), query) : [];
  let { start, end } = unit;
  if (unit.kind === 'transcript' && start !== null && marks.length > 0) {
    // A paragraph's hit is the first of the words found in it, so opening the hit selects them.
    start += marks[0][0];
    end = start + marks[0][1] - marks[0][0];
  }
  const snippet = snippetOf(text, 0, text.length, marks);
  return {
    documentId: part.documentId,
    documentTitle: part.documentTitle,
    kind: unit.kind,
    highlightId: unit.highlightId,
    start,
    end,
    speaker: unit.speakers[0] ?? null,
    snippet: snippet.text,
    marks: snippet.marks,
    score: Math.round(candidate.score * 1000) / 1000,
  };
}
