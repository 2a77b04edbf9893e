/**
 * The library: every document with its format, speakers, size, highlights
 * and dates. Open one, rename it in place, or remove it after a confirmation
 * that says what goes with it. In a read-only library, importing, renaming
 * and removing say why they cannot be done; a document that cannot be
 * changed says so, and why, under its title. A document's text can be
 * replaced by a corrected version, its highlights moved onto it. One
 * document, or the whole library, can be exported (the Export dialog).
 */
import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../shared/model';
import {
  importWithDialog,
  openDocument,
  refreshLibrary,
  refuseWhenLibraryReadOnly,
  removeDocument,
  renameDocument,
  showView,
  useLibrary,
} from '../state/library-state';
import { showOverview } from '../state/overview-state';
import { openSearch } from '../state/search-state';
import { openExportForLibrary } from '../state/export-dialog';
import { replaceTextWithDialog, useTextReplacement } from '../state/text-replacement';
import { useStoreStatus } from '../state/store-status';
import { BackToDocumentButton, LibraryAlerts } from './LibraryPage';
import { LibraryExchangeMenu } from './LibraryExchangeMenu';
import { SettingsButton } from './SettingsDialog';
import { StatusBar } from './StatusBar';

const FORMAT_NAMES: Record<DocumentSummary['format'], string> = { text: 'Text', markdown: 'Markdown', webvtt: 'WebVTT', srt: 'SRT' };

function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'Never';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function TitleCell({ doc }: { doc: DocumentSummary }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(doc.title);
  const readOnly = useStoreStatus((s) => s.readOnly);
  if (!editing) {
    return (
      <div className="library__title-cell">
        <button type="button" className="library__open" onClick={() => void openDocument(doc.id)}>
          {doc.title}
        </button>
        <button
          type="button"
          className="link-button"
          aria-label={`Rename ${doc.title}`}
          aria-disabled={readOnly ? true : undefined}
          title={readOnly ?? undefined}
          onClick={() => {
            if (refuseWhenLibraryReadOnly('The document cannot be renamed')) return;
            setTitle(doc.title);
            setEditing(true);
          }}
        >
          Rename
        </button>
      </div>
    );
  }
  const save = () => {
    setEditing(false);
    if (title.trim() && title.trim() !== doc.title) void renameDocument(doc.id, title);
  };
  return (
    <input
      className="library__title-input"
      aria-label="Title"
      value={title}
      autoFocus
      onChange={(e) => setTitle(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}

/** “Replace text…”: a corrected version of the document's text, from a file; busy while a replace runs. */
function ReplaceTextButton({ doc }: { doc: DocumentSummary }) {
  const readOnly = useStoreStatus((s) => s.readOnly);
  const busy = useTextReplacement((s) => s.busy === doc.id);
  return (
    <button
      type="button"
      className="link-button"
      aria-label={`Replace text of ${doc.title} with a corrected version…`}
      aria-disabled={readOnly || busy ? true : undefined}
      aria-busy={busy || undefined}
      title={readOnly ?? 'Replace the text with a corrected version from a file; the highlights are moved onto it'}
      onClick={() => void replaceTextWithDialog(doc.id)}
    >
      {busy ? 'Replacing…' : 'Replace text…'}
    </button>
  );
}

function RemoveCell({ doc }: { doc: DocumentSummary }) {
  const [confirming, setConfirming] = useState(false);
  const readOnly = useStoreStatus((s) => s.readOnly);
  if (!confirming) {
    return (
      <button
        type="button"
        className="link-button link-button--danger"
        aria-label={`Remove ${doc.title}`}
        aria-disabled={readOnly ? true : undefined}
        title={readOnly ?? undefined}
        onClick={() => !refuseWhenLibraryReadOnly('The document cannot be removed') && setConfirming(true)}
      >
        Remove
      </button>
    );
  }
  return (
    <div className="library__confirm" role="alertdialog" aria-label={`Remove ${doc.title}?`}>
      <span>
        Remove “{doc.title}” with its {plural(doc.highlightCount, 'highlight')} and {plural(doc.noteCount, 'note')}?
      </span>
      <button type="button" className="button button--danger" onClick={() => void removeDocument(doc.id)}>
        Remove
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}

export function LibraryView() {
  const documents = useLibrary((s) => s.documents);
  const readOnly = useStoreStatus((s) => s.readOnly);
  useEffect(() => {
    void refreshLibrary();
  }, []);

  return (
    <div className="library-app">
      <header className="toolbar">
        <div className="toolbar__title">Library</div>
        <BackToDocumentButton />
        <button type="button" className="button" onClick={openSearch} title="Search every transcript, highlight, note and notebook (Ctrl+Shift+F)">
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
        <button type="button" className="button" onClick={() => openExportForLibrary()} title="Export every document: Markdown (a folder with an index), W3C Web Annotations, REFI-QDA (Ctrl+E)">
          Export library…
        </button>
        <LibraryExchangeMenu />
        <SettingsButton />
        <button
          type="button"
          className="button button--primary"
          aria-disabled={readOnly ? true : undefined}
          onClick={() => void importWithDialog()}
          title={readOnly ? `Nothing can be imported: ${readOnly}` : 'Open transcripts (Ctrl+O)'}
        >
          Open transcripts…
        </button>
      </header>
      <LibraryAlerts />
      <main className="library" tabIndex={-1}>
        <p className="library__hint">Plain text, Markdown, WebVTT and SRT. Drop files anywhere in the window to import them.</p>
        {documents.length === 0 ? (
          <p className="library__empty">The library is empty. Open a transcript to start.</p>
        ) : (
          <table className="library__table">
            <thead>
              <tr>
                <th>Title</th>
                <th>Format</th>
                <th>Speakers</th>
                <th>Words</th>
                <th>Highlights</th>
                <th>Added</th>
                <th>Last opened</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.id} data-id={doc.id}>
                  <td>
                    <TitleCell doc={doc} />
                    <div className="library__source">{doc.source}</div>
                    {doc.readOnly && doc.readOnly !== readOnly && (
                      <div className="library__read-only">
                        <span className="read-only-banner__badge">Read-only</span> {doc.readOnly}
                      </div>
                    )}
                  </td>
                  <td>{FORMAT_NAMES[doc.format]}</td>
                  <td className="library__speakers" title={doc.speakers.join(', ')}>
                    {speakerSummary(doc.speakers)}
                  </td>
                  <td className="num">{doc.wordCount.toLocaleString()}</td>
                  <td className="num">{doc.highlightCount.toLocaleString()}</td>
                  <td>{formatDate(doc.addedAt)}</td>
                  <td>{formatDate(doc.openedAt)}</td>
                  <td>
                    <div className="library__actions">
                      <button type="button" className="link-button" aria-label={`Export ${doc.title}…`} onClick={() => openExportForLibrary([doc])}>
                        Export…
                      </button>
                      <ReplaceTextButton doc={doc} />
                      <RemoveCell doc={doc} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
      <StatusBar counts={false} />
    </div>
  );
}

/** The first few speakers by name, then how many more: a play has dozens. */
export function speakerSummary(speakers: readonly string[], shown = 4): string {
  if (speakers.length === 0) return '—';
  if (speakers.length <= shown + 1) return speakers.join(', ');
  return `${speakers.slice(0, shown).join(', ')} and ${speakers.length - shown} more`;
}
