/**
 * A compact inverted index over one text cut into units (a transcript's
 * paragraphs, a document's highlights and notes, a notebook's blocks).
 *
 * Terms are kept sorted in one array, so a prefix is a range found by
 * bisection; each term's postings are (unit, times used) pairs in one
 * Uint32Array. Nothing is a Map per term, so a 250,000-word transcript costs
 * a few megabytes, and the index is written and read back as a few flat
 * sections without rebuilding anything (search-shard-file.ts in main).
 */
import type { HighlightColor, SearchHitKind } from '../../shared/model';
import { forEachWord } from './words';

/** One searchable passage of a text. */
export interface SearchUnit {
  kind: SearchHitKind;
  /** The unit's text is index.text[from, to). */
  from: number;
  to: number;
  /** Where the passage is in the document's plain text (a note: its highlight's); null for a notebook's blocks. */
  start: number | null;
  end: number | null;
  highlightId: string | null;
  /** Who says it, in order; empty where no speaker does. */
  speakers: string[];
  color: HighlightColor | null;
  /** Code paths as searchableCode gives them. */
  codes: string[];
}

/**
 * The text an index is over: a string, or anything that gives slices of one (an index read back keeps its text as
 * the file's bytes and decodes only the passages asked for).
 */
export interface IndexText {
  readonly length: number;
  slice(from: number, to: number): string;
}

/**
 * The index as flat data, to be written and read back. The text and the places of words are needed only for a hit's
 * snippet and for phrases: an index read back from a file leaves them there until they are asked for (its text gives
 * its length at once and its passages once loaded; its places are null until then).
 */
export interface TextIndexData {
  text: IndexText;
  units: SearchUnit[];
  /** The terms, sorted, each followed by a line break (one string: no string per term to keep or collect). */
  terms: string;
  /**
   * Term i's postings are postings[2 * termStarts[i], 2 * termStarts[i + 1]), one (unit, first place) pair for each
   * unit using the term: its places in the unit are positions[first place, the next posting's first place).
   */
  termStarts: Uint32Array;
  postings: Uint32Array;
  /** Where in its unit each word is (its number, from 0), posting after posting. */
  positions: Uint32Array | null;
  /** How many places there are (positions' length, known before they are read). */
  placeCount: number;
  /** Words in each unit. */
  lengths: Uint32Array;
}

export class TextIndex {
  readonly words: number;
  /** Term i is data.terms[termAt[i], termAt[i + 1] - 1). */
  private readonly termAt: Uint32Array;

  constructor(readonly data: TextIndexData) {
    let words = 0;
    for (const n of data.lengths) words += n;
    this.words = words;
    this.termAt = termOffsets(data.terms);
  }

  get termCount(): number {
    return this.termAt.length - 1;
  }

  static build(text: string, units: SearchUnit[]): TextIndex {
    // Every word becomes a number (its term's, in order of first use), unit after unit; then one counting sort by
    // term, stable, puts each term's places together in unit and place order. No array or map per unit or term.
    const ids = new Map<string, number>();
    let tokens = new Uint32Array(1024);
    let count = 0;
    const lengths = new Uint32Array(units.length);
    const unitStarts = new Uint32Array(units.length + 1);
    units.forEach((unit, u) => {
      unitStarts[u] = count;
      forEachWord(text, unit.from, unit.to, (term) => {
        let id = ids.get(term);
        if (id === undefined) ids.set(term, (id = ids.size));
        if (count === tokens.length) {
          const grown = new Uint32Array(tokens.length * 2);
          grown.set(tokens);
          tokens = grown;
        }
        tokens[count++] = id;
      });
      lengths[u] = count - unitStarts[u];
    });
    unitStarts[units.length] = count;
    const terms = [...ids.keys()].sort(compare);
    const rank = new Uint32Array(ids.size);
    terms.forEach((term, r) => (rank[ids.get(term)!] = r));
    // Where each term's places begin in `positions`.
    const placeStart = new Uint32Array(terms.length + 1);
    for (let t = 0; t < count; t++) placeStart[rank[tokens[t]] + 1]++;
    for (let r = 0; r < terms.length; r++) placeStart[r + 1] += placeStart[r];
    const positions = new Uint32Array(count);
    const unitOfPlace = new Uint32Array(count);
    const next = placeStart.slice(0, terms.length);
    for (let u = 0; u < units.length; u++) {
      for (let t = unitStarts[u]; t < unitStarts[u + 1]; t++) {
        const slot = next[rank[tokens[t]]]++;
        positions[slot] = t - unitStarts[u];
        unitOfPlace[slot] = u;
      }
    }
    // A posting for each run of one term's places in one unit.
    const termStarts = new Uint32Array(terms.length + 1);
    let pairs = 0;
    for (let r = 0; r < terms.length; r++) {
      termStarts[r] = pairs;
      for (let p = placeStart[r]; p < placeStart[r + 1]; p++) if (p === placeStart[r] || unitOfPlace[p] !== unitOfPlace[p - 1]) pairs++;
    }
    termStarts[terms.length] = pairs;
    const postings = new Uint32Array(pairs * 2);
    let k = 0;
    for (let r = 0; r < terms.length; r++) {
      for (let p = placeStart[r]; p < placeStart[r + 1]; p++) {
        if (p !== placeStart[r] && unitOfPlace[p] === unitOfPlace[p - 1]) continue;
        postings[2 * k] = unitOfPlace[p];
        postings[2 * k + 1] = p;
        k++;
      }
    }
    return new TextIndex({ text, units, terms: terms.map((t) => `${t}\n`).join(''), termStarts, postings, positions, placeCount: count, lengths });
  }

  get units(): readonly SearchUnit[] {
    return this.data.units;
  }

  /** A unit's text. */
  unitText(unit: SearchUnit): string {
    return this.data.text.slice(unit.from, unit.to);
  }

  /** The terms equal to `term`, or (prefix) beginning with it, as a range of term numbers [low, high). */
  range(term: string, prefix: boolean): [number, number] {
    const low = this.lowerBound(term, 0);
    if (!prefix) return low < this.termCount && this.compareTerm(low, term) === 0 ? [low, low + 1] : [low, low];
    return [low, this.lowerBound(`${term}\uffff`, low)];
  }

  term(i: number): string {
    return this.data.terms.slice(this.termAt[i], this.termAt[i + 1] - 1);
  }

  /** Term i compared with `term`, in code-unit order, without making a string of it. */
  private compareTerm(i: number, term: string): number {
    const { terms } = this.data;
    const start = this.termAt[i];
    const length = this.termAt[i + 1] - 1 - start;
    for (let c = 0; c < length && c < term.length; c++) {
      const d = terms.charCodeAt(start + c) - term.charCodeAt(c);
      if (d !== 0) return d;
    }
    return length - term.length;
  }

  private lowerBound(term: string, low: number): number {
    let high = this.termCount;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compareTerm(mid, term) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** How many units use term i. */
  unitCount(i: number): number {
    return this.data.termStarts[i + 1] - this.data.termStarts[i];
  }

  /** Term i's postings: numbers [from, to), each a (unit, first place) pair (unitOf, countOf, hasPlace). */
  postingsOf(i: number): [number, number] {
    return [this.data.termStarts[i], this.data.termStarts[i + 1]];
  }

  unitOf(k: number): number {
    return this.data.postings[2 * k];
  }

  /** How many times posting k's term is in its unit. */
  countOf(k: number): number {
    return this.placesEnd(k) - this.data.postings[2 * k + 1];
  }

  private placesEnd(k: number): number {
    const next = 2 * k + 3;
    return next < this.data.postings.length ? this.data.postings[next] : this.data.placeCount;
  }

  /** The places of posting k's term in its unit, in order (the places must be loaded). */
  places(k: number): Uint32Array {
    return this.loadedPositions().subarray(this.data.postings[2 * k + 1], this.placesEnd(k));
  }

  /** Whether the term of posting b comes right after the term of posting a somewhere in their unit (the places must be loaded). */
  adjacent(a: number, b: number): boolean {
    const positions = this.loadedPositions();
    let i = this.data.postings[2 * a + 1];
    let j = this.data.postings[2 * b + 1];
    const iEnd = this.placesEnd(a);
    const jEnd = this.placesEnd(b);
    while (i < iEnd && j < jEnd) {
      const next = positions[i] + 1;
      if (positions[j] === next) return true;
      if (positions[j] < next) j++;
      else i++;
    }
    return false;
  }

  /** Whether the terms of postings ks (all in one unit) follow one another somewhere in it (the places must be loaded). */
  hasSequence(ks: readonly number[]): boolean {
    if (ks.length === 2) return this.adjacent(ks[0], ks[1]);
    const positions = this.loadedPositions();
    // Walks every word's places together (each list is in order): linear in their lengths, nothing allocated.
    const at = ks.map((k) => this.data.postings[2 * k + 1]);
    const ends = ks.map((k) => this.placesEnd(k));
    for (; at[0] < ends[0]; at[0]++) {
      const start = positions[at[0]];
      let i = 1;
      for (; i < ks.length; i++) {
        while (at[i] < ends[i] && positions[at[i]] < start + i) at[i]++;
        if (at[i] === ends[i]) return false;
        if (positions[at[i]] !== start + i) break;
      }
      if (i === ks.length) return true;
    }
    return false;
  }

  /** Whether posting k (a term in a unit) has the term at word `place` of the unit (the places must be loaded). */
  hasPlace(k: number, place: number): boolean {
    const positions = this.loadedPositions();
    let low = this.data.postings[2 * k + 1];
    const end = this.placesEnd(k);
    let high = end;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (positions[mid] < place) low = mid + 1;
      else high = mid;
    }
    return low < end && positions[low] === place;
  }

  private loadedPositions(): Uint32Array {
    if (!this.data.positions) throw new Error('the places of words of this index are not loaded');
    return this.data.positions;
  }

  /** A problem with data read back (so the index is rebuilt, never trusted), or null. */
  static check(data: TextIndexData): string | null {
    const { text, units, terms, termStarts, postings, lengths } = data;
    if (terms !== '' && !terms.endsWith('\n')) return 'term table does not fit';
    const at = termOffsets(terms);
    const count = at.length - 1;
    if (termStarts.length !== count + 1 || termStarts[0] !== 0) return 'term table does not fit';
    if (termStarts[count] * 2 !== postings.length) return 'postings do not fit';
    if (lengths.length !== units.length) return 'unit lengths do not fit';
    if (data.positions !== null && data.positions.length !== data.placeCount) return 'places do not fit';
    for (let i = 1; i < count; i++) {
      if (termStarts[i] < termStarts[i - 1]) return 'terms out of order';
      if (compareSpans(terms, at[i - 1], at[i] - 1, at[i], at[i + 1] - 1) >= 0) return 'terms out of order';
    }
    // Each posting names a unit, and its places start after the last one's (so it has one at least).
    for (let p = 0; p < postings.length; p += 2) {
      if (postings[p] >= units.length) return 'a posting names no unit';
      if (p === 0 ? postings[1] !== 0 : postings[p + 1] <= postings[p - 1]) return 'places out of order';
    }
    if (postings.length > 0 && postings[postings.length - 1] >= data.placeCount) return 'places do not fit';
    for (const u of units) if (!(u.from >= 0 && u.from <= u.to && u.to <= text.length)) return 'a unit lies outside the text';
    return null;
  }
}

/** Code-unit order: the order in which every word beginning with a prefix sits together. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** text[a, aEnd) compared with text[b, bEnd), in code-unit order. */
function compareSpans(text: string, a: number, aEnd: number, b: number, bEnd: number): number {
  for (; a < aEnd && b < bEnd; a++, b++) {
    const d = text.charCodeAt(a) - text.charCodeAt(b);
    if (d !== 0) return d;
  }
  return aEnd - a - (bEnd - b);
}

/** Where each term of a term table starts, and (last) its length. */
function termOffsets(terms: string): Uint32Array {
  let count = 0;
  for (let at = terms.indexOf('\n'); at !== -1; at = terms.indexOf('\n', at + 1)) count++;
  const offsets = new Uint32Array(count + 1);
  let i = 0;
  for (let at = terms.indexOf('\n'); at !== -1; at = terms.indexOf('\n', at + 1)) offsets[++i] = at + 1;
  return offsets;
}
