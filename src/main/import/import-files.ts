/**
 * Imports files into the library, one result per file: the document (new, or
 * the one already holding the same text) or the reason it was refused. One
 * bad file never stops the others. Files are read and parsed off the main
 * thread, with a time limit each (off-thread-reader.ts); only adding the
 * parsed transcript to the store happens here.
 *
 * As a task, an import reports each file as it starts it, and a cancel stops
 * it before the next file: each file is added to the library whole or not at
 * all (the store adds a document in one step), so the documents imported
 * before the cancel stay, each complete, and every file after it is answered
 * as not imported, `cancelled`. Nothing half-imported remains.
 */
import { basename } from 'node:path';
import type { ImportResult } from '../../shared/model';
import type { LibraryStore } from '../store/library-store';
import type { TaskControl, TaskEnd } from '../tasks/run-task';
import { sharedReader, type TranscriptReader } from './off-thread-reader';
import { ImportError, type ReadTranscript } from './read-transcript-file';

async function importOne(store: LibraryStore, fileName: string, read: () => Promise<ReadTranscript>): Promise<ImportResult> {
  try {
    const { text, transcript, format } = await read();
    const { document, duplicate, newVersionOf } = await store.importTranscript({ text, transcript, format, source: fileName });
    return { fileName, ok: true, document, duplicate, ...(newVersionOf ? { newVersionOf } : {}) };
  } catch (error) {
    const message = error instanceof ImportError ? error.message : `Could not import ${fileName}: ${error instanceof Error ? error.message : String(error)}`;
    return { fileName, ok: false, message };
  }
}

/** The answer for a file whose turn never came: the reader cancelled the import. */
function notImported(fileName: string): ImportResult {
  return { fileName, ok: false, message: `${fileName} was not imported: the import was cancelled before its turn.`, cancelled: true };
}

/** Imports each file in turn, reporting it to `task`; once the task is cancelled, the files left are not imported. */
async function importEach<F>(store: LibraryStore, files: readonly F[], nameOf: (file: F) => string, read: (file: F) => Promise<ReadTranscript>, task?: TaskControl): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [i, file] of files.entries()) {
    const fileName = nameOf(file);
    task?.report(i, files.length, fileName);
    if (task?.signal.aborted) {
      results.push(notImported(fileName));
      continue;
    }
    results.push(await importOne(store, fileName, () => read(file)));
  }
  task?.report(files.length, files.length);
  return results;
}

/** Imports files from disk; `reader` is for tests (a shorter time limit, say); `task` reports progress and may stop it. */
export async function importPaths(store: LibraryStore, paths: readonly string[], reader: TranscriptReader = sharedReader(), task?: TaskControl): Promise<ImportResult[]> {
  return importEach(store, paths, (path) => basename(path), (path) => reader.readFile(path), task);
}

/** Imports files dropped on the window; their bytes are handed to the reader and must not be used afterwards. */
export async function importDroppedFiles(
  store: LibraryStore,
  files: readonly { name: string; bytes: Uint8Array }[],
  reader: TranscriptReader = sharedReader(),
  task?: TaskControl,
): Promise<ImportResult[]> {
  return importEach(store, files, (file) => file.name, (file) => reader.parseBytes(file.name, file.bytes), task);
}

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/** How an import task ended, in words: cancelled when files were left, saying how many were imported (each whole) and how many not. */
export function importEnd(results: readonly ImportResult[]): TaskEnd {
  const left = results.filter((r) => !r.ok && r.cancelled).length;
  const imported = results.filter((r) => r.ok).length;
  const refused = results.length - imported - left;
  const unreadable = refused > 0 ? ` ${refused} could not be read.` : '';
  if (left === 0) return { state: 'finished', outcome: `Imported ${imported} of ${files(results.length)}.${unreadable}` };
  return {
    state: 'cancelled',
    outcome: `Import cancelled: ${imported} of ${files(results.length)} imported, each whole; ${left} not imported (open them again to import them).${unreadable}`,
  };
}
