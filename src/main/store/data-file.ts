/**
 * One JSON data file on disk through lowdb (atomic write: temp file, then
 * rename). Written compact, without indentation: a change rewrites the whole
 * file, and spaces would make it a third longer (pretty-printed files written
 * by earlier versions still read). A file that exists but cannot be read is
 * never overwritten: the caller gets a clear error naming the file.
 */
import { readFile } from 'node:fs/promises';
import { type Adapter, Low } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { GlossError } from './errors';

/** lowdb's text file adapter holding compact JSON, remembering how long the text it last read or wrote was. */
class CompactJsonFile<T> implements Adapter<T> {
  private readonly file: TextFile;
  /** Characters of JSON last read or written. */
  length = 0;

  constructor(path: string) {
    this.file = new TextFile(path);
  }

  async read(): Promise<T | null> {
    const text = await this.file.read();
    if (text === null) return null;
    this.length = text.length;
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
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
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new GlossError('storage', `Cannot read ${path} (${describe(error)}).`);
  }
  try {
    return JSON.parse(raw) as T;
  } catch (error) {
    throw new GlossError('storage', `The data file ${path} is damaged and was left untouched (${describe(error)}).`);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
