/**
 * One JSON data file on disk through lowdb (atomic write: temp file, then
 * rename). Written compact, without indentation: a change rewrites the whole
 * file, and spaces would make it a third longer; and in ASCII, which reads
 * faster (see asciiJson). Pretty-printed or UTF-8 files written by earlier
 * versions still read. A file that exists but cannot be read is
 * never overwritten: the caller gets a clear error naming the file.
 */
import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { type Adapter, Low } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { GlossError } from './errors';

/**
 * JSON text with every character past ASCII written as a \u escape: still JSON to any reader, and read back
 * fast. Transcripts are full of curly quotes and dashes, and text with any of them decodes from UTF-8 into a
 * two-byte string, which took about twice as long to decode and parse as the same text escaped.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file's text: ASCII files (as Gloss writes them) skip UTF-8 decoding; null when there is no such file. */
export async function readText(path: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** lowdb's text file adapter holding compact JSON, remembering how long the text it last read or wrote was. */
class CompactJsonFile<T> implements Adapter<T> {
  private readonly file: TextFile;
  /** Characters of JSON last read or written. */
  length = 0;

  constructor(private readonly path: string) {
    this.file = new TextFile(path);
  }

  async read(): Promise<T | null> {
    const text = await readText(this.path);
    if (text === null) return null;
    this.length = text.length;
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    const text = asciiJson(data);
    this.length = text.length;
    return this.file.write(text);
  }
}

export class DataFile<T> extends Low<T> {
  constructor(
    private readonly file: CompactJsonFile<T>,
    initial: T,
  ) {
    super(file, initial);
  }

  /** Characters of JSON on disk, as last read or written (0 before the file exists). */
  get length(): number {
    return this.file.length;
  }
}

/** Opens `path`, creating it with `initial` on first use. */
export async function openDataFile<T extends { schemaVersion: number }>(
  path: string,
  initial: T,
  maxVersion: number,
): Promise<DataFile<T>> {
  const db = new DataFile<T>(new CompactJsonFile<T>(path), initial);
  try {
    await db.read();
  } catch (error) {
    throw new GlossError('storage', `The data file ${path} is damaged and was left untouched (${describe(error)}).`);
  }
  const version = (db.data as Partial<T> | null)?.schemaVersion;
  if (typeof version !== 'number') {
    throw new GlossError('storage', `The data file ${path} has no schema version; it was left untouched.`);
  }
  if (version > maxVersion) {
    throw new GlossError(
      'storage',
      `The data file ${path} was written by a newer Gloss (schema ${version}); update Gloss to open it.`,
    );
  }
  return db;
}

/** Reads a JSON file that is written once and never changed (a transcript). */
export async function readJson<T>(path: string): Promise<T> {
  let raw: string | null;
  try {
    raw = await readText(path);
  } catch (error) {
    throw new GlossError('storage', `Cannot read ${path} (${describe(error)}).`);
  }
  if (raw === null) throw new GlossError('storage', `Cannot read ${path} (it is missing).`);
  try {
    return JSON.parse(raw) as T;
  } catch (error) {
    throw new GlossError('storage', `The data file ${path} is damaged and was left untouched (${describe(error)}).`);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
