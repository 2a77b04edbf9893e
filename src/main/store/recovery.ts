/**
 * What happens to a data file found damaged: it is moved aside
 * (`<file>.damaged-<time>`, never deleted) and its newest backup that reads
 * and checks is put in its place, and the reader is told which file, of
 * which document, and where the damaged one now is. Without a good backup,
 * or where nothing may be written (a read-only folder, `gloss check` without
 * --repair), the file is left exactly where it is, and the reader is told that.
 */
import { type DamagedFileError, type FileKind, type ReadData } from './data-file';
import { damagedPath } from './layout';
import { type StoreContext, writeError } from './store-context';

export interface Restored<T> {
  data: T;
  length: number;
}

export async function restoreFromBackup<T>(
  ctx: StoreContext,
  damaged: DamagedFileError,
  backupsFolder: string,
  kind: FileKind<T>,
  documentId?: string,
): Promise<Restored<T> | null> {
  const { path } = damaged;
  if (ctx.inspect || ctx.readOnly) {
    ctx.notices.report('damaged', `${damaged.message}${ctx.readOnly ? ` It cannot be repaired here: ${ctx.readOnly}` : ''}`, { documentId, path });
    return null;
  }
  let backup: (ReadData<T> & { from: string }) | null = null;
  try {
    backup = await ctx.backups.newestValid(backupsFolder, path, kind);
  } catch {
    backup = null;
  }
  if (!backup) {
    ctx.notices.report('damaged', `${damaged.message} There is no good backup of it to restore; repair or remove the file by hand.`, { documentId, path });
    return null;
  }
  const aside = damagedPath(path, ctx.now());
  try {
    await ctx.fs.rename(path, aside);
    await ctx.fs.replaceFile(path, await ctx.fs.readFile(backup.from));
  } catch (error) {
    const failure = writeError(`Could not restore ${path} from its backup`, error);
    ctx.notices.report('damaged', `${damaged.message} ${failure.message}`, { documentId, path });
    return null;
  }
  ctx.notices.report(
    'restored',
    `The data file ${path} was damaged (${damaged.reason}). It was moved to ${aside} and its backup of ${backup.from.slice(-28)} was restored; changes made after that backup may be missing.`,
    { documentId, path: aside },
  );
  return { data: backup.data, length: backup.length };
}
