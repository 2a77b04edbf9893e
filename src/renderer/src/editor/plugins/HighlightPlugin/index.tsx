/**
 * Highlights in the transcript: applies, recolours, deletes and reveals them
 * on command, selects one on click, and keeps every mark painted in its
 * highlight's colour (their keys are the command table's, run by
 * commands/ReaderCommands.tsx).
 *
 * The focus: making or clicking a highlight in the text leaves the focus in
 * the text, so that Delete, Escape and the colour keys act on it at once; its
 * note opens in the side panel and takes the focus on N or Enter (or when the
 * highlight is picked in the side panel's list). Escape in the note (or any
 * field of the selected highlight) comes back to the text with the highlight
 * still selected; Escape again deselects it.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MarkNode, $createMarkNode } from '@lexical/mark';
import { mergeRegister, registerNestedElementResolver } from '@lexical/utils';
import { COMMAND_PRIORITY_EDITOR } from 'lexical';
import { useEffect } from 'react';
import { createHighlight, deleteHighlight, recolorHighlight, refuseWhenReadOnly, setActiveMarks } from '../../../state/highlight-changes';
import { isTyping } from '../../../keyboard';
import { readingStore } from '../../../state/reading-store';
import { colorName, subscribeColorNames } from '../../../state/codebook-state';
import { APPLY_COLOR_COMMAND, DELETE_HIGHLIGHT_COMMAND, REVEAL_HIGHLIGHT_COMMAND } from '../../commands';
import { selectedRange } from '../../dom-selection';
import { editorMarks } from './highlight-marks';
import { MarkPainter } from './mark-painter';
import { showPending } from './pending-highlights';

const FLASH_MS = 1200;

const noModifiers = (event: KeyboardEvent) => !event.altKey && !event.ctrlKey && !event.metaKey;

/** Among the highlights under a click, the one to select: the shortest, or the next one on repeated clicks. */
function pickHighlight(ids: string[], current: string | null): string | null {
  const { ranges } = readingStore.getState();
  const sorted = ids
    .filter((id) => ranges.has(id))
    .sort((a, b) => {
      const ra = ranges.get(a)!;
      const rb = ranges.get(b)!;
      return ra.end - ra.start - (rb.end - rb.start);
    });
  if (sorted.length === 0) return null;
  const at = current ? sorted.indexOf(current) : -1;
  return sorted[(at + 1) % sorted.length];
}

export function HighlightPlugin(): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const painter = new MarkPainter(editor, readingStore.getState, colorName);
    const marks = editorMarks(editor, painter);
    // Undo and redo build and take away marks in this editor while it shows its document.
    setActiveMarks(marks);
    const flashTimers = new Set<number>();

    const onClick = (event: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return;
      const mark = (event.target as Element | null)?.closest?.('mark[data-ids]');
      const ids = mark instanceof HTMLElement ? (mark.dataset.ids ?? '').split(' ') : [];
      if (ids.length) readingStore.clearInfo();
      readingStore.select(ids.length ? pickHighlight(ids, readingStore.getState().selectedId) : null);
    };

    /** Back to the text, the highlight still selected, the caret at its start (editor/caret): the transcript takes the keys again. */
    const focusText = () => editor.getRootElement()?.focus({ preventScroll: true });

    const onKeyDown = (event: KeyboardEvent) => {
      // A field that used the key itself (a list of suggestions closed by Escape) has said so.
      if (event.defaultPrevented) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && noModifiers(event) && event.target instanceof HTMLElement && event.target.closest('.highlight-item')) {
          event.preventDefault();
          focusText();
        }
        return;
      }
      // The colour keys, Delete, Escape and N or Enter on the selected highlight are commands of the table, run by
      // commands/ReaderCommands.tsx (the same as the menus and the context menus run them).
    };

    const rootListeners = (root: HTMLElement | null, prev: HTMLElement | null) => {
      prev?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    };

    document.addEventListener('keydown', onKeyDown);
    return mergeRegister(
      () => setActiveMarks(null),
      () => document.removeEventListener('keydown', onKeyDown),
      () => flashTimers.forEach((t) => window.clearTimeout(t)),
      readingStore.subscribeHighlights((ids) => (ids ? painter.repaint(ids) : painter.repaintAll())),
      readingStore.subscribeSelection((previous, next) => painter.repaint([previous, next].filter((id) => id !== null))),
      // Screen readers hear each mark's colour by its name: a renamed colour is said anew.
      subscribeColorNames(() => painter.repaintAll()),
      () => painter.dispose(),
      editor.registerRootListener(rootListeners),
      editor.registerMutationListener(MarkNode, painter.onMutation, { skipInitialization: false }),
      // Overlapping highlights become one run of marks, each carrying every id that covers it.
      registerNestedElementResolver<MarkNode>(
        editor,
        MarkNode,
        (from) => $createMarkNode(from.getIDs()),
        (from, to) => from.getIDs().forEach((id) => to.addID(id)),
      ),
      editor.registerCommand(
        APPLY_COLOR_COMMAND,
        (color) => {
          const root = editor.getRootElement();
          const { plainText, selectedId } = readingStore.getState();
          const range = root ? selectedRange(root, window.getSelection(), plainText) : null;
          if (root && range) {
            // Refused before anything is painted; the selection stays, to copy or to try again.
            if (refuseWhenReadOnly('The passage was not highlighted')) return true;
            readingStore.clearInfo();
            const hidePending = showPending(root, window.getSelection(), color);
            window.getSelection()?.removeAllRanges();
            void createHighlight(marks, range, color, hidePending);
          } else if (selectedId) {
            readingStore.clearInfo();
            void recolorHighlight(selectedId, color);
          } else {
            readingStore.setStatus({ kind: 'info', message: 'Select some text in the transcript first, then pick a colour.' });
          }
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        DELETE_HIGHLIGHT_COMMAND,
        (id) => {
          readingStore.clearInfo();
          void deleteHighlight(marks, id);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        REVEAL_HIGHLIGHT_COMMAND,
        (id) => {
          const elements = painter.elementsOf(id);
          if (elements.length === 0) return true;
          // Paragraphs far away are laid out only when near the window (content-visibility), so their
          // real heights arrive with the jump: jump, then correct once they have been laid out.
          elements[0].scrollIntoView({ block: 'center' });
          requestAnimationFrame(() => elements[0].scrollIntoView({ block: 'center' }));
          // Flash once the passage is on screen, not while a long smooth scroll is still under way.
          const observer = new IntersectionObserver((entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            observer.disconnect();
            for (const el of elements) {
              el.classList.remove('is-flashing');
              void el.offsetWidth; // restart the animation on a repeated reveal
              el.classList.add('is-flashing');
            }
            const timer = window.setTimeout(() => {
              flashTimers.delete(timer);
              for (const el of elements) el.classList.remove('is-flashing');
            }, FLASH_MS);
            flashTimers.add(timer);
          });
          observer.observe(elements[0]);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    );
  }, [editor]);

  return null;
}
