/**
 * What the reading view's commands do (the highlight colours, deleting,
 * deselecting, the note, codes, quoting in a notebook, copying) and its
 * context menus: on words selected in the transcript, and on a highlight.
 * The keys, the application menu and the context menus all run these same
 * commands (command-registry.ts), so each does one thing however it is given.
 *
 * With words selected, "Add a code…" and "Quote in notebook" first highlight
 * them (in the first colour) and then act on the new highlight.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useState } from 'react';
import { commandSpec, type CommandId } from '../../../shared/commands';
import { HIGHLIGHT_COLORS } from '../../../shared/model';
import { ContextMenu, type ContextMenuGroup, type ContextMenuItem } from '../components/ContextMenu';
import { APPLY_COLOR_COMMAND, DELETE_HIGHLIGHT_COMMAND } from '../editor/commands';
import { selectedRange } from '../editor/dom-selection';
import { colorName } from '../state/codebook-state';
import { readingStore } from '../state/reading-store';
import { quoteHighlight, showSidePanelTab, type QuoteTarget } from '../notebook/notebook-state';
import { ariaKeys, COLOR_COMMANDS, shownKey } from './command-keys';
import { canRun, runCommand } from './command-registry';
import { useCommand } from './use-command';

interface OpenMenu {
  kind: 'selection' | 'highlight';
  at: { x: number; y: number };
  /** The words selected when it opened, put back before an item runs (the menu took the focus). */
  range: Range | null;
  /** Where the focus was, to give it back. */
  returnFocus: HTMLElement | null;
}

/** How many frames to wait for a newly selected highlight's side-panel entry to show. */
const FRAMES_TO_WAIT = 60;

/** Runs `act` on the element `find` finds once it is on screen (the side panel draws a selected highlight's detail a frame later). */
function whenShown(find: () => HTMLElement | null, act: (el: HTMLElement) => void, frames = FRAMES_TO_WAIT): void {
  const el = find();
  if (el) act(el);
  else if (frames > 0) requestAnimationFrame(() => whenShown(find, act, frames - 1));
}

/** Puts the focus in the code field of highlight `id` in the side panel (the Highlights tab, the highlight selected). */
function focusCodeField(id: string): void {
  showSidePanelTab('highlights');
  readingStore.select(id);
  whenShown(
    () => document.querySelector<HTMLElement>(`.highlight-item[data-id="${CSS.escape(id)}"] .code-field__input`),
    (field) => field.focus(),
  );
}

/** The first mark of highlight `id` in the transcript. */
function markOf(root: HTMLElement, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(id)}"]`);
}

/** Among the highlights of a mark, the one a right-click means: the selected one if it is there, else the shortest. */
function highlightUnder(ids: readonly string[]): string | null {
  const { ranges, selectedId } = readingStore.getState();
  if (selectedId && ids.includes(selectedId)) return selectedId;
  const known = ids.filter((id) => ranges.has(id));
  known.sort((a, b) => ranges.get(a)!.end - ranges.get(a)!.start - (ranges.get(b)!.end - ranges.get(b)!.start));
  return known[0] ?? null;
}

export function ReaderCommands() {
  const [editor] = useLexicalComposerContext();
  const [menu, setMenu] = useState<OpenMenu | null>(null);

  /** The words selected in the transcript (plain-text offsets), or null. */
  const passage = useCallback(() => {
    const root = editor.getRootElement();
    return root ? selectedRange(root, window.getSelection(), readingStore.getState().plainText) : null;
  }, [editor]);
  const selectedId = () => readingStore.getState().selectedId;

  /** With words selected, highlights them and then acts on the new highlight; else acts on the selected one. */
  const onHighlight = (act: (id: string) => void, hint: string) => {
    if (passage()) {
      const off = readingStore.subscribeSelection((_before, next) => {
        if (next === null) return;
        off();
        act(next);
      });
      // A refused highlight (a read-only document) is never selected: stop listening after a while.
      window.setTimeout(off, 5000);
      editor.dispatchCommand(APPLY_COLOR_COMMAND, HIGHLIGHT_COLORS[0]);
      return;
    }
    const id = selectedId();
    if (id) act(id);
    else readingStore.setStatus({ kind: 'info', message: hint });
  };
  const quote = (target: QuoteTarget) =>
    onHighlight((id) => void quoteHighlight(target, id), `Select a highlight first, then press ${shownKey(target === 'document' ? 'to-notebook' : 'to-library-notebook')} to quote it in the notebook.`);

  for (const { color, id } of COLOR_COMMANDS) {
    // A fixed list: the same hooks in the same order on every render.
    useCommand(id, () => editor.dispatchCommand(APPLY_COLOR_COMMAND, color));
  }
  useCommand(
    'delete-highlight',
    () => {
      const id = selectedId();
      if (id) editor.dispatchCommand(DELETE_HIGHLIGHT_COMMAND, id);
    },
    () => selectedId() !== null,
  );
  useCommand('deselect', () => readingStore.select(null), () => selectedId() !== null);
  useCommand(
    'open-note',
    () => {
      const id = selectedId();
      if (!id) return;
      showSidePanelTab('highlights');
      readingStore.select(id, { focusNote: true });
    },
    () => selectedId() !== null,
  );
  useCommand('add-code', () => onHighlight(focusCodeField, 'Select a highlight first, then add a code to it.'), () => passage() !== null || selectedId() !== null);
  useCommand('to-notebook', () => quote('document'));
  useCommand('to-library-notebook', () => quote('library'));
  // Copy quote with citation and Copy highlight as Markdown are the toolbar's (CopyActions.tsx).
  // Copy is Electron's role in the menu bar and the browser's own key; the context menu copies the words the same way.
  useCommand('copy', () => document.execCommand('copy'), () => passage() !== null);

  const openMenu = useCallback(
    (at: { x: number; y: number } | null): boolean => {
      const root = editor.getRootElement();
      if (!root) return false;
      const selection = window.getSelection();
      const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (passage() && selection && selection.rangeCount > 0) {
        const range = selection.getRangeAt(0).cloneRange();
        const box = range.getBoundingClientRect();
        setMenu({ kind: 'selection', at: at ?? { x: box.left, y: box.bottom + 4 }, range, returnFocus });
        return true;
      }
      const id = readingStore.getState().selectedId;
      if (!id) return false;
      const box = markOf(root, id)?.getBoundingClientRect();
      const onScreen = box && box.bottom > 0 && box.top < window.innerHeight;
      const rootBox = root.getBoundingClientRect();
      setMenu({ kind: 'highlight', at: at ?? (onScreen ? { x: box.left, y: box.bottom + 4 } : { x: rootBox.left + 40, y: Math.max(rootBox.top, 0) + 40 }), range: null, returnFocus });
      return true;
    },
    [editor, passage],
  );

  useCommand('context-menu', () => void openMenu(null), () => passage() !== null || selectedId() !== null);

  // A right-click in the transcript: on selected words, their menu; on a highlight, it is selected and its menu opens.
  useEffect(() => {
    const onContextMenu = (event: MouseEvent) => {
      const root = editor.getRootElement();
      if (!root || !(event.target instanceof Node) || !root.contains(event.target)) return;
      if (document.querySelector('.context-menu')) {
        event.preventDefault();
        return;
      }
      const selection = window.getSelection();
      const onWords =
        passage() !== null &&
        selection !== null &&
        selection.rangeCount > 0 &&
        Array.from(selection.getRangeAt(0).getClientRects()).some((r) => event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom);
      if (!onWords) {
        const mark = event.target instanceof Element ? event.target.closest('mark[data-ids]') : event.target.parentElement?.closest('mark[data-ids]');
        const id = mark instanceof HTMLElement ? highlightUnder((mark.dataset.ids ?? '').split(' ')) : null;
        if (!id) return;
        selection?.removeAllRanges();
        readingStore.select(id);
      }
      event.preventDefault();
      openMenu({ x: event.clientX, y: event.clientY });
    };
    document.addEventListener('contextmenu', onContextMenu);
    return () => document.removeEventListener('contextmenu', onContextMenu);
  }, [editor, openMenu, passage]);

  if (!menu) return null;

  const item = (id: CommandId, label = commandSpec(id).label, extra: Partial<ContextMenuItem> = {}): ContextMenuItem => ({
    key: id,
    label,
    shortcut: shownKey(id),
    ariaShortcut: ariaKeys(id),
    disabled: !canRun(id),
    run: () => runCommand(id),
    ...extra,
  });
  const current = menu.kind === 'highlight' ? readingStore.getState().annotations.get(readingStore.getState().selectedId ?? '')?.color : undefined;
  const colours = COLOR_COMMANDS.map(({ color, id }) => item(id, colorName(color), { swatch: color, ...(menu.kind === 'highlight' ? { checked: color === current } : {}) }));
  const groups: ContextMenuGroup[] =
    menu.kind === 'selection'
      ? [
          { label: 'Highlight', showLabel: true, items: colours },
          { label: 'Selected words', items: [item('add-code'), item('to-notebook'), item('copy'), item('copy-quote')] },
        ]
      : [
          { label: 'Colour', showLabel: true, items: colours },
          { label: 'Highlight', items: [item('add-code'), item('open-note'), item('to-notebook'), item('copy-highlight'), item('delete-highlight')] },
        ];

  const close = (picked: ContextMenuItem | null) => {
    const { range, returnFocus } = menu;
    setMenu(null);
    returnFocus?.focus({ preventScroll: true });
    if (range) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    picked?.run();
  };

  return <ContextMenu label={menu.kind === 'selection' ? 'Selected words' : 'Highlight'} groups={groups} at={menu.at} onClose={close} />;
}
