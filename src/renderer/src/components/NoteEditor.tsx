/**
 * The note of the selected highlight: saved as the reader types (debounced),
 * and flushed at once when they leave the field, pick another highlight or
 * close the window. No Save button. "Saved" means main has this very text; a
 * save main refuses says why beside the field and keeps the text, to be tried
 * again. Where the document cannot be changed the note only reads.
 */
import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model';
import { saveNote, unsavedNote, useReadOnlyReason } from '../state/highlight-changes';
import { readingStore, useReading } from '../state/reading-store';

export const NOTE_SAVE_DELAY_MS = 400;

type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export function NoteEditor({ annotation }: { annotation: Annotation }) {
  const readOnly = useReadOnlyReason();
  // A note main refused earlier comes back as it was typed, still marked unsaved.
  const [unsaved] = useState(() => unsavedNote(annotation.id));
  const [text, setText] = useState(unsaved ?? annotation.note);
  const [state, setState] = useState<SaveState>(unsaved === undefined ? 'saved' : 'error');
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(text);
  /** The text main has, as far as this field knows; null when the last save was refused (the next one tries again). */
  const saved = useRef<string | null>(unsaved === undefined ? annotation.note : null);
  const timer = useRef<number | null>(null);
  /** Numbers the saves: only the latest one's answer decides the label (each save carries the whole note). */
  const attempts = useRef({ started: 0, finished: 0 });
  const field = useRef<HTMLTextAreaElement>(null);
  // The focus comes here only when asked (the highlight picked in the side panel, or N / Enter in the text): a
  // highlight made or clicked in the text leaves it there, for Delete and Escape.
  const focusAsked = useReading((s) => s.noteFocus === annotation.id);
  useEffect(() => {
    if (focusAsked && readingStore.takeNoteFocus(annotation.id)) field.current?.focus();
  }, [focusAsked, annotation.id]);

  const flush = useRef(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const note = latest.current;
    const { started, finished } = attempts.current;
    if (note === saved.current) {
      // Typed back to what is saved: nothing to send, and nothing still on its way.
      if (started === finished) setState('saved');
      return;
    }
    // The highlight was deleted meanwhile: its note goes with it.
    if (!readingStore.getState().annotations.has(annotation.id)) return;
    const attempt = ++attempts.current.started;
    saved.current = note;
    setState('saving');
    const result = await saveNote(annotation.documentId, annotation.id, note);
    attempts.current.finished = Math.max(attempts.current.finished, attempt);
    if (!result.saved && saved.current === note) saved.current = null;
    if (attempt !== attempts.current.started) return;
    setFailure(result.saved ? null : result.reason);
    setState(!result.saved ? 'error' : latest.current === note ? 'saved' : 'pending');
  }).current;

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      void flush();
    };
  }, [flush]);

  const onChange = (value: string) => {
    setText(value);
    latest.current = value;
    setState('pending');
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), NOTE_SAVE_DELAY_MS);
  };

  const id = `note-${annotation.id}`;
  const label = readOnly && state === 'saved' ? 'Read-only' : { saved: 'Saved', pending: 'Editing…', saving: 'Saving…', error: 'Not saved' }[state];
  const problem = state === 'error' ? (failure ?? 'This text was not saved.') : null;
  return (
    <div className="note-editor">
      <label className="note-editor__label" htmlFor={id}>
        Note{' '}
        <span className={`note-editor__state note-editor__state--${readOnly && state === 'saved' ? 'read-only' : state}`} title={readOnly ?? undefined}>
          {label}
        </span>
      </label>
      <textarea
        id={id}
        className="note-editor__input"
        value={text}
        placeholder="Write a note about this passage…"
        rows={4}
        ref={field}
        readOnly={readOnly !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => void flush()}
      />
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
