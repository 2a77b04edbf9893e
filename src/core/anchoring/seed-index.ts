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

/** A seed and where it lies relative to its quote's start (negative when it begins in the prefix). */
export interface Seed {
  text: string;
  offset: number;
}

/** The seeds of a quote: pieces of it, or for a quote shorter than two seeds, windows taking in its context. */
export function seedsOf(quote: string, prefix: string, suffix: string): Seed[] {
  if (quote.length >= SEED_LENGTH * 2) {
    const count = Math.min(SEEDS_PER_QUOTE, Math.floor(quote.length / SEED_LENGTH));
    return Array.from({ length: count }, (_, s) => {
      const offset = Math.round((s * (quote.length - SEED_LENGTH)) / (count - 1));
      return { text: quote.slice(offset, offset + SEED_LENGTH), offset };
    });
  }
  // The quote with what came just before it, and with what came just after it.
  const extended = prefix + quote + suffix;
  const at = prefix.length;
  const seeds: Seed[] = [];
  const before = at + quote.length - SEED_LENGTH;
  if (before >= 0) seeds.push({ text: extended.slice(before, before + SEED_LENGTH), offset: before - at });
  if (at + SEED_LENGTH <= extended.length) seeds.push({ text: extended.slice(at, at + SEED_LENGTH), offset: 0 });
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
      const hash = hashOf(text, 0);
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
      const bucket = this.byHash.get(h);
      if (bucket) {
        for (const entry of bucket) {
          if (entry.hits.length <= MAX_SEED_HITS && text.startsWith(entry.seed, i)) entry.hits.push(i);
        }
      }
      if (i + SEED_LENGTH >= text.length) break;
      h = (Math.imul(h - Math.imul(text.charCodeAt(i), top), BASE) + text.charCodeAt(i + SEED_LENGTH)) | 0;
    }
  }

  /** Where the quote of `owner` may start, judged by its seeds found (those found too often are left out), in text order. */
  places(owner: number): number[] {
    const places = new Set<number>();
    for (const entry of this.byOwner.get(owner) ?? []) {
      if (entry.hits.length > MAX_SEED_HITS) continue;
      for (const { owner: o, offset } of entry.owners) {
        if (o !== owner) continue;
        for (const hit of entry.hits) if (hit - offset >= 0) places.add(hit - offset);
      }
    }
    return [...places].sort((a, b) => a - b);
  }
}
