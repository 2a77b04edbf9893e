/**
 * Writes a Markdown export to disk: one document to a file, several (or the
 * library) to a folder with one file per document and an index linking them.
 * A file an earlier export wrote is merged, not overwritten: what the reader
 * added to it is kept.
 */
import type { ExportReport } from '../../shared/model';
import { GlossError } from '../store/errors';
import type { ExportJob } from './export-documents';

/** What Markdown cannot carry (nothing, today: every field has a place). */
export function markdownLeftOut(job: Omit<ExportJob, 'target'>): string[] {
  void job;
  return [];
}

export async function writeMarkdownExport(job: ExportJob): Promise<ExportReport> {
  void job;
  throw new GlossError('internal', 'Markdown export is being rebuilt.');
}
