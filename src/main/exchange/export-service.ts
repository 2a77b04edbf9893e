/**
 * Runs an export of any format: resolves the documents asked for, reads them
 * once (export-documents.ts), says what the format cannot carry, and hands the
 * writing to the format's own module. Shared by the app's handlers and the
 * command line, so both export the same bytes.
 *
 * As a task, an export counts a step for each document it reads and each file
 * it writes. Cancelled, it writes nothing: every format writes to temporary
 * files and only renames them into place once all are whole (the commit,
 * after which it cannot be cancelled), so a cancel removes what it wrote and
 * leaves an earlier export it was updating as it was.
 */
import type { ExportFormat, ExportReport, ExportRequest, MarkdownOptions } from '../../shared/model';
import type { LibraryStore } from '../store/library-store';
import type { TaskControl } from '../tasks/run-task';
import { TaskSteps } from '../tasks/task-steps';
import { type ExportJob, loadExportDocuments, resolveDocumentIds } from './export-documents';
import { markdownLeftOut, writeMarkdownExport } from './markdown-files';
import { refiQdaLeftOut, writeQdcExport, writeQdpxExport } from './qdpx-files';
import { webAnnotationLeftOut, writeWebAnnotationExport } from './web-annotation-files';

/** The extension each format's file takes. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { md: 'md', w3c: 'jsonld', qdpx: 'qdpx', qdc: 'qdc' };

/** Whether an export goes to one file or (Markdown of several documents, or the whole library) to a folder. */
export function exportTargetKind(request: Pick<ExportRequest, 'format' | 'documentIds' | 'all'>): 'file' | 'folder' {
  return request.format === 'md' && (request.all === true || request.documentIds.length > 1) ? 'folder' : 'file';
}

/** What an export that was cancelled left: nothing. */
export const EXPORT_CANCELLED = 'Export cancelled: nothing was written.';

async function prepare(store: LibraryStore, request: ExportRequest, now: Date, task?: TaskControl): Promise<Omit<ExportJob, 'target'>> {
  // Listed once for both steps: listing counts the highlights of every document.
  const listed = request.format === 'qdc' ? [] : await store.list();
  const ids = request.format === 'qdc' ? [] : await resolveDocumentIds(store, request, listed);
  const markdown: MarkdownOptions = request.markdown ?? store.exportOptions();
  const filter = request.filter ?? null;
  // A step per document read, then per file written: one, or (Markdown into a folder) one per document and the index.
  const writes = exportTargetKind(request) === 'folder' ? ids.length + 1 : 1;
  const steps = task ? new TaskSteps(task, ids.length + writes, EXPORT_CANCELLED) : undefined;
  const [documents, codebook, libraryNotebook] = await Promise.all([
    loadExportDocuments(store, ids, filter, listed, steps),
    store.codebook(),
    store.openNotebook(null).then((n) => n.markdown),
  ]);
  steps?.check();
  return { store, documents, codebook, colorNames: store.colorNames(), libraryNotebook, markdown, filter, now, steps };
}

function leftOut(format: ExportFormat, job: Omit<ExportJob, 'target'>): string[] {
  switch (format) {
    case 'md':
      return markdownLeftOut(job);
    case 'w3c':
      return webAnnotationLeftOut(job);
    case 'qdpx':
    case 'qdc':
      return refiQdaLeftOut(job, format);
  }
}

/** What an export would hold, and what its format cannot carry, without writing anything. */
export async function previewExport(store: LibraryStore, request: ExportRequest, now: Date): Promise<{ documents: number; highlights: number; leftOut: string[] }> {
  const job = await prepare(store, request, now);
  return { documents: job.documents.length, highlights: job.documents.reduce((n, d) => n + d.annotations.length, 0), leftOut: leftOut(request.format, job) };
}

/**
 * Writes the export to `target` (a file, or a folder: exportTargetKind) and remembers the Markdown options used.
 * `task`: reports progress; a cancel throws TaskCancelled with nothing written.
 */
export async function runExport(store: LibraryStore, request: ExportRequest, target: string, now: Date, task?: TaskControl): Promise<ExportReport> {
  const job: ExportJob = { ...(await prepare(store, request, now, task)), target };
  const report = await write(request.format, job);
  if (request.format === 'md' && request.markdown) await store.rememberExportOptions(request.markdown).catch(() => undefined);
  return report;
}

function write(format: ExportFormat, job: ExportJob): Promise<ExportReport> {
  switch (format) {
    case 'md':
      return writeMarkdownExport(job);
    case 'w3c':
      return writeWebAnnotationExport(job);
    case 'qdpx':
      return writeQdpxExport(job);
    case 'qdc':
      return writeQdcExport(job);
  }
}
