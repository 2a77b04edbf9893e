/**
 * The library: every document with its format, speakers, size, highlights
 * and dates. Open one, rename it in place, or remove it after a confirmation
 * that says what goes with it. In a read-only library, importing, renaming
 * and removing say why they cannot be done; a document that cannot be
 * changed says so, and why, under its title. A document's text can be
 * replaced by a corrected version, its highlights moved onto it. One
 * document, those chosen, or the whole library, can be exported (the Export
 * dialog). The table (components/library/) sorts by any column, filters by
 * title or speaker, and chooses several documents to export or remove.
 */
import { useEffect, useMemo, useRef } from 'react';
import { filterDocuments, sortDocuments } from '../state/library-order';
import { importWithDialog, refreshLibrary, setLibraryFilter, showView, useLibrary } from '../state/library-state';
import { showOverview } from '../state/overview-state';
import { openSearch } from '../state/search-state';
import { openExportForLibrary } from '../state/export-dialog';
import { useStoreStatus } from '../state/store-status';
import { BackToDocumentButton, LibraryAlerts } from './LibraryPage';
import { LibraryExchangeMenu } from './LibraryExchangeMenu';
import { SettingsButton } from './SettingsDialog';
import { LibraryFilter, SelectionActions } from './library/LibraryControls';
import { LibraryTable } from './library/LibraryTable';
import { StatusBar } from './StatusBar';
import { shownKey } from '../commands/command-keys';
import './library/LibraryTable.css';

export function LibraryView() {
  const documents = useLibrary((s) => s.documents);
  const listed = useLibrary((s) => s.listed);
  const sort = useLibrary((s) => s.sort);
  const filter = useLibrary((s) => s.filter);
  const readOnly = useStoreStatus((s) => s.readOnly);
  const shown = useMemo(() => sortDocuments(filterDocuments(documents, filter), sort), [documents, filter, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void refreshLibrary();
  }, []);

  return (
    <div className="library-app">
      <header className="toolbar">
        <h1 className="toolbar__title">Library</h1>
        <nav className="toolbar__views" aria-label="Views">
          <BackToDocumentButton />
          <button type="button" className="button" onClick={openSearch} title={`Search every transcript, highlight, note and notebook (${shownKey('search-library')})`}>
            Search…
          </button>
          <button type="button" className="button" onClick={() => showOverview(null, 'library')} title="Speakers × codes and colours across every document, with counts">
            Library overview
          </button>
          <button type="button" className="button" onClick={() => showView('notebook')} title="Notes and quotes across documents">
            Library notebook
          </button>
          <button type="button" className="button" onClick={() => showView('codes')} title="Every code in the library: rename, merge, move, delete">
            Codes
          </button>
        </nav>
        <button type="button" className="button" onClick={() => openExportForLibrary()} title={`Export every document: Markdown (a folder with an index), W3C Web Annotations, REFI-QDA (${shownKey('export')})`}>
          Export library…
        </button>
        <LibraryExchangeMenu />
        <SettingsButton />
        <button
          type="button"
          className="button button--primary"
          aria-disabled={readOnly ? true : undefined}
          onClick={() => void importWithDialog()}
          title={readOnly ? `Nothing can be imported: ${readOnly}` : `Open transcripts (${shownKey('import')})`}
        >
          Open transcripts…
        </button>
      </header>
      <LibraryAlerts />
      <main className="library" tabIndex={-1}>
        <p className="library__hint">Plain text, Markdown, WebVTT and SRT. Drop files anywhere in the window to import them.</p>
        {documents.length === 0 ? (
          listed && <p className="library__empty">No documents yet: choose Open transcripts… above, or drop transcript files (plain text, Markdown, WebVTT, SRT) anywhere in this window.</p>
        ) : (
          <>
            <div className="library__controls">
              <LibraryFilter total={documents.length} shown={shown.length} inputRef={filterRef} />
              <SelectionActions shown={shown} onDone={() => filterRef.current?.focus()} />
            </div>
            {shown.length === 0 ? (
              <div className="library__no-match">
                <p>
                  No document’s title or speakers match “{filter.trim()}”. Try fewer letters or another spelling, or clear the filter to see all{' '}
                  {documents.length.toLocaleString()} documents.
                </p>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setLibraryFilter('', () => new Set(documents.map((d) => d.id)));
                    filterRef.current?.focus();
                  }}
                >
                  Clear the filter
                </button>
              </div>
            ) : (
              <div className="library__scroll" ref={scrollRef}>
                <LibraryTable shown={shown} scrollRef={scrollRef} />
              </div>
            )}
          </>
        )}
      </main>
      <StatusBar counts={false} />
    </div>
  );
}
