/**
 * One search index file (a "shard": a document's, or the library notebook's)
 * as bytes, and back. The index is a cache of the data files: a file that
 * does not read back exactly (torn by a crash, damaged, from another version
 * of this format) is reported as null, so the caller rebuilds it.
 *
 *   gloss-search-index <FORMAT>\n
 *   {"key":…,"parts":[{"name","fingerprint","sizes":[…]}…],"crc":…}\n
 *   for each part: text, terms (joined by \n), units (JSON), term starts, postings, lengths (uint32, little-endian)
 *
 * The CRC-32 covers everything after the header line.
 */
import { crc32 } from 'node:zlib';
import { type SearchUnit, TextIndex, type TextIndexData } from '../../core/search/text-index';

/** Changes whenever the bytes, the units or the way words are cut change: an older file is rebuilt. */
export const SHARD_FORMAT = 1;
const MAGIC = `gloss-search-index ${SHARD_FORMAT}\n`;

export interface ShardPart {
  name: string;
  /** What the part was built from (a content hash, or a data file's size and time): a different one means rebuild. */
  fingerprint: string;
  index: TextIndex;
}

interface PartHeader {
  name: string;
  fingerprint: string;
  sizes: number[];
}

type UnitRow = [SearchUnit['kind'], number, number, number | null, number | null, string | null, string[], SearchUnit['color'], string[]];

function row(u: SearchUnit): UnitRow {
  return [u.kind, u.from, u.to, u.start, u.end, u.highlightId, u.speakers, u.color, u.codes];
}

function unitOf(r: UnitRow): SearchUnit {
  const [kind, from, to, start, end, highlightId, speakers, color, codes] = r;
  return { kind, from, to, start, end, highlightId, speakers, color, codes };
}

function uint32Bytes(values: Uint32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

export function encodeShard(key: string, parts: readonly ShardPart[]): Buffer {
  const sections: Buffer[] = [];
  const headers: PartHeader[] = parts.map(({ name, fingerprint, index }) => {
    const { text, terms, units, termStarts, postings, lengths } = index.data;
    const own = [Buffer.from(text, 'utf8'), Buffer.from(terms.join('\n'), 'utf8'), Buffer.from(JSON.stringify(units.map(row)), 'utf8'), uint32Bytes(termStarts), uint32Bytes(postings), uint32Bytes(lengths)];
    sections.push(...own);
    return { name, fingerprint, sizes: own.map((b) => b.length) };
  });
  const body = Buffer.concat(sections);
  const header = JSON.stringify({ key, parts: headers, crc: crc32(body) });
  return Buffer.concat([Buffer.from(`${MAGIC}${header}\n`, 'utf8'), body]);
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
      at += size;
      return slice;
    };
    const u32 = (b: Buffer): Uint32Array => {
      if (b.length % 4 !== 0) throw new Error('misaligned section');
      return new Uint32Array(new Uint8Array(b).buffer);
    };
    const parts = header.parts.map(({ name, fingerprint, sizes }): ShardPart => {
      if (typeof name !== 'string' || typeof fingerprint !== 'string' || !Array.isArray(sizes) || sizes.length !== 6) throw new Error('bad part header');
      const [text, terms, units, termStarts, postings, lengths] = sizes.map(next);
      const termList = terms.length === 0 ? [] : terms.toString('utf8').split('\n');
      const data: TextIndexData = {
        text: text.toString('utf8'),
        terms: termList,
        units: (JSON.parse(units.toString('utf8')) as UnitRow[]).map(unitOf),
        termStarts: u32(termStarts),
        postings: u32(postings),
        lengths: u32(lengths),
      };
      if (TextIndex.check(data) !== null) throw new Error('index does not fit together');
      return { name, fingerprint, index: new TextIndex(data) };
    });
    return at === body.length ? parts : null;
  } catch {
    return null;
  }
}
