/**
 * The persistent line under the toolbar that says what cannot be changed
 * now, and why (a read-only folder, a file from a newer Gloss, a damaged
 * file): the whole library, or, in the reader, the open document. Reading
 * still works; the controls that would change something refuse with the
 * same reason.
 */
import { useReading } from '../state/reading-store';
import { useStoreStatus } from '../state/store-status';

export function ReadOnlyBanner({ scope }: { scope: 'library' | 'document' }) {
  const library = useStoreStatus((s) => s.readOnly);
  const document = useReading((s) => (scope === 'document' ? (s.opened?.document.readOnly ?? null) : null));
  const reason = library ?? document;
  if (!reason) return null;
  const what = library ? 'Nothing in this library can be changed.' : 'The highlights and notes of this document cannot be changed.';
  return (
    <div className="read-only-banner" role="status">
      <span className="read-only-banner__badge">Read-only</span>
      <span className="read-only-banner__reason">
        <strong>{what}</strong> {reason}
      </span>
    </div>
  );
}
