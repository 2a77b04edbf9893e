/**
 * Writes a zip archive (PKWARE APPNOTE 6.3: local headers, deflated data,
 * central directory) with Node's own zlib, which compresses several times
 * faster than a JavaScript deflate: a library's REFI-QDA project is a hundred
 * megabytes of XML and more. An entry given in pieces has each piece
 * compressed on its own, on libuv's thread pool while the next piece is
 * made, and the pieces' raw deflate
 * streams joined (every piece but the last ends on a sync flush, so the joined
 * stream is one valid deflate stream). No zip64: an archive or entry of 4 GB
 * or more is refused.
 */
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

export interface ZipEntry {
  /** The path inside the archive, with `/` between folders. */
  name: string;
  /** The entry's content, in pieces (text is written as UTF-8), read once, in order, as the archive is made. */
  pieces: Iterable<string | Uint8Array>;
}

const LIMIT = 0xffffffff;

/** MS-DOS time and date of `at`, as zip headers keep them. */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

interface Packed {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer[];
  compressedSize: number;
}

/** Pieces smaller than this are joined before compression: each compression has a fixed cost (its own zlib state). */
const PIECE_BYTES = 1024 * 1024;

/**
 * Reads the entry's pieces, starting each one's compression (on the thread pool) as soon as it is read, so that
 * compressing one piece overlaps with making the next.
 */
async function pack(entry: ZipEntry, level: number): Promise<Packed> {
  const compressing: Promise<Buffer>[] = [];
  let crc = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const flush = (final: boolean) => {
    const buffer = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    // Output in one buffer as large as the input (zlib's 16 kB default would call back into JavaScript, and go back to the
    // thread pool, for every 16 kB it makes).
    const chunkSize = Math.max(64 * 1024, buffer.length + 1024);
    compressing.push(deflate(buffer, { level, chunkSize, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
    pending = [];
    pendingSize = 0;
  };
  for (const piece of entry.pieces) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    crc = crc32(buffer, crc);
    size += buffer.length;
    pending.push(buffer);
    pendingSize += buffer.length;
    if (pendingSize >= PIECE_BYTES) flush(false);
  }
  flush(true);
  const data = await Promise.all(compressing);
  const compressedSize = data.reduce((n, d) => n + d.length, 0);
  if (size >= LIMIT || compressedSize >= LIMIT) throw new Error(`${entry.name} is 4 GB or more, too large for a zip without zip64`);
  return { name: Buffer.from(entry.name, 'utf8'), crc, size, data, compressedSize };
}

/** The archive of `entries`, as buffers to be written one after the other. */
export async function zipArchive(entries: Iterable<ZipEntry>, options: { level: number; modified: Date }): Promise<Buffer[]> {
  // Each entry's pieces are read before the next entry is asked for (pack reads them all before its first await).
  const packing: Promise<Packed>[] = [];
  for (const entry of entries) packing.push(pack(entry, options.level));
  const packed = await Promise.all(packing);
  const { time, date } = dosTime(options.modified);
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of packed) {
    // Bit 11: names are UTF-8. Method 8: deflate.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.compressedSize, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    out.push(local, p.name, ...p.data);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(p.crc >>> 0, 16);
    entry.writeUInt32LE(p.compressedSize, 20);
    entry.writeUInt32LE(p.size, 24);
    entry.writeUInt16LE(p.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, p.name);
    offset += 30 + p.name.length + p.compressedSize;
    if (offset >= LIMIT) throw new Error('the archive would be 4 GB or more, too large for a zip without zip64');
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  if (packed.length > 0xffff) throw new Error('more than 65,535 files, too many for a zip without zip64');
  return [...out, ...central, end];
}
