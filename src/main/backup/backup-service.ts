/**
 * Backup and restore: the whole library (documents, highlights, notes, codes,
 * notebooks, settings) in one archive file, and that archive merged back into
 * an empty or an existing library, by id, the newer change winning.
 */
import type { BackupReport, RestoreReport } from '../../shared/model';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';

export async function backupLibrary(store: LibraryStore, outPath: string, now: Date): Promise<BackupReport> {
  void [store, outPath, now];
  throw new GlossError('internal', 'Backup is not built yet.');
}

/** Restores an archive; a damaged or foreign one changes nothing and says why. */
export async function restoreLibrary(store: LibraryStore, archivePath: string): Promise<RestoreReport> {
  void [store, archivePath];
  throw new GlossError('internal', 'Restore is not built yet.');
}

/** What the save dialog suggests: "Gloss backup 2026-11-29.zip" (an archive anyone can open). */
export function backupFileName(now: Date): string {
  return `Gloss backup ${now.toISOString().slice(0, 10)}.zip`;
}
