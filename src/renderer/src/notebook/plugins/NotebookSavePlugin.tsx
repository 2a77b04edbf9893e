/**
 * Tells the notebook's saver about every change of content (not a caret
 * moving), and saves at once when the reader leaves the notebook (the focus
 * goes elsewhere) or the window closes.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect } from 'react';
import type { NotebookSaver } from '../notebook-saver';

export function NotebookSavePlugin({ saver }: { saver: NotebookSaver }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onHide = () => void saver.flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return mergeRegister(
      () => window.removeEventListener('pagehide', onHide),
      () => window.removeEventListener('beforeunload', onHide),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          void saver.flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
        if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || prevEditorState.isEmpty()) return;
        saver.changed();
      }),
    );
  }, [editor, saver]);
  return null;
}
