/**
 * The Export dialog: a modal dialog to choose the format (Markdown, W3C Web
 * Annotations, a REFI-QDA project or codebook), what to export (the document,
 * the documents chosen in the library, or the whole library), the Markdown
 * options (remembered by main between exports), and whether only the
 * highlights the side panel's filter lists go. Before anything is written it
 * says how much will be exported and what the format cannot carry. Export
 * asks where (main's native dialog) and reports in the dialog and the status
 * line; Copy puts the document's Markdown on the clipboard instead. Escape
 * or Cancel closes it, and the focus goes back where it was.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../../../core/error-message';
import { EXPORT_FORMATS, MARKDOWN_GROUPINGS, type ExportFormat, type MarkdownGrouping, type MarkdownOptions } from '../../../shared/model';
import { copyDocumentMarkdown } from '../state/copy-markdown';
import { exportDialog, useExportDialog } from '../state/export-dialog';
import { exportRequest, FORMAT_NAMES, filterUnavailable, previewLine, timesUnavailable, type ExportOpening } from '../state/export-state';
import { readingStore } from '../state/reading-store';
import './ExportDialog.css';

const FORMAT_HINTS: Record<ExportFormat, string> = {
  md: 'For Obsidian, Logseq and other notes apps: quotes, notes, codes as tags, links back into Gloss',
  w3c: 'JSON-LD, for annotation tools and for importing back into Gloss',
  qdpx: 'A project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder',
  qdc: 'The code tree alone (.qdc), with colours and descriptions',
};

const GROUPING_NAMES: Record<MarkdownGrouping, string> = { document: 'Document order', speaker: 'Speaker', color: 'Colour', code: 'Code' };

type Toggle = Exclude<keyof MarkdownOptions, 'groupBy'>;

const TOGGLES: readonly { key: Toggle; label: string; hint?: string }[] = [
  { key: 'notes', label: 'Notes' },
  { key: 'codes', label: 'Codes', hint: 'as #tags' },
  { key: 'colorNames', label: 'Colour names' },
  { key: 'times', label: 'Times' },
  { key: 'notebook', label: 'Notebook' },
  { key: 'orphans', label: 'Orphaned highlights', hint: 'text no longer found' },
  { key: 'links', label: 'Links back to Gloss', hint: 'gloss://' },
];

/** The focusable controls of the dialog, in order: Tab wraps round them. */
function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])')).filter(
    (el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null,
  );
}

function scopeLabel(opening: ExportOpening): string {
  const docs = opening.documents;
  if (docs.length === 1) return `“${docs[0].title}”`;
  return `The ${docs.length.toLocaleString('en')} documents chosen`;
}

function ExportForm({ opening }: { opening: ExportOpening }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const previewId = useId();
  const state = useExportDialog((s) => s);
  const [copying, setCopying] = useState<{ kind: 'info' | 'error'; message: string } | null>(null);
  const { format, scope, markdown, preview, previewError, running, done, error, cancelled, onlyFiltered } = state;
  const noTimes = timesUnavailable(state);
  const noFilter = filterUnavailable(state);
  const codebook = format === 'qdc';
  const canCopy = format === 'md' && scope === 'documents' && opening.documents.length === 1 && opening.inReader;

  useEffect(() => {
    const dialog = ref.current;
    // The focus goes back where it was when the dialog opened, if that is still there.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // The chosen format takes the focus: arrow keys change it, Tab goes on to the rest.
    dialog?.querySelector<HTMLInputElement>('input[name="export-format"]:checked')?.focus();
    return () => {
      dialog?.close();
      if (before?.isConnected) before.focus({ preventScroll: true });
      else document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    };
  }, []);

  // Keys pressed in the dialog are the dialog's: the reader's shortcuts (Delete, Escape, Alt+1…) must not act on the
  // highlight selected behind it. Escape still cancels (the dialog's own default action). Tab and Shift+Tab wrap round
  // the dialog's controls.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    event.stopPropagation();
    if (event.key !== 'Tab' || !ref.current) return;
    const all = focusables(ref.current);
    if (all.length === 0) return;
    const first = all[0];
    const last = all[all.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const run = async () => {
    setCopying(null);
    const report = await exportDialog.run();
    if (report) readingStore.setStatus({ kind: 'info', message: exportDialog.getState().done?.message ?? '' });
  };

  const copy = async () => {
    try {
      const request = exportRequest(exportDialog.getState());
      const { highlights } = await copyDocumentMarkdown(request.markdown ?? markdown, request.filter ?? null);
      const message = `Copied ${highlights.toLocaleString('en')} ${highlights === 1 ? 'highlight' : 'highlights'} as Markdown`;
      setCopying({ kind: 'info', message });
      readingStore.setStatus({ kind: 'info', message });
    } catch (e) {
      setCopying({ kind: 'error', message: `Could not copy: ${errorMessage(e)}` });
    }
  };

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby={titleId}
      aria-describedby={previewId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        exportDialog.close();
      }}
    >
      <form
        className="export-dialog__form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id={titleId} className="export-dialog__title">
          Export
        </h2>

        <fieldset className="export-dialog__group">
          <legend>Format</legend>
          <div className="export-dialog__formats">
            {EXPORT_FORMATS.map((f) => (
              <label key={f} className={`export-dialog__format${format === f ? ' is-chosen' : ''}`}>
                <input
                  type="radio"
                  name="export-format"
                  value={f}
                  checked={format === f}
                  onChange={() => exportDialog.choose({ format: f })}
                />
                <span className="export-dialog__format-text">
                  <span className="export-dialog__format-name">{FORMAT_NAMES[f]}</span>
                  <span className="export-dialog__hint">{FORMAT_HINTS[f]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="export-dialog__group" disabled={codebook}>
          <legend>Export</legend>
          {codebook ? (
            <p className="export-dialog__hint">A codebook holds the codes of the whole library.</p>
          ) : (
            <div className="export-dialog__row">
              {opening.documents.length > 0 && (
                <label className="export-dialog__choice">
                  <input type="radio" name="export-scope" checked={scope === 'documents'} onChange={() => exportDialog.choose({ scope: 'documents' })} />
                  {scopeLabel(opening)}
                </label>
              )}
              <label className="export-dialog__choice">
                <input type="radio" name="export-scope" checked={scope === 'library'} onChange={() => exportDialog.choose({ scope: 'library' })} />
                The whole library ({opening.library.documents.toLocaleString('en')} {opening.library.documents === 1 ? 'document' : 'documents'})
              </label>
            </div>
          )}
          {opening.filter && (
            <label className="export-dialog__choice export-dialog__filter" title={noFilter ?? undefined}>
              <input type="checkbox" checked={onlyFiltered && !noFilter} disabled={noFilter !== null} onChange={(e) => exportDialog.choose({ onlyFiltered: e.target.checked })} />
              <span>
                Only highlights matching the side panel’s filter
                {opening.filterSummary && <span className="export-dialog__hint"> ({opening.filterSummary})</span>}
                {noFilter && <span className="export-dialog__hint"> — {noFilter}</span>}
              </span>
            </label>
          )}
        </fieldset>

        {format === 'md' && (
          <fieldset className="export-dialog__group" aria-busy={!state.optionsLoaded || undefined}>
            <legend>Markdown</legend>
            <label className="export-dialog__grouping">
              Group by
              <select value={markdown.groupBy} onChange={(e) => exportDialog.choose({ markdown: { groupBy: e.target.value as MarkdownGrouping } })}>
                {MARKDOWN_GROUPINGS.map((g) => (
                  <option key={g} value={g}>
                    {GROUPING_NAMES[g]}
                  </option>
                ))}
              </select>
            </label>
            <div className="export-dialog__toggles" role="group" aria-label="Include">
              <span className="export-dialog__toggles-label" aria-hidden="true">
                Include
              </span>
              {TOGGLES.map(({ key, label, hint }) => {
                const reason = key === 'times' ? noTimes : null;
                return (
                  <label key={key} className={`export-dialog__choice${reason ? ' is-unavailable' : ''}`} title={reason ?? undefined}>
                    <input
                      type="checkbox"
                      checked={markdown[key] && !reason}
                      disabled={reason !== null}
                      aria-describedby={reason ? `${previewId}-${key}` : undefined}
                      onChange={(e) => exportDialog.choose({ markdown: { [key]: e.target.checked } })}
                    />
                    <span>
                      {label}
                      {hint && <span className="export-dialog__hint"> ({hint})</span>}
                      {reason && (
                        <span id={`${previewId}-${key}`} className="export-dialog__hint export-dialog__reason">
                          {reason}
                        </span>
                      )}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        )}

        <div className="export-dialog__preview" id={previewId} role="status" aria-live="polite">
          {previewError ? (
            <p className="export-dialog__problem">Cannot tell what would be exported: {previewError}</p>
          ) : preview ? (
            <p className="export-dialog__count">{previewLine(format, preview)}</p>
          ) : (
            <p className="export-dialog__count export-dialog__count--waiting">Counting…</p>
          )}
          {preview && preview.leftOut.length > 0 && (
            <div className="export-dialog__left-out">
              <p className="export-dialog__left-out-title">Left out of this {FORMAT_NAMES[format]} export:</p>
              <ul>
                {preview.leftOut.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
        </div>

        {/* The live regions are there, empty, from the start: a screen reader says what is put into them, not a region
            that appears with its words already in it. Errors through the assertive one. */}
        <div className="export-dialog__outcome">
          <div role="status">
            {done && <p className="export-dialog__done">{done.message}</p>}
            {cancelled && <p className="export-dialog__hint">Nothing was exported: no place was chosen, or the export was cancelled before it wrote anything.</p>}
            {copying?.kind === 'info' && <p className="export-dialog__done">{copying.message}</p>}
          </div>
          <div role="alert">
            {error && <p className="export-dialog__problem">{error}</p>}
            {copying?.kind === 'error' && <p className="export-dialog__problem">{copying.message}</p>}
          </div>
        </div>

        <div className="export-dialog__buttons">
          {format === 'md' && (
            <button
              type="button"
              className="button export-dialog__copy"
              disabled={!canCopy}
              title={canCopy ? 'Copy this document’s Markdown to the clipboard instead of writing a file' : 'Copy works on one document open in the reader'}
              onClick={() => void copy()}
            >
              Copy Markdown
            </button>
          )}
          <button type="button" className="button" onClick={() => exportDialog.close()}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary" disabled={running} aria-busy={running || undefined}>
            {running ? 'Exporting…' : 'Export…'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The Export dialog, while it is open. */
export function ExportDialog() {
  const opening = useExportDialog((s) => s.opening);
  return opening ? <ExportForm opening={opening} /> : null;
}
