/**
 * The note of the selected highlight: a small rich-text editor (bold,
 * italic, inline code, bulleted and numbered lists, links; Markdown shortcuts
 * as one types, `**`, `*`, `` ` ``, `- `, `1. `), saved as the reader types
 * (debounced), and flushed at once when they leave the field, pick another
 * highlight or close the window. No Save button. Each save sends the note's
 * Markdown with its editor state. "Saved" means main has this very note; a
 * new highlight's empty note says nothing until something is written. A save
 * main refuses says why beside the field and keeps the text, to be tried
 * again. Where the document cannot be changed the note only reads. Links in
 * a note open nothing (LinkClickGuardPlugin).
 */
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { isSafeLinkUrl } from '../../../core/notes/rich-text-markdown';
import type { Annotation } from '../../../shared/model';
import { FormatToolbar } from '../editor/rich-text/FormatToolbar';
import { LinkClickGuardPlugin } from '../editor/rich-text/LinkClickGuardPlugin';
import { $loadNote, noteOf, type NoteContent } from '../editor/rich-text/note-content';
import { NOTE_NODES, NOTE_TRANSFORMERS, RICH_TEXT_THEME } from '../editor/rich-text/rich-text-config';
import { endNoteEdit, saveNote, unsavedNote, useReadOnlyReason } from '../state/highlight-changes';
import { readingStore, useReading } from '../state/reading-store';
import './NoteEditor.css';

export const NOTE_SAVE_DELAY_MS = 400;
export const NOTE_PLACEHOLDER = 'Write a note about this passage…';

/** 'empty': a note with nothing in it that nothing was written to yet: there is nothing to say about saving it. */
type SaveState = 'empty' | 'saved' | 'pending' | 'saving' | 'error';

/** Keeps the editor's editability in step with the document's. */
function EditablePlugin({ editable }: { editable: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

/**
 * Puts the focus in the note when it is asked for (an entry picked in the side panel, the Write-note key), when the
 * note opens or later; a highlight made or clicked in the text leaves the focus in the text.
 */
function FocusPlugin({ id }: { id: string }): null {
  const [editor] = useLexicalComposerContext();
  const noteFocus = useReading((s) => s.noteFocus);
  useEffect(() => {
    if (readingStore.takeNoteFocus(id)) editor.focus(undefined, { defaultSelection: 'rootEnd' });
  }, [editor, id, noteFocus]);
  return null;
}

/**
 * Tells the note when its text changes (not when only the cursor moves), and keeps hold of the editor and of what it
 * opened with, in the form it saves (a save is sent only when the note differs from what main has).
 */
function NoteChangesPlugin({ onOpen, onChange }: { onOpen: (editor: LexicalEditor) => void; onChange: () => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // Reading first commits the note being loaded.
    editor.read(() => undefined);
    onOpen(editor);
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || prevEditorState.isEmpty() || tags.has(HISTORY_MERGE_TAG)) return;
      onChange();
    });
  }, [editor, onOpen, onChange]);
  return null;
}

export function NoteEditor({ annotation }: { annotation: Annotation }) {
  const readOnly = useReadOnlyReason();
  // A note main refused earlier comes back as it was typed, still marked unsaved.
  const [unsaved] = useState(() => unsavedNote(annotation.id));
  const [initial] = useState<NoteContent>(() => {
    // The store's copy, not the prop: the list passes its highlights a moment late (deferred), and a note changed from
    // outside (undo) opens its editor again at once.
    const now = readingStore.getState().annotations.get(annotation.id) ?? annotation;
    return unsaved ?? { note: now.note, noteState: now.noteState };
  });
  const [state, setState] = useState<SaveState>(unsaved !== undefined ? 'error' : initial.note.trim() === '' ? 'empty' : 'saved');
  const [failure, setFailure] = useState<string | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  /** The serialised note main has, as far as this field knows; null when the last save was refused (the next one tries again). */
  const saved = useRef<string | null>(null);
  const timer = useRef<number | null>(null);
  /** Numbers the saves: only the latest one's answer decides the label (each save carries the whole note). */
  const attempts = useRef({ started: 0, finished: 0 });

  const current = (): NoteContent | null => (editorRef.current ? noteOf(editorRef.current.getEditorState()) : null);

  const flush = useRef(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const content = current();
    if (!content) return;
    const key = content.noteState ?? '';
    const { started, finished } = attempts.current;
    if (key === saved.current) {
      // Written back to what is saved: nothing to send, and nothing still on its way.
      if (started === finished) setState(started === 0 && content.note === '' ? 'empty' : 'saved');
      return;
    }
    // The highlight was deleted meanwhile: its note goes with it.
    if (!readingStore.getState().annotations.has(annotation.id)) return;
    const attempt = ++attempts.current.started;
    saved.current = key;
    setState('saving');
    const result = await saveNote(annotation.documentId, annotation.id, content.note, content.noteState);
    attempts.current.finished = Math.max(attempts.current.finished, attempt);
    if (!result.saved && saved.current === key) saved.current = null;
    if (attempt !== attempts.current.started) return;
    setFailure(result.saved ? null : result.reason);
    setState(!result.saved ? 'error' : (current()?.noteState ?? '') === key ? 'saved' : 'pending');
  }).current;

  const onOpen = useRef((editor: LexicalEditor) => {
    editorRef.current = editor;
    // Main has the note this field opened with, unless it refused it.
    if (unsaved === undefined) saved.current = noteOf(editor.getEditorState()).noteState ?? '';
  }).current;

  const onChange = useRef(() => {
    setState('pending');
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), NOTE_SAVE_DELAY_MS);
  }).current;

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      void flush();
      endNoteEdit();
    };
  }, [flush]);

  const [config] = useState<InitialConfigType>(() => ({
    namespace: 'gloss-note',
    nodes: [...NOTE_NODES],
    theme: RICH_TEXT_THEME,
    editable: readOnly === null,
    onError: (error: Error) => readingStore.setStatus({ kind: 'error', message: `Note editor error: ${error.message}` }),
    editorState: () => $loadNote(initial),
  }));

  const id = `note-${annotation.id}`;
  const shown = readOnly && (state === 'saved' || state === 'empty') ? 'read-only' : state;
  const label = { empty: '', saved: 'Saved', pending: 'Editing…', saving: 'Saving…', error: 'Not saved', 'read-only': 'Read-only' }[shown];
  const problem = state === 'error' ? (failure ?? 'This text was not saved.') : null;
  return (
    <div className="note-editor">
      <div className="note-editor__label">
        <span id={`${id}-label`}>Note</span>{' '}
        <span id={`${id}-state`} className={`note-editor__state note-editor__state--${shown}`} title={readOnly ?? undefined}>
          {label}
        </span>
      </div>
      <LexicalComposer initialConfig={config}>
        {readOnly === null && <FormatToolbar label="Note formatting" />}
        <div className={`note-editor__field${readOnly !== null ? ' is-read-only' : ''}`}>
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                id={id}
                className="note-editor__text"
                aria-labelledby={`${id}-label`}
                aria-describedby={[`${id}-state`, problem ? `${id}-problem` : ''].filter(Boolean).join(' ')}
                aria-multiline="true"
                aria-placeholder={NOTE_PLACEHOLDER}
                placeholder={<div className="note-editor__placeholder">{readOnly === null ? NOTE_PLACEHOLDER : ''}</div>}
                onBlur={() => {
                  void flush();
                  endNoteEdit();
                }}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <NoteChangesPlugin onOpen={onOpen} onChange={onChange} />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeLinkUrl} />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
        <LinkClickGuardPlugin />
        <EditablePlugin editable={readOnly === null} />
        <FocusPlugin id={annotation.id} />
      </LexicalComposer>
      {problem && (
        <p className="note-editor__problem" id={`${id}-problem`}>
          {problem}{' '}
          {!readOnly && (
            <button type="button" className="link-button" onClick={() => void flush()}>
              Try again
            </button>
          )}
        </p>
      )}
    </div>
  );
}
