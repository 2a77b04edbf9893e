/**
 * The library side of the renderer: which view is showing, the documents in
 * the library, and the actions on them (open, import, rename, remove). Import
 * results and errors go to the reading store's status line. Listing, opening
 * and importing are when the store checks files, so each asks for its notices
 * after; in a read-only library, import, rename and remove are refused with
 * the reason.
 */
import { errorMessage } from '../../../core/error-message';
import { useSyncExternalStore } from 'react';
import type { DroppedFile, DocumentSummary, ImportResult } from '../../../shared/model';
import { unpackDocument } from '../../../core/wire/packed-document';
import { call } from '../gloss-client';
import { takeInHighlights } from './highlight-changes';
import { readingStore } from './reading-store';
import { refreshStoreStatus, storeStatus } from './store-status';
import { offerNewVersions } from './text-replacement';

/**
 * 'notebook': the library's notebook, for synthesis across documents. 'overview': speakers × codes (overview-state.ts
 * says whose). 'codes': the code manager. 'search': the library search (search-state.ts).
 */
export type View = 'reader' | 'library' | 'notebook' | 'overview' | 'codes' | 'search';

interface LibraryState {
  view: View;
  documents: DocumentSummary[];
}

type Listener = () => void;
let state: LibraryState = { view: 'reader', documents: [] };
const listeners = new Set<Listener>();

function set(patch: Partial<LibraryState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The library state now, for code outside React. */
export function libraryState(): LibraryState {
  return state;
}

export function useLibrary<T>(pick: (s: LibraryState) => T): T {
  return useSyncExternalStore(subscribe, () => pick(state));
}

/** Shows what failed and why; the store may have found (and said something about) a damaged file on the way. */
function reportFailure(what: string, error: unknown): void {
  readingStore.setStatus({ kind: 'error', message: `${what}: ${errorMessage(error)}` });
  void refreshStoreStatus();
}

export async function refreshLibrary(): Promise<DocumentSummary[]> {
  const documents = await call('library:list', {});
  set({ documents });
  // Listing looks for documents added or damaged since; what it found is told, without holding up the list.
  void refreshStoreStatus();
  return documents;
}

/** Refuses `what` when the library cannot be changed, saying why; true when refused. */
export function refuseWhenLibraryReadOnly(what: string): boolean {
  const reason = storeStatus.getState().readOnly;
  if (reason) readingStore.setStatus({ kind: 'error', message: `${what}. ${reason}` });
  return reason !== null;
}

/** Shows the library or the reader; a message about the view left goes with it (an error stays). */
export function showView(view: View): void {
  if (view !== state.view) readingStore.clearInfo();
  set({ view });
  if (view === 'library') refreshLibrary().catch((e) => readingStore.setStatus({ kind: 'error', message: errorMessage(e) }));
}

export async function openDocument(documentId: string): Promise<void> {
  // A message about what was on screen does not follow the reader into the document.
  readingStore.clearInfo();
  try {
    // User Timing marks: the benchmarks measure opening from here.
    performance.mark('gloss:open-requested');
    const packed = await call('documents:open', { documentId });
    performance.mark('gloss:open-received');
    readingStore.load(unpackDocument(packed));
    set({ view: 'reader' });
    // Its highlights were read, and checked, just now.
    void refreshStoreStatus();
  } catch (error) {
    reportFailure('Could not open the document', error);
  }
}

/**
 * Reads the open document's highlights again after they changed elsewhere (a code operation across the library, a
 * `gloss` command beside the app) and shows them as they are now, without rebuilding the reading view (unless its
 * text was replaced).
 */
export async function refreshOpenDocument(): Promise<void> {
  const documentId = readingStore.getState().opened?.document.id;
  if (!documentId) return;
  try {
    const fresh = unpackDocument(await call('documents:open', { documentId }));
    // Its text was replaced meanwhile (`gloss replace-text`, or an undo of it): the reader is built again on the new text.
    if (fresh.document.hash !== readingStore.getState().opened?.document.hash) readingStore.load(fresh);
    else takeInHighlights(documentId, fresh.annotations);
  } catch (error) {
    reportFailure('Could not read the document again', error);
  }
}

/**
 * Reports what an import did, or opens the document when exactly one file was asked for and it worked: the document
 * on screen says it was imported (a message would follow the reader into it), unless it was one already there.
 */
async function afterImport(results: ImportResult[]): Promise<void> {
  await refreshLibrary();
  // A file named as a document already here, with other text, may be its new version: the reader is asked.
  offerNewVersions(results);
  const [only] = results;
  if (results.length === 1 && only.ok) {
    await openDocument(only.document.id);
    if (only.duplicate) readingStore.setStatus({ kind: 'info', message: 'This transcript was already in the library.' });
    return;
  }
  const failed = results.filter((r): r is Extract<ImportResult, { ok: false }> => !r.ok);
  const added = results.filter((r) => r.ok && !r.duplicate).length;
  const duplicates = results.filter((r) => r.ok && r.duplicate).length;
  const parts = [
    added ? `Imported ${added} ${added === 1 ? 'transcript' : 'transcripts'}.` : '',
    duplicates ? `${duplicates} already in the library.` : '',
    ...failed.map((f) => f.message),
  ].filter(Boolean);
  if (parts.length) readingStore.setStatus({ kind: failed.length ? 'error' : 'info', message: parts.join(' ') });
}

export async function importWithDialog(): Promise<void> {
  if (refuseWhenLibraryReadOnly('Nothing was imported')) return;
  try {
    const results = await call('library:import-dialog', {});
    if (results.length) await afterImport(results);
  } catch (error) {
    reportFailure('Import failed', error);
  }
}

export async function importDropped(files: readonly File[]): Promise<void> {
  if (refuseWhenLibraryReadOnly('Nothing was imported')) return;
  try {
    const dropped: DroppedFile[] = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await afterImport(await call('library:import-files', { files: dropped }));
  } catch (error) {
    reportFailure('Import failed', error);
  }
}

export async function renameDocument(documentId: string, title: string): Promise<void> {
  if (refuseWhenLibraryReadOnly('The document was not renamed')) return;
  try {
    const updated = await call('documents:rename', { documentId, title });
    set({ documents: state.documents.map((d) => (d.id === documentId ? updated : d)) });
    readingStore.renameOpened(updated);
  } catch (error) {
    reportFailure('Could not rename', error);
  }
}

export async function removeDocument(documentId: string): Promise<void> {
  if (refuseWhenLibraryReadOnly('The document was not removed')) return;
  try {
    await call('documents:remove', { documentId });
    readingStore.closeIfOpen(documentId);
    await refreshLibrary();
  } catch (error) {
    reportFailure('Could not remove', error);
  }
}
