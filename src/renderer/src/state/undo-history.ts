/**
 * The session's undo history: every annotation action (a highlight made or
 * deleted, recoloured, its codes or note changed, a code renamed, merged,
 * moved or deleted across the library) is recorded here as a pair of
 * functions that take it back and do it again. The functions talk to main,
 * so after an undo the data on disk is as it was too. The history outlives
 * switching documents: an action on a document that is not open is undone in
 * main alone, and shows when that document is opened again.
 *
 * Undo and redo run one at a time, in order; what they change is not
 * recorded again. Consecutive edits of the same thing (typing a note) share a
 * key and become one step, so a note is undone as a whole.
 */
import { useSyncExternalStore } from 'react';

export interface UndoableAction {
  /** What was done, in words ("Delete highlight"): the status line says "Undone: delete highlight". */
  label: string;
  /** Takes the action back; false when it could not be (the reason is already on screen). */
  undo(): Promise<boolean>;
  /** Does it again; false when it could not be. */
  redo(): Promise<boolean>;
  /** Actions recorded one after another with the same key are one step: the first one's undo, the last one's redo. */
  mergeKey?: string;
  /**
   * For an action recorded as it is made, before main has answered: whether main took it. Undo waits for the
   * answer (a reader may press Ctrl+Z at once), and an action main refused leaves the history.
   */
  settled?: Promise<boolean>;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** The label of the step Undo would take back, and of the one Redo would do again. */
  undoLabel: string | null;
  redoLabel: string | null;
}

type Listener = () => void;

/** How many steps are kept; the oldest go first. */
export const HISTORY_LIMIT = 500;

export class UndoHistory {
  private readonly done: UndoableAction[] = [];
  private readonly undone: UndoableAction[] = [];
  private running: Promise<unknown> = Promise.resolve();
  /** Set while an undo or redo runs: what it changes is not recorded as a new action. */
  private replaying = 0;
  private readonly listeners = new Set<Listener>();
  private state: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): HistoryState => this.state;

  private changed(): void {
    const last = this.done.at(-1);
    const next = this.undone.at(-1);
    this.state = { canUndo: !!last, canRedo: !!next, undoLabel: last?.label ?? null, redoLabel: next?.label ?? null };
    for (const l of this.listeners) l();
  }

  /**
   * Records an action the reader just did (or is doing: see `settled`); a new action ends what could be redone.
   * Ignored while replaying.
   */
  record(action: UndoableAction): void {
    if (this.replaying > 0) return;
    const last = this.done.at(-1);
    if (action.mergeKey && last?.mergeKey === action.mergeKey && this.undone.length === 0) {
      // One step: a refusal of a later part leaves the step (what was saved before it can still be undone).
      this.done[this.done.length - 1] = { ...action, undo: last.undo, settled: undefined };
    } else {
      this.done.push(action);
      if (this.done.length > HISTORY_LIMIT) this.done.shift();
      void action.settled?.then((ok) => ok || this.drop(action));
    }
    this.undone.length = 0;
    this.changed();
  }

  /** Takes out an action main refused: there is nothing of it to undo. */
  private drop(action: UndoableAction): void {
    const at = this.done.indexOf(action);
    if (at < 0) return;
    this.done.splice(at, 1);
    this.changed();
  }

  /** Ends merging: the next action with the same key is a step of its own (the reader left the note and came back). */
  seal(): void {
    const last = this.done.at(-1);
    if (last?.mergeKey) this.done[this.done.length - 1] = { ...last, mergeKey: undefined };
  }

  /** Takes back the last action; resolves with its label when it was, null when there was nothing or it failed. */
  undo(): Promise<string | null> {
    return this.step(this.done, this.undone, 'undo');
  }

  redo(): Promise<string | null> {
    return this.step(this.undone, this.done, 'redo');
  }

  private step(from: UndoableAction[], to: UndoableAction[], way: 'undo' | 'redo'): Promise<string | null> {
    const run = this.running.then(async () => {
      let action = from.at(-1);
      // An action still on its way to main is undone once main has it; one main refused is passed over.
      while (action?.settled && !(await action.settled)) action = from.at(-1);
      if (!action) return null;
      from.splice(from.lastIndexOf(action), 1);
      this.changed();
      this.replaying++;
      let ok = false;
      try {
        ok = await action[way]();
      } catch {
        ok = false;
      } finally {
        this.replaying--;
      }
      // A step that failed stays where it was, to be tried again; what it could not do is already on screen.
      (ok ? to : from).push({ ...action, mergeKey: undefined, settled: undefined });
      this.changed();
      return ok ? action.label : null;
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
    this.changed();
  }
}

export const undoHistory = new UndoHistory();

export function useUndoHistory<T>(pick: (s: HistoryState) => T): T {
  return useSyncExternalStore(undoHistory.subscribe, () => pick(undoHistory.getState()));
}
