/**
 * One search index file (a "shard": a document's, or the library notebook's)
 * as bytes, and back. The index is a cache of the data files: a file that
 * does not read back exactly (torn by a crash, damaged, from another version
 * of this format) is reported as null, so the caller rebuilds it.
 *
 *   gloss-search-index <FORMAT>\n
 *   {"key", "parts": [{"name", "fingerprint", "encoding", "textLength", "placeCount", "sizes", "lazy"}…], "crc"}  \n
 *   for each part: terms (UTF-8, sorted, each followed by a line break), units (int32 × 6 each: kind, from, to, start, end with -1
 *                  for none, speakers), extras (JSON: the lists of speakers, each highlight's [id, colour, codes]),
 *                  termStarts, postings, lengths (uint32)
 *   then, for each part: its text (latin1 when every character fits, else UTF-16), its places of words (uint32)
 *
 * Numbers are little-endian, every section starts at a multiple of 4 bytes. Opening a shard reads the first
 * sections alone (CRC-32 checked): about 40% of the file. A part's places are read when a phrase first needs
 * them, its text a block at a time as snippets need it (each block with its own CRC), and only from the very file
 * that was opened (its size and time unchanged); otherwise ShardChangedError says the part must be rebuilt.
 */
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { SEARCH_HIT_KINDS } from '../../core/search/query-syntax';
import { type IndexText, type SearchUnit, TextIndex, type TextIndexData } from '../../core/search/text-index';
import { HIGHLIGHT_COLORS } from '../../shared/model';

/** Changes whenever the bytes, the units or the way words are cut change: an older file is rebuilt. */
export const SHARD_FORMAT = 7;
const MAGIC = `gloss-search-index ${SHARD_FORMAT}\n`;
const UNIT_FIELDS = 6;
/** Enough for any header (a few hundred bytes a part). */
const HEADER_READ = 64 * 1024;

export interface ShardPart {
  name: string;
  /** What the part was built from (a content hash, or a data file's size and time): a different one means rebuild. */
  fingerprint: string;
  index: TextIndex;
}

/** A part's text or places could not be read from the file it was opened from: it has changed, or is damaged. */
export class ShardChangedError extends Error {}

type Encoding = 'latin1' | 'utf16le';

/** Where a section is in the file: [offset, bytes, CRC-32]. */
type Place = [number, number, number];

interface PartHeader {
  name: string;
  fingerprint: string;
  encoding: Encoding;
  textLength: number;
  placeCount: number;
  sizes: number[];
  /** CRC-32 of each TEXT_BLOCK of the text. */
  textCrcs: number[];
  /** The text and the places of words. */
  lazy: [Place, Place];
}

interface Extras {
  speakers: string[][];
  highlights: [string, SearchUnit['color'], string[]][];
}

/** A file as it was when opened, so a later read can tell it is still the same file. */
interface FileIdentity {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Reads ranges ([offset, bytes]) of the file opened as `identity`, through one handle; refused if the file is not that one any more. */
async function readRanges(identity: FileIdentity, ranges: readonly [number, number][]): Promise<Buffer[]> {
  const handle = await open(identity.path, 'r').catch(() => null);
  if (!handle) throw new ShardChangedError(`${identity.path} is gone`);
  try {
    const info = await handle.stat();
    if (info.size !== identity.size || info.mtimeMs !== identity.mtimeMs) throw new ShardChangedError(`${identity.path} changed`);
    const out: Buffer[] = [];
    for (const [offset, bytes] of ranges) {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, offset);
      if (bytesRead !== bytes) throw new ShardChangedError(`${identity.path} is cut short`);
      out.push(buffer);
    }
    return out;
  } finally {
    await handle.close();
  }
}

async function readRange(identity: FileIdentity, offset: number, bytes: number): Promise<Buffer> {
  return (await readRanges(identity, [[offset, bytes]]))[0];
}

/** Reads a section of the file opened as `identity`, checked against its CRC. */
async function readSection(identity: FileIdentity, [offset, bytes, crc]: Place): Promise<Buffer> {
  const buffer = await readRange(identity, offset, bytes);
  if (crc32(buffer) !== crc) throw new ShardChangedError(`${identity.path} is damaged`);
  return buffer;
}

/** Bytes of a text read at a time from a file, each block with its CRC: a snippet reads a block or two, not the text. */
const TEXT_BLOCK = 32 * 1024;

function blockCrcs(bytes: Buffer): number[] {
  const crcs: number[] = [];
  for (let at = 0; at < bytes.length; at += TEXT_BLOCK) crcs.push(crc32(bytes.subarray(at, at + TEXT_BLOCK)));
  return crcs;
}

/** A text kept as bytes: given whole (built), or read from a file block by block as passages are asked for. */
class BytesText implements IndexText {
  private readonly width: number;
  private readonly blocks: (Buffer | null)[];

  constructor(
    readonly length: number,
    readonly encoding: Encoding,
    private readonly source: { identity: FileIdentity; offset: number; crcs: number[] } | null,
    whole: Buffer | null = null,
  ) {
    this.width = encoding === 'latin1' ? 1 : 2;
    const count = Math.ceil((length * this.width) / TEXT_BLOCK);
    if (source && source.crcs.length !== count) throw new Error('text blocks do not fit');
    this.blocks = whole ? [whole] : new Array<Buffer | null>(count).fill(null);
  }

  /** The whole text's bytes, when every block is in memory. */
  get loaded(): Buffer | null {
    if (this.blocks.some((b) => b === null)) return null;
    return this.blocks.length === 1 ? this.blocks[0] : Buffer.concat(this.blocks as Buffer[]);
  }

  /** Reads the blocks of each text[from, to) that are not in memory yet (all of the text by default), through one handle. */
  async load(spans: readonly [number, number][] = [[0, this.length]]): Promise<void> {
    if (!this.source) return;
    const { identity, offset, crcs } = this.source;
    const wanted = new Set<number>();
    for (const [from, to] of spans) {
      const last = Math.min(this.blocks.length, Math.ceil((to * this.width) / TEXT_BLOCK));
      for (let b = Math.floor((from * this.width) / TEXT_BLOCK); b < last; b++) if (!this.blocks[b]) wanted.add(b);
    }
    if (wanted.size === 0) return;
    // Neighbouring blocks are read together.
    const runs: [number, number][] = [];
    for (const b of [...wanted].sort((x, y) => x - y)) {
      const run = runs[runs.length - 1];
      if (run && run[1] === b) run[1]++;
      else runs.push([b, b + 1]);
    }
    const size = this.length * this.width;
    const read = await readRanges(
      identity,
      runs.map(([first, end]): [number, number] => [offset + first * TEXT_BLOCK, Math.min(end * TEXT_BLOCK, size) - first * TEXT_BLOCK]),
    );
    runs.forEach(([first, end], r) => {
      for (let k = first; k < end; k++) {
        const block = read[r].subarray((k - first) * TEXT_BLOCK, (k - first + 1) * TEXT_BLOCK);
        if (crc32(block) !== crcs[k]) throw new ShardChangedError(`${identity.path} is damaged`);
        this.blocks[k] = block;
      }
    });
  }

  slice(from: number, to: number): string {
    const start = from * this.width;
    const end = Math.max(from, to) * this.width;
    if (this.blocks.length === 1 && this.blocks[0]) return this.blocks[0].toString(this.encoding, start, end);
    const first = Math.floor(start / TEXT_BLOCK);
    const last = Math.ceil(end / TEXT_BLOCK);
    const parts = this.blocks.slice(first, Math.max(first + 1, last));
    if (parts.some((b) => b === null)) throw new Error('this passage of the search index text is not loaded');
    const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts as Buffer[]);
    return joined.toString(this.encoding, start - first * TEXT_BLOCK, end - first * TEXT_BLOCK);
  }
}

/** Reads the text of some units of a part (for their snippets), if it is not in memory yet. */
export async function loadUnitText(index: TextIndex, units: readonly number[]): Promise<void> {
  const { text } = index.data;
  if (!(text instanceof BytesText)) return;
  await text.load(units.map((u) => [index.units[u].from, index.units[u].to]));
}

/** What of a part read from a file is still in it: its places of words. */
const unreadPlaces = new WeakMap<TextIndex, { identity: FileIdentity; place: Place }>();

/** Reads a part's text and places of words from its file, if they are not in memory yet. */
export async function loadPart(index: TextIndex, what: { text?: boolean; places?: boolean } = { text: true, places: true }): Promise<void> {
  const { text } = index.data;
  if (what.text && text instanceof BytesText) await text.load();
  const places = unreadPlaces.get(index);
  if (what.places && places && index.data.positions === null) {
    const bytes = await readSection(places.identity, places.place);
    if (bytes.length !== index.data.placeCount * 4) throw new ShardChangedError('places of the wrong length');
    index.data.positions = new Uint32Array(bytes.buffer, bytes.byteOffset, index.data.placeCount);
    unreadPlaces.delete(index);
  }
}

function textBytes(text: IndexText): [Buffer, Encoding] {
  const loaded = text instanceof BytesText ? text.loaded : null;
  if (text instanceof BytesText && loaded) return [loaded, text.encoding];
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

/** A shard's bytes. Every part's text and places must be in memory (loadPart). */
export function encodeShard(key: string, parts: readonly ShardPart[]): Buffer {
  const first: Buffer[] = [];
  const lazy: Buffer[][] = [];
  const headers = parts.map(({ name, fingerprint, index }) => {
    const { text, terms, units, termStarts, postings, positions, lengths, placeCount } = index.data;
    if (!positions) throw new Error('the places of words are not loaded');
    const [textSection, encoding] = textBytes(text);
    const own = [Buffer.from(terms, 'utf8'), ...encodeUnits(units), bytesOf(termStarts), bytesOf(postings), bytesOf(lengths)];
    for (const section of own) first.push(section, Buffer.alloc(padding(section.length)));
    lazy.push([textSection, bytesOf(positions)]);
    return { name, fingerprint, encoding, textLength: text.length, placeCount, sizes: own.map((b) => b.length), textCrcs: blockCrcs(textSection) };
  });
  const eager = Buffer.concat(first);
  // The header's length decides where the later sections are: it is padded to a fixed multiple of 4 bytes.
  const draft = (places: [Place, Place][]) =>
    `${MAGIC}${JSON.stringify({ key, parts: headers.map((h, i): PartHeader => ({ ...h, lazy: places[i] })), crc: crc32(eager) })}`;
  const zero: [Place, Place][] = lazy.map(() => [
    [0, 0, 0],
    [0, 0, 0],
  ]);
  // Offsets are written as fixed-width numbers would not be: reserve room for the largest, then place them.
  const room = Buffer.byteLength(draft(zero)) + lazy.length * 2 * 3 * 12 + 16;
  const headerBytes = room + padding(room);
  let at = headerBytes + eager.length;
  const places = lazy.map((sections) =>
    sections.map((section): Place => {
      const place: Place = [at, section.length, crc32(section)];
      at += section.length + padding(section.length);
      return place;
    }) as [Place, Place],
  );
  const header = Buffer.from(draft(places), 'utf8');
  const tail = lazy.flat().flatMap((section) => [section, Buffer.alloc(padding(section.length))]);
  return Buffer.concat([header, Buffer.from(`${' '.repeat(headerBytes - header.length - 1)}\n`), eager, ...tail]);
}

/** The parts of the shard file at `path`, their texts and places left in it; null when it is not exactly one this version wrote for `key`. */
export async function readShard(path: string, key: string): Promise<ShardPart[] | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const info = await handle.stat();
    const identity: FileIdentity = { path, size: info.size, mtimeMs: info.mtimeMs };
    const head = Buffer.alloc(Math.min(HEADER_READ, info.size));
    await handle.read(head, 0, head.length, 0);
    if (head.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) return null;
    const end = head.indexOf(10, MAGIC.length);
    if (end < 0) return null;
    const header = JSON.parse(head.subarray(MAGIC.length, end).toString('utf8')) as { key: unknown; parts: PartHeader[]; crc: unknown };
    if (header.key !== key || !Array.isArray(header.parts)) return null;
    const eagerLength = header.parts.reduce((n, p) => n + (Array.isArray(p.sizes) ? p.sizes.reduce((m, s) => m + s + padding(s), 0) : 0), 0);
    if (!Number.isInteger(eagerLength) || end + 1 + eagerLength > info.size) return null;
    const eager = Buffer.alloc(eagerLength);
    const { bytesRead } = await handle.read(eager, 0, eagerLength, end + 1);
    if (bytesRead !== eagerLength || crc32(eager) !== header.crc) return null;
    return decodeParts(header.parts, eager, identity);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

function decodeParts(headers: PartHeader[], eager: Buffer, identity: FileIdentity): ShardPart[] {
  let at = 0;
  const next = (size: number): Buffer => {
    if (!Number.isInteger(size) || size < 0 || at + size > eager.length) throw new Error('section out of bounds');
    const slice = eager.subarray(at, at + size);
    at += size + padding(size);
    return slice;
  };
  const words = (b: Buffer): [ArrayBuffer, number, number] => {
    if (b.length % 4 !== 0) throw new Error('misaligned section');
    const aligned = b.byteOffset % 4 === 0 ? b : Buffer.from(b);
    return [aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.length / 4];
  };
  const parts = headers.map(({ name, fingerprint, encoding, textLength, placeCount, sizes, lazy, textCrcs }): ShardPart => {
    if (typeof name !== 'string' || typeof fingerprint !== 'string' || !Array.isArray(sizes) || sizes.length !== 6) throw new Error('bad part header');
    if ((encoding !== 'latin1' && encoding !== 'utf16le') || !Number.isInteger(textLength) || !Number.isInteger(placeCount)) throw new Error('bad part header');
    if (!Array.isArray(lazy) || lazy.length !== 2 || !lazy.every((p) => Array.isArray(p) && p.length === 3 && p.every(Number.isInteger))) throw new Error('bad part header');
    if (!Array.isArray(textCrcs) || !textCrcs.every(Number.isInteger) || lazy[0][1] !== textLength * (encoding === 'latin1' ? 1 : 2)) throw new Error('bad part header');
    const [terms, units, extras, termStarts, postings, lengths] = sizes.map(next);
    const data: TextIndexData = {
      text: new BytesText(textLength, encoding, { identity, offset: lazy[0][0], crcs: textCrcs }),
      terms: terms.toString('utf8'),
      units: decodeUnits(new Int32Array(...words(units)), JSON.parse(extras.toString('utf8')) as Extras),
      termStarts: new Uint32Array(...words(termStarts)),
      postings: new Uint32Array(...words(postings)),
      positions: null,
      placeCount,
      lengths: new Uint32Array(...words(lengths)),
    };
    if (TextIndex.check(data) !== null) throw new Error('index does not fit together');
    const index = new TextIndex(data);
    unreadPlaces.set(index, { identity, place: lazy[1] });
    return { name, fingerprint, index };
  });
  if (at !== eager.length) throw new Error('sections left over');
  return parts;
}
