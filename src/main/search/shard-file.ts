/**
 * One search index file (a "shard": a document's, or the library notebook's)
 * as bytes, and back. The index is a cache of the data files: a file that
 * does not read back exactly (torn by a crash, damaged, from another version
 * of this format) is reported as null, so the caller rebuilds it.
 *
 *   gloss-search-index <FORMAT>\n
 *   {"key":…,"parts":[{"name","fingerprint","encoding","sizes":[…]}…],"crc":…}\n
 *   for each part, one after another:
 *     text        latin1 when every character fits, else UTF-16 (little-endian): read back without decoding
 *     terms       UTF-8, sorted, joined by \n
 *     units       int32 × 6 per unit: kind, from, to, start, end (-1: none), speakers (a number in the extras)
 *     extras      JSON: the lists of speakers, and each highlight or note unit's [highlight id, colour, codes]
 *     termStarts, postings, positions, lengths   uint32, little-endian
 *
 * The CRC-32 covers everything after the header line. Reading a 250,000-word document's shard takes a few
 * milliseconds: nothing in it is parsed but the terms and the small extras.
 */
import { crc32 } from 'node:zlib';
import { SEARCH_HIT_KINDS } from '../../core/search/query-syntax';
import { type IndexText, type SearchUnit, TextIndex, type TextIndexData } from '../../core/search/text-index';
import { HIGHLIGHT_COLORS } from '../../shared/model';

/** Changes whenever the bytes, the units or the way words are cut change: an older file is rebuilt. */
export const SHARD_FORMAT = 3;
const MAGIC = `gloss-search-index ${SHARD_FORMAT}\n`;
const UNIT_FIELDS = 6;

export interface ShardPart {
  name: string;
  /** What the part was built from (a content hash, or a data file's size and time): a different one means rebuild. */
  fingerprint: string;
  index: TextIndex;
}

type Encoding = 'latin1' | 'utf16le';

interface PartHeader {
  name: string;
  fingerprint: string;
  encoding: Encoding;
  sizes: number[];
}

interface Extras {
  speakers: string[][];
  highlights: [string, SearchUnit['color'], string[]][];
}

/** A text kept as the bytes it was read from; passages are decoded when asked for. */
class BytesText implements IndexText {
  readonly length: number;
  constructor(
    readonly bytes: Buffer,
    readonly encoding: Encoding,
  ) {
    this.length = encoding === 'latin1' ? bytes.length : bytes.length / 2;
  }
  slice(from: number, to: number): string {
    const width = this.encoding === 'latin1' ? 1 : 2;
    return this.bytes.toString(this.encoding, from * width, Math.max(from, to) * width);
  }
}

function textBytes(text: IndexText): [Buffer, Encoding] {
  if (text instanceof BytesText) return [text.bytes, text.encoding];
  const whole = text.slice(0, text.length);
  // eslint-disable-next-line no-control-regex
  const encoding: Encoding = /[^\u0000-\u00ff]/.test(whole) ? 'utf16le' : 'latin1';
  return [Buffer.from(whole, encoding), encoding];
}

/** Bytes after `length` to the next multiple of 4. */
function padding(length: number): number {
  return (4 - (length % 4)) % 4;
}

function bytesOf(values: Uint32Array | Int32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

function encodeUnits(units: readonly SearchUnit[]): [Buffer, Buffer] {
  const table = new Int32Array(units.length * UNIT_FIELDS);
  const extras: Extras = { speakers: [], highlights: [] };
  const lists = new Map<string, number>();
  units.forEach((u, i) => {
    const key = JSON.stringify(u.speakers);
    let list = lists.get(key);
    if (list === undefined) {
      lists.set(key, (list = extras.speakers.length));
      extras.speakers.push(u.speakers);
    }
    table.set([SEARCH_HIT_KINDS.indexOf(u.kind), u.from, u.to, u.start ?? -1, u.end ?? -1, list], i * UNIT_FIELDS);
    if (u.highlightId !== null) extras.highlights.push([u.highlightId, u.color, u.codes]);
  });
  return [bytesOf(table), Buffer.from(JSON.stringify(extras), 'utf8')];
}

function decodeUnits(table: Int32Array, extras: Extras): SearchUnit[] {
  const units: SearchUnit[] = [];
  let h = 0;
  for (let i = 0; i < table.length; i += UNIT_FIELDS) {
    const kind = SEARCH_HIT_KINDS[table[i]];
    const speakers = extras.speakers[table[i + 5]];
    if (!kind || !Array.isArray(speakers)) throw new Error('a unit does not fit');
    const unit: SearchUnit = { kind, from: table[i + 1], to: table[i + 2], start: null, end: null, highlightId: null, speakers, color: null, codes: [] };
    if (table[i + 3] >= 0) [unit.start, unit.end] = [table[i + 3], table[i + 4]];
    if (kind === 'highlight' || kind === 'note') {
      const row = extras.highlights[h++];
      if (!row || typeof row[0] !== 'string' || !HIGHLIGHT_COLORS.includes(row[1]!) || !Array.isArray(row[2])) throw new Error('a highlight does not fit');
      [unit.highlightId, unit.color, unit.codes] = row;
    }
    units.push(unit);
  }
  if (h !== extras.highlights.length) throw new Error('highlights left over');
  return units;
}

export function encodeShard(key: string, parts: readonly ShardPart[]): Buffer {
  const sections: Buffer[] = [];
  const headers: PartHeader[] = parts.map(({ name, fingerprint, index }) => {
    const { text, terms, units, termStarts, postings, positions, lengths } = index.data;
    const [textSection, encoding] = textBytes(text);
    const own = [textSection, Buffer.from(terms.join('\n'), 'utf8'), ...encodeUnits(units), bytesOf(termStarts), bytesOf(postings), bytesOf(positions), bytesOf(lengths)];
    for (const section of own) sections.push(section, Buffer.alloc(padding(section.length)));
    return { name, fingerprint, encoding, sizes: own.map((b) => b.length) };
  });
  const body = Buffer.concat(sections);
  const header = Buffer.from(`${MAGIC}${JSON.stringify({ key, parts: headers, crc: crc32(body) })}`, 'utf8');
  // Spaces after the header, so the body (and every section of numbers in it) starts at a multiple of 4 bytes.
  return Buffer.concat([header, Buffer.from(`${' '.repeat(padding(header.length + 1))}\n`), body]);
}

/** The parts of a shard file, or null when the file is not exactly one this version wrote for `key`. */
export function decodeShard(key: string, bytes: Buffer): ShardPart[] | null {
  try {
    if (bytes.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) return null;
    const end = bytes.indexOf(10, MAGIC.length);
    if (end < 0) return null;
    const header = JSON.parse(bytes.subarray(MAGIC.length, end).toString('utf8')) as { key: unknown; parts: PartHeader[]; crc: unknown };
    if (header.key !== key || !Array.isArray(header.parts)) return null;
    const body = bytes.subarray(end + 1);
    if (crc32(body) !== header.crc) return null;
    let at = 0;
    const next = (size: number): Buffer => {
      if (!Number.isInteger(size) || size < 0 || at + size > body.length) throw new Error('section out of bounds');
      const slice = body.subarray(at, at + size);
      at += size + padding(size);
      return slice;
    };
    // The numbers are read where they are in the file's bytes (copied only if the bytes are not aligned).
    const words = (b: Buffer): [ArrayBuffer, number, number] => {
      if (b.length % 4 !== 0) throw new Error('misaligned section');
      const aligned = b.byteOffset % 4 === 0 ? b : Buffer.from(b);
      return [aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.length / 4];
    };
    const parts = header.parts.map(({ name, fingerprint, encoding, sizes }): ShardPart => {
      if (typeof name !== 'string' || typeof fingerprint !== 'string' || !Array.isArray(sizes) || sizes.length !== 8) throw new Error('bad part header');
      if (encoding !== 'latin1' && encoding !== 'utf16le') throw new Error('bad encoding');
      const [text, terms, units, extras, termStarts, postings, positions, lengths] = sizes.map(next);
      if (encoding === 'utf16le' && text.length % 2 !== 0) throw new Error('odd text');
      const data: TextIndexData = {
        text: new BytesText(text, encoding),
        terms: terms.length === 0 ? [] : terms.toString('utf8').split('\n'),
        units: decodeUnits(new Int32Array(...words(units)), JSON.parse(extras.toString('utf8')) as Extras),
        termStarts: new Uint32Array(...words(termStarts)),
        postings: new Uint32Array(...words(postings)),
        positions: new Uint32Array(...words(positions)),
        lengths: new Uint32Array(...words(lengths)),
      };
      if (TextIndex.check(data) !== null) throw new Error('index does not fit together');
      return { name, fingerprint, index: new TextIndex(data) };
    });
    return at === body.length ? parts : null;
  } catch {
    return null;
  }
}
