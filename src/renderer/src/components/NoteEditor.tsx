/**
 * The note of the selected highlight: saved as the reader types (debounced),
 * and flushed at once when they leave the field, pick another highlight or
 * close the window. No Save button.
 */
import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model';
import { call } from '../gloss-client';
import { readingStore } from '../state/reading-store';

export const NOTE_SAVE_DELAY_MS = 400;

type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export function NoteEditor({ annotation }: { annotation: Annotation }) {
  const [text, setText] = useState(annotation.note);
  const [state, setState] = useState<SaveState>('saved');
  const latest = useRef(text);
  const saved = useRef(annotation.note);
  const timer = useRef<number | null>(null);

  const flush = useRef(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const note = latest.current;
    // Nothing to save, or the highlight was deleted meanwhile (its note goes with it).
    if (note === saved.current || !readingStore.getState().annotations.has(annotation.id)) return;
    saved.current = note;
    setState('saving');
    readingStore.setSavingNote(annotation.id, true);
    try {
      const updated = await call('annotations:update', { documentId: annotation.documentId, id: annotation.id, note });
      readingStore.upsert(updated);
      setState(latest.current === note ? 'saved' : 'pending');
    } catch (error) {
      saved.current = '\u0000unsaved';
      setState('error');
      readingStore.setStatus({ kind: 'error', message: `The note was not saved: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      readingStore.setSavingNote(annotation.id, false);
    }
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

  const label = { saved: 'Saved', pending: 'Editing…', saving: 'Saving…', error: 'Not saved' }[state];
  return (
    <div className="note-editor">
      <label className="note-editor__label" htmlFor={`note-${annotation.id}`}>
        Note <span className={`note-editor__state note-editor__state--${state}`}>{label}</span>
      </label>
      <textarea
        id={`note-${annotation.id}`}
        className="note-editor__input"
        value={text}
        placeholder="Write a note about this passage…"
        rows={4}
        autoFocus
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => void flush()}
      />
    </div>
  );
}
