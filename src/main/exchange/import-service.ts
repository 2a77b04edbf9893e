/**
 * Imports highlights made elsewhere: a W3C Web Annotation file (JSON or
 * JSON-LD) or a REFI-QDA project (.qdpx, a zip), told apart by their bytes,
 * not their names. Refuses anything else with the reason, changing nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { errorMessage } from '../../core/error-message';
import type { ExchangeImportReport } from '../../shared/model';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';
import { importQdpx } from './qdpx-files';
import { importWebAnnotations } from './web-annotation-files';

/** Largest annotation file or project read (a project carries its texts). */
export const MAX_EXCHANGE_FILE_BYTES = 512 * 1024 * 1024;

/** Which kind of file these bytes are: a zip (REFI-QDA project) or JSON (W3C annotations); null for neither. */
export function exchangeKindOf(bytes: Uint8Array): 'qdpx' | 'w3c' | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'qdpx';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b ? 'w3c' : null;
}

export async function importExchangeBytes(store: LibraryStore, bytes: Uint8Array, options: { fileName: string; documentId?: string | null }): Promise<ExchangeImportReport> {
  const kind = exchangeKindOf(bytes);
  if (kind === 'qdpx') return importQdpx(store, bytes, { fileName: options.fileName });
  if (kind === 'w3c') return importWebAnnotations(store, bytes, options);
  throw new GlossError('invalid-request', `${options.fileName} is neither a W3C annotation file (JSON) nor a REFI-QDA project (.qdpx, a zip). Nothing was imported.`);
}

export async function importExchangeFile(store: LibraryStore, path: string, options: { documentId?: string | null } = {}): Promise<ExchangeImportReport> {
  const fileName = basename(path);
  let bytes: Uint8Array;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_EXCHANGE_FILE_BYTES) throw new GlossError('invalid-request', `${fileName} is ${Math.round(size / 1024 / 1024)} MB; Gloss imports files of at most ${MAX_EXCHANGE_FILE_BYTES / 1024 / 1024} MB. Nothing was imported.`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof GlossError) throw error;
    throw new GlossError('invalid-request', `Could not read ${fileName}: ${errorMessage(error)}. Nothing was imported.`);
  }
  return importExchangeBytes(store, bytes, { ...options, fileName });
}
