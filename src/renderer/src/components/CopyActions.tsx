/**
 * Copying from the reader: the "Copy quote" button (the passage selected in
 * the transcript, as a quote with its citation and a link back into Gloss)
 * and the commands "Copy quote with citation" and "Copy highlight as
 * Markdown", which share a key (Ctrl/Cmd+Shift+C): it copies the selected
 * passage as a quote or, with no passage selected, the selected highlight.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback } from 'react';
import { ariaKeys, shownKey } from '../commands/command-keys';
import { useCommand } from '../commands/use-command';
import { selectedRange } from '../editor/dom-selection';
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

/**
 * The reader's copy commands: with words selected, the quote with its citation; with none but a highlight selected,
 * copy-quote stands aside (its key then runs copy-highlight, which comes after it in the table).
 */
export function useCopyShortcut(): void {
  const passage = useSelectedPassage();
  const highlightSelected = () => readingStore.getState().selectedId !== null;
  useCommand(
    'copy-quote',
    () => {
      const range = passage();
      if (range) void copyQuoteWithCitation(range);
      else void copySelectedHighlight();
    },
    () => passage() !== null || !highlightSelected(),
  );
  useCommand('copy-highlight', () => void copySelectedHighlight(), highlightSelected);
}

/** "Copy quote": the passage selected in the transcript, with its citation. */
export function CopyQuoteButton() {
  const passage = useSelectedPassage();
  return (
    <button
      type="button"
      className="button"
      title={`Copy the passage selected in the transcript as a quote with its citation and a link back (${shownKey('copy-quote')})`}
      aria-keyshortcuts={ariaKeys('copy-quote')}
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
