/**
 * The report of a replaced text: a modal dialog saying in one line what
 * became of the highlights ("412 highlights kept, 3 moved, 1 changed,
 * 1 orphaned"), then each moved or changed highlight with its old and new
 * quote side by side (the words that changed marked), and the orphans. A
 * listed highlight, pressed, is shown in the text. Says where the old text is
 * kept; "Undo replace" gives it back. Escape or Close closes it, and the
 * focus goes back where it was.
 */
import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { shorten } from '../../../core/text/shorten';
import { wordDiff, type DiffSegment } from '../../../core/text/word-diff';
import type { ReanchoredHighlight } from '../../../shared/model';
import { openAtHighlight } from '../state/reveal-request';
import { closeReport, summaryLine, undoShownReplace, useTextReplacement, type ShownReport } from '../state/text-replacement';
import './ReplaceTextReport.css';

const STATUS_NAMES: Record<ReanchoredHighlight['status'], string> = { kept: 'Kept', moved: 'Moved', changed: 'Changed', orphaned: 'Orphaned' };

function Segments({ segments, mark }: { segments: readonly DiffSegment[]; mark: 'del' | 'ins' }) {
  const Tag = mark;
  return (
    <>
      {segments.map((s, i) => (s.changed ? <Tag key={i}>{s.text}</Tag> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/** One side of a moved or changed highlight: its quote, the words only on this side marked. */
function Side({ label, segments, mark }: { label: string; segments: readonly DiffSegment[]; mark: 'del' | 'ins' }) {
  return (
    <span className="replace-report__side">
      <span className="replace-report__side-label">{label}</span>{' '}
      <q className={`replace-report__quote replace-report__quote--${label.toLowerCase()}`}>
        <Segments segments={segments} mark={mark} />
      </q>
    </span>
  );
}

/** One moved or changed highlight: before and after, side by side; pressed, it is shown in the text. */
function MovedItem({ documentId, highlight: h, onShow }: { documentId: string; highlight: ReanchoredHighlight; onShow: (documentId: string, id: string) => void }) {
  const after = h.after?.quote ?? '';
  // Worked out once per highlight, not again whenever the dialog renders.
  const diff = useMemo(
    () => (h.status === 'changed' ? wordDiff(h.before.quote, after) : { before: [{ text: h.before.quote, changed: false }], after: [{ text: after, changed: false }] }),
    [h, after],
  );
  return (
    <li className="replace-report__item" data-status={h.status} data-id={h.id}>
      {/* Named by what it shows ("Changed Before … After …"), so that the name holds the visible words; what it does is its description. */}
      <button type="button" className="replace-report__show" onClick={() => onShow(documentId, h.id)} aria-description={`Show “${shorten(after, 60)}” in the text`}>
        <span className="replace-report__badge">{STATUS_NAMES[h.status]}</span>{' '}
        <span className="replace-report__pair">
          <Side label="Before" segments={diff.before} mark="del" />{' '}
          <Side label="After" segments={diff.after} mark="ins" />
        </span>
      </button>
    </li>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="replace-report__section" aria-labelledby={id}>
      <h3 id={id} className="replace-report__section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function ReportDialog({ shown }: { shown: ShownReport }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const summaryId = useId();
  const busy = useTextReplacement((s) => s.busy !== null);
  const { replacement: r, title, undone } = shown;
  const moved = r.highlights.filter((h) => h.status === 'moved' || h.status === 'changed');
  const orphans = r.highlights.filter((h) => h.status === 'orphaned');

  useEffect(() => {
    const dialog = ref.current;
    // The focus goes back where it was when the report opened (a button, the text), if that is still there.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (before?.isConnected) before.focus({ preventScroll: true });
      else document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    };
  }, []);

  const show = (documentId: string, id: string) => {
    closeReport();
    void openAtHighlight(documentId, id);
  };

  return (
    <dialog
      ref={ref}
      className="replace-report"
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      onCancel={(e) => {
        e.preventDefault();
        closeReport();
      }}
    >
      <h2 id={titleId} className="replace-report__title">
        {undone ? 'Replace undone' : 'Text replaced'}: {title}
      </h2>
      <p id={summaryId} className="replace-report__summary">
        {summaryLine(r)}
      </p>
      {undone ? (
        <p className="replace-report__kept">The replace was undone: the old text is back, with every highlight where it was.</p>
      ) : (
        <p className="replace-report__kept">
          The old text is kept in <code>{r.previousVersion}</code> (in the data folder).
        </p>
      )}
      <div className="replace-report__body">
        {moved.length > 0 && (
          <Section title="Moved or changed">
            <ul className="replace-report__list">
              {moved.map((h) => (
                <MovedItem key={h.id} documentId={r.documentId} highlight={h} onShow={show} />
              ))}
            </ul>
          </Section>
        )}
        {orphans.length > 0 && (
          <Section title="Orphaned">
            <p className="replace-report__hint">Not placed: listed under “Orphans” in the side panel, with their notes and codes, to re-attach to a selection.</p>
            <ul className="replace-report__list">
              {orphans.map((h) => (
                <li key={h.id} className="replace-report__item replace-report__item--orphan" data-status="orphaned" data-id={h.id}>
                  <span className="replace-report__badge">Orphaned</span>
                  <q className="replace-report__quote">{h.before.quote}</q>
                </li>
              ))}
            </ul>
          </Section>
        )}
        {moved.length === 0 && orphans.length === 0 && <p className="replace-report__hint">Every highlight is where it was.</p>}
      </div>
      <div className="replace-report__buttons">
        {!undone && (
          <button type="button" className="button" disabled={busy} onClick={() => void undoShownReplace()}>
            Undo replace
          </button>
        )}
        <button type="button" className="button button--primary" autoFocus onClick={closeReport}>
          Close
        </button>
      </div>
    </dialog>
  );
}

/** The report of the latest replace, while it is open. */
export function ReplaceTextReport() {
  const shown = useTextReplacement((s) => s.report);
  // A new report is a new dialog (the focus to return to is taken when it opens).
  return shown ? <ReportDialog key={shown.replacement.undoToken} shown={shown} /> : null;
}
