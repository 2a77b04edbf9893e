/** One line at the bottom: the latest message (errors stay until dismissed), whether the document is read-only, and the highlight count. */
import { useReadOnlyReason } from '../state/highlight-changes';
import { readingStore, useReading } from '../state/reading-store';

export function StatusBar({ counts = true }: { counts?: boolean }) {
  const status = useReading((s) => s.status);
  const count = useReading((s) => s.annotations.size);
  const saving = useReading((s) => s.savingNotes.size > 0);
  const readOnly = useReadOnlyReason();
  return (
    <footer className="statusbar">
      <span className={`statusbar__message${status?.kind === 'error' ? ' is-error' : ''}`} role={status?.kind === 'error' ? 'alert' : 'status'}>
        {status?.message}
        {status?.action && (
          <button type="button" className="link-button" onClick={status.action.run}>
            {status.action.label}
          </button>
        )}
        {status && (
          <button type="button" className="link-button" onClick={() => readingStore.setStatus(null)} aria-label="Dismiss message">
            ×
          </button>
        )}
      </span>
      {counts && (
        <span className="statusbar__counts">
          {readOnly && <span title={readOnly}>Read-only · </span>}
          {saving ? 'Saving… · ' : ''}
          {count} {count === 1 ? 'highlight' : 'highlights'}
        </span>
      )}
    </footer>
  );
}
