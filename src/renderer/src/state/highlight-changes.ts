/**
 * Every change to highlights and notes, and the one place they are sent to
 * main. A change the library or the open document cannot take (read-only) is
 * refused at once, with the reason shown. Otherwise the change is shown at
 * once and sent; if main refuses it, what is on screen goes back to what is
 * saved and the reader sees main's message, which names the cause (a full
 * disk, a read-only folder). The editor's part, building and taking away a
 * highlight's marks, is handed in by the highlight plugin.
 *
 * Each change is recorded for undo as it is made (undo-history.ts), with the
 * changes that take it back and do it again; those run through here too,
 * whether or not their document is open. Changes made elsewhere (a code
 * operation, a `gloss` command beside the app) are taken in without being
 * recorded (takeInHighlights).
 */
import { errorMessage } from '../../../core/error-message';
import { useSyncExternalStore } from 'react';
import { createSelectors, resolveSelectors, type TextRange } from '../../../core/anchoring/selectors';
import { normaliseCodes } from '../../../core/study/code-path';
import type { Annotation, HighlightColor, HighlightSelectors } from '../../../shared/model';
import { afterNextPaint } from '../after-paint';
import { call, GlossCallError } from '../gloss-client';
import { readingStore } from './reading-store';
import { refreshStoreStatus, storeStatus } from './store-status';
import { undoHistory } from './undo-history';

/** What the editor does for a change: build a highlight's marks over its range, or take them away. */
export interface HighlightMarks {
  wrap(id: string, range: TextRange): void;
  unwrap(id: string): void;
}

/** The open document's editor marks (the highlight plugin hands them in while it is mounted): undo and redo use them. */
let activeMarks: HighlightMarks | null = null;

export function setActiveMarks(marks: HighlightMarks | null): void {
  activeMarks = marks;
}

const isOpen = (documentId: string) => readingStore.getState().opened?.document.id === documentId;

/**
 * Notes typed but not saved (main refused them), by highlight id: the note field shows them again when its
 * highlight is selected again, so a failed save never loses what the reader wrote. The list shows the saved note.
 */
const unsavedNotes = new Map<string, { note: string; noteState: string | null }>();

/** The note typed for highlight `id` that main refused (its Markdown and editor state), if any. */
export function unsavedNote(id: string): { note: string; noteState: string | null } | undefined {
  return unsavedNotes.get(id);
}

/** Why the open document's highlights and notes cannot be changed now (the library's reason first), or null. */
export function readOnlyReason(): string | null {
  return storeStatus.getState().readOnly ?? readingStore.getState().opened?.document.readOnly ?? null;
}

function subscribeBoth(listener: () => void): () => void {
  const offReading = readingStore.subscribe(listener);
  const offStatus = storeStatus.subscribe(listener);
  return () => {
    offReading();
    offStatus();
  };
}

/** `readOnlyReason()`, for components: re-renders when it changes. */
export function useReadOnlyReason(): string | null {
  return useSyncExternalStore(subscribeBoth, readOnlyReason);
}

/** `what` went wrong, and why: two sentences, so neither loses its first word to the other. */
function report(what: string, why: string): void {
  readingStore.setStatus({ kind: 'error', message: `${what}. ${why}` });
}

/** Refuses `what` when the open document cannot be changed, saying why; true when refused. */
export function refuseWhenReadOnly(what: string): boolean {
  const reason = readOnlyReason();
  if (reason) report(what, reason);
  return reason !== null;
}

/**
 * Tells the reader main refused a change. A refusal for being read-only makes the document read-only on screen
 * too (unless the whole library now is), and a storage failure may come with notices about files.
 */
function refused(what: string, documentId: string, error: unknown): void {
  report(what, errorMessage(error));
  if (!(error instanceof GlossCallError) || (error.code !== 'read-only' && error.code !== 'storage')) return;
  void refreshStoreStatus().then((status) => {
    if (error.code === 'read-only' && !status.readOnly) readingStore.setDocumentReadOnly(documentId, error.message);
  });
}

const isNotFound = (error: unknown) => error instanceof GlossCallError && error.code === 'not-found';

/**
 * Highlights plain-text `range` in `color`; the new highlight becomes the selected one. It is sent at once; when
 * its colour is already on screen (a preview, ended by `endPreview`), its marks are built after that frame is
 * painted. If main refuses it, its marks and list entry go and the reader is told why. True once it is saved.
 */
export async function createHighlight(
  marks: HighlightMarks,
  range: TextRange,
  color: HighlightColor,
  endPreview: (() => void) | null = null,
): Promise<boolean> {
  const { opened, plainText } = readingStore.getState();
  if (!opened || refuseWhenReadOnly('The passage was not highlighted')) {
    endPreview?.();
    return false;
  }
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: crypto.randomUUID(),
    documentId: opened.document.id,
    selectors: createSelectors(plainText, range.start, range.end),
    color,
    note: '',
    noteState: null,
    codes: [],
    createdAt: now,
    updatedAt: now,
  };
  // Sent at once; what main answers is taken in once the highlight is in place.
  const saving = call('annotations:create', { documentId: annotation.documentId, id: annotation.id, color, selectors: annotation.selectors }).then(
    (saved) => ({ saved }),
    (error: unknown) => ({ error }),
  );
  // With the colour already on screen, the rest waits for that frame: the marks and the list entry, then the
  // selection (its note field takes the focus), each after the frame that shows the step before.
  if (endPreview) await new Promise<void>((resolve) => afterNextPaint(resolve));
  if (readingStore.getState().opened?.document.id !== annotation.documentId) {
    // Another document was opened meanwhile; main still saves this one.
    endPreview?.();
    const answer = await saving;
    if ('error' in answer) refused('A highlight in the document you left was not saved', annotation.documentId, answer.error);
    return 'saved' in answer;
  }
  readingStore.upsert(annotation, range);
  marks.wrap(annotation.id, range);
  endPreview?.();
  afterNextPaint(() => readingStore.select(annotation.id));
  // Recorded now, so that Ctrl+Z pressed at once takes it back (once main has it).
  let made = annotation;
  undoHistory.record({
    label: 'Highlight',
    undo: () => deleteAnywhere(made.documentId, made.id),
    redo: () => restoreAnywhere(made),
    settled: saving.then((a) => 'saved' in a),
  });
  const answer = await saving;
  if ('saved' in answer) {
    made = answer.saved;
    if (readingStore.getState().annotations.has(annotation.id)) readingStore.upsert(answer.saved);
    return true;
  }
  marks.unwrap(annotation.id);
  readingStore.remove(annotation.id);
  refused('The highlight was not saved', annotation.documentId, answer.error);
  return false;
}

/** Gives highlight `id` another colour; back to its saved colour if main refuses. */
export async function recolorHighlight(id: string, color: HighlightColor): Promise<boolean> {
  const before = readingStore.getState().annotations.get(id);
  if (!before || before.color === color) return false;
  if (refuseWhenReadOnly('The colour was not changed')) return false;
  readingStore.upsert({ ...before, color });
  const saving = call('annotations:update', { documentId: before.documentId, id, color });
  undoHistory.record({
    label: 'Recolour',
    undo: () => updateAnywhere(before.documentId, id, { color: before.color }),
    redo: () => updateAnywhere(before.documentId, id, { color }),
    settled: saving.then(() => true, () => false),
  });
  try {
    readingStore.upsert(await saving);
    return true;
  } catch (error) {
    // Not when the highlight itself has gone meanwhile (its creation refused): nothing of it is saved.
    if (readingStore.getState().annotations.has(id)) readingStore.upsert(before);
    refused('The colour was not changed', before.documentId, error);
    return false;
  }
}

/** A highlight's codes before and after a change: what undo needs to take it back. */
export interface CodesChange {
  documentId: string;
  id: string;
  before: string[];
  after: string[];
}

/**
 * Gives highlight `id` these codes (the whole list, normalised, each once); back to its saved codes if main
 * refuses. Answers what changed, or null when nothing did (the same codes, refused, or not a code).
 */
export async function setCodes(id: string, codes: readonly string[]): Promise<CodesChange | null> {
  const before = readingStore.getState().annotations.get(id);
  if (!before) return null;
  let after: string[];
  try {
    after = normaliseCodes(codes);
  } catch (error) {
    const why = errorMessage(error);
    report('The codes were not changed', `${why.charAt(0).toUpperCase()}${why.slice(1)}.`);
    return null;
  }
  if (after.length === before.codes.length && after.every((c, i) => c === before.codes[i])) return null;
  if (refuseWhenReadOnly('The codes were not changed')) return null;
  readingStore.upsert({ ...before, codes: after });
  const saving = call('annotations:update', { documentId: before.documentId, id, codes: after });
  undoHistory.record({
    label: 'Change codes',
    undo: () => updateAnywhere(before.documentId, id, { codes: before.codes }),
    redo: () => updateAnywhere(before.documentId, id, { codes: after }),
    settled: saving.then(() => true, () => false),
  });
  try {
    const saved = await saving;
    if (readingStore.getState().annotations.has(id)) readingStore.upsert(saved);
    return { documentId: before.documentId, id, before: before.codes, after: saved.codes };
  } catch (error) {
    if (readingStore.getState().annotations.has(id)) readingStore.upsert(before);
    refused('The codes were not changed', before.documentId, error);
    return null;
  }
}

/** Deletes highlight `id` with its note; put back, marks and all, if main refuses. `record`: whether undo can take it back (not when it is itself an undo). */
export async function deleteHighlight(marks: HighlightMarks, id: string, record = true): Promise<boolean> {
  const state = readingStore.getState();
  const before = state.annotations.get(id);
  const range = state.ranges.get(id);
  if (!before) return false;
  if (refuseWhenReadOnly('The highlight was not deleted')) return false;
  marks.unwrap(id);
  readingStore.remove(id);
  const deleting = call('annotations:delete', { documentId: before.documentId, id });
  if (record) {
    undoHistory.record({
      label: 'Delete highlight',
      undo: () => restoreAnywhere(before),
      redo: () => deleteAnywhere(before.documentId, id),
      settled: deleting.then(() => true, () => false),
    });
  }
  try {
    await deleting;
    unsavedNotes.delete(id);
    if (!record) return true;
    // Its note and codes go with it: say how to get them back.
    if (before.note.trim() !== '' || before.codes.length > 0) {
      readingStore.setStatus({ kind: 'info', message: 'Deleted.', action: { label: 'Undo', run: () => void undoLast() } });
    }
    return true;
  } catch (error) {
    // A highlight main does not have (its creation was refused) stays gone: that is what is saved.
    if (isNotFound(error)) return false;
    if (readingStore.getState().opened?.document.id === before.documentId) {
      readingStore.upsert(before, range);
      if (range) marks.wrap(id, range);
    }
    refused('The highlight was not deleted', before.documentId, error);
    return false;
  }
}

export type NoteSaved = { saved: true } | { saved: false; reason: string };

/**
 * Saves highlight `id`'s note (the whole note): its Markdown, with the rich-text editor state it was written from
 * (null for a note that is Markdown only, or empty). When main refuses it the reader is told why, and the note is
 * kept as unsaved; the answer says so, with main's reason.
 */
export async function saveNote(documentId: string, id: string, note: string, noteState: string | null = null): Promise<NoteSaved> {
  if (!readingStore.getState().annotations.has(id)) return { saved: false, reason: 'The highlight was deleted.' };
  const reason = readOnlyReason();
  if (reason) {
    unsavedNotes.set(id, { note, noteState });
    report('The note was not saved', reason);
    return { saved: false, reason };
  }
  readingStore.setSavingNote(id, true);
  try {
    const before = readingStore.getState().annotations.get(id);
    const saving = call('annotations:update', { documentId, id, note, noteState });
    if (before) {
      // Typing is saved in many small steps; undo takes the note back to what it was before the reader started.
      undoHistory.record({
        label: 'Edit note',
        mergeKey: `note:${id}`,
        undo: () => updateAnywhere(documentId, id, { note: before.note, noteState: before.noteState }),
        redo: () => updateAnywhere(documentId, id, { note, noteState }),
        settled: saving.then(() => true, () => false),
      });
    }
    const updated = await saving;
    // Changes reach main in order, and each carries the whole note: this one supersedes any refused before it.
    unsavedNotes.delete(id);
    if (readingStore.getState().annotations.has(id)) readingStore.upsert(updated);
    return { saved: true };
  } catch (error) {
    // The highlight itself is not saved (its creation was refused): there is nothing to keep the note for.
    if (isNotFound(error)) return { saved: false, reason: errorMessage(error) };
    unsavedNotes.set(id, { note, noteState });
    refused('The note was not saved', documentId, error);
    return { saved: false, reason: errorMessage(error) };
  } finally {
    readingStore.setSavingNote(id, false);
  }
}

/** What undo and redo change on a highlight. */
type HighlightChange = Partial<Pick<Annotation, 'color' | 'note' | 'noteState' | 'codes'>>;

/**
 * Deletes a highlight whether or not its document is open (undo of a highlight made, redo of a deletion). In the
 * open document its marks go at once.
 */
async function deleteAnywhere(documentId: string, id: string): Promise<boolean> {
  if (isOpen(documentId) && activeMarks) {
    if (!readingStore.getState().annotations.has(id)) return true;
    return deleteHighlight(activeMarks, id, false);
  }
  try {
    await call('annotations:delete', { documentId, id });
    return true;
  } catch (error) {
    if (isNotFound(error)) return true;
    refused('The highlight was not deleted', documentId, error);
    return false;
  }
}

/**
 * Puts a deleted highlight back exactly as it was, note and codes included (undo of a deletion, redo of a highlight
 * made). In the open document its marks are built at once, so it shows in the next frame; main then writes it.
 */
async function restoreAnywhere(annotation: Annotation): Promise<boolean> {
  if (refuseWhenReadOnly('The highlight was not put back')) return false;
  const { documentId, id } = annotation;
  const shown = isOpen(documentId) && activeMarks && !readingStore.getState().annotations.has(id);
  let range: TextRange | null = null;
  if (shown) {
    range = annotation.orphaned ? null : resolveSelectors(readingStore.getState().plainText, annotation.selectors);
    readingStore.upsert(annotation, range ?? undefined);
    if (range) activeMarks!.wrap(id, range);
  }
  try {
    const saved = await call('annotations:restore', { annotation });
    if (isOpen(documentId) && readingStore.getState().annotations.has(id)) readingStore.upsert(saved);
    return true;
  } catch (error) {
    if (shown && isOpen(documentId)) {
      activeMarks?.unwrap(id);
      readingStore.remove(id);
    }
    refused('The highlight was not put back', documentId, error);
    return false;
  }
}

/** Changes a highlight whether or not its document is open; on screen at once when it is, back as saved if main refuses. */
export async function updateAnywhere(documentId: string, id: string, change: HighlightChange): Promise<boolean> {
  if (refuseWhenReadOnly('The change was not made')) return false;
  const before = isOpen(documentId) ? readingStore.getState().annotations.get(id) : undefined;
  if (before) readingStore.upsert({ ...before, ...change });
  // A note changed from outside its editor: the editor shows the new text.
  if (change.note !== undefined) {
    unsavedNotes.delete(id);
    readingStore.noteChangedElsewhere();
  }
  try {
    const saved = await call('annotations:update', { documentId, id, ...change });
    if (isOpen(documentId) && readingStore.getState().annotations.has(id)) readingStore.upsert(saved);
    return true;
  } catch (error) {
    if (before && readingStore.getState().annotations.has(id)) readingStore.upsert(before);
    if (change.note !== undefined) readingStore.noteChangedElsewhere();
    refused('The change was not made', documentId, error);
    return false;
  }
}

/** The reader left a note: what they type there next is a step of its own for undo. */
export function endNoteEdit(): void {
  undoHistory.seal();
}

/** Undoes the last action, and says so. */
export async function undoLast(): Promise<void> {
  undoHistory.seal();
  const label = await undoHistory.undo();
  if (label) readingStore.setStatus({ kind: 'info', message: `Undone: ${label.toLowerCase()}.`, action: { label: 'Redo', run: () => void redoLast() } });
  else if (!undoHistory.getState().canUndo && !readingStore.getState().status) readingStore.setStatus({ kind: 'info', message: 'Nothing to undo.' });
}

/** Does again the last action undone, and says so. */
export async function redoLast(): Promise<void> {
  const label = await undoHistory.redo();
  if (label) readingStore.setStatus({ kind: 'info', message: `Redone: ${label.toLowerCase()}.` });
  else if (!undoHistory.getState().canRedo && !readingStore.getState().status) readingStore.setStatus({ kind: 'info', message: 'Nothing to redo.' });
}

/**
 * Brings the open document's highlights in line with `fresh` (what main has now, after a change made elsewhere: a
 * code renamed across the library, a `gloss` command beside the app): highlights gone lose their marks, new ones get
 * theirs, changed ones are repainted. Nothing is recorded for undo: these changes were not made here.
 */
export function takeInHighlights(documentId: string, fresh: readonly Annotation[]): void {
  const state = readingStore.getState();
  if (!isOpen(documentId)) return;
  const byId = new Map(fresh.map((a) => [a.id, a]));
  for (const id of [...state.annotations.keys()]) {
    if (byId.has(id)) continue;
    activeMarks?.unwrap(id);
    readingStore.remove(id);
  }
  for (const annotation of fresh) {
    const known = state.annotations.get(annotation.id);
    if (known) {
      // Codes too: an operation on codes across the library rewrites them without touching the highlight's time.
      const recoded = known.codes.length !== annotation.codes.length || known.codes.some((c, i) => c !== annotation.codes[i]);
      if (known.updatedAt !== annotation.updatedAt || known.color !== annotation.color || recoded) {
        if (known.note !== annotation.note && state.selectedId === annotation.id) readingStore.noteChangedElsewhere();
        readingStore.upsert(annotation);
      }
      continue;
    }
    const range = annotation.orphaned ? null : resolveSelectors(state.plainText, annotation.selectors);
    readingStore.upsert(annotation, range ?? undefined);
    if (range) activeMarks?.wrap(annotation.id, range);
  }
}

/**
 * Attaches highlight `id` (an orphan, usually) to plain-text `range` of the open document: once main has it, it is
 * painted there and leaves the orphans. Undo makes it what it was again (an orphan: deleted and put back as it was,
 * with its note and codes as they are then); redo attaches it again.
 */
export async function reattachHighlight(id: string, range: TextRange): Promise<boolean> {
  const { annotations, plainText } = readingStore.getState();
  const before = annotations.get(id);
  if (!before || refuseWhenReadOnly('The highlight was not re-attached')) return false;
  const selectors = createSelectors(plainText, range.start, range.end);
  const attaching = attachAnywhere(before.documentId, id, selectors);
  undoHistory.record({
    label: 'Re-attach highlight',
    undo: async () => {
      const now = isOpen(before.documentId) ? readingStore.getState().annotations.get(id) : undefined;
      const back: Annotation = { ...(now ?? before), selectors: before.selectors, orphaned: before.orphaned };
      return (await deleteAnywhere(before.documentId, id)) && restoreAnywhere(back);
    },
    redo: () => attachAnywhere(before.documentId, id, selectors),
    settled: attaching,
  });
  return attaching;
}

/** Attaches a highlight to the text its selectors give, whether or not its document is open; painted there when it is. */
async function attachAnywhere(documentId: string, id: string, selectors: HighlightSelectors): Promise<boolean> {
  if (refuseWhenReadOnly('The highlight was not re-attached')) return false;
  try {
    const saved = await call('annotations:reattach', { documentId, id, selectors });
    if (!isOpen(documentId)) return true;
    const range = resolveSelectors(readingStore.getState().plainText, saved.selectors);
    activeMarks?.unwrap(id);
    readingStore.upsert(saved, range ?? undefined);
    if (range) activeMarks?.wrap(id, range);
    return true;
  } catch (error) {
    refused('The highlight was not re-attached', documentId, error);
    return false;
  }
}
