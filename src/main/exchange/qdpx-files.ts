/**
 * REFI-QDA on disk: writes a project (.qdpx: project.qde and sources/) or a
 * codebook (.qdc), and imports a .qdpx written by any tool into the library.
 */
import type { ExchangeImportReport, ExportReport } from '../../shared/model';
import { GlossError } from '../store/errors';
import type { LibraryStore } from '../store/library-store';
import type { ExportJob } from './export-documents';

/** What REFI-QDA has no place for, in words (a colour per highlight, …). */
export function refiQdaLeftOut(job: Omit<ExportJob, 'target'>, format: 'qdpx' | 'qdc'): string[] {
  void [job, format];
  return [];
}

export async function writeQdpxExport(job: ExportJob): Promise<ExportReport> {
  void job;
  throw new GlossError('internal', 'REFI-QDA export is not built yet.');
}

export async function writeQdcExport(job: ExportJob): Promise<ExportReport> {
  void job;
  throw new GlossError('internal', 'REFI-QDA codebook export is not built yet.');
}

export async function importQdpx(store: LibraryStore, bytes: Uint8Array, options: { fileName: string }): Promise<ExchangeImportReport> {
  void [store, bytes, options];
  throw new GlossError('internal', 'REFI-QDA import is not built yet.');
}
