/**
 * REFI-QDA GUIDs: every code, source, selection, case, note and user in a
 * project carries one. Gloss's own ids are UUIDs already and are used as they
 * are; everything else (a code path, a speaker, a turn) gets a GUID derived
 * from what it is, so that exporting again gives the same GUIDs and a tool
 * that imports both exports sees the same objects.
 */

const PLAIN_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** The GUID as Gloss keeps it (lower case, no braces), or null when `raw` is not a GUID. */
export function normaliseGuid(raw: string): string | null {
  const match = GUID.exec(raw.trim());
  return match ? match[1].toLowerCase() : null;
}

/** Lanes of the hash below: four 32-bit FNV-1a style lanes with their own offsets and multipliers, mixed at the end. */
const OFFSETS = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
const PRIMES = [0x01000193, 0x0100019d, 0x010001b3, 0x0100018d];

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return HEX[n >>> 24] + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
}

/**
 * A GUID derived from `parts` (a kind and a key, e.g. 'code', 'theme/risk'): the same parts always give the same
 * GUID. Shaped as an RFC 9562 version 8 (custom) UUID, upper case as most QDA tools write them. Not a secure hash:
 * only stability and spread matter here.
 */
export function derivedGuid(...parts: string[]): string {
  const input = parts.join('\u0000');
  let [a, b, c, d] = OFFSETS;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    a = Math.imul(a ^ k, PRIMES[0]);
    b = Math.imul(b ^ k, PRIMES[1]);
    c = Math.imul(c ^ k, PRIMES[2]);
    d = Math.imul(d ^ k, PRIMES[3]);
  }
  // Cross the lanes so that each word of the result depends on all four.
  const w0 = finish(a ^ Math.imul(d, 31));
  const w1 = finish(b ^ w0);
  const w2 = finish(c ^ w1);
  const w3 = finish(d ^ w2 ^ input.length);
  const h = hex8(w0) + hex8(w1) + hex8(w2) + hex8(w3);
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/** The value of each hex digit by character code, -1 for other characters. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE[i.toString(16).charCodeAt(0)] = i;
  HEX_VALUE[i.toString(16).toUpperCase().charCodeAt(0)] = i;
}

/**
 * A set of GUIDs (8-4-4-4-12 hex digits, either case), kept as their 128 bits in one typed array rather than as
 * strings: a library's project has 250,000 selections, and a Set of as many new strings costs a hash of each and a
 * table scattered through memory.
 */
export class GuidSet {
  private words = new Int32Array(4 * 1024);
  private used = new Uint8Array(1024);
  /** 32 less the bits of a slot number. */
  private shift = 22;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `guid`; false when it was there already. Throws for a string that is not a GUID. */
  add(guid: string): boolean {
    if (guid.length !== 36) throw new Error(`not a GUID: ${guid}`);
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let w3 = 0;
    let digit = 0;
    for (let i = 0; i < 36; i++) {
      if (i === 8 || i === 13 || i === 18 || i === 23) continue;
      const c = guid.charCodeAt(i);
      const v = c < 128 ? HEX_VALUE[c] : -1;
      if (v < 0) throw new Error(`not a GUID: ${guid}`);
      const word = digit >> 3;
      if (word === 0) w0 = (w0 << 4) | v;
      else if (word === 1) w1 = (w1 << 4) | v;
      else if (word === 2) w2 = (w2 << 4) | v;
      else w3 = (w3 << 4) | v;
      digit++;
    }
    if (this.count * 2 >= this.used.length) this.grow();
    if (!this.put(w0, w1, w2, w3)) return false;
    this.count++;
    return true;
  }

  /** Puts the GUID of these words in its slot (open addressing, linear probing); false when it is there already. */
  private put(w0: number, w1: number, w2: number, w3: number): boolean {
    const { words, used } = this;
    const mask = used.length - 1;
    // Fibonacci hashing: the top bits of the product, which depend on every bit of the words.
    let slot = Math.imul(w0 ^ Math.imul(w1, 31) ^ Math.imul(w2, 961) ^ w3, 0x9e3779b1) >>> this.shift;
    for (; used[slot]; slot = (slot + 1) & mask) {
      const k = slot * 4;
      if (words[k] === w0 && words[k + 1] === w1 && words[k + 2] === w2 && words[k + 3] === w3) return false;
    }
    used[slot] = 1;
    const k = slot * 4;
    words[k] = w0;
    words[k + 1] = w1;
    words[k + 2] = w2;
    words[k + 3] = w3;
    return true;
  }

  private grow(): void {
    const { words, used } = this;
    this.words = new Int32Array(words.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.shift--;
    for (let slot = 0; slot < used.length; slot++) {
      if (used[slot]) this.put(words[slot * 4], words[slot * 4 + 1], words[slot * 4 + 2], words[slot * 4 + 3]);
    }
  }
}

/**
 * The GUID of a Gloss object with id `id`: the id itself (upper case) when it is a UUID and not yet `taken`,
 * otherwise one derived from `kind` and `scope` (e.g. its document) and the id. Adds the result to `taken`.
 */
export function guidForId(id: string, kind: string, scope: string, taken: GuidSet): string {
  let guid = PLAIN_GUID.test(id) ? id.toUpperCase() : derivedGuid(kind, scope, id);
  if (!taken.add(guid)) {
    guid = derivedGuid(kind, scope, id, 'again');
    taken.add(guid);
  }
  return guid;
}

/** A 32-bit FNV-1a hash of `text`. */
function hash32(text: string): number {
  let h = OFFSETS[0];
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIMES[0]);
  return finish(h);
}

/**
 * A GUID for something that belongs to the object with GUID `guid` and is told apart by `key` (a coding of a
 * selection by its code, a turn of a source by its number): `guid` with its first eight digits mixed with a hash of
 * `key`. Cheaper than derivedGuid, for the hundreds of thousands of codings of a library; different keys of one
 * GUID give different GUIDs unless their hashes collide (one chance in four billion).
 */
export function relatedGuid(guid: string, key: string): string {
  const mixed = (parseInt(guid.slice(0, 8), 16) ^ (hash32(key) | 1)) >>> 0;
  return (hex8(mixed) + guid.slice(8)).toUpperCase();
}
