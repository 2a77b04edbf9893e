/**
 * Imports files into the library, one result per file: the document (new, or
 * the one already holding the same text) or the reason it was refused. One
 * bad file never stops the others. Files are read and parsed off the main
 * thread, with a time limit each (off-thread-reader.ts); only adding the
 * parsed transcript to the store happens here.
 */
import { basename } from 'node:path';
import type { ImportResult } from '../../shared/model';
import type { LibraryStore } from '../store/library-store';
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

/** Imports files from disk; `reader` is for tests (a shorter time limit, say). */
export async function importPaths(store: LibraryStore, paths: readonly string[], reader: TranscriptReader = sharedReader()): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const path of paths) {
    results.push(await importOne(store, basename(path), () => reader.readFile(path)));
  }
  return results;
}

/** Imports files dropped on the window; their bytes are handed to the reader and must not be used afterwards. */
export async function importDroppedFiles(
  store: LibraryStore,
  files: readonly { name: string; bytes: Uint8Array }[],
  reader: TranscriptReader = sharedReader(),
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const file of files) results.push(await importOne(store, file.name, () => reader.parseBytes(file.name, file.bytes)));
  return results;
}
