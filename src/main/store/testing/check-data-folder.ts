/**
 * Reads every data file of a data folder through the store's own readers
 * and checks (readData with each file's kind, readLog for change logs), as
 * the tests' judge of "every file valid": the index, the settings, every
 * document folder (listed or removed), and every backup. Reading only: it
 * never writes. It also lists what an interrupted process may leave behind
 * (temporary files, import staging folders) and files moved aside as damaged,
 * which a test may expect or forbid.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type FileKind, readData } from '../data-file';
import { annotationsKind, documentKind, transcriptKind } from '../document-files';
import { parseCounts } from '../counts-file';
import { isTempFile, nodeFileSystem } from '../file-system';
import { readLog } from '../highlights-file';
import {
  ANNOTATIONS_FILE,
  ANNOTATIONS_LOG,
  BACKUPS_DIR,
  COUNTS_FILE,
  DOCUMENT_FILE,
  DOCUMENTS_DIR,
  IMPORT_STAGING_PREFIX,
  CODE_OPERATION_FILE,
  CODEBOOK_FILE,
  LIBRARY_FILE,
  LOCK_FILE,
  NOTEBOOK_FILE,
  REMOVED_DIR,
  SETTINGS_FILE,
  SOURCE_FILE,
  TEXT_CHANGE_FILE,
  TRANSCRIPT_FILE,
  VERSION_FILE,
  VERSIONS_DIR,
} from '../layout';
import { journalKind as textChangeKind, versionKind } from '../text-versions';
import { libraryKind, settingsKind } from '../library-index';
import { codebookKind } from '../codebook-file';
import { journalKind } from '../code-operation-journal';
import { notebookKind } from '../notebooks';

export interface FolderReport {
  /** Data files that do not read or check, with the reason (paths relative to the data folder). */
  problems: string[];
  /** Temporary files and import staging folders (what a killed process leaves; the next open clears them). */
  leftovers: string[];
  /** Files moved aside as damaged (`….damaged-<time>`). */
  aside: string[];
  /** Data files read and found valid. */
  checked: number;
}

const ls = async (dir: string) => readdir(dir).catch(() => [] as string[]);
const isDir = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() ?? false;

/** Checks every data file in `dataDir`. */
export async function checkDataFolder(dataDir: string): Promise<FolderReport> {
  const report: FolderReport = { problems: [], leftovers: [], aside: [], checked: 0 };
  const rel = (path: string) => relative(dataDir, path);

  const check = async <T>(path: string, kind: FileKind<T>, verify?: (data: T) => string | null) => {
    try {
      const read = await readData(nodeFileSystem, path, kind);
      if (!read) return;
      const problem = verify?.(read.data) ?? null;
      if (problem) report.problems.push(`${rel(path)}: ${problem}`);
      else report.checked++;
    } catch (error) {
      report.problems.push(`${rel(path)}: ${String(error)}`);
    }
  };

  /** Sorts a name found in a folder: temporary, set aside, or a file to check (returns true). */
  const sort = (dir: string, name: string): boolean => {
    if (isTempFile(name)) report.leftovers.push(rel(join(dir, name)));
    else if (name.includes('.damaged-')) report.aside.push(rel(join(dir, name)));
    else return true;
    return false;
  };

  /** Backups are named `<file>-<time>`; copies of an older version `<file>.v<n>`. */
  const checkBackups = async (dir: string, kinds: Record<string, FileKind<unknown>>) => {
    for (const name of await ls(dir)) {
      if (!sort(dir, name)) continue;
      const file = Object.keys(kinds).find((f) => name.startsWith(`${f}-`) || new RegExp(`^${f.replace('.', '\\.')}\\.v\\d+$`).test(name));
      if (file) await check(join(dir, name), kinds[file]);
      else report.problems.push(`${rel(join(dir, name))}: not a backup Gloss writes`);
    }
  };

  /** versions/<name>/: a text replaced by a corrected version, with its entry, transcript and highlights as they were. */
  const checkVersions = async (dir: string, id: string) => {
    const kinds: Record<string, FileKind<unknown> | null> = {
      [DOCUMENT_FILE]: documentKind,
      [TRANSCRIPT_FILE]: transcriptKind,
      [ANNOTATIONS_FILE]: annotationsKind(id),
      [VERSION_FILE]: versionKind,
      [SOURCE_FILE]: null,
    } as Record<string, FileKind<unknown> | null>;
    for (const name of await ls(dir)) {
      if (!sort(dir, name)) continue;
      const version = join(dir, name);
      const files = await ls(version);
      for (const file of Object.keys(kinds)) if (!files.includes(file)) report.problems.push(`${rel(join(version, file))}: missing`);
      for (const file of files) {
        if (!sort(version, file)) continue;
        const kind = kinds[file];
        if (kind) await check(join(version, file), kind);
        else if (kind === null) report.checked++;
        else report.problems.push(`${rel(join(version, file))}: not a file Gloss writes`);
      }
    }
  };

  const checkDocument = async (dir: string, id: string) => {
    const names = await ls(dir);
    for (const name of names) {
      if (!sort(dir, name)) continue;
      const path = join(dir, name);
      switch (name) {
        case DOCUMENT_FILE:
          await check(path, documentKind, (d) => (d.document.id === id ? null : `it describes document ${d.document.id}`));
          break;
        case TRANSCRIPT_FILE:
          await check(path, transcriptKind);
          break;
        case ANNOTATIONS_FILE:
          await check(path, annotationsKind(id));
          break;
        case ANNOTATIONS_LOG: {
          // The log's lines are as old as the snapshot they follow.
          const version = (JSON.parse(await readFile(join(dir, ANNOTATIONS_FILE), 'utf8').catch(() => '{}')) as { schemaVersion?: number }).schemaVersion;
          const log = await readLog(nodeFileSystem, path, id, typeof version === 'number' ? version : undefined);
          if (log.unreadable.length > 0) report.problems.push(`${rel(path)}: lines ${log.unreadable.join(', ')} do not read`);
          else report.checked++;
          if (log.unfinished) report.leftovers.push(`${rel(path)} (an unfinished last line)`);
          break;
        }
        case COUNTS_FILE: {
          // Counts from before code counts are not wrong, only to be recomputed; any other shape is.
          const value = JSON.parse(await readFile(path, 'utf8').catch(() => 'null')) as { codes?: unknown; totals?: unknown } | null;
          if (value && (parseCounts(value) || (value.codes === undefined && parseCounts({ ...value, codes: {}, totals: {} })))) report.checked++;
          else report.problems.push(`${rel(path)}: not the counts Gloss writes`);
          break;
        }
        case SOURCE_FILE:
          report.checked++;
          break;
        case NOTEBOOK_FILE:
          await check(path, notebookKind);
          break;
        // An unfinished text replacement's journal: valid data, which the next start finishes.
        case TEXT_CHANGE_FILE:
          await check(path, textChangeKind(id));
          break;
        case VERSIONS_DIR:
          await checkVersions(path, id);
          break;
        case BACKUPS_DIR:
          await checkBackups(path, { [DOCUMENT_FILE]: documentKind, [TRANSCRIPT_FILE]: transcriptKind, [ANNOTATIONS_FILE]: annotationsKind(id), [NOTEBOOK_FILE]: notebookKind } as Record<string, FileKind<unknown>>);
          break;
        default:
          report.problems.push(`${rel(path)}: not a file Gloss writes`);
      }
    }
    if (!names.includes(DOCUMENT_FILE)) report.problems.push(`${rel(dir)}: no ${DOCUMENT_FILE}`);
    if (!names.includes(TRANSCRIPT_FILE)) report.problems.push(`${rel(dir)}: no ${TRANSCRIPT_FILE}`);
  };

  for (const name of await ls(dataDir)) {
    if (!sort(dataDir, name)) continue;
    const path = join(dataDir, name);
    if (name === LIBRARY_FILE) await check(path, libraryKind);
    else if (name === SETTINGS_FILE) await check(path, settingsKind);
    else if (name === CODEBOOK_FILE) await check(path, codebookKind);
    else if (name === NOTEBOOK_FILE) await check(path, notebookKind);
    // An unfinished code operation's journal: valid data, which the next start finishes.
    else if (name === CODE_OPERATION_FILE) await check(path, journalKind);
    else if (name === BACKUPS_DIR) await checkBackups(path, { [LIBRARY_FILE]: libraryKind, [SETTINGS_FILE]: settingsKind, [CODEBOOK_FILE]: codebookKind, [NOTEBOOK_FILE]: notebookKind } as Record<string, FileKind<unknown>>);
    else if (name !== LOCK_FILE && name !== DOCUMENTS_DIR && name !== REMOVED_DIR) report.problems.push(`${name}: not a file Gloss writes`);
  }
  for (const name of await ls(join(dataDir, DOCUMENTS_DIR))) {
    const path = join(dataDir, DOCUMENTS_DIR, name);
    if (name.startsWith(IMPORT_STAGING_PREFIX)) report.leftovers.push(rel(path));
    else if (sort(join(dataDir, DOCUMENTS_DIR), name)) {
      if (await isDir(path)) await checkDocument(path, name);
      else report.problems.push(`${rel(path)}: not a document folder`);
    }
  }
  for (const name of await ls(join(dataDir, REMOVED_DIR))) {
    // removed/<id>-<time>: the id is a UUID (36 characters) or, for other ids, everything before the last dash.
    const id = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(name)?.[0] ?? name.replace(/-[^-]*$/, '');
    await checkDocument(join(dataDir, REMOVED_DIR, name), id);
  }
  return report;
}
