/**
 * The side panel: every highlight in document order with its colour,
 * speaker, shortened quote and note. Clicking one reveals it in the
 * transcript; the selected one opens its note for editing.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useMemo } from 'react';
import { attributionOf } from '../../../core/transcript/plain-text';
import { HIGHLIGHT_COLORS, type Annotation } from '../../../shared/model';
import { APPLY_COLOR_COMMAND, DELETE_HIGHLIGHT_COMMAND, REVEAL_HIGHLIGHT_COMMAND } from '../editor/commands';
import { readingStore, useReading } from '../state/reading-store';
import { NoteEditor } from './NoteEditor';

const QUOTE_PREVIEW = 180;

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function HighlightList() {
  const [editor] = useLexicalComposerContext();
  const annotations = useReading((s) => s.annotations);
  const ranges = useReading((s) => s.ranges);
  const transcript = useReading((s) => s.opened?.transcript);
  const selectedId = useReading((s) => s.selectedId);

  const ordered = useMemo(() => {
    const list = [...annotations.values()];
    const at = (a: Annotation) => ranges.get(a.id)?.start ?? Number.MAX_SAFE_INTEGER;
    return list.sort((a, b) => at(a) - at(b) || (ranges.get(a.id)?.end ?? 0) - (ranges.get(b.id)?.end ?? 0));
  }, [annotations, ranges]);

  const open = (id: string) => {
    readingStore.select(id);
    editor.dispatchCommand(REVEAL_HIGHLIGHT_COMMAND, id);
  };

  return (
    <aside className="side-panel" aria-label="Highlights">
      <h2 className="side-panel__title">Highlights</h2>
      {ordered.length === 0 && (
        <p className="side-panel__empty">
          Select text in the transcript and pick a colour (or press Alt+1 to Alt+5) to highlight it.
        </p>
      )}
      <ol className="highlight-list">
        {ordered.map((a) => {
          const range = ranges.get(a.id);
          const speaker = range && transcript ? attributionOf(transcript, range.start, range.end) : 'Text not found';
          const selected = a.id === selectedId;
          return (
            <li key={a.id} className={`highlight-item${selected ? ' is-selected' : ''}`} data-id={a.id} data-color={a.color}>
              <button type="button" className="highlight-item__open" onClick={() => open(a.id)} aria-current={selected || undefined}>
                <span className="highlight-item__speaker">
                  <span className={`dot dot--${a.color}`} aria-label={a.color} />
                  {speaker}
                </span>
                <span className="highlight-item__quote">{shorten(a.selectors.quote.exact, QUOTE_PREVIEW)}</span>
                {!selected && a.note && <span className="highlight-item__note">{shorten(a.note, 240)}</span>}
              </button>
              {selected && (
                <div className="highlight-item__detail">
                  <NoteEditor key={a.id} annotation={a} />
                  <div className="highlight-item__actions">
                    {HIGHLIGHT_COLORS.map((color) => (
                      <button
                        key={color}
                        type="button"
                        className={`swatch swatch--small swatch--${color}${a.color === color ? ' is-current' : ''}`}
                        aria-label={`Change colour to ${color}`}
                        onClick={() => editor.dispatchCommand(APPLY_COLOR_COMMAND, color)}
                      />
                    ))}
                    <button type="button" className="link-button link-button--danger" onClick={() => editor.dispatchCommand(DELETE_HIGHLIGHT_COMMAND, a.id)}>
                      Delete
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
