/**
 * Backup and restore: the whole library (documents, highlights, notes, codes,
 * notebooks, settings) in one archive file (archive-format.ts says what is in
 * it), and that archive merged back into an empty or an existing library, by
 * id, the newer change winning (restore-merge.ts).
 *
 * A backup reads through the store (highlights as the store holds them, with
 * their change log applied; notebooks, codebook and settings as saved), so it
 * works on a store opened only to read, beside the running app; only each
 * document's source.txt, which the store never changes in place, is read from
 * its folder. The archive is written to a temporary file, flushed and renamed
 * over `outPath`, so a failure leaves no half archive there.
 *
 * A restore reads and checks the whole archive first (read-archive.ts); a
 * damaged or foreign one changes nothing and says why.
 *
 * Both can run as a task: a backup cancelled before its archive is written
 * writes nothing; a restore cancelled before it starts writing (it works out
 * every document's merge first, restore-merge.ts) changes nothing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, relative, resolve, isAbsolute } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { BackupReport, RestoreReport } from '../../shared/model';
import { GlossError } from '../store/errors';
import { CURRENT_SCHEMA } from '../store/file-schemas';
import { nodeFileSystem } from '../store/file-system';
import { Layout, SOURCE_FILE } from '../store/layout';
import type { LibraryStore } from '../store/library-store';
import { writeError } from '../store/store-context';
import { BACKUP_FORMAT, BACKUP_VERSION, CODEBOOK_PATH, documentPaths, LIBRARY_NOTEBOOK_PATH, type Manifest, MANIFEST_PATH, SETTINGS_PATH } from './archive-format';
import { readArchive } from './read-archive';
import { mergeArchive, type RestoreStore } from './restore-merge';
import type { TaskControl } from '../tasks/run-task';
import { TaskSteps } from '../tasks/task-steps';

export type { RestoreStore };

/** What a backup needs of a store (one opened only to read will do). */
export type BackupStore = Pick<LibraryStore, 'dataDir' | 'list' | 'forExport' | 'openNotebook' | 'codebookData' | 'settingsData'>;

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A notebook as its file holds it, or null when it was never written. */
async function notebookFile(store: BackupStore, documentId: string | null) {
  const { state, markdown, updatedAt } = await store.openNotebook(documentId);
  return updatedAt === null && state === null ? null : { schemaVersion: CURRENT_SCHEMA, state, markdown, updatedAt };
}

/** What a backup cancelled leaves: no archive (an earlier one at the same place stays as it was). */
export const BACKUP_CANCELLED = 'Backup cancelled: no archive was written.';

/**
 * Backs the library up to `outPath` (a zip archive), replacing any file there. `task`: a step per document read and
 * one for the archive; cancelled before the archive is written, nothing is.
 */
export async function backupLibrary(store: BackupStore, outPath: string, now: Date, task?: TaskControl): Promise<BackupReport> {
  const target = resolve(outPath);
  const inside = relative(resolve(store.dataDir), target);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new GlossError('invalid-request', `A backup cannot be written inside the library folder it backs up (${store.dataDir}); choose a place outside it. Nothing was written.`);
  }
  const layout = new Layout(store.dataDir);
  const files = new Map<string, Uint8Array>();
  // UTF-8 JSON (the store reads it as it reads its own ASCII files): escaping every curly quote took longer than the zip.
  const put = (path: string, value: unknown) => files.set(path, strToU8(typeof value === 'string' ? value : JSON.stringify(value)));
  const manifestDocuments: Manifest['documents'] = [];
  let highlights = 0;
  let notebooks = 0;

  put(SETTINGS_PATH, store.settingsData);
  put(CODEBOOK_PATH, store.codebookData());
  const libraryNotebook = await notebookFile(store, null);
  if (libraryNotebook) {
    put(LIBRARY_NOTEBOOK_PATH, libraryNotebook);
    notebooks++;
  }
  const documents = (await store.list()).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
  const steps = new TaskSteps(task, documents.length + 1, BACKUP_CANCELLED);
  for (const { id, title } of documents) {
    steps.step(`Reading “${title}”`);
    const { document, transcript, annotations } = await store.forExport(id);
    let text: string;
    try {
      text = await readFile(`${layout.documentDir(id)}/${SOURCE_FILE}`, 'utf8');
    } catch (error) {
      throw writeError(`Could not read the text of “${document.title}” to back it up`, error);
    }
    // Read at different moments: a text replaced in between (in the running app) would make a backup that cannot be restored.
    const plainText = plainTextOf(transcript);
    const misplaced = annotations.some((a) => !a.orphaned && plainText.slice(a.selectors.position.start, a.selectors.position.end) !== a.selectors.quote.exact);
    if (misplaced) throw new GlossError('conflict', `The text of “${document.title}” changed while it was being backed up; back up again. Nothing was written.`);
    const paths = documentPaths(id);
    put(paths.document, { schemaVersion: CURRENT_SCHEMA, document });
    put(paths.transcript, { schemaVersion: CURRENT_SCHEMA, transcript });
    put(paths.source, text);
    put(paths.annotations, { schemaVersion: CURRENT_SCHEMA, documentId: id, seq: 0, annotations });
    const notebook = await notebookFile(store, id);
    if (notebook) {
      put(paths.notebook, notebook);
      notebooks++;
    }
    manifestDocuments.push({ id, title: document.title, highlights: annotations.length });
    highlights += annotations.length;
  }

  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    glossSchema: CURRENT_SCHEMA,
    documents: manifestDocuments,
    files: [...files].map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256Of(bytes) })),
  };
  // The manifest first, so a reader of the archive meets it before anything else.
  const entries: Zippable = { [MANIFEST_PATH]: strToU8(JSON.stringify(manifest, null, 2)) };
  for (const [path, bytes] of files) entries[path] = bytes;
  // Level 1: about twice as fast as the default for an archive a few per cent larger (JSON compresses well at any level).
  steps.step('Packing the archive');
  const archive = zipSync(entries, { level: 1, mtime: now });
  // Written whole to a temporary file and renamed over outPath: there is never half an archive to remove.
  steps.commit('Writing the archive');
  try {
    await nodeFileSystem.replaceFile(target, archive);
  } catch (error) {
    throw writeError(`Could not write the backup ${target}`, error);
  }
  return { path: target, documents: documents.length, highlights, notebooks, bytes: archive.length };
}

/** Restores an archive; a damaged or foreign one changes nothing and says why. */
export async function restoreLibrary(store: RestoreStore, archivePath: string, task?: TaskControl): Promise<RestoreReport> {
  task?.report(0, null, `Reading ${basename(archivePath)}`);
  const archive = await readArchive(archivePath, basename(archivePath));
  return mergeArchive(store, archive, task);
}

/** What the save dialog suggests: "Gloss backup 2026-11-29.zip" (an archive anyone can open). */
export function backupFileName(now: Date): string {
  return `Gloss backup ${now.toISOString().slice(0, 10)}.zip`;
}
