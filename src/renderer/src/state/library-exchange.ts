/**
 * Annotation imports (W3C Web Annotations, REFI-QDA projects), backups and
 * restores, in the renderer: the one place these are sent to main (each asks
 * for its file in a native dialog there). Each report, or the reason it
 * failed, is kept here for the report dialog (ExchangeReport); after an import
 * or a restore the library, the open document and the codes are read again.
 */
import { useSyncExternalStore } from 'react';
import { errorMessage } from '../../../core/error-message';
import type { BackupReport, ExchangeImportReport, RestoreReport } from '../../../shared/model';
import { call } from '../gloss-client';
import { refreshCodebook } from './codebook-state';
import { libraryState, refreshLibrary, refreshOpenDocument, refuseWhenLibraryReadOnly } from './library-state';
import { readingStore } from './reading-store';
import { refreshStoreStatus } from './store-status';

export type ExchangeTask = 'import' | 'backup' | 'restore';

/** What the report dialog shows: a report, or what went wrong (nothing was changed). */
export type ShownExchange =
  | { task: 'import'; report: ExchangeImportReport }
  | { task: 'backup'; report: BackupReport }
  | { task: 'restore'; report: RestoreReport }
  | { task: ExchangeTask; error: string };

export interface LibraryExchangeState {
  shown: ShownExchange | null;
  /** The task running now (its dialog open in main, or its work under way), or null. */
  busy: ExchangeTask | null;
}

let state: LibraryExchangeState = { shown: null, busy: null };
const listeners = new Set<() => void>();

function set(patch: Partial<LibraryExchangeState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useLibraryExchange<T>(pick: (s: LibraryExchangeState) => T): T {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pick(state),
  );
}

export function closeExchangeReport(): void {
  set({ shown: null });
}

/** Runs one task at a time; a cancelled dialog shows nothing, a failure shows its reason. */
async function run<T>(task: ExchangeTask, send: () => Promise<T | { cancelled: true }>, done: (value: T) => Promise<void> | void): Promise<void> {
  if (state.busy) {
    readingStore.setStatus({ kind: 'info', message: 'Wait for the import, backup or restore under way to finish.' });
    return;
  }
  set({ busy: task, shown: null });
  try {
    const value = await send();
    if (value && typeof value === 'object' && 'cancelled' in value) return;
    await done(value);
  } catch (error) {
    set({ shown: { task, error: errorMessage(error) } });
    // The store may have found (and have something to say about) a damaged file on the way.
    void refreshStoreStatus();
  } finally {
    set({ busy: null });
  }
}

/** What an import or a restore changed is read again: the library's list and counts, the open document, the codes. */
async function readAgain(): Promise<void> {
  await Promise.all([refreshLibrary().catch(() => undefined), refreshOpenDocument(), refreshCodebook()]);
}

/**
 * Asks for a W3C annotation file or a REFI-QDA project (main's Open dialog) and imports it. Annotations on a document
 * the library does not know go to the document on screen in the reader; from another view, to none (the report says so).
 */
export function importAnnotations(): Promise<void> {
  if (refuseWhenLibraryReadOnly('Nothing was imported')) return Promise.resolve();
  const documentId = libraryState().view === 'reader' ? (readingStore.getState().opened?.document.id ?? null) : null;
  return run(
    'import',
    () => call('exchange:import-dialog', { documentId }),
    async (report) => {
      set({ shown: { task: 'import', report } });
      await readAgain();
    },
  );
}

/** Asks where to save (main's Save dialog) and backs the whole library up to one archive. */
export function backUpLibrary(): Promise<void> {
  return run(
    'backup',
    () => call('library:backup-dialog', {}),
    (report) => set({ shown: { task: 'backup', report } }),
  );
}

/** Asks for a backup archive (main's Open dialog) and restores it into this library, merging by id. */
export function restoreBackup(): Promise<void> {
  if (refuseWhenLibraryReadOnly('Nothing was restored')) return Promise.resolve();
  return run(
    'restore',
    () => call('library:restore-dialog', {}),
    async (report) => {
      set({ shown: { task: 'restore', report } });
      await readAgain();
    },
  );
}
