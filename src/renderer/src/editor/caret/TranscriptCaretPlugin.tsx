/**
 * Gives the read-only transcript a caret (transcript-caret.ts): its keys,
 * the bar drawn where it stands, and its place kept across the editor
 * rebuilding the text's nodes; Select all there selects the transcript only. Rendered inside the reading view, which the
 * bar is positioned in.
 */
import { MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { useEffect, useRef } from 'react';
import { IS_MAC } from '../../keyboard';
import { readingStore } from '../../state/reading-store';
import { BUILD_TRANSCRIPT_COMMAND } from '../commands';
import { TranscriptParagraphNode } from '../nodes/TranscriptParagraphNode';
import { caretMoveFor, isSelectAll } from './caret-keys';
import { TranscriptCaret } from './transcript-caret';
import './caret.css';

export function TranscriptCaretPlugin() {
  const [editor] = useLexicalComposerContext();
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let caret: TranscriptCaret | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !caret) return;
      // Select all here is the transcript's text, not the whole page with its toolbars.
      if (isSelectAll(event, IS_MAC)) {
        event.preventDefault();
        caret.selectAll();
        return;
      }
      const move = caretMoveFor(event, IS_MAC);
      if (!move) return;
      event.preventDefault();
      caret.move(move);
    };
    const attach = (root: HTMLElement | null, previous: HTMLElement | null) => {
      previous?.removeEventListener('keydown', onKeyDown);
      caret?.dispose();
      caret = null;
      if (!root || !bar.current) return;
      root.addEventListener('keydown', onKeyDown);
      caret = new TranscriptCaret(root, bar.current, {
        text: () => readingStore.getState().plainText,
        buildAll: () => editor.dispatchCommand(BUILD_TRANSCRIPT_COMMAND, undefined),
        preferredOffset: () => {
          const { selectedId, ranges } = readingStore.getState();
          return selectedId ? (ranges.get(selectedId)?.start ?? null) : null;
        },
      });
    };
    return mergeRegister(
      editor.registerRootListener(attach),
      () => attach(null, editor.getRootElement()),
      editor.registerMutationListener(TranscriptParagraphNode, () => caret?.paragraphsChanged(), { skipInitialization: true }),
      editor.registerMutationListener(MarkNode, () => caret?.textRebuilt(), { skipInitialization: true }),
    );
  }, [editor]);

  return <div ref={bar} className="transcript-caret" aria-hidden="true" hidden />;
}
