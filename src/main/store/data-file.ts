/**
 * One JSON data file on disk through lowdb (atomic write: temp file, then
 * rename). A file that exists but cannot be read is never overwritten: the
 * caller gets a clear error naming the file.
 */
import { readFile } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { GlossError } from './errors';

export type DataFile<T> = Low<T>;

/** Opens `path`, creating it with `initial` on first use. */
export async function openDataFile<T extends { schemaVersion: number }>(
  path: string,
  initial: T,
  maxVersion: number,
): Promise<DataFile<T>> {
  const db = new Low<T>(new JSONFile<T>(path), initial);
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
