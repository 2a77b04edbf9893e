/**
 * What the app-wide commands of the table do, wherever the reader is: the
 * File menu's commands, undo and redo, and the views. Commands that need the
 * reading view (find, the highlight commands, copying a quote) are registered
 * by the reading view itself (ReaderCommands.tsx, FindBar), and so are
 * unavailable elsewhere.
 */
import { backUpLibrary, importAnnotations, restoreBackup } from '../state/library-exchange';
import { importWithDialog, libraryState, showView } from '../state/library-state';
import { openExportFromAnywhere } from '../state/export-dialog';
import { showOverview } from '../state/overview-state';
import { readingStore } from '../state/reading-store';
import { openSearch } from '../state/search-state';
import { replaceTextWithDialog } from '../state/text-replacement';
import { redo, undo } from './edit-undo';
import { useCommand } from './use-command';

/** The document open in the reading view, if that is the view showing. */
function documentInReader(): string | null {
  return libraryState().view === 'reader' ? (readingStore.getState().opened?.document.id ?? null) : null;
}

export function useAppCommands(): void {
  useCommand('import', () => void importWithDialog());
  useCommand('show-library', () => showView('library'));
  useCommand('search-library', openSearch);
  useCommand('export', openExportFromAnywhere);
  useCommand('export-markdown', openExportFromAnywhere);
  useCommand('import-annotations', () => void importAnnotations());
  useCommand('backup', () => void backUpLibrary());
  useCommand('restore', () => void restoreBackup());
  // Only with a document open in the reader: without one there is nothing to replace.
  useCommand(
    'replace-text',
    () => {
      const documentId = readingStore.getState().opened?.document.id;
      if (documentId) void replaceTextWithDialog(documentId);
    },
    () => readingStore.getState().opened !== null,
  );
  useCommand('undo', undo);
  useCommand('redo', redo);
  useCommand('overview', () => {
    const { view } = libraryState();
    if (view === 'overview') return;
    const documentId = documentInReader();
    showOverview(documentId, documentId ? 'reader' : view);
  });
  useCommand('code-manager', () => showView('codes'));
  useCommand('library-notebook', () => showView('notebook'));
}
