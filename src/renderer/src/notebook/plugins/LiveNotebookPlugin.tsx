/**
 * Makes this editor the notebook on screen for its id: a highlight quoted
 * while it shows goes in here (at the caret when the reader is writing in
 * it, otherwise at the end) and is scrolled to; leaving saves it.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $getSelection, $insertNodes, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { $appendQuote, registerLiveNotebook, type NotebookId } from '../notebook-state';
import type { NotebookSaver } from '../notebook-saver';
import { $createHighlightQuoteNode } from '../nodes/HighlightQuoteNode';
import type { HighlightQuote } from '../quote';

/** Inserts `quote` into `editor` and brings it into view. */
export function insertQuote(editor: LexicalEditor, quote: HighlightQuote): void {
  const root = editor.getRootElement();
  const writing = root !== null && root.contains(document.activeElement);
  let key: string | null = null;
  editor.update(
    () => {
      const selection = $getSelection();
      if (writing && $isRangeSelection(selection)) {
        const node = $createHighlightQuoteNode(quote);
        $insertNodes([node]);
        if (!node.getNextSibling()) node.insertAfter($createParagraphNode());
        node.selectNext();
        key = node.getKey();
      } else {
        key = $appendQuote(quote).getKey();
      }
    },
    { onUpdate: () => key && editor.getElementByKey(key)?.scrollIntoView({ block: 'nearest' }) },
  );
}

export function LiveNotebookPlugin({ id, saver }: { id: NotebookId; saver: NotebookSaver }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerLiveNotebook(id, { insertQuote: (quote) => insertQuote(editor, quote), flush: () => saver.flush() }), [editor, id, saver]);
  return null;
}
