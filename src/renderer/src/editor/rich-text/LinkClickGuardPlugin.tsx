/**
 * Links in an editor never navigate and never open a window: a click on one
 * (plain, with a modifier key, or the middle button) does nothing but place
 * the cursor, as in any text. Gloss works offline, and the window is the
 * app. Each link shows its address as a tooltip, so the reader can see
 * where it points (and copy it from the text).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isLinkNode, LinkNode } from '@lexical/link';
import { $getNodeByKey } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useEffect } from 'react';

function refuseLink(event: MouseEvent): void {
  if ((event.target as Element | null)?.closest?.('a')) event.preventDefault();
}

export function LinkClickGuardPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerRootListener((root, previous) => {
          for (const type of ['click', 'auxclick'] as const) {
            previous?.removeEventListener(type, refuseLink);
            root?.addEventListener(type, refuseLink);
          }
        }),
        editor.registerMutationListener(
          LinkNode,
          (mutations) => {
            editor.getEditorState().read(() => {
              for (const [key, mutation] of mutations) {
                if (mutation === 'destroyed') continue;
                const node = $getNodeByKey(key);
                const element = editor.getElementByKey(key);
                if ($isLinkNode(node) && element) element.title = node.getURL();
              }
            });
          },
          { skipInitialization: false },
        ),
      ),
    [editor],
  );
  return null;
}
