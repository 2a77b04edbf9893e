/**
 * GitHub's and Obsidian's way of starting a to-do: `- [ ] ` (or `* [ ] `,
 * `- [x] ` for one done) typed at the start of a line. The bulleted-list
 * shortcut turns `- ` into a bullet before the box is typed, so this watches
 * for `[ ] ` / `[x] ` typed at the start of a bullet and makes that item a
 * checklist item (the bullets around it stay bullets).
 */
import { $createListNode, $isListItemNode, $isListNode, type ListItemNode } from '@lexical/list';
import { $getNodeByKey, $getSelection, $isRangeSelection, $isTextNode, COLLABORATION_TAG, HISTORIC_TAG, type LexicalEditor, type TextNode } from 'lexical';

/** The box typed at the start of a bullet, up to the caret just after its space: `[ ] `, `[x] `, `[X] `. */
const BOX = /^\[([ xX])\] $/;

/** Makes bullet `item` a checklist item, checked or not, without its typed box (the first 4 characters of `text`). */
export function $makeChecklistItem(item: ListItemNode, text: TextNode, checked: boolean): void {
  const list = item.getParent();
  if (!$isListNode(list)) return;
  if (text.getTextContentSize() === 4) {
    text.remove();
    item.selectStart();
  } else {
    text.spliceText(0, 4, '', false);
    text.select(0, 0);
  }
  if (list.getChildrenSize() === 1) {
    list.setListType('check');
  } else {
    const check = $createListNode('check');
    if (!item.getPreviousSibling()) {
      list.insertBefore(check);
      check.append(item);
    } else {
      const after = item.getNextSiblings();
      list.insertAfter(check);
      check.append(item);
      if (after.length) check.insertAfter($createListNode(list.getListType()).append(...after));
    }
  }
  item.setChecked(checked);
}

/** Watches `editor` for a box typed at the start of a bullet; returns the function that stops watching. */
export function registerChecklistShortcut(editor: LexicalEditor): () => void {
  return editor.registerUpdateListener(({ tags, dirtyLeaves, editorState, prevEditorState }) => {
    if (tags.has(HISTORIC_TAG) || tags.has(COLLABORATION_TAG) || editor.isComposing()) return;
    const before = prevEditorState.read(() => {
      const s = $getSelection();
      return $isRangeSelection(s) && s.isCollapsed() ? s.anchor.offset : -1;
    });
    // Only as the space after the box is typed (one character on), not when a bullet holding "[ ] " is pasted or opened.
    if (before !== 3) return;
    const typed = editorState.read(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.offset !== 4) return null;
      const text = selection.anchor.getNode();
      if (!$isTextNode(text) || !dirtyLeaves.has(text.getKey())) return null;
      const item = text.getParent();
      const list = item?.getParent();
      if (!$isListItemNode(item) || !text.is(item.getFirstChild()) || !$isListNode(list) || list.getListType() !== 'bullet') return null;
      const box = BOX.exec(text.getTextContent().slice(0, 4));
      return box ? { key: text.getKey(), checked: box[1] !== ' ' } : null;
    });
    if (!typed) return;
    editor.update(() => {
      const text = $getNodeByKey(typed.key);
      const item = text?.getParent();
      if ($isTextNode(text) && $isListItemNode(item)) $makeChecklistItem(item, text, typed.checked);
    });
  });
}

