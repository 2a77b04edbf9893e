/**
 * A small formatting toolbar for a rich-text editor: Bold, Italic, Code,
 * Bulleted list, Numbered list and Link, each showing whether it is on where
 * the cursor is. The buttons are a RovingToolbar (one tab stop, arrow keys
 * between them) and the link's address is asked for in a LinkField.
 */
import { $isLinkNode } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, FORMAT_TEXT_COMMAND, type TextFormatType } from 'lexical';
import { useEffect, useState } from 'react';
import { useLinkField } from './LinkField';
import { RovingToolbar, SHORTCUT_KEY, type ToolbarItem } from './RovingToolbar';

/** The text formats Markdown can keep (and so the editor offers); Ctrl+U and the like do nothing. */
const KEPT_FORMATS: ReadonlySet<TextFormatType> = new Set(['bold', 'italic', 'code']);

interface Active {
  bold: boolean;
  italic: boolean;
  code: boolean;
  list: 'bullet' | 'number' | null;
  link: boolean;
}

const NOTHING: Active = { bold: false, italic: false, code: false, list: null, link: false };

function $active(): Active {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NOTHING;
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  const type = $isListNode(list) ? list.getListType() : null;
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    code: selection.hasFormat('code'),
    list: type === 'bullet' || type === 'number' ? type : null,
    link: $findMatchingParent(anchor, $isLinkNode) !== null,
  };
}

function sameActive(a: Active, b: Active): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.list === b.list && a.link === b.link;
}

export function FormatToolbar({ label, disabled = false }: { label: string; disabled?: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [active, setActive] = useState<Active>(NOTHING);
  const link = useLinkField(editor, 'format-toolbar');

  useEffect(
    () =>
      mergeRegister(
        // Typing changes nothing here mostly: the toolbar renders again only when what is on changes.
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($active);
          setActive((now) => (sameActive(now, next) ? now : next));
        }),
        // Formats Markdown cannot keep (underline, strikethrough…) are not applied.
        editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => !KEPT_FORMATS.has(format), COMMAND_PRIORITY_HIGH),
      ),
    [editor],
  );

  const toggleList = (type: 'bullet' | 'number') => {
    if (active.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };

  const items: ToolbarItem[] = [
    { name: 'Bold', title: `Bold (${SHORTCUT_KEY}B)`, pressed: active.bold, icon: 'B', run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
    { name: 'Italic', title: `Italic (${SHORTCUT_KEY}I)`, pressed: active.italic, icon: 'I', run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic') },
    { name: 'Code', title: 'Code (`text`)', pressed: active.code, icon: '</>', run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'code') },
    { name: 'Bulleted list', title: 'Bulleted list (- at the start of a line)', pressed: active.list === 'bullet', icon: '• List', run: () => toggleList('bullet') },
    { name: 'Numbered list', title: 'Numbered list (1. at the start of a line)', pressed: active.list === 'number', icon: '1. List', run: () => toggleList('number') },
    { name: 'Link', title: active.link ? 'Remove link' : 'Link', pressed: active.link, icon: 'Link', run: () => link.toggle(active.link) },
  ];

  return (
    <>
      <RovingToolbar label={label} className="format-toolbar" buttonClass="format-toolbar__button" items={items} disabled={disabled} />
      {link.field}
    </>
  );
}
