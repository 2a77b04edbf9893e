/**
 * Undo and redo given from the menu: where the reader is typing, the text
 * they are typing in takes the step back (a note or a notebook through its
 * Lexical editor's own history, a field through the browser's), anywhere else
 * the last change to the highlights (state/highlight-changes.ts). The keys
 * need none of this: while typing, the global key handler leaves Ctrl/Cmd+Z to
 * the editor or field that has the focus.
 */
import { getNearestEditorFromDOMNode, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { isTyping } from '../keyboard';
import { redoLast, undoLast } from '../state/highlight-changes';

function undoInPlace(which: 'undo' | 'redo'): boolean {
  const focused = document.activeElement;
  if (!isTyping(focused)) return false;
  const editor = getNearestEditorFromDOMNode(focused);
  if (editor) editor.dispatchCommand(which === 'undo' ? UNDO_COMMAND : REDO_COMMAND, undefined);
  // A text field: the browser's own undo for it, as its Ctrl/Cmd+Z would do.
  else document.execCommand(which);
  return true;
}

export function undo(): void {
  if (!undoInPlace('undo')) void undoLast();
}

export function redo(): void {
  if (!undoInPlace('redo')) void redoLast();
}
