/**
 * Seeded mutations of real transcript files for the import fuzz test: bytes
 * flipped, the file cut short, slices duplicated or dropped, markup of every
 * format sprinkled in, line ends changed, the text re-encoded. The same seed
 * always gives the same file, so a failure can be replayed. Test support only.
 */
import iconv from 'iconv-lite';
import { seededRandom } from '../../../core/testing/seeded-random';

/** Random choices from a seed (src/core/testing/seeded-random.ts): the same seed, the same choices. */
export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** Markup and structure of every format Gloss reads, and characters that break decoding. */
const MARKUP = [
  '>', '> ', '- ', '* ', '1. ', '#', '## ', '**', '*', '_', '`', '```\n', '[', ']', '](', '![', '<', '<v Ann>', '</v>', '<i>', '{\\an8}',
  '-->', ' --> ', '00:00:01,000 --> 00:00:02,000\n', '00:01.000 --> 00:02.000\n', '\n', '\n\n', '\r\n', '\r', '\t', ':', 'ALICE:', 'Bob Jones: ',
  '[00:01]', '(00:12:34)', '&amp;', '&#', '&#x1F600;', '\\', '<!--', '-->', '|', '===\n', '---\n', 'WEBVTT\n', 'NOTE ', '\uFEFF',
  '\u00e9', '\u2014', '\u{1F600}', '\uD800', '[Laughter]', '© AP', 'Act I, Scene I\n',
];

const utf8 = new TextEncoder();
const decodeLoosely = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const body = bom ? `\uFEFF${text}` : text;
  const out = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

/** Largest file a mutation makes, so a run stays quick. */
export const MAX_MUTATED_BYTES = 512 * 1024;

export interface Mutation {
  name: string;
  apply(bytes: Uint8Array, random: Random): Uint8Array;
}

export const MUTATIONS: Mutation[] = [
  {
    name: 'flip bytes',
    apply: (bytes, random) => {
      const out = bytes.slice();
      for (let n = 1 + random.below(16); n > 0 && out.length > 0; n--) out[random.below(out.length)] = random.below(256);
      return out;
    },
  },
  { name: 'cut short', apply: (bytes, random) => bytes.slice(0, random.below(bytes.length + 1)) },
  {
    name: 'duplicate a slice',
    apply: (bytes, random) => {
      const from = random.below(bytes.length + 1);
      const slice = bytes.slice(from, from + 1 + random.below(4096));
      const times = Math.min(1 + random.below(200), Math.floor((MAX_MUTATED_BYTES - bytes.length) / Math.max(1, slice.length)));
      const at = random.below(bytes.length + 1);
      return concat(bytes.subarray(0, at), ...Array.from({ length: Math.max(0, times) }, () => slice), bytes.subarray(at));
    },
  },
  {
    name: 'drop a slice',
    apply: (bytes, random) => {
      const from = random.below(bytes.length + 1);
      return concat(bytes.subarray(0, from), bytes.subarray(from + random.below(bytes.length - from + 1)));
    },
  },
  {
    name: 'insert markup',
    apply: (bytes, random) => {
      const text = decodeLoosely(bytes);
      const cuts = Array.from({ length: 1 + random.below(200) }, () => random.below(text.length + 1)).sort((a, b) => a - b);
      let out = '';
      let last = 0;
      for (const cut of cuts) {
        out += text.slice(last, cut) + random.pick(MARKUP).repeat(random.below(10) === 0 ? 1 + random.below(300) : 1);
        last = cut;
      }
      return utf8.encode(out + text.slice(last));
    },
  },
  {
    name: 'change line ends',
    apply: (bytes, random) => utf8.encode(decodeLoosely(bytes).replace(/\r?\n/g, random.pick(['\r\n', '\r', '\n\n', '\u2028']))),
  },
  {
    name: 're-encode',
    apply: (bytes, random) => {
      const text = decodeLoosely(bytes);
      switch (random.below(6)) {
        case 0:
          return utf16(text, false, true);
        case 1:
          return utf16(text, true, true);
        case 2:
          return utf16(text, false, false);
        case 3:
          return iconv.encode(text, 'windows-1252');
        case 4:
          return concat(Uint8Array.of(0xef, 0xbb, 0xbf), bytes);
        default:
          return iconv.encode(text, 'latin1');
      }
    },
  },
  {
    name: 'insert random bytes',
    apply: (bytes, random) => {
      const at = random.below(bytes.length + 1);
      const noise = Uint8Array.from({ length: 1 + random.below(64) }, () => random.below(256));
      return concat(bytes.subarray(0, at), noise, bytes.subarray(at));
    },
  },
  {
    name: 'swap lines',
    apply: (bytes, random) => {
      const lines = decodeLoosely(bytes).split('\n');
      for (let n = 1 + random.below(20); n > 0 && lines.length > 1; n--) {
        const [a, b] = [random.below(lines.length), random.below(lines.length)];
        [lines[a], lines[b]] = [lines[b], lines[a]];
      }
      return utf8.encode(lines.join('\n'));
    },
  },
];

/** One to three mutations of `bytes`, chosen by `random`; the names of those applied. */
export function mutate(bytes: Uint8Array, random: Random): { bytes: Uint8Array; applied: string[] } {
  let out = bytes;
  const applied: string[] = [];
  for (let n = 1 + random.below(3); n > 0; n--) {
    const mutation = random.pick(MUTATIONS);
    out = mutation.apply(out, random);
    if (out.length > MAX_MUTATED_BYTES) out = out.slice(0, MAX_MUTATED_BYTES);
    applied.push(mutation.name);
  }
  return { bytes: out, applied };
}
