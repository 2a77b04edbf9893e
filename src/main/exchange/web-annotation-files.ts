/**
 * W3C Web Annotations on disk: writes the documents' highlights as one
 * AnnotationCollection (JSON-LD), and imports such a file into the library,
 * placing each annotation in its document's text.
 */
import type { ExchangeImportReport, ExportReport } from '../../shared/model';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';
import type { ExportJob } from './export-documents';

/** What the W3C model has no place for, in words (speakers, …). */
export function webAnnotationLeftOut(job: Omit<ExportJob, 'target'>): string[] {
  void job;
  return [];
}

export async function writeWebAnnotationExport(job: ExportJob): Promise<ExportReport> {
  void job;
  throw new GlossError('internal', 'W3C export is not built yet.');
}

/** Imports a W3C annotation file's bytes (JSON-LD); `documentId`, when given, is where annotations whose document is not in the library go. */
export async function importWebAnnotations(store: LibraryStore, bytes: Uint8Array, options: { documentId?: string | null; fileName: string }): Promise<ExchangeImportReport> {
  void [store, bytes, options];
  throw new GlossError('internal', 'W3C import is not built yet.');
}
