/**
 * One document's row in the library table: its checkbox (the row's place in
 * the keyboard's roving focus), its title (open it, rename it in place), the
 * columns, and its own actions (Export…, Replace text…, Remove). Only the
 * active row's controls are tab stops; the table moves between rows with the
 * arrow keys. In a narrow window the columns that do not fit are hidden and
 * said again, in one line, under the title.
 */
import { memo, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/model';
import { FORMAT_NAMES } from '../../state/library-order';
import { openDocument, refuseWhenLibraryReadOnly, removeDocument, renameDocument } from '../../state/library-state';
import { openExportForLibrary } from '../../state/export-dialog';
import { replaceTextWithDialog, useTextReplacement } from '../../state/text-replacement';
import { useStoreStatus } from '../../state/store-status';

// Made once: a formatter made per call (toLocaleString with options) costs more than the rest of a row drawn.
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const numbers = new Intl.NumberFormat();

export function formatDate(iso: string | null): string {
  return iso ? dates.format(new Date(iso)) : 'Never';
}

/**
 * A date column's cell: the day alone, on one line (with the time the column would need two lines at most widths);
 * the day and time in its tooltip and, in full, for a screen reader.
 */
function DateCell({ className, iso }: { className: string; iso: string | null }) {
  if (!iso) return <td className={className}>Never</td>;
  const full = formatDate(iso);
  return (
    <td className={className} title={full}>
      <time dateTime={iso} aria-hidden="true">
        {days.format(new Date(iso))}
      </time>
      <span className="visually-hidden">{full}</span>
    </td>
  );
}

export function formatNumber(n: number): string {
  return numbers.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** The first few speakers by name, then how many more: a play has dozens. */
export function speakerSummary(speakers: readonly string[], shown = 4): string {
  if (speakers.length === 0) return '—';
  if (speakers.length <= shown + 1) return speakers.join(', ');
  return `${speakers.slice(0, shown).join(', ')} and ${speakers.length - shown} more`;
}

function TitleCell({ doc, tabIndex }: { doc: DocumentSummary; tabIndex: number }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(doc.title);
  const readOnly = useStoreStatus((s) => s.readOnly);
  if (!editing) {
    return (
      <div className="library__title-cell">
        <button type="button" className="library__open" tabIndex={tabIndex} onClick={() => void openDocument(doc.id)}>
          {doc.title}
        </button>
        <button
          type="button"
          className="link-button"
          tabIndex={tabIndex}
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
function ReplaceTextButton({ doc, tabIndex }: { doc: DocumentSummary; tabIndex: number }) {
  const readOnly = useStoreStatus((s) => s.readOnly);
  const busy = useTextReplacement((s) => s.busy === doc.id);
  return (
    <button
      type="button"
      className="link-button"
      tabIndex={tabIndex}
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

function RemoveCell({ doc, tabIndex }: { doc: DocumentSummary; tabIndex: number }) {
  const [confirming, setConfirming] = useState(false);
  const readOnly = useStoreStatus((s) => s.readOnly);
  if (!confirming) {
    return (
      <button
        type="button"
        className="link-button link-button--danger"
        tabIndex={tabIndex}
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
      <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}

export interface LibraryRowProps {
  doc: DocumentSummary;
  /** 1-based, counting the header row: the row's place in the whole table, not only among the rows drawn. */
  rowIndex: number;
  selected: boolean;
  /** The row that takes the keyboard's focus in the table. */
  active: boolean;
  /** The library's own reason it cannot be changed, so a document saying the same is not repeated. */
  libraryReadOnly: string | null;
  onSelectClick(id: string, event: React.MouseEvent<HTMLInputElement>): void;
  /** Where the virtualiser measures a row drawn. */
  measure?: (row: HTMLTableRowElement | null) => void;
  virtualIndex?: number;
}

export const LibraryRow = memo(function LibraryRow({ doc, rowIndex, selected, active, libraryReadOnly, onSelectClick, measure, virtualIndex }: LibraryRowProps) {
  const tabIndex = active ? 0 : -1;
  return (
    <tr data-id={doc.id} data-index={virtualIndex} ref={measure} aria-rowindex={rowIndex} className={selected ? 'is-selected' : undefined}>
      <td className="library__check">
        <input
          type="checkbox"
          className="library__select"
          tabIndex={tabIndex}
          checked={selected}
          aria-label={`Select ${doc.title}`}
          onChange={() => {}}
          onClick={(e) => onSelectClick(doc.id, e)}
        />
      </td>
      <th scope="row" className="library__title">
        <TitleCell doc={doc} tabIndex={tabIndex} />
        <div className="library__source">{doc.source}</div>
        <div className="library__meta">
          <span className="library__meta-format">{FORMAT_NAMES[doc.format]}</span>
          <span className="library__meta-speakers">{speakerSummary(doc.speakers)}</span>
          <span className="library__meta-words">{plural(doc.wordCount, 'word')}</span>
          <span className="library__meta-added">added {formatDate(doc.addedAt)}</span>
          <span className="library__meta-opened">{doc.openedAt ? `opened ${formatDate(doc.openedAt)}` : 'never opened'}</span>
        </div>
        {doc.readOnly && doc.readOnly !== libraryReadOnly && (
          <div className="library__read-only">
            <span className="read-only-banner__badge">Read-only</span> {doc.readOnly}
          </div>
        )}
      </th>
      <td className="library__format">{FORMAT_NAMES[doc.format]}</td>
      <td className="library__speakers" title={doc.speakers.join(', ')}>
        {speakerSummary(doc.speakers)}
      </td>
      <td className="num library__words">{formatNumber(doc.wordCount)}</td>
      <td className="num library__highlights">{formatNumber(doc.highlightCount)}</td>
      <DateCell className="library__added" iso={doc.addedAt} />
      <DateCell className="library__opened" iso={doc.openedAt} />
      <td>
        <div className="library__actions">
          <button type="button" className="link-button" tabIndex={tabIndex} aria-label={`Export ${doc.title}…`} onClick={() => openExportForLibrary([doc])}>
            Export…
          </button>
          <ReplaceTextButton doc={doc} tabIndex={tabIndex} />
          <RemoveCell doc={doc} tabIndex={tabIndex} />
        </div>
      </td>
    </tr>
  );
});
