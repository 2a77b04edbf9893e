/**
 * The side panel: the highlights with their colour, speaker, shortened quote
 * and note, filtered and sorted as the filter bar above them says
 * (HighlightFilters, kept per document). Clicking one reveals it in the
 * transcript; the selected one opens its note for editing (shown above the
 * list when the filters hide it). One highlight, or those listed, can be
 * copied as Markdown.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { notePreviewText } from '../../../core/notes/note-preview';
import { isFiltering } from '../../../core/study/filter-highlights';
import { shorten } from '../../../core/text/shorten';
import { HIGHLIGHT_COLORS, type Annotation } from '../../../shared/model';
import { APPLY_COLOR_COMMAND, DELETE_HIGHLIGHT_COMMAND, REVEAL_HIGHLIGHT_COMMAND } from '../editor/commands';
import { colorPhrase, useCodebook } from '../state/codebook-state';
import { useReadOnlyReason } from '../state/highlight-changes';
import { groupIndexOf, useFilteredList, usePanelView } from '../state/highlight-filter';
import { splitOrphans, useHighlightGroups, type Entry, type Group } from '../state/highlight-groups';
import { readingStore, useIsSelected, useReading } from '../state/reading-store';
import { useRevealRequests } from '../state/reveal-request';
import { CodeChips, CodeField } from './CodeField';
import { ColorDot } from './ColorLegend';
import { HighlightFilters } from './HighlightFilters';
import { NoteEditor } from './NoteEditor';
import { OrphanList } from './OrphanList';
import { QuoteButtons } from '../notebook/QuoteButtons';
import { setHighlightDrag } from '../notebook/highlight-drag';
import { copyHighlightsAsMarkdown } from '../state/copy-markdown';
import { shownKey } from '../commands/command-keys';

const QUOTE_PREVIEW = 180;
const NO_GROUPS: readonly Group[] = [];
const NO_SPEAKERS: readonly string[] = [];

interface ItemProps {
  annotation: Annotation;
  speaker: string;
  onOpen: (id: string) => void;
}

/** One highlight in the list; re-rendered only when its own data or selection changes (a book has thousands). */
const HighlightItem = memo(function HighlightItem({ annotation: a, speaker, onOpen }: ItemProps) {
  const selected = useIsSelected(a.id);
  return (
    <div role="listitem" className={`highlight-item${selected ? ' is-selected' : ''}`} data-id={a.id} data-color={a.color}>
      <button
        type="button"
        className="highlight-item__open"
        onClick={() => onOpen(a.id)}
        aria-current={selected || undefined}
        // Dragged onto the notebook, it is quoted there (HighlightDropPlugin); into other programs it is its quote.
        draggable
        onDragStart={(e) => setHighlightDrag(e.dataTransfer, { documentId: a.documentId, highlightId: a.id }, a.selectors.quote.exact, speaker || null)}
      >
        <span className="highlight-item__speaker">
          <ColorDot color={a.color} />
          {speaker}
        </span>
        <span className="highlight-item__quote">{shorten(a.selectors.quote.exact, QUOTE_PREVIEW)}</span>
        {!selected && a.note && <span className="highlight-item__note">{shorten(notePreviewText(a), 240)}</span>}
        {!selected && <CodeChips codes={a.codes} />}
      </button>
      {selected && <HighlightDetail annotation={a} />}
    </div>
  );
});

/** The selected highlight's note and actions; where the document cannot be changed, the actions say why when pressed. */
function HighlightDetail({ annotation: a }: { annotation: Annotation }) {
  const [editor] = useLexicalComposerContext();
  const readOnly = useReadOnlyReason();
  // Undo and redo change a note from outside its editor: the editor starts again from the note.
  const noteRevision = useReading((s) => s.noteRevision);
  const unavailable = readOnly ? { 'aria-disabled': true, title: `Read-only: ${readOnly}` } : {};
  const colorLabels = useCodebook((s) => s.colors);
  return (
    <div className="highlight-item__detail">
      <NoteEditor key={`${a.id}:${noteRevision}`} annotation={a} />
      <CodeField key={`codes:${a.id}`} annotation={a} />
      <div className="highlight-item__actions">
        {HIGHLIGHT_COLORS.map((color, i) => (
          <button
            key={color}
            type="button"
            className={`swatch swatch--small swatch--${color}${a.color === color ? ' is-current' : ''}`}
            aria-label={`Change colour to ${colorPhrase(color, colorLabels[i]?.name)}`}
            {...unavailable}
            onClick={() => editor.dispatchCommand(APPLY_COLOR_COMMAND, color)}
          />
        ))}
        <button type="button" className="link-button" title={`Copy this highlight as Markdown: quote, speaker, note, codes, link back (${shownKey('copy-highlight')})`} onClick={() => void copyHighlightsAsMarkdown([a.id])}>
          Copy as Markdown
        </button>
        <button type="button" className="link-button link-button--danger" {...unavailable} onClick={() => editor.dispatchCommand(DELETE_HIGHLIGHT_COMMAND, a.id)}>
          Delete
        </button>
      </div>
      <QuoteButtons highlightId={a.id} />
    </div>
  );
}

/** Until a group comes near the panel's window it is an empty box of about its height (a book has thousands of highlights). */
const ITEM_HEIGHT_GUESS = 96;
/** One formatter for every count (toLocaleString makes one per call: thousands when a long list is rebuilt). */
const NUMBERS = new Intl.NumberFormat('en');
/** Height of list, from its top, built as soon as the list is (re)built: more than a panel's height on a large screen. */
const FIRST_SCREEN_PX = 1_400;

/** True once `ref`'s element has come within a panel's height of the side panel's window (or `bring` was called); stays true. */
function useNearWindow(ref: RefObject<HTMLElement | null>, already: boolean, atFirst = false): [near: boolean, bring: () => void] {
  const [near, setNear] = useState(already || atFirst);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const observer = new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && setNear(true), {
      root: el.closest('.side-panel'),
      rootMargin: '100% 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, near]);
  return [near || already, useCallback(() => setNear(true), [])];
}

interface ChunkProps {
  entries: readonly Entry[];
  /** Position of the group's first highlight in the whole list, from 1, and the list's length: read out by screen readers. */
  first: number;
  total: number;
  /** Holds the selected highlight: mounted wherever it is, so that its note can take the focus. */
  holdsSelected: boolean;
  /** Opens the list's first screen: built at once, without waiting a frame for the observer to say it is in view. */
  leading: boolean;
  onOpen: (id: string) => void;
}

/** The highlights of one stretch of the transcript; re-rendered when one of them changes or its place in the list moves (its entries only when their own data changes). */
const HighlightChunk = memo(function HighlightChunk({ entries, first, total, holdsSelected, leading, onOpen }: ChunkProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, bring] = useNearWindow(ref, holdsSelected, leading);
  // Tabbing through the list reaches a group not built yet: it is built, and the focus goes on to its first entry.
  const focusFirst = useRef(false);
  useEffect(() => {
    if (!near || !focusFirst.current) return;
    focusFirst.current = false;
    ref.current?.querySelector<HTMLElement>('.highlight-item__open')?.focus();
  }, [near]);
  // Each group is a list of its own, named by where it stands in the whole, so that a screen reader knows how many
  // highlights there are although only the groups near the window are built.
  const count = (n: number) => NUMBERS.format(n);
  const label = `Highlights ${count(first)} to ${count(first + entries.length - 1)} of ${count(total)}`;
  if (!near) {
    const reach = () => {
      focusFirst.current = true;
      bring();
    };
    return (
      <div ref={ref} className="highlight-chunk" role="list" aria-label={`${label}, not shown yet`} tabIndex={0} onFocus={reach} style={{ height: entries.length * ITEM_HEIGHT_GUESS }} />
    );
  }
  return (
    <div ref={ref} className="highlight-chunk" role="list" aria-label={label} style={{ containIntrinsicSize: `auto ${entries.length * ITEM_HEIGHT_GUESS}px` }}>
      {entries.map((e) => (
        <HighlightItem key={e.annotation.id} annotation={e.annotation} speaker={e.speaker} onOpen={onOpen} />
      ))}
    </div>
  );
});

export function HighlightList() {
  const [editor] = useLexicalComposerContext();
  const count = useReading((s) => s.annotations.size);
  const selectedId = useReading((s) => s.selectedId);
  // The list follows changes in the background: highlighting, typing and opening a document with thousands of
  // highlights paint first, and the list catches up a moment later.
  const allGroups = useDeferredValue(useHighlightGroups(), NO_GROUPS);
  // Orphans (text a corrected transcript could not place) are listed apart, after the rest, and never filtered.
  const { placed: everyGroup, orphans } = useMemo(() => splitOrphans(allGroups), [allGroups]);
  // Filtered and sorted as set for this document (highlight-filter.ts).
  const documentId = useReading((s) => s.opened?.document.id);
  const speakers = useReading((s) => s.opened?.transcript.speakers ?? NO_SPEAKERS);
  // Not deferred: a filter pressed shows its list in the same frame as the pressed chip (filtering 5,000 takes a few ms).
  const view = usePanelView(documentId);
  const { groups, shown, total: inDocument } = useFilteredList(everyGroup, view);
  const selectedIndex = groupIndexOf(groups, selectedId);
  // The selected highlight, when the filters hide it: shown above the list all the same, so that it can be worked on.
  const hiddenSelected =
    selectedIndex < 0 && isFiltering(view.filter) ? everyGroup[groupIndexOf(everyGroup, selectedId)]?.[1].find((e) => e.annotation.id === selectedId) : undefined;
  const firsts: number[] = [];
  let total = 0;
  for (const [, entries] of groups) {
    firsts.push(total + 1);
    total += entries.length;
  }

  const open = useCallback(
    (id: string) => {
      readingStore.select(id);
      editor.dispatchCommand(REVEAL_HIGHLIGHT_COMMAND, id);
    },
    [editor],
  );
  // Picked in this list: its note takes the focus, to be written (from the text, N or Enter does the same).
  const openToWrite = useCallback(
    (id: string) => {
      readingStore.select(id, { focusNote: true });
      editor.dispatchCommand(REVEAL_HIGHLIGHT_COMMAND, id);
    },
    [editor],
  );
  // A passage asked for from outside the reader (the overview, a notebook) is selected and scrolled to.
  useRevealRequests(documentId, open);

  return (
    <aside className="side-panel" aria-label="Highlights">
      <h2 className="side-panel__title">Highlights</h2>
      {documentId && count > 0 && <HighlightFilters documentId={documentId} groups={everyGroup} speakers={speakers} shown={shown} total={inDocument} />}
      {shown > 0 && (
        <button
          type="button"
          className="link-button highlight-list__copy"
          title="Copy every highlight listed here (as the filters have it) as Markdown"
          onClick={() => void copyHighlightsAsMarkdown(groups.flatMap(([, entries]) => entries.map((e) => e.annotation.id)))}
        >
          {isFiltering(view.filter) ? `Copy ${NUMBERS.format(shown)} listed ${shown === 1 ? 'highlight' : 'highlights'} as Markdown` : `Copy all ${NUMBERS.format(shown)} as Markdown`}
        </button>
      )}
      {everyGroup.length > 0 && shown === 0 && <p className="highlight-list__none">No highlights match these filters.</p>}
      {count === 0 && (
        <p className="side-panel__empty">
          Select text in the transcript and pick a colour (or press {shownKey('highlight-yellow')} to {shownKey('highlight-red')}) to highlight it.
        </p>
      )}
      {hiddenSelected && (
        <div className="highlight-list__hidden-selected" role="group" aria-labelledby="hidden-selected-title">
          <h3 id="hidden-selected-title" className="highlight-list__hidden-title">
            Selected, hidden by the filters
          </h3>
          <div role="list">
            <HighlightItem annotation={hiddenSelected.annotation} speaker={hiddenSelected.speaker} onOpen={openToWrite} />
          </div>
        </div>
      )}
      {/* Built afresh for a new filter or order: only the groups near the window are built again. */}
      <div className="highlight-list" key={`${view.sort}:${JSON.stringify(view.filter)}`}>
        {groups.map(([stretch, entries], i) => (
          <HighlightChunk
            key={stretch}
            entries={entries}
            first={firsts[i]}
            total={total}
            holdsSelected={i === selectedIndex}
            leading={(firsts[i] - 1) * ITEM_HEIGHT_GUESS < FIRST_SCREEN_PX}
            onOpen={openToWrite}
          />
        ))}
      </div>
      {orphans.length > 0 && <OrphanList orphans={orphans} />}
    </aside>
  );
}
