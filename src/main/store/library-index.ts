/**
 * The library's index and settings, and the recovery the store runs when it
 * opens a data folder. The documents' own folders are the truth: each holds
 * its library entry in document.json, and library.json is only a cache of
 * them (and the sample flag). So a missing, empty or damaged index loses
 * nothing: it is rebuilt from the folders, always, and a damaged one is kept
 * aside. Operations that touch several files happen in an order that leaves
 * the folders right at every step:
 *
 * - import writes a staging folder and renames it into place, then the index:
 *   a kill before the rename leaves a staging folder, removed here (it held
 *   only a copy of the imported file); after it, the folder is listed here.
 * - remove renames the folder into removed/, then writes the index: a kill in
 *   between leaves an index entry without a folder, dropped here.
 * - rename writes document.json, then the index.
 *
 * Leftover temporary files of processes that are gone are removed too, backups
 * folders included (a kill while a backup was written leaves one there).
 */
import { errorMessage } from '../../core/error-message';
import { join } from 'node:path';
import { DamagedFileError, DataFile, type FileKind, NewerFileError, readData } from './data-file';
import {
  CURRENT_SCHEMA,
  DEFAULT_SETTINGS,
  describeSchemaIssues,
  type DocumentFile,
  type LibraryEntry,
  type LibraryFile,
  libraryFileSchema,
  type SettingsFile,
  settingsFileSchema,
} from './file-schemas';
import { isTempFile } from './file-system';
import { keepOldVersion, readEntry } from './document-files';
import { isAlive } from './lock';
import { damagedPath, fileTime, IMPORT_STAGING_PREFIX, SETTINGS_FILE, writerOf } from './layout';
import { migrateLibrary, migrateSettings } from './migrations';
import { recoverDamaged } from './recovery';
import type { StoreContext } from './store-context';

export const libraryKind: FileKind<LibraryFile> = {
  check: (v) => {
    const parsed = libraryFileSchema.safeParse(v);
    return parsed.success ? null : describeSchemaIssues(parsed.error);
  },
  migrate: migrateLibrary,
};

export const settingsKind: FileKind<SettingsFile> = {
  check: (v) => {
    const parsed = settingsFileSchema.safeParse(v);
    return parsed.success ? null : describeSchemaIssues(parsed.error);
  },
  migrate: migrateSettings,
};

const DOCUMENT_ID = /^[0-9a-zA-Z][0-9a-zA-Z-]{0,99}$/;

/** The library file in memory: what it held (null: nothing usable) and the file to write it to. */
export async function readLibrary(ctx: StoreContext): Promise<{ file: DataFile<LibraryFile>; found: LibraryFile | null }> {
  const { layout, fs } = ctx;
  const path = layout.library;
  const empty: LibraryFile = { schemaVersion: CURRENT_SCHEMA, sampleAdded: false, documents: [] };
  const file = (data: LibraryFile, length = 0) =>
    new DataFile(fs, path, libraryKind, data, length, (text) => ctx.backups.afterWrite(layout.backups, path, text));
  try {
    const read = await readData(fs, path, libraryKind);
    // An index of an older version is rewritten at once: its old file is kept among the backups first.
    if (read?.migratedFrom && !ctx.inspect && !ctx.readOnly) await keepOldVersion(ctx, path, layout.backups, read.migratedFrom).catch(() => undefined);
    return read ? { file: file(read.data, read.length), found: read.data } : { file: file(empty), found: null };
  } catch (error) {
    if (error instanceof NewerFileError) {
      ctx.readOnly = `This library was last written by a newer Gloss, so this one only reads it: ${error.message}`;
      return { file: file(empty), found: null };
    }
    if (!(error instanceof DamagedFileError)) throw error;
    // The index is a cache: keep the damaged copy for inspection and rebuild it from the folders.
    if (!ctx.inspect && !ctx.readOnly) {
      const aside = damagedPath(path, ctx.now());
      await fs.rename(path, aside).catch(() => undefined);
      ctx.notices.report('recovered', `The library index ${path} was damaged (${error.reason}); it was moved to ${aside} and rebuilt from the documents' own files.`, { path: aside });
    } else {
      ctx.notices.report('damaged', `${error.message} The library is listed from the documents' own files.`, { path });
    }
    return { file: file(empty), found: null };
  }
}

/**
 * A library-wide data file (settings today; a code tree, colour names, a library notebook later) with the same
 * guarantees as a document's: checked when read, written durably with rolling backups in backups/, a damaged one
 * set aside and restored from its newest good backup (else `defaults`), one from a newer Gloss making the library
 * read-only.
 */
export async function openLibraryData<T>(ctx: StoreContext, name: string, kind: FileKind<T>, defaults: () => T): Promise<DataFile<T>> {
  const { layout, fs } = ctx;
  const path = join(layout.dataDir, name);
  const file = (data: T, length = 0) => new DataFile(fs, path, kind, data, length, (text) => ctx.backups.afterWrite(layout.backups, path, text));
  try {
    const read = await readData(fs, path, kind);
    // Rewritten in the new version the next time it changes: the old file is kept among the backups first.
    if (read?.migratedFrom && !ctx.inspect && !ctx.readOnly) await keepOldVersion(ctx, path, layout.backups, read.migratedFrom).catch(() => undefined);
    return read ? file(read.data, read.length) : file(defaults());
  } catch (error) {
    if (error instanceof NewerFileError) {
      ctx.readOnly ??= error.message;
      return file(defaults());
    }
    if (!(error instanceof DamagedFileError)) throw error;
    const { restored } = await recoverDamaged(ctx, error, layout.backups, kind, { withoutBackup: `the defaults are used for ${name}` });
    return restored ? file(restored.data, restored.length) : file(defaults());
  }
}

/** Library-wide settings: defaults when there is no file. */
export const readSettings = (ctx: StoreContext) => openLibraryData(ctx, SETTINGS_FILE, settingsKind, () => structuredClone(DEFAULT_SETTINGS));

/** Whether a file or folder named by its writing process may be cleared: its writer is gone. */
const abandoned = (name: string) => {
  const pid = writerOf(name);
  return pid !== null && pid !== process.pid && !isAlive(pid);
};

/** Removes temporary files left in `dir` by processes that are gone. */
async function clearTempFiles(ctx: StoreContext, dir: string): Promise<void> {
  for (const name of await ctx.fs.readdir(dir)) {
    if (isTempFile(name) && abandoned(name)) await ctx.fs.remove(join(dir, name)).catch(() => undefined);
  }
}

/**
 * The documents in the folder, by id: each folder's entry (document.json, recovered if need be), `known` used for
 * folders already read. Clears what interrupted imports left behind and, at start (`startup`), reports index
 * entries whose folder is gone.
 */
export async function scanDocuments(
  ctx: StoreContext,
  cached: readonly LibraryEntry[],
  known: ReadonlyMap<string, DataFile<DocumentFile>>,
  startup: boolean,
): Promise<Map<string, DataFile<DocumentFile>>> {
  const { fs, layout } = ctx;
  const writable = !ctx.inspect && !ctx.readOnly;
  const names = await fs.readdir(layout.documents);
  const byId = new Map(cached.map((e) => [e.id, e]));
  const found = new Map<string, DataFile<DocumentFile>>();
  await Promise.all(
    names.map(async (name) => {
      if (name.startsWith(IMPORT_STAGING_PREFIX)) {
        // An import that did not finish: only a copy of the imported file, never shown; its writer is gone.
        if (writable && abandoned(name)) await fs.remove(join(layout.documents, name)).catch(() => undefined);
        return;
      }
      if (!DOCUMENT_ID.test(name)) return;
      const already = known.get(name);
      if (already) {
        found.set(name, already);
        return;
      }
      const info = await fs.stat(layout.documentDir(name));
      if (!info?.isDirectory) return;
      if (startup && writable) {
        await clearTempFiles(ctx, layout.documentDir(name));
        await clearTempFiles(ctx, layout.documentBackups(name));
      }
      let unreadable = false;
      const entry = await readEntry(ctx, name, byId.get(name)).catch((error: unknown) => {
        unreadable = true;
        if (startup) {
          ctx.notices.report('damaged', `The document folder ${layout.documentDir(name)} could not be read, so it is not listed; it was left as it is. ${errorMessage(error)}`, { documentId: name });
        }
        return null;
      });
      if (entry) found.set(name, entry);
      // Only a folder found at start to hold no document is set aside (later, it may be one a sync tool is still
      // writing); one that could not be read (a file from a newer Gloss, a read error) is left where it is.
      else if (!unreadable && startup) await setAsideIncomplete(ctx, name);
    }),
  );
  if (startup) {
    if (writable) {
      await clearTempFiles(ctx, layout.dataDir);
      await clearTempFiles(ctx, layout.backups);
    }
    for (const entry of cached) {
      if (!found.has(entry.id) && !names.includes(entry.id)) {
        ctx.notices.report('recovered', `"${entry.title}" was listed, but its folder is no longer in ${layout.documents} (removed/ may hold it); it is no longer listed.`, { documentId: entry.id });
      }
    }
  }
  // In the order of their ids, not of the reads finishing: the index written from them is then the same from one
  // start to the next, and is not rewritten for nothing.
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A folder that holds no document (no readable entry anywhere): moved to removed/, never deleted. */
async function setAsideIncomplete(ctx: StoreContext, id: string): Promise<void> {
  const from = ctx.layout.documentDir(id);
  if (ctx.inspect || ctx.readOnly) {
    ctx.notices.report('damaged', `The folder ${from} holds no readable document; it was left as it is.`, { documentId: id, path: from });
    return;
  }
  const to = join(ctx.layout.removed, `${id}-incomplete-${fileTime(ctx.now())}`);
  try {
    await ctx.fs.mkdir(ctx.layout.removed);
    await ctx.fs.rename(from, to);
    ctx.notices.report('recovered', `The folder ${from} held no complete document (an interrupted import?); it was moved to ${to}.`, { documentId: id, path: to });
  } catch {
    ctx.notices.report('damaged', `The folder ${from} holds no readable document and could not be moved aside; it was left as it is.`, { documentId: id, path: from });
  }
}
