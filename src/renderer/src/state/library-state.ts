/**
 * The library side of the renderer: which view is showing, the documents in
 * the library, and the actions on them (open, import, rename, remove). Import
 * results and errors go to the reading store's status line. Listing, opening
 * and importing are when the store checks files, so each asks for its notices
 * after; in a read-only library, import, rename and remove are refused with
 * the reason. The library table's sort (remembered between runs), filter and
 * selection live here too, so they outlast a visit to a document; removing
 * the selected documents says what was removed and what was not.
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
import { DEFAULT_SORT, parseSort, type LibrarySort } from './library-order';

/**
 * 'notebook': the library's notebook, for synthesis across documents. 'overview': speakers × codes (overview-state.ts
 * says whose). 'codes': the code manager. 'search': the library search (search-state.ts).
 */
export type View = 'reader' | 'library' | 'notebook' | 'overview' | 'codes' | 'search';

interface LibraryState {
  view: View;
  documents: DocumentSummary[];
  /** Whether the documents were listed yet (before, an empty list says nothing about the library). */
  listed: boolean;
  /** How the library table is sorted (remembered between runs). */
  sort: LibrarySort;
  /** The words the table is filtered by (title or speaker). */
  filter: string;
  /** The documents chosen in the table, by id. */
  selected: ReadonlySet<string>;
  /** The row a Shift-click selects from: the last one clicked alone. */
  anchor: string | null;
}

const SORT_KEY = 'gloss.library.sort';

function rememberedSort(): LibrarySort {
  try {
    return parseSort(globalThis.localStorage?.getItem(SORT_KEY) ?? null);
  } catch {
    return DEFAULT_SORT;
  }
}

type Listener = () => void;
let state: LibraryState = { view: 'reader', documents: [], listed: false, sort: rememberedSort(), filter: '', selected: new Set(), anchor: null };
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
  performance.mark('gloss:library-requested');
  const documents = await call('library:list', {});
  performance.mark('gloss:library-received');
  // A document gone (removed here or beside the app) is no longer chosen.
  const ids = new Set(documents.map((d) => d.id));
  const selected = [...state.selected].filter((id) => ids.has(id));
  set({ documents, listed: true, ...(selected.length !== state.selected.size ? { selected: new Set(selected) } : {}) });
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
  const failed = results.filter((r): r is Extract<ImportResult, { ok: false }> => !r.ok && !r.cancelled);
  const left = results.filter((r) => !r.ok && r.cancelled).length;
  const added = results.filter((r) => r.ok && !r.duplicate).length;
  const duplicates = results.filter((r) => r.ok && r.duplicate).length;
  const parts = [
    // Cancelled: each file before the cancel is a whole document; the rest were not touched.
    left ? `Import cancelled: ${results.filter((r) => r.ok).length} of ${results.length} files imported, each whole; ${left} not imported (open them again to import them).` : '',
    added && !left ? `Imported ${added} ${added === 1 ? 'transcript' : 'transcripts'}.` : '',
    duplicates ? `${duplicates} already in the library.` : '',
    ...failed.map((f) => f.message),
    // Nothing came in: say what Gloss can read, so the reader knows what to try next.
    failed.length > 0 && added + duplicates === 0 && !left ? 'Nothing was imported. Gloss opens transcripts as plain text, Markdown, WebVTT or SRT files: check the files, or save them in one of these formats, and open them again.' : '',
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

export function setLibrarySort(sort: LibrarySort): void {
  set({ sort });
  try {
    globalThis.localStorage?.setItem(SORT_KEY, JSON.stringify(sort));
  } catch {
    // Not remembered (storage full or refused): the table is sorted all the same.
  }
}

/** Filters the table; documents chosen that the filter hides are no longer chosen (what is done to the chosen is always in view). */
export function setLibraryFilter(filter: string, shownIds: (filter: string) => ReadonlySet<string>): void {
  const shown = shownIds(filter);
  const selected = [...state.selected].filter((id) => shown.has(id));
  set({ filter, ...(selected.length !== state.selected.size ? { selected: new Set(selected) } : {}) });
}

/** Chooses exactly `ids` (`anchor`: where a later Shift-click selects from; unchanged when not given). */
export function setLibrarySelection(ids: Iterable<string>, anchor?: string | null): void {
  set({ selected: new Set(ids), ...(anchor !== undefined ? { anchor } : {}) });
}

/** Chooses or lets go of one document, and selects from it on the next Shift-click. */
export function toggleLibrarySelection(id: string, on = !state.selected.has(id)): void {
  const selected = new Set(state.selected);
  if (on) selected.add(id);
  else selected.delete(id);
  set({ selected, anchor: id });
}

/** What removing several documents did: those removed, and those not with the reason. */
export interface RemovalOutcome {
  removed: DocumentSummary[];
  failed: { document: DocumentSummary; message: string }[];
}

function titles(documents: readonly DocumentSummary[]): string {
  const quoted = documents.slice(0, 3).map((d) => `“${d.title}”`);
  if (documents.length > 3) quoted.push(`${(documents.length - 3).toLocaleString()} more`);
  return quoted.join(', ');
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What removing several documents did, in words for the status line. */
export function removalMessage({ removed, failed }: RemovalOutcome): string {
  const highlights = removed.reduce((n, d) => n + d.highlightCount, 0);
  const notes = removed.reduce((n, d) => n + d.noteCount, 0);
  const done = removed.length
    ? `Removed ${count(removed.length, 'document')} (${titles(removed)}) with ${count(highlights, 'highlight')} and ${count(notes, 'note')}.`
    : 'Nothing was removed.';
  if (failed.length === 0) return done;
  const reasons = failed.map((f) => `“${f.document.title}” (${f.message.replace(/\.$/, '')})`).join('; ');
  return `${done} Not removed: ${reasons}.`;
}

/**
 * Removes the documents one by one through main (each folder moves to removed/). One that fails does not stop the
 * rest; the status line says which were removed and which were not, and why. Those removed are no longer chosen.
 */
export async function removeDocuments(documents: readonly DocumentSummary[]): Promise<RemovalOutcome> {
  const outcome: RemovalOutcome = { removed: [], failed: [] };
  if (refuseWhenLibraryReadOnly(`${count(documents.length, 'document was', 'documents were')} not removed`)) {
    return { removed: [], failed: documents.map((document) => ({ document, message: storeStatus.getState().readOnly ?? '' })) };
  }
  for (const document of documents) {
    try {
      await call('documents:remove', { documentId: document.id });
      readingStore.closeIfOpen(document.id);
      outcome.removed.push(document);
    } catch (error) {
      outcome.failed.push({ document, message: errorMessage(error) });
    }
  }
  readingStore.setStatus({ kind: outcome.failed.length ? 'error' : 'info', message: removalMessage(outcome) });
  try {
    await refreshLibrary();
  } catch (error) {
    reportFailure('Could not list the library again', error);
  }
  return outcome;
}
