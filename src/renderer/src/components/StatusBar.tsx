/**
 * One line at the bottom: the latest message (errors stay until dismissed), whether the document is read-only, and the
 * highlight count (the orphans, not placed in the text, counted apart). Screen readers hear the message through the
 * app's live regions (LiveAnnouncer), not from here, so that a message is said once, even as the view changes.
 */
import { useReadOnlyReason } from '../state/highlight-changes';
import { readingStore, useReading, type ReadingState } from '../state/reading-store';

/** How many of the open document's highlights are orphans. */
function orphanCount(s: ReadingState): number {
  let n = 0;
  for (const a of s.annotations.values()) if (a.orphaned) n++;
  return n;
}

export function StatusBar({ counts = true }: { counts?: boolean }) {
  const status = useReading((s) => s.status);
  const orphans = useReading(orphanCount);
  const count = useReading((s) => s.annotations.size) - orphans;
  const saving = useReading((s) => s.savingNotes.size > 0);
  const readOnly = useReadOnlyReason();
  return (
    <footer className="statusbar" aria-label="Status">
      <span className={`statusbar__message${status?.kind === 'error' ? ' is-error' : ''}`}>
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
          {orphans > 0 && ` · ${orphans} ${orphans === 1 ? 'orphan' : 'orphans'}`}
        </span>
      )}
    </footer>
  );
}
