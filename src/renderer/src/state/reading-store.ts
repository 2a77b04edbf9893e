/**
 * State of the reading view outside the editor: the open document, its
 * highlights (the editor's marks carry only their ids), which highlight is
 * selected, and a status line. A tiny external store read with
 * useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';
import { resolveSelectors, type TextRange } from '../../../core/anchoring/selectors';
import { plainTextOf } from '../../../core/transcript/plain-text';
import type { Annotation, DocumentSummary, OpenedDocument } from '../../../shared/model';

export interface Status {
  kind: 'info' | 'error';
  message: string;
}

export interface ReadingState {
  opened: OpenedDocument | null;
  plainText: string;
  annotations: ReadonlyMap<string, Annotation>;
  /** Where each highlight sits in the plain text now; absent for orphans. */
  ranges: ReadonlyMap<string, TextRange>;
  selectedId: string | null;
  status: Status | null;
  /** Ids of highlights whose note has unsaved or in-flight changes. */
  savingNotes: ReadonlySet<string>;
}

type Listener = () => void;

/** The document part of the state when no document is open. */
const NO_DOCUMENT = { opened: null, plainText: '', annotations: new Map(), ranges: new Map(), selectedId: null } as const;

export class ReadingStore {
  private state: ReadingState = { ...NO_DOCUMENT, status: null, savingNotes: new Set() };
  private readonly listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ReadingState => this.state;

  private set(patch: Partial<ReadingState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  load(opened: OpenedDocument): void {
    const plainText = plainTextOf(opened.transcript);
    const ranges = new Map<string, TextRange>();
    for (const a of opened.annotations) {
      const r = resolveSelectors(plainText, a.selectors);
      if (r) ranges.set(a.id, r);
    }
    this.set({
      opened,
      plainText,
      annotations: new Map(opened.annotations.map((a) => [a.id, a])),
      ranges,
      selectedId: null,
    });
  }

  /** Shows a new title for the open document, if it is the one renamed. */
  renameOpened(document: DocumentSummary): void {
    const opened = this.state.opened;
    if (opened && opened.document.id === document.id) this.set({ opened: { ...opened, document } });
  }

  /** Closes the open document when it is the one removed. */
  closeIfOpen(documentId: string): void {
    if (this.state.opened?.document.id === documentId) {
      this.set(NO_DOCUMENT);
    }
  }

  upsert(annotation: Annotation, range?: TextRange): void {
    const annotations = new Map(this.state.annotations).set(annotation.id, annotation);
    const ranges = range ? new Map(this.state.ranges).set(annotation.id, range) : this.state.ranges;
    this.set({ annotations, ranges });
  }

  remove(id: string): void {
    const annotations = new Map(this.state.annotations);
    annotations.delete(id);
    const ranges = new Map(this.state.ranges);
    ranges.delete(id);
    this.set({ annotations, ranges, selectedId: this.state.selectedId === id ? null : this.state.selectedId });
  }

  select(id: string | null): void {
    if (id !== this.state.selectedId) this.set({ selectedId: id });
  }

  setStatus(status: Status | null): void {
    this.set({ status });
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
