/**
 * The app's Export dialog store, talking to main, and the ways to open it:
 * from the reader (the open document, with the side panel's filter), from a
 * library row (that document) or for the whole library.
 */
import { isFiltering } from '../../../core/study/filter-highlights';
import type { DocumentSummary, ExportFilter, Transcript } from '../../../shared/model';
import { call } from '../gloss-client';
import { colorName } from './codebook-state';
import { ExportDialogStore, useExportDialogWith, type ExportDialogState, type ExportableDocument, type ExportScope } from './export-state';
import { highlightFilters } from './highlight-filter';
import { libraryState } from './library-state';
import { readingStore } from './reading-store';

export const exportDialog = new ExportDialogStore({
  options: () => call('export:options', {}),
  preview: (request) => call('export:preview', request),
  run: (request) => call('export:run', request),
});

export function useExportDialog<T>(pick: (s: ExportDialogState) => T): T {
  return useExportDialogWith(exportDialog, pick);
}

/** Whether any paragraph of the transcript carries a media time. */
export function hasTimes(transcript: Transcript): boolean {
  return transcript.turns.some((t) => t.paragraphs.some((p) => p.startSeconds != null));
}

/** A document not open in the reader: timed when its format always is; a text may carry times too, so it is not refused. */
function exportable(doc: DocumentSummary): ExportableDocument {
  const opened = readingStore.getState().opened;
  if (opened?.document.id === doc.id) return { id: doc.id, title: doc.title, timed: hasTimes(opened.transcript) };
  return { id: doc.id, title: doc.title, timed: true };
}

/** The side panel's filter in words: "Yellow, Key claim · risk · Dario Amodei · with a note". */
export function filterSummary(filter: ExportFilter, names: (color: ExportFilter['colors'][number]) => string = colorName): string {
  const parts: string[] = [];
  if (filter.colors.length) parts.push(filter.colors.map(names).join(', '));
  if (filter.codes.length) parts.push(filter.codes.join(', '));
  if (filter.speakers.length) parts.push(filter.speakers.map((s) => s ?? 'no speaker').join(', '));
  if (filter.withNote) parts.push('with a note');
  return parts.join(' · ');
}

function library(): { documents: number; timed: boolean } {
  const documents = libraryState().documents;
  return { documents: documents.length, timed: documents.some((d) => exportable(d).timed) };
}

/** Opens the dialog on the document open in the reader (or, with none open, on the library). */
export function openExportForReader(scope: ExportScope = 'documents'): void {
  const opened = readingStore.getState().opened;
  if (!opened) return openExportForLibrary();
  const view = highlightFilters.viewOf(opened.document.id);
  const filter: ExportFilter | null = isFiltering(view.filter)
    ? { colors: [...view.filter.colors], codes: [...view.filter.codes], speakers: [...view.filter.speakers], withNote: view.filter.withNote }
    : null;
  void exportDialog.open({
    documents: [{ id: opened.document.id, title: opened.document.title, timed: hasTimes(opened.transcript) }],
    scope,
    library: library(),
    filter,
    filterSummary: filter ? filterSummary(filter) : undefined,
    inReader: true,
  });
}

/** Opens the dialog on documents chosen in the library (none: the whole library). */
export function openExportForLibrary(documents: readonly DocumentSummary[] = []): void {
  const openedId = readingStore.getState().opened?.document.id;
  void exportDialog.open({
    documents: documents.map(exportable),
    scope: documents.length ? 'documents' : 'library',
    library: library(),
    filter: null,
    inReader: documents.length === 1 && documents[0].id === openedId,
  });
}

/** Ctrl/Cmd+E and File → Export…: the reader's document when the reader shows, else the library. */
export function openExportFromAnywhere(): void {
  if (exportDialog.getState().opening) return;
  if (libraryState().view === 'reader' && readingStore.getState().opened) openExportForReader();
  else openExportForLibrary();
}
