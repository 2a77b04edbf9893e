/**
 * A highlight dragged from the side panel's list and dropped on the
 * document's notebook is quoted there, at the point where it was dropped
 * (at the end when that point is not in the text, e.g. on another quote),
 * as "To notebook" quotes it. The notebook shows it will take the drop while
 * the highlight is over it. Listens before the editor does (capture), so the
 * quote's plain text is never inserted as well.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $setSelection, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { draggedHighlight, isHighlightDrag } from '../highlight-drag';
import { quoteHighlight } from '../notebook-state';
import '../highlight-drop.css';

const OVER = 'is-drop-target';

/** Puts the caret where the drop is; false when that point is not in the notebook's text. */
function caretAtPoint(editor: LexicalEditor, x: number, y: number): boolean {
  const root = editor.getRootElement();
  const range = document.caretRangeFromPoint?.(x, y);
  if (!root || !range || !root.contains(range.startContainer) || range.startContainer.parentElement?.closest('[contenteditable="false"], .notebook-quote')) return false;
  let placed = false;
  root.focus({ preventScroll: true });
  editor.update(
    () => {
      const selection = $createRangeSelection();
      selection.applyDOMRange(range);
      $setSelection(selection);
      placed = true;
    },
    { discrete: true },
  );
  return placed;
}

export function HighlightDropPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root, previous) => {
        const area = root?.closest<HTMLElement>('.notebook');
        const cleanups: (() => void)[] = [];
        previous?.closest('.notebook')?.classList.remove(OVER);
        if (!root || !area) return;
        const listen = <K extends keyof HTMLElementEventMap>(type: K, handler: (e: HTMLElementEventMap[K]) => void) => {
          area.addEventListener(type, handler, true);
          cleanups.push(() => area.removeEventListener(type, handler, true));
        };
        const over = (e: DragEvent) => {
          if (!isHighlightDrag(e.dataTransfer) || !editor.isEditable()) return;
          e.preventDefault();
          e.stopPropagation();
          e.dataTransfer!.dropEffect = 'copy';
          area.classList.add(OVER);
        };
        listen('dragenter', over);
        listen('dragover', over);
        listen('dragleave', (e) => {
          if (!(e.relatedTarget instanceof Node && area.contains(e.relatedTarget))) area.classList.remove(OVER);
        });
        listen('drop', (e) => {
          if (!isHighlightDrag(e.dataTransfer)) return;
          e.preventDefault();
          e.stopPropagation();
          area.classList.remove(OVER);
          const dropped = draggedHighlight(e.dataTransfer);
          if (!dropped || !editor.isEditable()) return;
          if (!caretAtPoint(editor, e.clientX, e.clientY)) root.blur();
          void quoteHighlight('document', dropped.highlightId);
        });
        // A drag that ends anywhere (dropped elsewhere, or Escape) leaves no outline.
        const end = () => area.classList.remove(OVER);
        window.addEventListener('dragend', end, true);
        window.addEventListener('drop', end, true);
        cleanups.push(() => window.removeEventListener('dragend', end, true));
        cleanups.push(() => window.removeEventListener('drop', end, true));
        return () => cleanups.forEach((c) => c());
      }),
    [editor],
  );
  return null;
}
