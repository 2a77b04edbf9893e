/**
 * How a quote looks in a notebook: the passage, who said it (and in the
 * library notebook, in which document), and "No longer linked" once its
 * highlight is gone. Clicking it shows the passage in its transcript; the
 * keyboard does the same with Enter on a selected quote (QuoteKeysPlugin).
 */
import { memo } from 'react';
import { useNotebookContext } from './notebook-context';
import type { HighlightQuote } from './quote';
import { useIsUnlinked } from './quote-links';

export const HighlightQuoteView = memo(function HighlightQuoteView({ quote, nodeKey }: { quote: HighlightQuote; nodeKey: string }) {
  const { scope, openQuote } = useNotebookContext();
  const unlinked = useIsUnlinked(quote.highlightId);
  const where = scope === 'library' && quote.documentTitle ? quote.documentTitle : null;
  return (
    <figure
      className={`notebook-quote${unlinked ? ' is-unlinked' : ''}`}
      data-node-key={nodeKey}
      data-highlight-id={quote.highlightId}
      title={unlinked ? 'Its highlight was deleted: this quote no longer links to the transcript' : 'Show this passage in its transcript'}
      onClick={() => openQuote(quote)}
    >
      <blockquote className="notebook-quote__text">{quote.text}</blockquote>
      <figcaption className="notebook-quote__by">
        <span className="notebook-quote__speaker">— {quote.speaker ?? 'No speaker'}</span>
        {where && <cite className="notebook-quote__document">{where}</cite>}
        {unlinked && <span className="notebook-quote__unlinked">No longer linked</span>}
      </figcaption>
    </figure>
  );
});
