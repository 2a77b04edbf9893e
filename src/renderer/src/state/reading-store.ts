/**
 * State of the reading view outside the editor: the open document, its
 * highlights (the editor's marks carry only their ids), which highlight is
 * selected, and a status line. A tiny external store read with
 * useSyncExternalStore.
 *
 * A book can carry thousands of highlights, so one change must cost in
 * proportion to itself: the highlight maps change in place, those who
 * follow highlights hear which ids changed, and each list entry listens for
 * its own selection only.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { resolveSelectors, type TextRange } from '../../../core/anchoring/selectors';
import { plainTextOf } from '../../../core/transcript/plain-text';
import type { Annotation, DocumentSummary, OpenedDocument } from '../../../shared/model';

/** How long an info message stays up when nothing else replaces or clears it; errors stay until dismissed or replaced. */
export const INFO_STATUS_MS = 8000;

/**
 * A message in the status line. Info goes after INFO_STATUS_MS, at the reader's next action on highlights
 * (`clearInfo`) and when the view changes; an error stays until dismissed or replaced.
 */
export interface Status {
  kind: 'info' | 'error';
  message: string;
  /** A button beside the message ("Undo"). */
  action?: { label: string; run: () => void };
}

export interface ReadingState {
  opened: OpenedDocument | null;
  plainText: string;
  /** Changed in place: subscribeHighlights tells what changed. */
  annotations: ReadonlyMap<string, Annotation>;
  /** Where each highlight sits in the plain text now; absent for orphans. Changed in place with `annotations`. */
  ranges: ReadonlyMap<string, TextRange>;
  selectedId: string | null;
  /**
   * The highlight whose note should take the focus once it shows, or null. Set by `select(id, { focusNote: true })`
   * (an entry picked in the side panel, the Write-note key); a highlight made or clicked in the text leaves the focus
   * in the text. The note editor takes it with `takeNoteFocus`.
   */
  noteFocus: string | null;
  status: Status | null;
  /** Ids of highlights whose note has unsaved or in-flight changes. */
  savingNotes: ReadonlySet<string>;
  /** Counts changes to notes made outside the note editor (undo): the editor starts again from the note when it changes. */
  noteRevision: number;
}

type Listener = () => void;
/** Told which highlights changed; `null` when the whole set did (a document opened or closed). */
export type HighlightsListener = (ids: ReadonlySet<string> | null) => void;
export type SelectionListener = (previous: string | null, next: string | null) => void;

export class ReadingStore {
  private annotations = new Map<string, Annotation>();
  private ranges = new Map<string, TextRange>();
  private state: ReadingState = {
    opened: null,
    plainText: '',
    annotations: this.annotations,
    ranges: this.ranges,
    selectedId: null,
    noteFocus: null,
    status: null,
    savingNotes: new Set(),
    noteRevision: 0,
  };
  private readonly listeners = new Set<Listener>();
  private readonly highlightListeners = new Set<HighlightsListener>();
  private readonly selectionListeners = new Set<SelectionListener>();
  private readonly selectedListeners = new Map<string, Set<Listener>>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Hears which highlights were added, changed or removed. */
  subscribeHighlights(listener: HighlightsListener): () => void {
    this.highlightListeners.add(listener);
    return () => this.highlightListeners.delete(listener);
  }

  /** Hears every change of the selected highlight. */
  subscribeSelection(listener: SelectionListener): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  /** Hears only when highlight `id` becomes selected or stops being selected. */
  subscribeSelected(id: string, listener: Listener): () => void {
    let set = this.selectedListeners.get(id);
    if (!set) this.selectedListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.selectedListeners.delete(id);
    };
  }

  readonly getState = (): ReadingState => this.state;

  private set(patch: Partial<ReadingState>, changed?: ReadonlySet<string> | null): void {
    const previous = this.state.selectedId;
    this.state = { ...this.state, ...patch };
    if (changed !== undefined) for (const l of this.highlightListeners) l(changed);
    const next = this.state.selectedId;
    if (next !== previous) {
      for (const l of this.selectionListeners) l(previous, next);
      for (const id of [previous, next]) if (id) this.selectedListeners.get(id)?.forEach((l) => l());
    }
    for (const l of this.listeners) l();
  }

  load(opened: OpenedDocument): void {
    const plainText = plainTextOf(opened.transcript);
    this.annotations = new Map(opened.annotations.map((a) => [a.id, a]));
    this.ranges = new Map();
    for (const a of opened.annotations) {
      // An orphan's selectors are those of the text it was made on: it has no place in this one.
      if (a.orphaned) continue;
      const r = resolveSelectors(plainText, a.selectors);
      if (r) this.ranges.set(a.id, r);
    }
    this.set({ opened, plainText, annotations: this.annotations, ranges: this.ranges, selectedId: null, noteFocus: null }, null);
  }

  /** Shows a new title for the open document, if it is the one renamed. */
  renameOpened(document: DocumentSummary): void {
    const opened = this.state.opened;
    if (opened && opened.document.id === document.id) this.set({ opened: { ...opened, document } });
  }

  /** Marks the open document as one that cannot be changed now, with the reason main gave, if it is `documentId`. */
  setDocumentReadOnly(documentId: string, reason: string): void {
    const opened = this.state.opened;
    if (!opened || opened.document.id !== documentId || opened.document.readOnly === reason) return;
    this.set({ opened: { ...opened, document: { ...opened.document, readOnly: reason } } });
  }

  /** Closes the open document when it is the one removed. */
  closeIfOpen(documentId: string): void {
    if (this.state.opened?.document.id !== documentId) return;
    this.annotations = new Map();
    this.ranges = new Map();
    this.set({ opened: null, plainText: '', annotations: this.annotations, ranges: this.ranges, selectedId: null }, null);
  }

  upsert(annotation: Annotation, range?: TextRange): void {
    this.annotations.set(annotation.id, annotation);
    if (range) this.ranges.set(annotation.id, range);
    this.set({}, new Set([annotation.id]));
  }

  remove(id: string): void {
    this.annotations.delete(id);
    this.ranges.delete(id);
    this.set({ selectedId: this.state.selectedId === id ? null : this.state.selectedId }, new Set([id]));
  }

  /**
   * Selects highlight `id` (or none); an id no longer known selects none. With `focusNote` its note takes the focus
   * (see `noteFocus`); without, the focus stays where it is.
   */
  select(id: string | null, options: { focusNote?: boolean } = {}): void {
    const next = id !== null && this.annotations.has(id) ? id : null;
    const noteFocus = options.focusNote && next !== null ? next : null;
    if (next !== this.state.selectedId || noteFocus !== this.state.noteFocus) this.set({ selectedId: next, noteFocus });
  }

  /**
   * For the note editor of highlight `id`, when it shows and whenever `noteFocus` changes: true (once) when its note
   * was asked to take the focus, and the editor should now focus itself.
   */
  takeNoteFocus(id: string): boolean {
    if (this.state.noteFocus !== id) return false;
    this.set({ noteFocus: null });
    return true;
  }

  private infoTimer: ReturnType<typeof setTimeout> | null = null;

  /** Shows a message (or none); an info message goes by itself after INFO_STATUS_MS. */
  setStatus(status: Status | null): void {
    if (this.infoTimer !== null) clearTimeout(this.infoTimer);
    this.infoTimer = null;
    if (status?.kind === 'info') {
      this.infoTimer = setTimeout(() => {
        this.infoTimer = null;
        if (this.state.status === status) this.set({ status: null });
      }, INFO_STATUS_MS);
    }
    this.set({ status });
  }

  /** Takes away an info message (the reader did something since, or changed view); an error stays. */
  clearInfo(): void {
    if (this.state.status?.kind === 'info') this.setStatus(null);
  }

  /** A note was changed from outside its editor (undo, redo): the open note editor shows it afresh. */
  noteChangedElsewhere(): void {
    this.set({ noteRevision: this.state.noteRevision + 1 });
  }

  setSavingNote(id: string, saving: boolean): void {
    const savingNotes = new Set(this.state.savingNotes);
    if (saving) savingNotes.add(id);
    else savingNotes.delete(id);
    this.set({ savingNotes });
  }
}

export const readingStore = new ReadingStore();

export function useReading<T>(pick: (s: ReadingState) => T): T {
  return useSyncExternalStore(readingStore.subscribe, () => pick(readingStore.getState()));
}

/** Whether highlight `id` is the selected one; re-renders only when that answer changes. */
export function useIsSelected(id: string): boolean {
  const subscribe = useCallback((listener: Listener) => readingStore.subscribeSelected(id, listener), [id]);
  return useSyncExternalStore(subscribe, () => readingStore.getState().selectedId === id);
}
