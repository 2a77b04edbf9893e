/**
 * One JSON data file on disk, through lowdb: read, checked, migrated from an
 * older schema version if need be, and written back durably and atomically
 * (file-system.ts). A file that cannot be read, does not parse or does not
 * have the shape Gloss writes is reported as damaged, naming the file, and is
 * never overwritten here; a file written by a newer Gloss is reported as such.
 *
 * Files are written compact (a change rewrites the whole file, and
 * indentation would make it a third longer) and in ASCII: characters past
 * ASCII become \u escapes, still JSON to any reader, and an ASCII file is
 * read without UTF-8 decoding, which for text full of curly quotes took
 * about twice as long. UTF-8 files still read.
 */
import { errorMessage } from '../../core/error-message';
import { isAscii } from 'node:buffer';
import { type Adapter, Low } from 'lowdb';
import { errorCode, type FileSystem } from './file-system';
import { CURRENT_SCHEMA } from './file-schemas';
import { GlossError } from './errors';

const NON_ASCII = /[\u007f-\uffff]/;

/** JSON text with every character past ASCII written as a \u escape. */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  // Most text is ASCII already: looked through once, not copied.
  if (!NON_ASCII.test(json)) return json;
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text of a file's bytes: ASCII (as Gloss writes) without UTF-8 decoding. */
export function decodeData(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** A data file that could not be read or does not hold what Gloss writes. */
export class DamagedFileError extends GlossError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('storage', `The data file ${path} is damaged (${reason}); it was left untouched.`);
    this.name = 'DamagedFileError';
  }
}

/** A data file written by a newer Gloss, which this one must not change. */
export class NewerFileError extends GlossError {
  constructor(
    readonly path: string,
    readonly version: number,
  ) {
    super('read-only', `The data file ${path} was written by a newer Gloss (schema ${version}, this Gloss writes ${CURRENT_SCHEMA}); it is left as it is: update Gloss to change it.`);
    this.name = 'NewerFileError';
  }
}

/** What a kind of data file must hold, and how to bring an older version of it up to date. */
export interface FileKind<T> {
  /** What is wrong with a value of the current version, or null. */
  check(value: unknown): string | null;
  /** Brings a value of an older schema version up to the current one (see migrations.ts). */
  migrate?(value: Record<string, unknown>, fromVersion: number): unknown;
  /** Phantom, for inference. */
  readonly _type?: T;
}

export interface ReadData<T> {
  data: T;
  /** The schema version the file had, when it was older and has been migrated in memory. */
  migratedFrom: number | null;
  /** Characters of JSON read. */
  length: number;
}

/** Parses, version-checks, migrates and checks a data file's text. */
export function parseData<T>(path: string, text: string, kind: FileKind<T>): ReadData<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DamagedFileError(path, `it is not valid JSON: ${errorMessage(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DamagedFileError(path, 'it does not hold a JSON object');
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (!Number.isSafeInteger(version) || (version as number) < 1) throw new DamagedFileError(path, 'it has no schema version');
  if ((version as number) > CURRENT_SCHEMA) throw new NewerFileError(path, version as number);
  let migratedFrom: number | null = null;
  if ((version as number) < CURRENT_SCHEMA) {
    if (!kind.migrate) throw new DamagedFileError(path, `no migration from schema ${version as number}`);
    try {
      value = kind.migrate(value as Record<string, unknown>, version as number);
    } catch (error) {
      throw new DamagedFileError(path, `it could not be brought up from schema ${version as number}: ${errorMessage(error)}`);
    }
    migratedFrom = version as number;
  }
  const problem = kind.check(value);
  if (problem) throw new DamagedFileError(path, problem);
  return { data: value as T, migratedFrom, length: text.length };
}

/** Reads a data file; null when there is none. Throws DamagedFileError or NewerFileError. */
export async function readData<T>(fs: FileSystem, path: string, kind: FileKind<T>): Promise<ReadData<T> | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    if (errorCode(error) === 'EISDIR') throw new DamagedFileError(path, 'it is a folder');
    throw new GlossError('storage', `Cannot read ${path} (${errorMessage(error)}).`);
  }
  return parseData(path, decodeData(bytes), kind);
}

/** lowdb's adapter for one data file, written durably through the store's file system. */
class JsonAdapter<T> implements Adapter<T> {
  /** Characters of JSON last read or written. */
  length = 0;

  constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
    private readonly kind: FileKind<T>,
    private readonly afterWrite: ((text: string) => Promise<void>) | undefined,
  ) {}

  async read(): Promise<T | null> {
    const read = await readData(this.fs, this.path, this.kind);
    this.length = read?.length ?? 0;
    return read?.data ?? null;
  }

  async write(data: T): Promise<void> {
    const text = asciiJson(data);
    await this.fs.replaceFile(this.path, text);
    this.length = text.length;
    if (this.afterWrite) await this.afterWrite(text);
  }
}

/** A data file held in memory (lowdb's `Low`): change `data`, then `write()`. */
export class DataFile<T> extends Low<T> {
  private readonly json: JsonAdapter<T>;

  /**
   * `data` is what was read (or the file's first content); `afterWrite` runs after each successful write (backups),
   * and must not fail.
   */
  constructor(fs: FileSystem, readonly path: string, kind: FileKind<T>, data: T, length = 0, afterWrite?: (text: string) => Promise<void>) {
    const adapter = new JsonAdapter(fs, path, kind, afterWrite);
    super(adapter, data);
    adapter.length = length;
    this.json = adapter;
  }

  /** Characters of JSON on disk, as last read or written (0 before the file exists). */
  get length(): number {
    return this.json.length;
  }

  /** Writes `next` in place of the data; the data changes only once the write has succeeded. */
  async replace(next: T): Promise<void> {
    const before = this.data;
    this.data = next;
    try {
      await this.write();
    } catch (error) {
      this.data = before;
      throw error;
    }
  }
}
