/**
 * The notebook's formatting buttons: headings (pressed again: back to text), bold, italic, bulleted,
 * numbered and checklists, quotes and links. Each says what it does to
 * screen readers and shows whether it applies where the caret is. Pressing
 * one keeps the caret in the text. The same can be typed as Markdown
 * (`# `, `- `, `1. `, `[ ] `, `> `, `**bold**`).
 */
import { $isLinkNode, TOGGLE_LINK_COMMAND, $createLinkNode } from '@lexical/link';
import { INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import { useEffect, useRef, useState, type ReactNode } from 'react';

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
  const link = $isLinkNode(anchor) || $isLinkNode(anchor.getParent());
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
    if (target === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else if (target === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else if (target === 'h1' || target === 'h2' || target === 'h3') $setBlocksType(selection, () => $createHeadingNode(target as HeadingTagType));
  });
}

const isSafeUrl = (url: string) => /^(https?:\/\/|mailto:)\S+$/i.test(url);

/** Makes the selected text a link to `url`, or inserts the address as a link where nothing is selected. */
function applyLink(editor: LexicalEditor, url: string): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection) && selection.isCollapsed()) {
      const link = $createLinkNode(url);
      link.append($createTextNode(url));
      selection.insertNodes([link]);
    } else {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    }
  });
}

function ToolButton({ label, pressed, disabled, onPress, children }: { label: string; pressed?: boolean; disabled: boolean; onPress: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="notebook-tool"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the caret where it is in the text.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPress}
    >
      {children}
    </button>
  );
}

export function NotebookToolbar({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [where, setWhere] = useState<Where>(NOWHERE);
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('');
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const urlField = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($where);
          setWhere((current) => (same(current, next) ? current : next));
        }),
      ),
    [editor],
  );

  useEffect(() => {
    if (linking) urlField.current?.focus();
  }, [linking]);

  const format = (f: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);
  const block = (b: Block) => setBlock(editor, b, where.block);
  const closeLink = () => {
    setLinking(false);
    setUrlProblem(null);
    editor.focus();
  };
  const submitLink = () => {
    const address = url.trim();
    if (!isSafeUrl(address)) {
      setUrlProblem('A link is a web address (https://…) or an email address (mailto:…).');
      return;
    }
    applyLink(editor, address);
    closeLink();
  };

  return (
    <div className="notebook-toolbar" role="toolbar" aria-label="Formatting">
      <ToolButton label="Heading 1" pressed={where.block === 'h1'} disabled={readOnly} onPress={() => block('h1')}>
        H1
      </ToolButton>
      <ToolButton label="Heading 2" pressed={where.block === 'h2'} disabled={readOnly} onPress={() => block('h2')}>
        H2
      </ToolButton>
      <ToolButton label="Heading 3" pressed={where.block === 'h3'} disabled={readOnly} onPress={() => block('h3')}>
        H3
      </ToolButton>
      <span className="notebook-toolbar__gap" />
      <ToolButton label="Bold (Ctrl+B)" pressed={where.bold} disabled={readOnly} onPress={() => format('bold')}>
        <b>B</b>
      </ToolButton>
      <ToolButton label="Italic (Ctrl+I)" pressed={where.italic} disabled={readOnly} onPress={() => format('italic')}>
        <i>I</i>
      </ToolButton>
      <span className="notebook-toolbar__gap" />
      <ToolButton label="Bulleted list" pressed={where.block === 'bullet'} disabled={readOnly} onPress={() => block('bullet')}>
        •≡
      </ToolButton>
      <ToolButton label="Numbered list" pressed={where.block === 'number'} disabled={readOnly} onPress={() => block('number')}>
        1≡
      </ToolButton>
      <ToolButton label="Checklist" pressed={where.block === 'check'} disabled={readOnly} onPress={() => block('check')}>
        ☑
      </ToolButton>
      <ToolButton label="Quote" pressed={where.block === 'quote'} disabled={readOnly} onPress={() => block('quote')}>
        ❝
      </ToolButton>
      <ToolButton
        label={where.link ? 'Remove link' : 'Link'}
        pressed={where.link}
        disabled={readOnly}
        onPress={() => {
          if (where.link) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
          else {
            setUrl('https://');
            setLinking(true);
          }
        }}
      >
        Link
      </ToolButton>
      {linking && (
        <div className="notebook-toolbar__link">
          <input
            ref={urlField}
            className="notebook-toolbar__url"
            aria-label="Link address"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submitLink();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                closeLink();
              }
            }}
            aria-describedby={urlProblem ? 'notebook-url-problem' : undefined}
          />
          <button type="button" className="link-button" onClick={submitLink}>
            Add link
          </button>
          <button type="button" className="link-button" onClick={closeLink}>
            Cancel
          </button>
          {urlProblem && (
            <p className="notebook-toolbar__problem" id="notebook-url-problem">
              {urlProblem}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
