/**
 * The side panel: every highlight in document order with its colour,
 * speaker, shortened quote and note. Clicking one reveals it in the
 * transcript; the selected one opens its note for editing.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { memo, useCallback, useDeferredValue, useMemo, type ReactElement } from 'react';
import type { TextRange } from '../../../core/anchoring/selectors';
import { attributionOf } from '../../../core/transcript/plain-text';
import { HIGHLIGHT_COLORS, type Annotation } from '../../../shared/model';
import { APPLY_COLOR_COMMAND, DELETE_HIGHLIGHT_COMMAND, REVEAL_HIGHLIGHT_COMMAND } from '../editor/commands';
import { readingStore, useReading } from '../state/reading-store';
import { NoteEditor } from './NoteEditor';

const QUOTE_PREVIEW = 180;
/** Highlights per chunk of the list: the browser skips chunks off screen. */
const CHUNK_ITEMS = 50;
const NO_ANNOTATIONS: ReadonlyMap<string, Annotation> = new Map();
const NO_RANGES: ReadonlyMap<string, TextRange> = new Map();

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

interface ItemProps {
  annotation: Annotation;
  speaker: string;
  onOpen: (id: string) => void;
}

/** One highlight in the list; re-rendered only when its own data or selection changes (a book has thousands). */
const HighlightItem = memo(function HighlightItem({ annotation: a, speaker, onOpen }: ItemProps) {
  const [editor] = useLexicalComposerContext();
  const selected = useReading((s) => s.selectedId === a.id);
  return (
    <div role="listitem" className={`highlight-item${selected ? ' is-selected' : ''}`} data-id={a.id} data-color={a.color}>
      <button type="button" className="highlight-item__open" onClick={() => onOpen(a.id)} aria-current={selected || undefined}>
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
    </div>
  );
});

export function HighlightList() {
  const [editor] = useLexicalComposerContext();
  const current = useReading((s) => s.annotations);
  const transcript = useReading((s) => s.opened?.transcript);
  // The list follows changes in the background: highlighting, typing and opening a document with thousands of
  // highlights paint first, and the list (sorted, then diffed item by item) catches up a moment later.
  const annotations = useDeferredValue(current, NO_ANNOTATIONS);
  const ranges = useDeferredValue(
    useReading((s) => s.ranges),
    NO_RANGES,
  );

  const ordered = useMemo(() => {
    // Positions looked up once, not in every comparison.
    const list = [...annotations.values()].map((a) => {
      const range = ranges.get(a.id);
      return { a, start: range?.start ?? Number.MAX_SAFE_INTEGER, end: range?.end ?? 0 };
    });
    return list.sort((x, y) => x.start - y.start || x.end - y.end).map((x) => x.a);
  }, [annotations, ranges]);

  const open = useCallback(
    (id: string) => {
      readingStore.select(id);
      editor.dispatchCommand(REVEAL_HIGHLIGHT_COMMAND, id);
    },
    [editor],
  );

  const items = useMemo(() => {
    const bySpan = new Map<string, string>();
    const speakerOf = (id: string) => {
      const range = ranges.get(id);
      if (!range || !transcript) return 'Text not found';
      const key = `${range.start}:${range.end}`;
      let name = bySpan.get(key);
      if (name === undefined) bySpan.set(key, (name = attributionOf(transcript, range.start, range.end)));
      return name;
    };
    const chunks: ReactElement[] = [];
    for (let i = 0; i < ordered.length; i += CHUNK_ITEMS) {
      const slice = ordered.slice(i, i + CHUNK_ITEMS);
      // Keyed by position: a new highlight moves one item per later chunk into the next, rather than remounting them all.
      chunks.push(
        <div key={i} className="highlight-chunk" role="none">
          {slice.map((a) => (
            <HighlightItem key={a.id} annotation={a} speaker={speakerOf(a.id)} onOpen={open} />
          ))}
        </div>,
      );
    }
    return chunks;
  }, [ordered, ranges, transcript, open]);

  return (
    <aside className="side-panel" aria-label="Highlights">
      <h2 className="side-panel__title">Highlights</h2>
      {current.size === 0 && (
        <p className="side-panel__empty">
          Select text in the transcript and pick a colour (or press Alt+1 to Alt+5) to highlight it.
        </p>
      )}
      <div className="highlight-list" role="list">
        {items}
      </div>
    </aside>
  );
}
