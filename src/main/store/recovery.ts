/**
 * What happens to a data file found damaged: it is moved aside
 * (`<file>.damaged-<time>`, never deleted), its newest backup that reads and
 * checks is put in its place if there is one, and the reader is told which
 * file, of which document, and where the damaged one now is. Where nothing
 * may be written (a read-only folder, `gloss check` without --repair), the
 * file is left exactly where it is, and the reader is told that.
 */
import { basename } from 'node:path';
import { asciiJson, type DamagedFileError, type FileKind, type ReadData } from './data-file';
import { damagedPath } from './layout';
import { type StoreContext, writeError } from './store-context';

export interface Recovered<T> {
  /** The backup put in the damaged file's place; null when there was none. */
  restored: { data: T; length: number } | null;
  /** Whether the damaged file was moved aside (so there is no file now, unless a backup was restored). */
  movedAside: boolean;
}

export async function recoverDamaged<T>(
  ctx: StoreContext,
  damaged: DamagedFileError,
  backupsFolder: string,
  kind: FileKind<T>,
  what: {
    documentId?: string;
    withoutBackup: string;
    /** Newer than any backup where there is one (a document's entry, as the library index last saw it): used instead. */
    newer?: { data: T; from: string };
  },
): Promise<Recovered<T>> {
  const { path } = damaged;
  const { documentId } = what;
  if (ctx.inspect || ctx.readOnly) {
    const why = ctx.readOnly && !ctx.inspect ? ` It cannot be repaired here: ${ctx.readOnly}` : ' gloss check --repair, or opening Gloss, sets it aside and restores its newest good backup.';
    ctx.notices.report('damaged', `${damaged.message}${why}`, { documentId, path });
    return { restored: null, movedAside: false };
  }
  let backup: { data: T; length: number; from: string; text: string | Buffer } | null = null;
  if (what.newer) {
    const text = asciiJson(what.newer.data);
    backup = { ...what.newer, length: text.length, text };
  } else {
    try {
      const found: (ReadData<T> & { from: string }) | null = await ctx.backups.newestValid(backupsFolder, path, kind);
      if (found) backup = { ...found, text: await ctx.fs.readFile(found.from) };
    } catch {
      backup = null;
    }
  }
  const aside = damagedPath(path, ctx.now());
  try {
    await ctx.fs.rename(path, aside);
    if (backup) await ctx.fs.replaceFile(path, backup.text);
  } catch (error) {
    const failure = writeError(`Could not set ${path} aside`, error);
    ctx.notices.report('damaged', `${damaged.message} ${failure.message}`, { documentId, path });
    return { restored: null, movedAside: false };
  }
  const moved = `The data file ${path} was damaged (${damaged.reason}). It was moved to ${aside}`;
  if (backup) {
    const restored = what.newer ? `it was written again from ${backup.from}` : `its newest good backup (${basename(backup.from)}) was restored; changes made after that backup may be missing`;
    ctx.notices.report('restored', `${moved} and ${restored}.`, { documentId, path: aside });
    return { restored: { data: backup.data, length: backup.length }, movedAside: true };
  }
  ctx.notices.report('damaged', `${moved}; there was no good backup of it, so ${what.withoutBackup}. The damaged file is kept there for recovery by hand.`, { documentId, path: aside });
  return { restored: null, movedAside: true };
}
