/**
 * Every file operation the store makes, behind one small interface: the real
 * one writes durably (a change reported saved survives a kill of the process
 * and a power cut), and tests swap in one that fails on demand.
 *
 * Durable means: a file is replaced by writing a temporary file beside it,
 * flushing it to disk (fsync), renaming it over the old one and flushing the
 * folder, so the rename itself is on disk; a failed replacement removes its
 * temporary file and leaves the old file as it was. An append is flushed
 * before it is acknowledged, and a failed append is cut back off the file, so
 * a change reported as failed can never come back after a restart. The same
 * holds when only the last flush fails: a replaced file, an append or a
 * rename already visible is undone before the failure is reported.
 */
import { constants } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, truncate } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FileInfo {
  size: number;
  isDirectory: boolean;
  mtimeMs: number;
}

export interface FileSystem {
  /** The file's bytes; rejects with ENOENT when it does not exist. */
  readFile(path: string): Promise<Buffer>;
  /**
   * Replaces (or creates) a file durably and atomically. With `flush: false` (derived data that is rebuilt when it
   * does not read, such as counts) still atomically, but without waiting for the disk.
   */
  replaceFile(path: string, data: string | Uint8Array, options?: { flush?: boolean }): Promise<void>;
  /** Creates a file that must not exist yet (rejects with EEXIST), durably. */
  createExclusive(path: string, data: string): Promise<void>;
  /** Appends to a file durably; on failure nothing of `data` stays in the file (as far as the disk allows). */
  append(path: string, data: string): Promise<void>;
  /** Renames a file or folder and flushes both folders. */
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Names in a folder; empty when the folder does not exist. */
  readdir(path: string): Promise<string[]>;
  /** null when there is nothing at `path`. */
  stat(path: string): Promise<FileInfo | null>;
  /** Removes a file or folder; nothing at `path` is not an error. */
  remove(path: string): Promise<void>;
}

/** Marks the temporary files this module writes, so leftovers from a kill can be recognised and cleared. */
export const TEMP_MARK = '.gloss-tmp-';

export function isTempFile(name: string): boolean {
  return name.includes(TEMP_MARK);
}

let tempCounter = 0;

/** Flushes a folder's entries (a rename or a new file in it) to disk. Not possible on Windows, where rename is durable enough. */
async function syncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A temporary name beside `path`. */
function tempPath(path: string): string {
  return join(dirname(path), `${basename(path)}${TEMP_MARK}${process.pid}-${++tempCounter}`);
}

/**
 * A second name for the file at `path` (a hard link), so it can be put back if what replaces it is not flushed:
 * null when there is no file there, 'unknown' when no link could be made (the old file then cannot be put back).
 */
async function keepOld(path: string): Promise<string | null | 'unknown'> {
  if (process.platform === 'win32') return 'unknown';
  const old = tempPath(path);
  try {
    await link(path, old);
    return old;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unknown';
  }
}

async function writeAndSync(path: string, data: string | Uint8Array, flags: string, flush = true): Promise<void> {
  const handle = await open(path, flags, 0o644);
  try {
    await handle.writeFile(data);
    if (flush) await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path),

  async replaceFile(path, data, options) {
    const temp = tempPath(path);
    if (options?.flush === false) {
      try {
        await writeAndSync(temp, data, 'w', false);
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw error;
      }
      return;
    }
    let old: string | null | 'unknown' = 'unknown';
    try {
      await writeAndSync(temp, data, 'w');
      old = await keepOld(path);
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      if (old !== null && old !== 'unknown') await rm(old, { force: true }).catch(() => undefined);
      throw error;
    }
    try {
      await syncFolder(dirname(path));
    } catch (error) {
      // The new file is visible but the rename is not known to be on disk: put the old one back.
      if (old === null) await rm(path, { force: true }).catch(() => undefined);
      else if (old !== 'unknown') await rename(old, path).catch(() => undefined);
      throw error;
    }
    if (old !== null && old !== 'unknown') await rm(old, { force: true }).catch(() => undefined);
  },

  async createExclusive(path, data) {
    try {
      await writeAndSync(path, data, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(path, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncFolder(dirname(path));
  },

  async append(path, data) {
    const before = (await stat(path).catch(() => null))?.size ?? 0;
    try {
      const handle = await open(path, 'a', 0o644);
      try {
        await handle.appendFile(data);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      if (before === 0) await syncFolder(dirname(path));
    } catch (error) {
      // Cut off whatever part of the line reached the file: a failed change must not be read back.
      await truncate(path, before).catch(() => undefined);
      throw error;
    }
  },

  async rename(from, to) {
    const replaces = (await stat(to).catch(() => null)) !== null;
    await rename(from, to);
    try {
      await syncFolder(dirname(to));
      if (dirname(from) !== dirname(to)) await syncFolder(dirname(from));
    } catch (error) {
      // Not known to be on disk: move it back (unless it replaced something, which cannot be put back).
      if (!replaces) await rename(to, from).catch(() => undefined);
      throw error;
    }
  },

  async mkdir(path) {
    await mkdir(path, { recursive: true });
  },

  async readdir(path) {
    try {
      return await readdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  },

  async stat(path) {
    try {
      const info = await stat(path);
      return { size: info.size, isDirectory: info.isDirectory(), mtimeMs: info.mtimeMs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },

  remove: (path) => rm(path, { recursive: true, force: true }),
};

/** The error code of a failed file operation (ENOSPC, EROFS, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Codes that mean the folder cannot be written at all, as opposed to one write failing. */
export const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);
