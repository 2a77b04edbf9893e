/**
 * The report of an annotation import, a backup or a restore, as a modal
 * dialog: one line that says what was done, then the detail (the documents
 * an import touched, each to open; what a file could not carry over; every
 * count of a restore and its messages), or what went wrong. Escape or Close
 * closes it, and the focus goes back where it was.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { BackupReport, ExchangeImportReport, RestoreReport } from '../../../shared/model';
import { backupSummary, importedDocuments, importFormatName, importSummary, restoreLines, restoreSummary } from '../state/exchange-report-text';
import { closeExchangeReport, useLibraryExchange, type ExchangeTask, type ShownExchange } from '../state/library-exchange';
import { openDocument, useLibrary } from '../state/library-state';
import { useReading } from '../state/reading-store';
import './ExchangeReport.css';

const FAILED: Record<ExchangeTask, string> = { import: 'Import failed', backup: 'Backup failed', restore: 'Restore failed' };

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="exchange-report__section" aria-labelledby={id}>
      <h3 id={id} className="exchange-report__section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function ImportDetail({ report }: { report: ExchangeImportReport }) {
  const documents = importedDocuments(report);
  // The document on screen in the reader needs no Open button.
  const onScreen = useReading((s) => s.opened?.document.id);
  const reading = useLibrary((s) => s.view === 'reader');
  const open = (id: string) => {
    closeExchangeReport();
    void openDocument(id);
  };
  return (
    <>
      {documents.length > 0 && (
        <Section title={documents.length === 1 ? 'Document' : 'Documents'}>
          <ul className="exchange-report__list">
            {documents.map((d) => (
              <li key={d.id} className="exchange-report__document">
                <span className="exchange-report__document-title">“{d.title}”</span>
                {d.added && <span className="exchange-report__badge">New</span>}
                {reading && d.id === onScreen ? (
                  <span className="exchange-report__on-screen">Open now</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => open(d.id)} aria-label={`Open “${d.title}”`}>
                    Open
                  </button>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {report.orphaned > 0 && (
        <p className="exchange-report__hint">Orphans are highlights whose text was not found with confidence: each is listed under “Orphans” in the side panel, with its note and codes, to re-attach to a selection.</p>
      )}
      {report.notCarried.length > 0 && (
        <Section title="Not carried over">
          <ul className="exchange-report__list exchange-report__list--bullets">
            {report.notCarried.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

function BackupDetail({ report }: { report: BackupReport }) {
  return (
    <p className="exchange-report__hint">
      Keep <code>{report.path}</code> somewhere safe: File → Restore from Backup… brings it back, into this library or another, merging by id.
    </p>
  );
}

function RestoreDetail({ report }: { report: RestoreReport }) {
  return (
    <>
      <ul className="exchange-report__list exchange-report__counts">
        {restoreLines(report).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {report.messages.length > 0 && (
        <Section title="Also">
          <ul className="exchange-report__list exchange-report__list--bullets">
            {report.messages.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

function titleOf(shown: ShownExchange): string {
  if ('error' in shown) return FAILED[shown.task];
  if (shown.task === 'import') return `Annotations imported (${importFormatName(shown.report.format)})`;
  return shown.task === 'backup' ? 'Library backed up' : 'Backup restored';
}

/** What to try after a failure, so the reader is not left at the error. */
const NEXT_AFTER_FAILURE: Record<ExchangeTask, string> = {
  import: 'Check that the file is a W3C Web Annotation file (.json, .jsonld) or a REFI-QDA project (.qdpx), then import it again.',
  backup: 'Choose another place to save the backup (one with free space that you may write to), then back up again.',
  restore: 'Choose another backup (a .zip made by Back up library…), or make a new backup from the library it came from and restore that.',
};

function summaryOf(shown: ShownExchange): string {
  if ('error' in shown) return `${shown.error} ${NEXT_AFTER_FAILURE[shown.task]}`;
  if (shown.task === 'import') return importSummary(shown.report);
  return shown.task === 'backup' ? backupSummary(shown.report) : restoreSummary(shown.report);
}

function ReportDialog({ shown }: { shown: ShownExchange }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const summaryId = useId();
  const failed = 'error' in shown;

  useEffect(() => {
    const dialog = ref.current;
    // The focus goes back where it was when the report opened, if that is still there.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // Close takes the focus (showModal gives it to the first button, which may be a document's Open).
    closeButton.current?.focus();
    return () => {
      dialog?.close();
      if (before?.isConnected) before.focus({ preventScroll: true });
      else document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={failed ? 'exchange-report exchange-report--failed' : 'exchange-report'}
      role={failed ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      data-task={shown.task}
      onCancel={(e) => {
        e.preventDefault();
        closeExchangeReport();
      }}
    >
      <h2 id={titleId} className="exchange-report__title">
        {titleOf(shown)}
      </h2>
      <p id={summaryId} className="exchange-report__summary">
        {summaryOf(shown)}
      </p>
      <div className="exchange-report__body">
        {'report' in shown && shown.task === 'import' && <ImportDetail report={shown.report} />}
        {'report' in shown && shown.task === 'backup' && <BackupDetail report={shown.report} />}
        {'report' in shown && shown.task === 'restore' && <RestoreDetail report={shown.report} />}
      </div>
      <div className="exchange-report__buttons">
        <button ref={closeButton} type="button" className="button button--primary" onClick={closeExchangeReport}>
          Close
        </button>
      </div>
    </dialog>
  );
}

/** The latest import, backup or restore report, while it is open. */
export function ExchangeReport() {
  const shown = useLibraryExchange((s) => s.shown);
  return shown ? <ReportDialog shown={shown} /> : null;
}
