/**
 * The side panel's "Orphans": highlights a corrected transcript could not
 * place with confidence. Each keeps its quote as it was, its note, codes and
 * colour; none is painted in the text. "Re-attach to selection" attaches one
 * to the passage the reader has selected in the transcript, where it is
 * painted and from where it leaves this list. An orphan selected from
 * elsewhere (a gloss:// link to it) is marked and scrolled into view.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useId, useRef } from 'react';
import { notePreviewText } from '../../../core/notes/note-preview';
import { shorten } from '../../../core/text/shorten';
import type { Annotation } from '../../../shared/model';
import { REVEAL_HIGHLIGHT_COMMAND } from '../editor/commands';
import { selectedRange } from '../editor/dom-selection';
import { reattachHighlight, useReadOnlyReason } from '../state/highlight-changes';
import type { Entry } from '../state/highlight-groups';
import { readingStore, useReading } from '../state/reading-store';
import { CodeChips } from './CodeField';
import { ColorDot } from './ColorLegend';
import './OrphanList.css';

const QUOTE_PREVIEW = 240;

/** Where the orphans stood in the replaced text: the list keeps that order. */
const byOldPlace = (a: Entry, b: Entry) => a.annotation.selectors.position.start - b.annotation.selectors.position.start;

function OrphanItem({ annotation: a }: { annotation: Annotation }) {
  const [editor] = useLexicalComposerContext();
  const readOnly = useReadOnlyReason();
  const quote = shorten(a.selectors.quote.exact, QUOTE_PREVIEW);
  const selected = useReading((s) => s.selectedId === a.id);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const reattach = async () => {
    const root = editor.getRootElement();
    const range = root ? selectedRange(root, window.getSelection(), readingStore.getState().plainText) : null;
    if (!range) {
      readingStore.setStatus({ kind: 'info', message: 'Select the passage in the transcript first, then press “Re-attach to selection” on the orphan.' });
      return;
    }
    if (!(await reattachHighlight(a.id, range))) return;
    window.getSelection()?.removeAllRanges();
    readingStore.select(a.id);
    editor.dispatchCommand(REVEAL_HIGHLIGHT_COMMAND, a.id);
    readingStore.setStatus({ kind: 'info', message: 'Re-attached: the highlight is in the text again.' });
  };
  return (
    <li ref={ref} className={selected ? 'orphan-item is-selected' : 'orphan-item'} data-id={a.id} data-color={a.color} aria-current={selected || undefined}>
      <div className="orphan-item__head">
        <ColorDot color={a.color} />
        <span className="orphan-item__label">Not placed</span>
      </div>
      <blockquote className="orphan-item__quote" title={a.selectors.quote.exact}>
        {quote}
      </blockquote>
      {a.note.trim() !== '' && <p className="orphan-item__note">{shorten(notePreviewText(a), 400)}</p>}
      <CodeChips codes={a.codes} />
      <button
        type="button"
        className="button orphan-item__reattach"
        aria-label={`Re-attach to selection: ${shorten(a.selectors.quote.exact, 60)}`}
        aria-disabled={readOnly ? true : undefined}
        title={readOnly ? `Read-only: ${readOnly}` : 'Select the passage in the transcript, then press this to attach the highlight there'}
        // The passage selected in the transcript stays selected while the button is pressed.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void reattach()}
      >
        Re-attach to selection
      </button>
    </li>
  );
}

export function OrphanList({ orphans }: { orphans: readonly Entry[] }) {
  const titleId = useId();
  const sorted = [...orphans].sort(byOldPlace);
  return (
    <section className="orphans" aria-labelledby={titleId}>
      <h3 id={titleId} className="orphans__title">
        Orphans <span className="orphans__count">{orphans.length}</span>
      </h3>
      <p className="orphans__hint">Their text was not found in the transcript as it is now (corrected since, or quoted differently in an imported file). Select the passage where one belongs, then re-attach it.</p>
      <ul className="orphans__list" aria-labelledby={titleId}>
        {sorted.map((e) => (
          <OrphanItem key={e.annotation.id} annotation={e.annotation} />
        ))}
      </ul>
    </section>
  );
}
