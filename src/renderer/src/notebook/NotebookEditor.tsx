/**
 * A notebook: a rich-text editor (headings, lists, checklists, quotes,
 * links that open nothing, quoted highlights) with its formatting toolbar, saved as the reader
 * types, with whether it is saved shown beneath (as notes do: "Saved",
 * "Saving…", "Not saved" with main's reason and Try again). Only reads where
 * it cannot be changed.
 */
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { isSafeLinkUrl } from '../../../core/notes/rich-text-markdown';
import { LinkClickGuardPlugin } from '../editor/rich-text/LinkClickGuardPlugin';
import { readingStore } from '../state/reading-store';
import { NotebookContext, type NotebookScope } from './notebook-context';
import { NOTEBOOK_NODES, NOTEBOOK_THEME, NOTEBOOK_TRANSFORMERS } from './notebook-editor-config';
import { NotebookSaver } from './notebook-saver';
import { contentOf, openQuote, saveNotebook, type NotebookId } from './notebook-state';
import { NotebookToolbar } from './NotebookToolbar';
import { ChecklistShortcutPlugin } from './plugins/ChecklistShortcutPlugin';
import { HighlightDropPlugin } from './plugins/HighlightDropPlugin';
import { insertQuote, LiveNotebookPlugin } from './plugins/LiveNotebookPlugin';
import { NotebookSavePlugin } from './plugins/NotebookSavePlugin';
import { QuoteKeysPlugin } from './plugins/QuoteKeysPlugin';
import type { HighlightQuote } from './quote';

export interface NotebookEditorProps {
  id: NotebookId;
  scope: NotebookScope;
  /** The saved editor state (serialised), or null for a notebook never written. */
  initialState: string | null;
  /** Quotes sent to this notebook while it was loading: they go in first. */
  waitingQuotes: readonly HighlightQuote[];
  /** Why it cannot be changed now, or null. */
  readOnly: string | null;
  /** Names the editor for screen readers. */
  label: string;
  placeholder: string;
}

function SaveState({ saver, readOnly }: { saver: NotebookSaver; readOnly: string | null }) {
  const { state, failure } = useSyncExternalStore(saver.subscribe, saver.getSnapshot);
  const shownState = readOnly && state === 'saved' ? 'read-only' : state;
  const label = { saved: 'Saved', pending: 'Editing…', saving: 'Saving…', error: 'Not saved', 'read-only': 'Read-only' }[shownState];
  return (
    <div className="notebook__footer">
      <span className={`notebook__state notebook__state--${shownState}`} title={readOnly ?? undefined}>
        {label}
      </span>
      {state === 'error' && (
        <p className="notebook__problem" role="alert">
          {failure ?? 'This notebook was not saved.'}{' '}
          {!readOnly && (
            <button type="button" className="link-button" onClick={() => void saver.flush()}>
              Try again
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/** Follows a change of read-only after opening (a refused save, the library turning read-only). */
function EditablePlugin({ editable }: { editable: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

/** Puts in the quotes sent while the notebook was loading, once. */
function WaitingQuotesPlugin({ quotes }: { quotes: readonly HighlightQuote[] }): null {
  const [editor] = useLexicalComposerContext();
  const [first] = useState(quotes);
  useEffect(() => {
    for (const quote of first) insertQuote(editor, quote);
  }, [editor, first]);
  return null;
}

function NotebookBody({ id, scope, waitingQuotes, readOnly, label, placeholder }: Omit<NotebookEditorProps, 'initialState'>) {
  const [editor] = useLexicalComposerContext();
  const [saver] = useState(() => new NotebookSaver(() => contentOf(editor.getEditorState(), scope), (content) => saveNotebook(id, content)));
  useEffect(() => () => void saver.dispose(), [saver]);
  const context = useMemo(() => ({ scope, openQuote }), [scope]);
  return (
    <NotebookContext.Provider value={context}>
      <div className={`notebook notebook--${scope}`}>
        <NotebookToolbar readOnly={readOnly !== null} />
        <div className="notebook__scroll">
          <RichTextPlugin
            contentEditable={<ContentEditable className="notebook__editor" aria-label={label} aria-readonly={readOnly !== null || undefined} spellCheck />}
            placeholder={<div className="notebook__placeholder">{placeholder}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <SaveState saver={saver} readOnly={readOnly} />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <CheckListPlugin />
      <LinkPlugin validateUrl={isSafeLinkUrl} />
      <LinkClickGuardPlugin />
      <MarkdownShortcutPlugin transformers={NOTEBOOK_TRANSFORMERS} />
      <ChecklistShortcutPlugin />
      <NotebookSavePlugin saver={saver} />
      <LiveNotebookPlugin id={id} saver={saver} />
      <WaitingQuotesPlugin quotes={waitingQuotes} />
      <QuoteKeysPlugin />
      {scope === 'document' && <HighlightDropPlugin />}
      <EditablePlugin editable={readOnly === null} />
    </NotebookContext.Provider>
  );
}

export function NotebookEditor({ initialState, ...props }: NotebookEditorProps) {
  const [config] = useState<InitialConfigType>(() => ({
    namespace: 'gloss-notebook',
    nodes: [...NOTEBOOK_NODES],
    theme: NOTEBOOK_THEME,
    editable: props.readOnly === null,
    editorState: initialState ?? undefined,
    onError: (error: Error) => readingStore.setStatus({ kind: 'error', message: `Notebook display error: ${error.message}` }),
  }));
  return (
    <LexicalComposer initialConfig={config}>
      <NotebookBody {...props} />
    </LexicalComposer>
  );
}
