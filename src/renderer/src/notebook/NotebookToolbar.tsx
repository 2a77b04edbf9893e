/**
 * The notebook's formatting buttons: headings (pressed again: back to
 * text), bold, italic, bulleted, numbered and check lists, quotes and links,
 * each showing whether it applies where the caret is. The same can be typed
 * as Markdown (`# `, `- `, `1. `, `[ ] `, `> `, `**bold**`). Like the note's
 * toolbar, the buttons are a RovingToolbar (one tab stop, arrow keys between
 * them) and the link's address is asked for in a LinkField.
 */
import { $isLinkNode } from '@lexical/link';
import { INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState } from 'react';
import { useLinkField } from '../editor/rich-text/LinkField';
import { RovingToolbar, SHORTCUT_KEY, type ToolbarItem } from '../editor/rich-text/RovingToolbar';

type Block = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'check' | 'other';

interface Where {
  block: Block;
  bold: boolean;
  italic: boolean;
  link: boolean;
}

const NOWHERE: Where = { block: 'other', bold: false, italic: false, link: false };

/** What applies where the caret is (read after every update; cheap: the caret's block and its ancestors). */
function $where(): Where {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NOWHERE;
  const anchor = selection.anchor.getNode();
  if ($isRootOrShadowRoot(anchor)) return NOWHERE;
  const top = anchor.getTopLevelElementOrThrow();
  const list = $getNearestNodeOfType(anchor, ListNode);
  let block: Block = 'other';
  if (list) block = list.getListType();
  else if ($isHeadingNode(top)) block = top.getTag() as Block;
  else if ($isQuoteNode(top)) block = 'quote';
  else if ($isParagraphNode(top)) block = 'paragraph';
  const link = $findMatchingParent(anchor, $isLinkNode) !== null;
  return { block, bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), link };
}

const same = (a: Where, b: Where) => a.block === b.block && a.bold === b.bold && a.italic === b.italic && a.link === b.link;

function setBlock(editor: LexicalEditor, block: Block, current: Block): void {
  if (block === 'bullet' || block === 'number' || block === 'check') {
    if (current === block) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand({ bullet: INSERT_UNORDERED_LIST_COMMAND, number: INSERT_ORDERED_LIST_COMMAND, check: INSERT_CHECK_LIST_COMMAND }[block], undefined);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    // Pressed again, a heading or quote goes back to text.
    const target = block === current ? 'paragraph' : block;
    if (target === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else if (target === 'h1' || target === 'h2' || target === 'h3') $setBlocksType(selection, () => $createHeadingNode(target));
    else $setBlocksType(selection, () => $createParagraphNode());
  });
}

export function NotebookToolbar({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [where, setWhere] = useState<Where>(NOWHERE);
  const link = useLinkField(editor, 'notebook-toolbar');

  // Typing changes nothing here mostly: the toolbar renders again only when what applies changes.
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read($where);
        setWhere((now) => (same(now, next) ? now : next));
      }),
    [editor],
  );

  const block = (b: Block) => setBlock(editor, b, where.block);

  const items: ToolbarItem[] = [
    { name: 'Heading 1', title: 'Heading 1 (# at the start of a line)', pressed: where.block === 'h1', icon: 'H1', run: () => block('h1') },
    { name: 'Heading 2', title: 'Heading 2 (## at the start of a line)', pressed: where.block === 'h2', icon: 'H2', run: () => block('h2') },
    { name: 'Heading 3', title: 'Heading 3 (### at the start of a line)', pressed: where.block === 'h3', icon: 'H3', run: () => block('h3') },
    { name: 'Bold', title: `Bold (${SHORTCUT_KEY}B)`, pressed: where.bold, icon: 'B', gapBefore: true, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
    { name: 'Italic', title: `Italic (${SHORTCUT_KEY}I)`, pressed: where.italic, icon: 'I', run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic') },
    { name: 'Bulleted list', title: 'Bulleted list (- at the start of a line)', pressed: where.block === 'bullet', icon: '•≡', gapBefore: true, run: () => block('bullet') },
    { name: 'Numbered list', title: 'Numbered list (1. at the start of a line)', pressed: where.block === 'number', icon: '1≡', run: () => block('number') },
    { name: 'Checklist', title: 'Checklist ([ ] at the start of a line)', pressed: where.block === 'check', icon: '☑', run: () => block('check') },
    { name: 'Quote', title: 'Quote (> at the start of a line)', pressed: where.block === 'quote', icon: '❝', run: () => block('quote') },
    { name: 'Link', title: where.link ? 'Remove link' : 'Link', pressed: where.link, icon: 'Link', run: () => link.toggle(where.link) },
  ];

  return (
    <RovingToolbar label="Formatting" className="notebook-toolbar" buttonClass="notebook-tool" items={items} disabled={readOnly}>
      {link.field}
    </RovingToolbar>
  );
}
