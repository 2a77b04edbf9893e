/**
 * Highlights in the transcript: applies, recolours, deletes and reveals them
 * on command, selects one on click, handles the keyboard shortcuts, and keeps
 * every mark painted in its highlight's colour.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MarkNode, $createMarkNode } from '@lexical/mark';
import { mergeRegister, registerNestedElementResolver } from '@lexical/utils';
import { COMMAND_PRIORITY_EDITOR } from 'lexical';
import { useEffect } from 'react';
import { HIGHLIGHT_COLORS } from '../../../../../shared/model';
import { createHighlight, deleteHighlight, recolorHighlight, refuseWhenReadOnly, setActiveMarks } from '../../../state/highlight-changes';
import { readingStore } from '../../../state/reading-store';
import { APPLY_COLOR_COMMAND, DELETE_HIGHLIGHT_COMMAND, REVEAL_HIGHLIGHT_COMMAND } from '../../commands';
import { selectedRange } from '../../dom-selection';
import { editorMarks } from './highlight-marks';
import { MarkPainter } from './mark-painter';
import { showPending } from './pending-highlights';

const FLASH_MS = 1200;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

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
    const painter = new MarkPainter(editor, readingStore.getState);
    const marks = editorMarks(editor, painter);
    // Undo and redo build and take away marks in this editor while it shows its document.
    setActiveMarks(marks);
    const flashTimers = new Set<number>();

    const onClick = (event: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return;
      const mark = (event.target as Element | null)?.closest?.('mark[data-ids]');
      const ids = mark instanceof HTMLElement ? (mark.dataset.ids ?? '').split(' ') : [];
      readingStore.select(ids.length ? pickHighlight(ids, readingStore.getState().selectedId) : null);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const digit = /^Digit([1-9])$/.exec(event.code);
      if (event.altKey && !event.ctrlKey && !event.metaKey && digit) {
        const color = HIGHLIGHT_COLORS[Number(digit[1]) - 1];
        if (color) {
          event.preventDefault();
          editor.dispatchCommand(APPLY_COLOR_COMMAND, color);
        }
        return;
      }
      const selectedId = readingStore.getState().selectedId;
      if ((event.key === 'Delete' || event.key === 'Backspace') && selectedId) {
        event.preventDefault();
        editor.dispatchCommand(DELETE_HIGHLIGHT_COMMAND, selectedId);
      } else if (event.key === 'Escape') {
        readingStore.select(null);
      }
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
            const hidePending = showPending(root, window.getSelection(), color);
            window.getSelection()?.removeAllRanges();
            void createHighlight(marks, range, color, hidePending);
          } else if (selectedId) {
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
