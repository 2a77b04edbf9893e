/** `- [ ] ` and `- [x] ` typed at the start of a line make a checklist item (checklist-shortcut.ts). */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerChecklistShortcut } from '../checklist-shortcut';

export function ChecklistShortcutPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerChecklistShortcut(editor), [editor]);
  return null;
}
