/**
 * The app shell: the reading view (toolbar, transcript, side panel of
 * highlights and the document's notebook), the library or the library
 * notebook, the status line, menu commands, and files
 * dropped anywhere on the window. Under the toolbar, what cannot be changed
 * and why, and the store's notices about damaged or restored files. Opens
 * the most recently read document (the sample on first start).
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useEffect, useState } from 'react';
import type { OpenedDocument } from '../../../shared/model';
import { onLibraryChanged, onMenuCommand, onShowDocument, onShowPlace } from '../gloss-client';
import { showPlace } from '../state/open-place';
import { ExchangeReport } from './ExchangeReport';
import { importDropped, libraryState, openDocument, refreshLibrary, refreshOpenDocument, showView, useLibrary } from '../state/library-state';
import { readingStore, useReading } from '../state/reading-store';
import { useStoreStatus } from '../state/store-status';
import { refreshCodebook } from '../state/codebook-state';
import { ExportDialog } from './ExportDialog';
import { SettingsDialog } from './SettingsDialog';
import { LibraryView } from './LibraryView';
import { NewVersionPrompt } from './NewVersionPrompt';
import { ReplaceTextReport } from './ReplaceTextReport';
import { CodeManager } from './CodeManager';
import { ColorLegend } from './ColorLegend';
import { FindBar } from './FindBar';
import { OverviewView } from './OverviewView';
import { SearchView } from './SearchView';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { StatusBar } from './StatusBar';
import { LiveAnnouncer } from './LiveAnnouncer';
import { TaskProgressPanel } from './TaskProgress';
import { StoreNotices } from './StoreNotices';
import { Toolbar } from './Toolbar';
import { TranscriptView, transcriptLoadFor } from './TranscriptView';
import { LibraryNotebookView } from '../notebook/LibraryNotebookView';
import { SidePanel } from '../notebook/SidePanel';
import { installCommandKeys, runCommand } from '../commands/command-registry';
import { useAppCommands } from '../commands/use-app-commands';
import { useCommand } from '../commands/use-command';
import { ReaderCommands } from '../commands/ReaderCommands';
import { ShortcutReference } from './ShortcutReference';
import { RangeRevealPlugin } from '../editor/plugins/RangeRevealPlugin';
import { ReadingPositionPlugin } from '../editor/plugins/ReadingPositionPlugin';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Files dropped anywhere are imported; the window itself never navigates to them. */
function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) void importDropped(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}

/** The reading view of one document; its editor content is built when it mounts, with the highlights as they are then. */
function ReaderView({ opened }: { opened: OpenedDocument }) {
  const [load] = useState(() => transcriptLoadFor(opened));
  return (
    <LexicalComposer initialConfig={load.config}>
      <div className="app">
        <Toolbar />
        <div className="app__alerts">
          <ColorLegend />
          <ReadOnlyBanner scope="document" />
          <StoreNotices />
        </div>
        <TranscriptView builder={load.builder} />
        <FindBar />
        <RangeRevealPlugin />
        <ReadingPositionPlugin />
        <ReaderCommands />
        <SidePanel />
        <StatusBar />
      </div>
    </LexicalComposer>
  );
}

export function App() {
  const opened = useReading((s) => s.opened);
  const view = useLibrary((s) => s.view);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Until the first document is open, show neither an empty library nor an empty reader.
  const [starting, setStarting] = useState(true);
  const dropping = useFileDrop();
  const readOnly = useStoreStatus((s) => s.readOnly);
  useEffect(() => installCommandKeys(), []);
  // Every command of the table is run through the registry: the menu's, the keys', the context menus'.
  useAppCommands();
  const [shortcutsShown, setShortcutsShown] = useState(false);
  useCommand('shortcuts', () => setShortcutsShown(true));

  useEffect(() => {
    // Colour names and codes for the toolbar, the legend and the side panel, beside the first document; never fails.
    void refreshCodebook();
    refreshLibrary()
      .then((documents) => (documents.length ? openDocument(documents[0].id) : showView('library')))
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)))
      .finally(() => setStarting(false));
  }, []);

  useEffect(() => {
    // What each command does is registered where it can be done (commands/command-registry.ts); one that cannot
    // be done here and now (a highlight command in the library) does nothing.
    const offMenu = onMenuCommand((command) => void runCommand(command));
    const offShow = onShowDocument((id) => void openDocument(id));
    // A `gloss` command run beside the app changed the library: show what it did.
    const offChanged = onLibraryChanged((documentId) => {
      // Codes and colour names may have changed with it.
      void refreshCodebook();
      const openId = readingStore.getState().opened?.document.id;
      if (openId && (documentId === null || documentId === openId)) void refreshOpenDocument();
      if (libraryState().view === 'library') void refreshLibrary();
    });
    return () => {
      offMenu();
      offShow();
      offChanged();
    };
  }, []);

  // A gloss:// link (one that started Gloss too) is shown once the first document is open, so that opening does not undo it.
  useEffect(() => (starting ? undefined : onShowPlace((place) => void showPlace(place))), [starting]);

  if (loadError) {
    return (
      <div className="app-message" role="alert">
        <h1>Gloss could not open the library</h1>
        <p>{loadError}</p>
      </div>
    );
  }

  if (starting) return <div className="app-message">Opening…</div>;

  const content =
    view === 'codes' ? <CodeManager /> : view === 'search' ? <SearchView /> : view === 'overview' ? <OverviewView /> : view === 'notebook' ? <LibraryNotebookView /> : view === 'library' || !opened ? <LibraryView /> : <ReaderView key={`${opened.document.id}:${opened.document.hash}`} opened={opened} />;
  return (
    <>
      {content}
      {/* Outside the views: a replace reloads the reader under its report, and an import's question outlives the view. */}
      <ReplaceTextReport />
      <ExchangeReport />
      <ExportDialog />
      <SettingsDialog />
      <NewVersionPrompt />
      <LiveAnnouncer />
      <TaskProgressPanel />
      {shortcutsShown && <ShortcutReference onClose={() => setShortcutsShown(false)} />}
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          {readOnly ? 'This library is read-only: nothing can be imported' : 'Drop to import into the library'}
        </div>
      )}
    </>
  );
}
