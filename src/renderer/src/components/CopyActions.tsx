/**
 * Copying from the reader: the "Copy quote" button (the passage selected in
 * the transcript, as a quote with its citation and a link back into Gloss)
 * and Ctrl/Cmd+Shift+C, which copies the selected passage the same way or,
 * with no passage selected, the selected highlight as Markdown.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect } from 'react';
import { selectedRange } from '../editor/dom-selection';
import { hasCommandKey, isTyping } from '../keyboard';
import { copyQuoteWithCitation, copySelectedHighlight } from '../state/copy-markdown';
import { readingStore } from '../state/reading-store';

/** The passage selected in the transcript (plain-text offsets), or null. */
function useSelectedPassage(): () => { start: number; end: number } | null {
  const [editor] = useLexicalComposerContext();
  return useCallback(() => {
    const root = editor.getRootElement();
    return root ? selectedRange(root, window.getSelection(), readingStore.getState().plainText) : null;
  }, [editor]);
}

/** Ctrl/Cmd+Shift+C in the reader: the selected passage as a quote with its citation, else the selected highlight as Markdown. */
export function useCopyShortcut(): void {
  const passage = useSelectedPassage();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || !hasCommandKey(event) || !event.shiftKey || event.altKey || event.code !== 'KeyC') return;
      event.preventDefault();
      const range = passage();
      if (range) void copyQuoteWithCitation(range);
      else void copySelectedHighlight();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [passage]);
}

/** "Copy quote": the passage selected in the transcript, with its citation. */
export function CopyQuoteButton() {
  const passage = useSelectedPassage();
  return (
    <button
      type="button"
      className="button"
      title="Copy the passage selected in the transcript as a quote with its citation and a link back (Ctrl+Shift+C)"
      aria-keyshortcuts="Control+Shift+C"
      // Keep the text selection: a mouse-down on a button must not collapse it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        const range = passage();
        if (range) void copyQuoteWithCitation(range);
        else readingStore.setStatus({ kind: 'info', message: 'Select a passage in the transcript first, then copy it as a quote with its citation.' });
      }}
    >
      Copy quote
    </button>
  );
}
