/** On the selected highlight in the side panel: quote it in this document's notebook or in the library's. */
import { useReadOnlyReason } from '../state/highlight-changes';
import { useStoreStatus } from '../state/store-status';
import { quoteHighlight } from './notebook-state';
import { shownKey } from '../commands/command-keys';

export function QuoteButtons({ highlightId }: { highlightId: string }) {
  const documentReadOnly = useReadOnlyReason();
  const libraryReadOnly = useStoreStatus((s) => s.readOnly);
  const unavailable = (reason: string | null) => (reason ? { 'aria-disabled': true, title: `Read-only: ${reason}` } : {});
  return (
    <span className="quote-buttons">
      <button
        type="button"
        className="link-button"
        title={`Quote this passage in the document's notebook (${shownKey('to-notebook')})`}
        {...unavailable(documentReadOnly)}
        onClick={() => void quoteHighlight('document', highlightId)}
      >
        To notebook
      </button>
      <button
        type="button"
        className="link-button"
        title={`Quote this passage in the library notebook (${shownKey('to-library-notebook')})`}
        {...unavailable(libraryReadOnly)}
        onClick={() => void quoteHighlight('library', highlightId)}
      >
        To library notebook
      </button>
    </span>
  );
}
