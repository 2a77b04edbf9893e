/**
 * Quotes from the keyboard: a quote reached with the arrow keys is selected
 * (outlined), Enter shows its passage, and Delete or Backspace take it out.
 * One listener for the whole notebook: hundreds of quotes each listening to
 * every update would cost every keystroke.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getSelection, $isNodeSelection, COMMAND_PRIORITY_LOW, KEY_ENTER_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { openQuote } from '../notebook-state';
import { $isHighlightQuoteNode } from '../nodes/HighlightQuoteNode';

const SELECTED = 'is-selected';

export function QuoteKeysPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let outlined: HTMLElement[] = [];
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => {
        const keys = editorState.read(() => {
          const selection = $getSelection();
          return $isNodeSelection(selection) ? selection.getNodes().filter($isHighlightQuoteNode).map((n) => n.getKey()) : [];
        });
        if (keys.length === 0 && outlined.length === 0) return;
        for (const el of outlined) el.classList.remove(SELECTED);
        outlined = keys.map((k) => editor.getElementByKey(k)).filter((el): el is HTMLElement => el !== null);
        for (const el of outlined) el.classList.add(SELECTED);
      }),
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isNodeSelection(selection)) return false;
          const [node] = selection.getNodes();
          if (!$isHighlightQuoteNode(node)) return false;
          event?.preventDefault();
          openQuote(node.getQuote());
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return null;
}
