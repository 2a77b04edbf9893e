/**
 * Imports files into the library, one result per file: the document (new, or
 * the one already holding the same text) or the reason it was refused. One
 * bad file never stops the others.
 */
import { basename } from 'node:path';
import type { ImportResult } from '../../shared/model';
import type { LibraryStore } from '../store/library-store';
import { ImportError, parseTranscriptBytes, readTranscriptFile, type ReadTranscript } from './read-transcript-file';

async function importOne(store: LibraryStore, fileName: string, read: () => Promise<ReadTranscript>): Promise<ImportResult> {
  try {
    const { text, transcript, format } = await read();
    const { document, duplicate } = await store.importTranscript({ text, transcript, format, source: fileName });
    return { fileName, ok: true, document, duplicate };
  } catch (error) {
    const message = error instanceof ImportError ? error.message : `Could not import ${fileName}: ${error instanceof Error ? error.message : String(error)}`;
    return { fileName, ok: false, message };
  }
}

export async function importPaths(store: LibraryStore, paths: readonly string[]): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const path of paths) {
    results.push(await importOne(store, basename(path), () => readTranscriptFile(path)));
  }
  return results;
}

export async function importDroppedFiles(store: LibraryStore, files: readonly { name: string; bytes: Uint8Array }[]): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const file of files) results.push(await importOne(store, file.name, async () => parseTranscriptBytes(file.name, file.bytes)));
  return results;
}
