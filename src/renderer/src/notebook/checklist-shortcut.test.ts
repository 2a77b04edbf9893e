import { $createListItemNode, $createListNode, $isListItemNode, $isListNode, registerList } from '@lexical/list';
import { $createTextNode, $getRoot, $getSelection, $isRangeSelection, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { registerChecklistShortcut } from './checklist-shortcut';
import { NOTEBOOK_NODES } from './notebook-editor-config';

function notebook(): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: [...NOTEBOOK_NODES],
    onError: (error) => {
      throw error;
    },
  });
  registerList(editor);
  registerChecklistShortcut(editor);
  return editor;
}

/** Bullets with these texts; the caret at the end of the last. */
function bullets(editor: LexicalEditor, texts: string[]): void {
  editor.update(
    () => {
      const list = $createListNode('bullet');
      for (const t of texts) list.append($createListItemNode().append($createTextNode(t)));
      $getRoot().clear().append(list);
      list.getLastChildOrThrow().selectEnd();
    },
    { discrete: true },
  );
}

/** Types `text` at the caret, one character per update, as a reader types. */
function type(editor: LexicalEditor, text: string): void {
  for (const ch of text) {
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(ch);
      },
      { discrete: true },
    );
  }
}

/** The lists of the notebook: type, then each item's text and whether it is checked. */
function lists(editor: LexicalEditor) {
  // editor.read first runs the update the shortcut queued.
  return editor.read(() =>
    $getRoot()
      .getChildren()
      .filter($isListNode)
      .map((list) => ({
        type: list.getListType(),
        items: list
          .getChildren()
          .filter($isListItemNode)
          .map((item) => (list.getListType() === 'check' ? `${item.getChecked() ? '[x]' : '[ ]'} ${item.getTextContent()}` : item.getTextContent())),
      })),
  );
}

describe('the checklist shortcut', () => {
  it('makes "- [ ] " typed at the start of a bullet an unchecked checklist item, and what follows its text', () => {
    const e = notebook();
    bullets(e, ['']);
    type(e, '[ ] Buy milk');
    expect(lists(e)).toEqual([{ type: 'check', items: ['[ ] Buy milk'] }]);
  });

  it('makes "[x] " and "[X] " a checked item', () => {
    for (const box of ['[x] ', '[X] ']) {
      const e = notebook();
      bullets(e, ['']);
      type(e, `${box}Done`);
      expect(lists(e)).toEqual([{ type: 'check', items: ['[x] Done'] }]);
    }
  });

  it('turns only that item into a checklist, leaving the bullets before and after it', () => {
    const e = notebook();
    bullets(e, ['first', '']);
    e.update(
      () => {
        const list = $getRoot().getFirstChildOrThrow();
        if ($isListNode(list)) list.append($createListItemNode().append($createTextNode('third')));
      },
      { discrete: true },
    );
    type(e, '[ ] ');
    expect(lists(e)).toEqual([
      { type: 'bullet', items: ['first'] },
      { type: 'check', items: ['[ ] '] },
      { type: 'bullet', items: ['third'] },
    ]);
  });

  it('leaves a bullet that already says "[ ] " when the reader types after it', () => {
    const e = notebook();
    bullets(e, ['[ ] x']);
    type(e, 'y');
    expect(lists(e)).toEqual([{ type: 'bullet', items: ['[ ] xy'] }]);
  });

  it('leaves "[ ] " typed after other words in a bullet', () => {
    const e = notebook();
    bullets(e, ['see ']);
    type(e, '[ ] ');
    expect(lists(e)).toEqual([{ type: 'bullet', items: ['see [ ] '] }]);
  });
});
