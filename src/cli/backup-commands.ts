/**
 * `gloss backup OUT` and `gloss restore ARCHIVE` (main/backup/ does the work).
 * A backup only reads: it opens the library as the other reading commands do,
 * without the lock, so it works while Gloss runs on the same folder. A restore
 * writes, so it goes through write-access.ts: run here with the lock, or sent
 * to the running app, which restores into its own store (the archive given by
 * its full path). A restore into a folder that does not exist yet (a new
 * computer) creates it, once the archive has been read and found whole.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { BackupReport, RestoreReport } from '../shared/model';
import { openToRead } from '../main/store/library-access';
import type { Output } from './library-commands';
import { runWrite } from './write-access';

/** Notices are part of each command's own output, not warnings besides it. */
const QUIET = { onNotice: () => undefined };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `gloss backup OUT`: OUT is the archive to write, or a folder to write "Gloss backup <date>.zip" into. */
export async function backupCommand(dataDir: string, out: string, json: boolean, io: Output, now = new Date()): Promise<number> {
  let target = resolve(out);
  // Loaded when the command runs: the zip library stays off every other command's start.
  const { backupFileName, backupLibrary } = await import('../main/backup/backup-service');
  if ((await stat(target).catch(() => null))?.isDirectory()) target = join(target, backupFileName(now));
  const library = await openToRead(dataDir, QUIET);
  let report: BackupReport;
  try {
    report = await backupLibrary(library.store, target, now);
  } finally {
    await library.release();
  }
  if (json) io.out(JSON.stringify(report, null, 2));
  else io.out(`Backed up ${plural(report.documents, 'document')}, ${plural(report.highlights, 'highlight')} and ${plural(report.notebooks, 'notebook')} to ${report.path} (${report.bytes} bytes).`);
  return 0;
}

/** The restore report as a reader reads it. */
export function restoreLines(archive: string, r: RestoreReport): string[] {
  return [
    `Restored ${archive}:`,
    `  documents:  ${r.documentsAdded} added, ${r.documentsMerged} merged`,
    `  highlights: ${r.highlightsAdded} added, ${r.highlightsUpdated} updated (newer in the backup), ${r.highlightsKept} kept (as new or newer in the library)`,
    `  notebooks:  ${r.notebooksRestored} restored, ${r.notebooksKept} kept`,
    `  codes:      ${r.codesAdded} added, ${r.codesUpdated} updated`,
    `  settings:   ${r.settingsRestored ? 'restored' : 'kept'}`,
    ...r.messages.map((m) => `  ${m}`),
  ];
}

/** `gloss restore ARCHIVE`: merges a backup into the library (by id, the newer change winning) and prints the report. */
export async function restoreCommand(dataDir: string, archive: string, json: boolean, io: Output): Promise<number> {
  const path = resolve(archive);
  if (!(await stat(dataDir).catch(() => null))) {
    // Nothing is created for an archive that cannot be restored.
    const { readArchive } = await import('../main/backup/read-archive');
    await readArchive(path, basename(path));
    await mkdir(dataDir, { recursive: true });
  }
  const report = await runWrite(dataDir, 'restore', { path });
  if (json) io.out(JSON.stringify(report, null, 2));
  else io.out(restoreLines(archive, report).join('\n'));
  return 0;
}
