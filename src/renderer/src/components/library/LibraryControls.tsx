/**
 * Above the library table: the filter (words in a title or a speaker's
 * name), how many documents it shows of how many, and what can be done to
 * the documents chosen: export them (the Export dialog, with those
 * documents) or remove them, after one confirmation that says how many
 * documents and how many highlights and notes go with them.
 */
import { useRef, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/model';
import { openExportForLibrary } from '../../state/export-dialog';
import { filterDocuments } from '../../state/library-order';
import { refuseWhenLibraryReadOnly, removeDocuments, setLibraryFilter, setLibrarySelection, useLibrary } from '../../state/library-state';
import { useStoreStatus } from '../../state/store-status';
import { plural } from './LibraryRow';

export function LibraryFilter({ total, shown, inputRef }: { total: number; shown: number; inputRef: React.RefObject<HTMLInputElement | null> }) {
  const filter = useLibrary((s) => s.filter);
  const documents = useLibrary((s) => s.documents);
  return (
    <div className="library__filter">
      <input
        ref={inputRef}
        type="search"
        className="library__filter-input"
        aria-label="Filter by title or speaker"
        placeholder="Filter by title or speaker"
        value={filter}
        onChange={(e) => setLibraryFilter(e.target.value, (f) => new Set(filterDocuments(documents, f).map((d) => d.id)))}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter) {
            e.preventDefault();
            setLibraryFilter('', () => new Set(documents.map((d) => d.id)));
          }
        }}
      />
      <span className="library__count" aria-live="polite">
        {filter.trim() ? `${shown.toLocaleString()} of ${plural(total, 'document')}` : plural(total, 'document')}
      </span>
    </div>
  );
}

/** What can be done to the documents chosen, shown while any is. */
export function SelectionActions({ shown, onDone }: { shown: readonly DocumentSummary[]; onDone(): void }) {
  const selectedIds = useLibrary((s) => s.selected);
  const readOnly = useStoreStatus((s) => s.readOnly);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  // In the order shown, as the export and the confirmation list them.
  const selected = shown.filter((d) => selectedIds.has(d.id));
  if (selected.length === 0) return null;
  const highlights = selected.reduce((n, d) => n + d.highlightCount, 0);
  const notes = selected.reduce((n, d) => n + d.noteCount, 0);
  const what = plural(selected.length, 'document');

  return (
    <div className="library__selection" role="group" aria-label="Chosen documents">
      <span className="library__selection-count">{selected.length.toLocaleString()} selected</span>
      <button type="button" className="button" onClick={() => openExportForLibrary(selected)}>
        Export selected…
      </button>
      <button
        ref={removeButton}
        type="button"
        className="button"
        aria-disabled={readOnly ? true : undefined}
        title={readOnly ?? undefined}
        onClick={() => !refuseWhenLibraryReadOnly(`${plural(selected.length, 'document was', 'documents were')} not removed`) && setConfirming(true)}
      >
        Remove selected…
      </button>
      <button type="button" className="link-button" onClick={() => setLibrarySelection([], null)}>
        Clear selection
      </button>
      {confirming && (
        <div
          className="library__bulk-confirm"
          role="alertdialog"
          aria-label={`Remove ${what}?`}
          aria-describedby="library-bulk-confirm-text"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !removing) {
              e.stopPropagation();
              setConfirming(false);
              removeButton.current?.focus();
            }
          }}
        >
          <p id="library-bulk-confirm-text">
            Remove {what} with their {plural(highlights, 'highlight')} and {plural(notes, 'note')}? Their folders are moved to “removed” in the data folder.
          </p>
          <div className="library__bulk-buttons">
            <button
              type="button"
              className="button button--danger"
              disabled={removing}
              onClick={async () => {
                setRemoving(true);
                await removeDocuments(selected);
                setRemoving(false);
                setConfirming(false);
                onDone();
              }}
            >
              {removing ? 'Removing…' : `Remove ${what}`}
            </button>
            <button
              type="button"
              className="button"
              autoFocus
              disabled={removing}
              onClick={() => {
                setConfirming(false);
                removeButton.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
