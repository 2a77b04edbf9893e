/**
 * The notebook's formatting buttons: headings (pressed again: back to
 * text), bold, italic, bulleted, numbered and check lists, quotes and links,
 * each showing whether it applies where the caret is. One tab stop (arrow
 * keys move between the buttons, as in any ARIA toolbar, and as the note's
 * toolbar does); pressing a button leaves the focus in the text. The same
 * can be typed as Markdown (`# `, `- `, `1. `, `[ ] `, `> `, `**bold**`).
 * A link asks for its address in a field of its own; only web and mail
 * addresses are taken.
 */
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $insertNodes,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $setSelection,
  FORMAT_TEXT_COMMAND,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { linkAddressOf } from '../editor/rich-text/FormatToolbar';
import { IS_MAC } from '../keyboard';

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

const KEY = IS_MAC ? '⌘' : 'Ctrl+';

export function NotebookToolbar({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [where, setWhere] = useState<Where>(NOWHERE);
  const [linkField, setLinkField] = useState(false);
  const [linkText, setLinkText] = useState('');
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const savedSelection = useRef<BaseSelection | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const fieldId = useId();

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

  const openLinkField = () => {
    if (where.link) {
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

  const items: { name: string; title: string; pressed: boolean; icon: string; gapBefore?: boolean; run: () => void }[] = [
    { name: 'Heading 1', title: 'Heading 1 (# at the start of a line)', pressed: where.block === 'h1', icon: 'H1', run: () => block('h1') },
    { name: 'Heading 2', title: 'Heading 2 (## at the start of a line)', pressed: where.block === 'h2', icon: 'H2', run: () => block('h2') },
    { name: 'Heading 3', title: 'Heading 3 (### at the start of a line)', pressed: where.block === 'h3', icon: 'H3', run: () => block('h3') },
    { name: 'Bold', title: `Bold (${KEY}B)`, pressed: where.bold, icon: 'B', gapBefore: true, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
    { name: 'Italic', title: `Italic (${KEY}I)`, pressed: where.italic, icon: 'I', run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic') },
    { name: 'Bulleted list', title: 'Bulleted list (- at the start of a line)', pressed: where.block === 'bullet', icon: '•≡', gapBefore: true, run: () => block('bullet') },
    { name: 'Numbered list', title: 'Numbered list (1. at the start of a line)', pressed: where.block === 'number', icon: '1≡', run: () => block('number') },
    { name: 'Checklist', title: 'Checklist ([ ] at the start of a line)', pressed: where.block === 'check', icon: '☑', run: () => block('check') },
    { name: 'Quote', title: 'Quote (> at the start of a line)', pressed: where.block === 'quote', icon: '❝', run: () => block('quote') },
    { name: 'Link', title: where.link ? 'Remove link' : 'Link', pressed: where.link, icon: 'Link', run: openLinkField },
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) return;
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const to = step !== undefined ? (focusIndex + step + items.length) % items.length : event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : null;
    if (to === null) return;
    event.preventDefault();
    setFocusIndex(to);
    buttons.current[to]?.focus();
  };

  return (
    <div className="notebook-toolbar" role="toolbar" aria-label="Formatting" aria-disabled={readOnly || undefined} onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <button
          key={item.name}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          className={`notebook-tool notebook-tool--${item.name.toLowerCase().replace(/\s+/g, '-')}${item.gapBefore ? ' notebook-tool--gap' : ''}`}
          aria-label={item.name}
          aria-pressed={item.pressed}
          title={item.title}
          tabIndex={i === focusIndex ? 0 : -1}
          disabled={readOnly}
          // The text keeps the focus (and its selection) while a button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setFocusIndex(i)}
          onClick={item.run}
        >
          <span aria-hidden="true">{item.icon}</span>
        </button>
      ))}
      {linkField && (
        <div className="notebook-toolbar__link">
          <input
            id={fieldId}
            className="notebook-toolbar__url"
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
            <p className="notebook-toolbar__problem" id={`${fieldId}-problem`} role="alert">
              {linkProblem}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
