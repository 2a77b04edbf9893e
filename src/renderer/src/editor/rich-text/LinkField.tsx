/**
 * The Link button's address field, shared by the note's and the notebook's
 * toolbars: on a link the button removes it; elsewhere it opens a field for
 * the address, and only web and mail addresses are taken. Enter adds the
 * link to what was selected (or, with nothing selected, the address as the
 * link's text); Escape or Cancel closes the field and gives the text the
 * focus again.
 */
import { $createLinkNode, $toggleLink } from '@lexical/link';
import { $createTextNode, $getSelection, $insertNodes, $isRangeSelection, $setSelection, type BaseSelection, type LexicalEditor } from 'lexical';
import { useId, useState, type ReactNode } from 'react';
import { isSafeLinkUrl } from '../../../../core/notes/rich-text-markdown';

/** What was typed as a link address, as one: `example.com` is a web address, `ann@example.com` a mail address. */
export function linkAddressOf(typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  const url = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text) ? `mailto:${text}` : `https://${text}`;
  return isSafeLinkUrl(url) && !/\s/.test(url) ? url : null;
}

/**
 * The Link button's action (`toggle`, told whether the caret is on a link)
 * and the field it opens (`field`, null while closed), styled as
 * `block__link`, `block__link-input` and `block__problem`.
 */
export function useLinkField(editor: LexicalEditor, block: string): { toggle: (onLink: boolean) => void; field: ReactNode } {
  // `opening` counts the openings, so that pressing Link again starts the field afresh.
  const [open, setOpen] = useState<{ opening: number; selection: BaseSelection | null } | null>(null);

  const toggle = (onLink: boolean) => {
    if (onLink) {
      editor.update(() => $toggleLink(null));
      return;
    }
    const selection = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setOpen((now) => ({ opening: (now?.opening ?? 0) + 1, selection }));
  };

  const close = () => {
    setOpen(null);
    editor.focus();
  };

  const field = open && <LinkField key={open.opening} editor={editor} selection={open.selection} block={block} onClose={close} />;
  return { toggle, field };
}

function LinkField({ editor, selection, block, onClose }: { editor: LexicalEditor; selection: BaseSelection | null; block: string; onClose: () => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();

  const apply = () => {
    const url = linkAddressOf(text);
    if (!url) {
      setProblem('Only web addresses (https://…) and mail addresses can be links.');
      return;
    }
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      const now = $getSelection();
      if (!$isRangeSelection(now)) return;
      // Nothing selected: the address goes in as the link's text.
      if (now.isCollapsed()) $insertNodes([$createLinkNode(url).append($createTextNode(url))]);
      else $toggleLink(url);
    });
    onClose();
  };

  return (
    <div className={`${block}__link`}>
      <input
        id={fieldId}
        className={`${block}__link-input`}
        type="text"
        inputMode="url"
        aria-label="Link address"
        placeholder="https://…"
        value={text}
        autoFocus
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${fieldId}-problem` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <button type="button" className="link-button" onClick={apply}>
        Add link
      </button>
      <button type="button" className="link-button" onClick={onClose}>
        Cancel
      </button>
      {problem && (
        <p className={`${block}__problem`} id={`${fieldId}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
