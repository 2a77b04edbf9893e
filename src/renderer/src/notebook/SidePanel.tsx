/**
 * The reading view's side panel: tabs "Highlights" and "Notebook" (this
 * document's notebook). The notebook is opened the first time its tab is
 * shown and then kept, saved whenever the reader turns to the other tab.
 * Also, while a document is open, a quote in the notebook shows its passage
 * in the transcript (quoting the selected highlight with Alt+N is the
 * command table's to-notebook, in commands/ReaderCommands.tsx).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import { HighlightList } from '../components/HighlightList';
import { REVEAL_HIGHLIGHT_COMMAND } from '../editor/commands';
import { useReadOnlyReason } from '../state/highlight-changes';
import { readingStore, useReading } from '../state/reading-store';
import { isHighlightDrag } from './highlight-drag';
import { NotebookLoader } from './NotebookLoader';
import { flushNotebooks, setRevealer, showSidePanelTab, useSidePanelTab, type SidePanelTab } from './notebook-state';
import { useCommand } from '../commands/use-command';
import { isTyping } from '../keyboard';
import { closeSidePanelOverlay, isSidePanelShown, setSidePanelCollapsed, showSidePanel, toggleSidePanel, useSidePanelLayout, useSidePanelWidthProperty, useSidePanelWindow } from '../state/side-panel-layout';
import { SidePanelSplitter } from './SidePanelSplitter';
import './side-panel-layout.css';
import './notebook.css';
import './highlight-drop.css';

const TABS: readonly { tab: SidePanelTab; label: string }[] = [
  { tab: 'highlights', label: 'Highlights' },
  { tab: 'notebook', label: 'Notebook' },
];

/** How long a dragged highlight hovers over the Notebook tab before the tab opens (to drop it in the notebook). */
const DRAG_HOVER_MS = 500;

/** Opens tab `open` when a dragged highlight hovers over its button for a moment; the handlers go on the button. */
function useDragHoverTab(open: () => void) {
  const timer = useRef<number | undefined>(undefined);
  const [over, setOver] = useState(false);
  const stop = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    setOver(false);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return {
    over,
    onDragEnter: (e: DragEvent) => {
      if (!isHighlightDrag(e.dataTransfer)) return;
      e.preventDefault();
      setOver(true);
      if (timer.current === undefined)
        timer.current = window.setTimeout(() => {
          stop();
          open();
        }, DRAG_HOVER_MS);
    },
    onDragOver: (e: DragEvent) => {
      if (!isHighlightDrag(e.dataTransfer)) return;
      e.preventDefault();
      // Dropped on the tab itself: nothing happens there (the notebook is where it goes).
      e.dataTransfer.dropEffect = 'none';
    },
    onDragLeave: stop,
    onDrop: stop,
  };
}

/** Lets quotes in the notebook show their passage in this transcript. */
function useRevealer(documentId: string): void {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      setRevealer(documentId, (highlightId) => {
        readingStore.select(highlightId);
        editor.dispatchCommand(REVEAL_HIGHLIGHT_COMMAND, highlightId);
      }),
    [editor, documentId],
  );
}

/** Gives the keys back to the transcript (or the reading view around it). */
function focusTranscript(): void {
  const transcript = document.querySelector<HTMLElement>('.reader .transcript');
  const target = transcript && transcript.tabIndex >= 0 ? transcript : document.querySelector<HTMLElement>('main.reader');
  target?.focus({ preventScroll: true });
}

/**
 * The panel's layout: the toggle command, and in a narrow window the overlay's focus (into it when it opens, back
 * to where it came from when it closes), Escape and clicks outside. Returns the class names for the panel.
 */
function useSidePanelPlacement(panel: RefObject<HTMLDivElement | null>, firstFocus: () => HTMLElement | null | undefined): string {
  const { narrow, collapsed, overlayOpen } = useSidePanelLayout();
  useSidePanelWidthProperty();
  useCommand('toggle-side-panel', toggleSidePanel);
  // A note to write (N or Enter on a highlight, an entry picked) in a hidden panel: the panel shows, and once it is
  // laid out (its list lays out only what is on screen) the note is asked to take the focus again.
  useEffect(
    () =>
      readingStore.subscribe(() => {
        const { noteFocus } = readingStore.getState();
        if (noteFocus === null || isSidePanelShown()) return;
        showSidePanel();
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (readingStore.getState().selectedId === noteFocus && !panel.current?.contains(document.activeElement?.closest('.note-editor') ?? null)) {
              readingStore.select(noteFocus, { focusNote: true });
            }
          }),
        );
      }),
    [panel],
  );
  const shown = isSidePanelShown({ narrow, collapsed, overlayOpen });
  // Hidden with the focus inside: the focus goes to the transcript, not to nowhere.
  useEffect(() => {
    if (!shown && panel.current?.contains(document.activeElement)) focusTranscript();
  }, [shown, panel]);
  useEffect(() => {
    if (!narrow || !overlayOpen) return;
    const cameFrom = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Into the panel, unless something in it has taken the focus by the next frame (a note to write: the note's
    // editor focuses itself a moment after it shows).
    const focusIn = requestAnimationFrame(() => {
      if (!panel.current?.contains(document.activeElement)) firstFocus()?.focus();
    });
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // A menu or list inside the panel closes first; a note or field has its own Escape (back to the text).
      if (isTyping(event.target) || (event.target instanceof Element && event.target.closest('[role="menu"], [role="listbox"], dialog[open]'))) return;
      event.preventDefault();
      event.stopPropagation();
      closeSidePanelOverlay();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null;
      if (target && (panel.current?.contains(target) || (target instanceof Element && target.closest('.side-panel-toggle')))) return;
      closeSidePanelOverlay();
    };
    // The focus went elsewhere (Escape from a note, Tab past the panel's end): the overlay gets out of the way.
    // Looked at a moment later: a field that lets go of the focus first, then gives it to the text, says nowhere.
    const onFocusOut = () =>
      window.setTimeout(() => {
        const to = document.activeElement;
        if (!to || to === document.body || panel.current?.contains(to) || to.closest('.side-panel-toggle')) return;
        closeSidePanelOverlay();
      }, 0);
    const element = panel.current;
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    element?.addEventListener('focusout', onFocusOut);
    return () => {
      cancelAnimationFrame(focusIn);
      element?.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
      // Closed: back to the transcript (or what had the focus), unless a click outside already put it somewhere.
      const focus = document.activeElement;
      if (focus === document.body || focus === null || panel.current?.contains(focus)) {
        if (cameFrom?.isConnected && cameFrom.closest('.reader')) cameFrom.focus({ preventScroll: true });
        else focusTranscript();
      }
    };
  }, [narrow, overlayOpen, panel, firstFocus]);
  if (narrow) return overlayOpen ? 'is-overlay is-open' : 'is-overlay';
  return collapsed ? 'is-collapsed' : '';
}

export function SidePanel() {
  const documentId = useReading((s) => s.opened?.document.id ?? '');
  const title = useReading((s) => s.opened?.document.title ?? '');
  const readOnly = useReadOnlyReason();
  const tab = useSidePanelTab();
  // The notebook is opened when first shown, then kept while the document is open.
  const [notebookOpened, setNotebookOpened] = useState(tab === 'notebook');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const panel = useRef<HTMLDivElement>(null);
  const firstFocus = useCallback(() => panel.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]'), []);
  const placement = useSidePanelPlacement(panel, firstFocus);
  const narrow = useSidePanelWindow((s) => s.narrow);
  useEffect(() => {
    if (tab === 'notebook') setNotebookOpened(true);
  }, [tab]);
  useRevealer(documentId);

  const choose = (next: SidePanelTab) => {
    if (next !== tab) void flushNotebooks();
    showSidePanelTab(next);
  };
  const { over: dragOverNotebook, ...notebookTabDrag } = useDragHoverTab(() => choose('notebook'));
  // Arrow keys move between the tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.tab === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : step ? (at + step + TABS.length) % TABS.length : -1;
    if (to < 0) return;
    event.preventDefault();
    choose(TABS[to].tab);
    tabs.current[to]?.focus();
  };

  return (
    <div ref={panel} id="side-panel" className={`side-tabs ${placement}`.trim()} data-tab={tab}>
      {!narrow && <SidePanelSplitter />}
      <button
        type="button"
        className="side-panel-close"
        aria-label="Hide the side panel"
        title="Hide the side panel"
        onClick={() => (narrow ? closeSidePanelOverlay() : setSidePanelCollapsed(true))}
      >
        ×
      </button>
      <div className="side-tabs__list" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.tab}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`side-tab-${t.tab}`}
            className={`side-tabs__tab${t.tab === 'notebook' && dragOverNotebook ? ' is-drag-over' : ''}`}
            aria-selected={tab === t.tab}
            aria-controls={`side-tabpanel-${t.tab}`}
            tabIndex={tab === t.tab ? 0 : -1}
            onClick={() => choose(t.tab)}
            {...(t.tab === 'notebook' && tab !== 'notebook' ? notebookTabDrag : {})}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-tabs__panel" role="tabpanel" id="side-tabpanel-highlights" aria-labelledby="side-tab-highlights" hidden={tab !== 'highlights'}>
        <HighlightList />
      </div>
      <div className="side-tabs__panel" role="tabpanel" id="side-tabpanel-notebook" aria-labelledby="side-tab-notebook" hidden={tab !== 'notebook'}>
        {notebookOpened && documentId && (
          <NotebookLoader
            key={documentId}
            id={documentId}
            scope="document"
            readOnly={readOnly}
            label={`Notebook of ${title}`}
            placeholder="Write about this transcript: # heading, - list, [ ] to-do. Quote a highlight with Alt+N."
          />
        )}
      </div>
    </div>
  );
}
