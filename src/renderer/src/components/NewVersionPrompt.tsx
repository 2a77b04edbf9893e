/**
 * Asks, without blocking anything, whether an imported file is a new version
 * of a document already in the library (a file of the same name, with other
 * text): "Replace text" moves that document's highlights onto the new text
 * and shows the report; "Keep both" leaves two documents.
 */
import { useId } from 'react';
import { adoptNewVersion, keepBoth, useTextReplacement } from '../state/text-replacement';
import './NewVersionPrompt.css';

export function NewVersionPrompt() {
  const offer = useTextReplacement((s) => s.offers[0]);
  const busy = useTextReplacement((s) => s.busy !== null);
  const titleId = useId();
  if (!offer) return null;
  return (
    <div className="new-version" role="dialog" aria-labelledby={titleId}>
      <p id={titleId} className="new-version__question">
        “{offer.fileName}” looks like a new version of “{offer.into.title}”. Replace the text of “{offer.into.title}” with it? Your highlights will be moved onto
        the new text.
      </p>
      <div className="new-version__buttons">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void adoptNewVersion(offer)}>
          Replace text
        </button>
        <button type="button" className="button" onClick={() => keepBoth(offer)}>
          Keep both
        </button>
      </div>
    </div>
  );
}
