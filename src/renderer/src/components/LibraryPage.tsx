/**
 * What the library-wide pages (the library, the codes, the library
 * notebook) show alike: the way back to the document that is open, and the
 * alerts under their toolbar (a read-only library, the store's notices).
 */
import { showView } from '../state/library-state';
import { useReading } from '../state/reading-store';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { StoreNotices } from './StoreNotices';

/** “Back to ‘title’” while a document is open; nothing otherwise. */
export function BackToDocumentButton() {
  const opened = useReading((s) => s.opened);
  if (!opened) return null;
  return (
    <button type="button" className="button" onClick={() => showView('reader')}>
      Back to “{opened.document.title}”
    </button>
  );
}

export function LibraryAlerts() {
  return (
    <div className="app__alerts">
      <ReadOnlyBanner scope="library" />
      <StoreNotices />
    </div>
  );
}
