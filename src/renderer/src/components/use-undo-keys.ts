/**
 * Undo and redo from the keyboard, anywhere in the app except where the
 * reader is typing (a note or a notebook has its own undo for its text):
 * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z redoes, and Ctrl+Y redoes on Windows
 * and Linux.
 */
import { useEffect } from 'react';
import { hasCommandKey, IS_MAC, isTyping } from '../keyboard';
import { redoLast, undoLast } from '../state/highlight-changes';

export function useUndoKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || !hasCommandKey(event) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undoLast();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !IS_MAC && !event.shiftKey)) {
        event.preventDefault();
        void redoLast();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
