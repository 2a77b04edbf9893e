/**
 * The side panel: every highlight in document order with its colour,
 * speaker, shortened quote and note. Clicking one reveals it in the
 * transcript; the selected one opens its note for editing.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { memo, useCallback, useDeferredValue, useMemo, useRef } from 'react';
import type { TextRange } from '../../../core/anchoring/selectors';
import { attributionOf } from '../../../core/transcript/plain-text';
import { HIGHLIGHT_COLORS, type Annotation } from '../../../shared/model';
import { APPLY_COLOR_COMMAND, DELETE_HIGHLIGHT_COMMAND, REVEAL_HIGHLIGHT_COMMAND } from '../editor/commands';
import { readingStore, useReading } from '../state/reading-store';
import { NoteEditor } from './NoteEditor';

const QUOTE_PREVIEW = 180;
/** Characters of transcript per group of the list (a few dozen highlights in a heavily marked book): the browser skips groups off screen. */
const STRETCH_CHARS = 20_000;
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

interface Entry {
  annotation: Annotation;
  range: TextRange | undefined;
  start: number;
  end: number;
  speaker: string;
}

function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.annotation === b[i].annotation && e.speaker === b[i].speaker);
}

/** The highlights of one stretch of the transcript; re-rendered only when one of them changes. */
const HighlightChunk = memo(
  function HighlightChunk({ entries, onOpen }: { entries: readonly Entry[]; onOpen: (id: string) => void }) {
    return (
      <div className="highlight-chunk" role="none">
        {entries.map((e) => (
          <HighlightItem key={e.annotation.id} annotation={e.annotation} speaker={e.speaker} onOpen={onOpen} />
        ))}
      </div>
    );
  },
  (before, after) => before.onOpen === after.onOpen && sameEntries(before.entries, after.entries),
);

export function HighlightList() {
  const [editor] = useLexicalComposerContext();
  const current = useReading((s) => s.annotations);
  const transcript = useReading((s) => s.opened?.transcript);
  // The list follows changes in the background: highlighting, typing and opening a document with thousands of
  // highlights paint first, and the list catches up a moment later.
  const annotations = useDeferredValue(current, NO_ANNOTATIONS);
  const ranges = useDeferredValue(
    useReading((s) => s.ranges),
    NO_RANGES,
  );

  // Highlights grouped by the stretch of text they start in, each group in document order: a change
  // re-renders only its own group. Highlights whose text is gone come last.
  // Entries of unchanged highlights are kept from one change to the next: less to compute and to collect.
  const known = useRef(new WeakMap<Annotation, Entry>());
  const groups = useMemo(() => {
    const byStretch = new Map<number, Entry[]>();
    for (const annotation of annotations.values()) {
      const range = ranges.get(annotation.id);
      const stretch = range ? Math.floor(range.start / STRETCH_CHARS) : Number.MAX_SAFE_INTEGER;
      let entry = known.current.get(annotation);
      if (!entry || entry.range !== range) {
        const speaker = range && transcript ? attributionOf(transcript, range.start, range.end) : 'Text not found';
        entry = { annotation, range, start: range?.start ?? 0, end: range?.end ?? 0, speaker };
        known.current.set(annotation, entry);
      }
      const group = byStretch.get(stretch);
      if (group) group.push(entry);
      else byStretch.set(stretch, [entry]);
    }
    for (const group of byStretch.values()) group.sort((x, y) => x.start - y.start || x.end - y.end);
    return [...byStretch].sort(([a], [b]) => a - b);
  }, [annotations, ranges, transcript]);

  const open = useCallback(
    (id: string) => {
      readingStore.select(id);
      editor.dispatchCommand(REVEAL_HIGHLIGHT_COMMAND, id);
    },
    [editor],
  );

  return (
    <aside className="side-panel" aria-label="Highlights">
      <h2 className="side-panel__title">Highlights</h2>
      {current.size === 0 && (
        <p className="side-panel__empty">
          Select text in the transcript and pick a colour (or press Alt+1 to Alt+5) to highlight it.
        </p>
      )}
      <div className="highlight-list" role="list">
        {groups.map(([stretch, entries]) => (
          <HighlightChunk key={stretch} entries={entries} onOpen={open} />
        ))}
      </div>
    </aside>
  );
}
