/**
 * The library notebook: one notebook for the whole library, for synthesis
 * across documents. Its quotes name their document; opening one opens that
 * document at the passage.
 */
import { BackToDocumentButton, LibraryAlerts } from '../components/LibraryPage';
import { StatusBar } from '../components/StatusBar';
import { showView } from '../state/library-state';
import { useStoreStatus } from '../state/store-status';
import { NotebookLoader } from './NotebookLoader';
import './notebook.css';

export function LibraryNotebookView() {
  const readOnly = useStoreStatus((s) => s.readOnly);
  return (
    <div className="library-app">
      <header className="toolbar">
        <button type="button" className="button" onClick={() => showView('library')} title="Show the library (Ctrl+L)">
          Library
        </button>
        <h1 className="toolbar__title notebook-page__title">Library notebook</h1>
        <BackToDocumentButton />
      </header>
      <LibraryAlerts />
      <main className="notebook-page" tabIndex={-1}>
        <NotebookLoader
          id={null}
          scope="library"
          readOnly={readOnly}
          label="Library notebook"
          placeholder="Gather what the transcripts say across the library: quote a highlight here with Alt+Shift+N or its “To library notebook” button."
        />
      </main>
      <StatusBar counts={false} />
    </div>
  );
}
