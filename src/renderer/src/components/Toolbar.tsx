/**
 * The reader's toolbar: the views (library, overview, codes, library notebook), the document's title, delete,
 * replacing the text with a corrected version, copying a passage as a quote with its citation, and export. The colour buttons are in the palette under it (ColorLegend). Where the document cannot be changed the
 * delete button looks unavailable and, pressed, says why. The views are a navigation landmark; the title comes first in
 * width: the actions wrap onto a row of their own rather than squeeze it (styles.css, .toolbar--reader).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DELETE_HIGHLIGHT_COMMAND } from '../editor/commands';
import { useReadOnlyReason } from '../state/highlight-changes';
import { showView } from '../state/library-state';
import { showOverview } from '../state/overview-state';
import { useReading } from '../state/reading-store';
import { replaceTextWithDialog, useTextReplacement } from '../state/text-replacement';
import { openExportForReader } from '../state/export-dialog';
import { CopyQuoteButton, useCopyShortcut } from './CopyActions';
import { ariaKeys, shownKey } from '../commands/command-keys';
import { SettingsButton } from './SettingsDialog';
import { SidePanelToggle } from './SidePanelToggle';

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const selectedId = useReading((s) => s.selectedId);
  const title = useReading((s) => s.opened?.document.title ?? '');
  const readOnly = useReadOnlyReason();
  const documentId = useReading((s) => s.opened?.document.id);
  const replacing = useTextReplacement((s) => s.busy !== null && s.busy === documentId);
  useCopyShortcut();

  return (
    <header className="toolbar toolbar--reader">
      <nav className="toolbar__views" aria-label="Views">
        <button type="button" className="button" onClick={() => showView('library')} title={`Show the library (${shownKey('show-library')})`}>
          Library
        </button>
        <button
          type="button"
          className="button"
          onClick={() => documentId && showOverview(documentId, 'reader')}
          title="Speakers × codes and colours in this document, with counts"
        >
          Overview
        </button>
        <button type="button" className="button" onClick={() => showView('codes')} title="Every code in the library: rename, merge, move, delete">
          Codes
        </button>
        <button type="button" className="button" onClick={() => showView('notebook')} title="The library notebook: notes and quotes across documents">
          Library notebook
        </button>
      </nav>
      <div className="toolbar__title" title={title}>
        {title}
      </div>
      <div className="toolbar__actions">
        <button
          type="button"
          className="button"
          disabled={!selectedId}
          aria-label="Delete highlight"
          aria-disabled={readOnly ? true : undefined}
          title={readOnly ? `Read-only: ${readOnly}` : 'Delete the selected highlight (Delete)'}
          onClick={() => selectedId && editor.dispatchCommand(DELETE_HIGHLIGHT_COMMAND, selectedId)}
        >
          Delete
        </button>
        <button
          type="button"
          className="button"
          aria-label="Replace text with a corrected version…"
          aria-disabled={readOnly || replacing ? true : undefined}
          aria-busy={replacing || undefined}
          title={readOnly ? `Read-only: ${readOnly}` : 'Replace the text with a corrected version from a file; the highlights are moved onto it'}
          onClick={() => documentId && void replaceTextWithDialog(documentId)}
        >
          {replacing ? 'Replacing…' : 'Replace text…'}
        </button>
        <CopyQuoteButton />
        <SettingsButton />
        <button
          type="button"
          className="button button--primary"
          aria-keyshortcuts={ariaKeys('export')}
          onClick={() => openExportForReader()}
          title={`Export highlights and notes: Markdown, W3C Web Annotations, REFI-QDA (${shownKey('export')})`}
        >
          Export…
        </button>
        <SidePanelToggle />
      </div>
    </header>
  );
}
