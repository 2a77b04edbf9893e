/**
 * A small formatting toolbar for a rich-text editor: Bold, Italic, Code,
 * Bulleted list, Numbered list and Link, each showing whether it is on where
 * the cursor is. One tab stop (arrow keys move between the buttons, as in
 * any ARIA toolbar); pressing a button leaves the focus in the text. A link
 * asks for its address in a field of its own, and only web and mail
 * addresses are taken.
 */
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  FORMAT_TEXT_COMMAND,
  type BaseSelection,
  type TextFormatType,
} from 'lexical';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { isSafeLinkUrl } from '../../../../core/notes/rich-text-markdown';
import { IS_MAC } from '../../keyboard';

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

/** What was typed as a link address, as one: `example.com` is a web address, `ann@example.com` a mail address. */
export function linkAddressOf(typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  const url = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text) ? `mailto:${text}` : `https://${text}`;
  return isSafeLinkUrl(url) && !/\s/.test(url) ? url : null;
}

const KEY = IS_MAC ? '⌘' : 'Ctrl+';

export function FormatToolbar({ label, disabled = false }: { label: string; disabled?: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [active, setActive] = useState<Active>(NOTHING);
  const [linkField, setLinkField] = useState(false);
  const [linkText, setLinkText] = useState('');
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const savedSelection = useRef<BaseSelection | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const fieldId = useId();

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

  const openLinkField = () => {
    if (active.link) {
      editor.update(() => $toggleLink(null));
      return;
    }
    savedSelection.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setLinkText('');
    setLinkProblem(null);
    setLinkField(true);
  };

  const closeLinkField = () => {
    setLinkField(false);
    setLinkProblem(null);
    editor.focus();
  };

  const applyLink = () => {
    const url = linkAddressOf(linkText);
    if (!url) {
      setLinkProblem('Only web addresses (https://…) and mail addresses can be links.');
      return;
    }
    editor.update(() => {
      if (savedSelection.current) $setSelection(savedSelection.current.clone());
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      // Nothing selected: the address goes in as the link's text.
      if (selection.isCollapsed()) $insertNodes([$createLinkNode(url).append($createTextNode(url))]);
      else $toggleLink(url);
    });
    closeLinkField();
  };

  const items: { name: string; title: string; pressed: boolean; icon: string; run: () => void }[] = [
    { name: 'Bold', title: `Bold (${KEY}B)`, pressed: active.bold, icon: 'B', run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
    { name: 'Italic', title: `Italic (${KEY}I)`, pressed: active.italic, icon: 'I', run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic') },
    { name: 'Code', title: 'Code (`text`)', pressed: active.code, icon: '</>', run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'code') },
    { name: 'Bulleted list', title: 'Bulleted list (- at the start of a line)', pressed: active.list === 'bullet', icon: '• List', run: () => toggleList('bullet') },
    { name: 'Numbered list', title: 'Numbered list (1. at the start of a line)', pressed: active.list === 'number', icon: '1. List', run: () => toggleList('number') },
    { name: 'Link', title: active.link ? 'Remove link' : 'Link', pressed: active.link, icon: 'Link', run: openLinkField },
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const to = step !== undefined ? (focusIndex + step + items.length) % items.length : event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : null;
    if (to === null) return;
    event.preventDefault();
    setFocusIndex(to);
    buttons.current[to]?.focus();
  };

  return (
    <>
      <div className="format-toolbar" role="toolbar" aria-label={label} aria-disabled={disabled || undefined} onKeyDown={onKeyDown}>
        {items.map((item, i) => (
          <button
            key={item.name}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            className={`format-toolbar__button format-toolbar__button--${item.name.toLowerCase().replace(/\s+/g, '-')}`}
            aria-label={item.name}
            aria-pressed={item.pressed}
            title={item.title}
            tabIndex={i === focusIndex ? 0 : -1}
            disabled={disabled}
            // The text keeps the focus (and its selection) while a button is pressed.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setFocusIndex(i)}
            onClick={item.run}
          >
            <span aria-hidden="true">{item.icon}</span>
          </button>
        ))}
      </div>
      {linkField && (
        <div className="format-toolbar__link">
          <input
            id={fieldId}
            className="format-toolbar__link-input"
            type="text"
            inputMode="url"
            aria-label="Link address"
            placeholder="https://…"
            value={linkText}
            autoFocus
            aria-invalid={linkProblem ? true : undefined}
            aria-describedby={linkProblem ? `${fieldId}-problem` : undefined}
            onChange={(event) => {
              setLinkText(event.target.value);
              setLinkProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                applyLink();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                closeLinkField();
              }
            }}
          />
          <button type="button" className="link-button" onClick={applyLink}>
            Add link
          </button>
          <button type="button" className="link-button" onClick={closeLinkField}>
            Cancel
          </button>
          {linkProblem && (
            <p className="format-toolbar__problem" id={`${fieldId}-problem`} role="alert">
              {linkProblem}
            </p>
          )}
        </div>
      )}
    </>
  );
}
