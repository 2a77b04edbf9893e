/**
 * Finds, in one pass over a text, where many highlights' quotes may now be:
 * each quote gives a few short pieces ("seeds", SEED_LENGTH characters; for
 * a short quote, the quote with a little of its stored context), and every
 * seed is looked for at once with a rolling hash. A quote found exactly, or
 * edited but keeping some piece intact, is found this way; searching the
 * whole text once per highlight instead would cost one scan of a
 * 1.4-million-character transcript each.
 */

export const SEED_LENGTH = 10;
/** Seeds taken from a long quote (start, end and evenly between). */
const SEEDS_PER_QUOTE = 4;
/** A seed found more often than this says nothing about where the quote is. */
const MAX_SEED_HITS = 32;
const BASE = 31;
/** Map keys are kept to 30 bits: V8 stores such integers unboxed, so the lookup on every character allocates nothing. */
const SMALL = 0x3fffffff;

/** A seed and where it lies relative to its quote's start (negative when it begins in the prefix). */
export interface Seed {
  text: string;
  offset: number;
}

/** The seeds of a quote: pieces of it, or for a quote shorter than two seeds, windows taking in its context (or of its context alone). */
export function seedsOf(quote: string, prefix: string, suffix: string): Seed[] {
  if (quote.length >= SEED_LENGTH * 2) {
    const count = Math.min(SEEDS_PER_QUOTE, Math.floor(quote.length / SEED_LENGTH));
    return Array.from({ length: count }, (_, s) => {
      const offset = Math.round((s * (quote.length - SEED_LENGTH)) / (count - 1));
      return { text: quote.slice(offset, offset + SEED_LENGTH), offset };
    });
  }
  // The quote with what came just before it, and with what came just after it; and, as a short quote's words are
  // often common ones, what came just before and just after alone.
  const extended = prefix + quote + suffix;
  const at = prefix.length;
  const end = at + quote.length;
  const seeds: Seed[] = [];
  for (const from of [end - SEED_LENGTH, at, at - SEED_LENGTH, end]) {
    if (from >= 0 && from + SEED_LENGTH <= extended.length) seeds.push({ text: extended.slice(from, from + SEED_LENGTH), offset: from - at });
  }
  return seeds;
}

const hashOf = (text: string, from: number) => {
  let h = 0;
  for (let i = 0; i < SEED_LENGTH; i++) h = (Math.imul(h, BASE) + text.charCodeAt(from + i)) | 0;
  return h;
};

interface Entry {
  seed: string;
  hits: number[];
  owners: { owner: number; offset: number }[];
}

export class SeedIndex {
  private readonly byHash = new Map<number, Entry[]>();
  private readonly byOwner = new Map<number, Entry[]>();

  /** Registers the seeds of the quote of `owner` (any number the caller uses to ask for its places). */
  add(owner: number, seeds: readonly Seed[]): void {
    for (const { text, offset } of seeds) {
      if (text.length !== SEED_LENGTH) continue;
      const hash = hashOf(text, 0) & SMALL;
      const bucket = this.byHash.get(hash) ?? [];
      let entry = bucket.find((e) => e.seed === text);
      if (!entry) {
        entry = { seed: text, hits: [], owners: [] };
        bucket.push(entry);
        this.byHash.set(hash, bucket);
      }
      entry.owners.push({ owner, offset });
      const own = this.byOwner.get(owner) ?? [];
      own.push(entry);
      this.byOwner.set(owner, own);
    }
  }

  /** Finds every registered seed in `text`, in one pass. */
  scan(text: string): void {
    if (this.byHash.size === 0 || text.length < SEED_LENGTH) return;
    // BASE^(SEED_LENGTH - 1), to take the leaving character out of the rolling hash.
    let top = 1;
    for (let i = 1; i < SEED_LENGTH; i++) top = Math.imul(top, BASE);
    let h = hashOf(text, 0);
    for (let i = 0; ; i++) {
      const bucket = this.byHash.get(h & SMALL);
      if (bucket) {
        for (const entry of bucket) {
          if (entry.hits.length <= MAX_SEED_HITS && text.startsWith(entry.seed, i)) entry.hits.push(i);
        }
      }
      if (i + SEED_LENGTH >= text.length) break;
      h = (Math.imul((h - Math.imul(text.charCodeAt(i), top)) | 0, BASE) + text.charCodeAt(i + SEED_LENGTH)) | 0;
    }
  }

  /**
   * Where the quote of `owner` may start, judged by its seeds found (those found too often are left out): each
   * place with the number of its seeds that agree on it, give or take `slack` characters (an edited quote's
   * pieces shift a little). Most votes first, then in text order.
   */
  places(owner: number, slack: number): SeedPlace[] {
    const implied: { at: number; seed: Entry }[] = [];
    for (const entry of this.byOwner.get(owner) ?? []) {
      if (entry.hits.length > MAX_SEED_HITS) continue;
      for (const { owner: o, offset } of entry.owners) {
        if (o !== owner) continue;
        for (const hit of entry.hits) if (hit - offset >= 0) implied.push({ at: hit - offset, seed: entry });
      }
    }
    implied.sort((a, b) => a.at - b.at);
    const places: SeedPlace[] = [];
    for (let i = 0; i < implied.length; ) {
      const seeds = new Set<Entry>();
      let j = i;
      while (j < implied.length && implied[j].at - implied[i].at <= slack) seeds.add(implied[j++].seed);
      // The place most seeds point to exactly: the first of the cluster unless a later one is shared by more.
      const counts = new Map<number, number>();
      for (let k = i; k < j; k++) counts.set(implied[k].at, (counts.get(implied[k].at) ?? 0) + 1);
      const at = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
      places.push({ at, votes: seeds.size });
      i = j;
    }
    return places.sort((a, b) => b.votes - a.votes || a.at - b.at);
  }
}

/** A place a quote may start at, and how many of its seeds point there. */
export interface SeedPlace {
  at: number;
  votes: number;
}
