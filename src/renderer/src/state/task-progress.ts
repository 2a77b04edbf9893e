/**
 * Long work in main (an import, an export, a backup, a restore, preparing the
 * search index) as the renderer shows it: each task under way, shown once it
 * has run longer than SHOW_AFTER_MS (quick work never flashes a bar), until
 * its last message. When a task ends cancelled, the status line says what
 * that left ("Export cancelled: nothing was written."); an import says it
 * itself, with its files (library-state.ts), and a failure is reported by the
 * action that started it. Cancel asks main to stop at its next safe point.
 */
import { useSyncExternalStore } from 'react';
import type { TaskKind, TaskProgress } from '../../../shared/model';
import { call, onTaskProgress } from '../gloss-client';
import { errorMessage } from '../../../core/error-message';
import type { Status } from './reading-store';

/** Work quicker than this shows no progress at all. */
export const SHOW_AFTER_MS = 300;

export interface ShownTask extends TaskProgress {
  /** Cancel was pressed: waiting for main to stop. */
  cancelling: boolean;
}

interface Entry {
  progress: TaskProgress;
  visible: boolean;
  cancelling: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/** The unit each kind of work counts in, for "12 of 40 files". */
const UNITS: Record<TaskKind, [string, string]> = {
  import: ['file', 'files'],
  export: ['step', 'steps'],
  backup: ['step', 'steps'],
  restore: ['step', 'steps'],
  index: ['document', 'documents'],
};

/** The progress in words, as a screen reader says it (aria-valuetext) and the bar's caption shows it. */
export function progressText(p: Pick<TaskProgress, 'kind' | 'done' | 'total'>): string {
  if (p.total === null) return 'Starting…';
  const [one, many] = UNITS[p.kind];
  return `${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} ${p.total === 1 ? one : many}`;
}

/** What the status line says when a task ends (null: nothing, someone else says it). */
export function endMessage(p: TaskProgress): Status | null {
  if (p.state !== 'cancelled' || p.kind === 'import') return null;
  const fallback: Record<TaskKind, string> = {
    import: 'Import cancelled.',
    export: 'Export cancelled: nothing was written.',
    backup: 'Backup cancelled: no archive was written.',
    restore: 'Restore cancelled: the library was not changed.',
    index: 'Preparing the search index stopped; searches still work.',
  };
  return { kind: 'info', message: p.detail ?? fallback[p.kind] };
}

export class TaskProgressStore {
  private entries = new Map<string, Entry>();
  private shown: ShownTask[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly setStatus: (status: Status) => void,
    private readonly cancelInMain: (taskId: string) => Promise<boolean>,
    private readonly showAfterMs = SHOW_AFTER_MS,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The tasks on screen, oldest first. */
  getState = (): ShownTask[] => this.shown;

  /** Takes in one message from main. */
  apply(progress: TaskProgress): void {
    const entry = this.entries.get(progress.taskId);
    if (progress.state && progress.state !== 'running') {
      if (entry?.timer) clearTimeout(entry.timer);
      this.entries.delete(progress.taskId);
      this.changed();
      const status = endMessage(progress);
      if (status) this.setStatus(status);
      return;
    }
    if (entry) {
      entry.progress = progress;
      if (entry.visible) this.changed();
      return;
    }
    const fresh: Entry = { progress, visible: false, cancelling: false, timer: null };
    fresh.timer = setTimeout(() => {
      fresh.timer = null;
      if (!this.entries.has(progress.taskId)) return;
      fresh.visible = true;
      this.changed();
    }, this.showAfterMs);
    this.entries.set(progress.taskId, fresh);
  }

  /** Asks main to stop the task; the bar says so until it has stopped. */
  async cancel(taskId: string): Promise<void> {
    const entry = this.entries.get(taskId);
    if (!entry || entry.cancelling || !entry.progress.cancellable) return;
    entry.cancelling = true;
    this.changed();
    try {
      const accepted = await this.cancelInMain(taskId);
      // Too late (it is committing): it finishes, and says so.
      if (!accepted && this.entries.get(taskId) === entry) {
        entry.cancelling = false;
        this.changed();
      }
    } catch (error) {
      entry.cancelling = false;
      this.changed();
      this.setStatus({ kind: 'error', message: `Could not cancel: ${errorMessage(error)}` });
    }
  }

  private changed(): void {
    this.shown = [...this.entries.values()].filter((e) => e.visible).map((e) => ({ ...e.progress, cancelling: e.cancelling }));
    for (const l of this.listeners) l();
  }
}

let store: TaskProgressStore | null = null;

/** The app's one store of tasks, listening to main from its first use. */
export function taskProgress(setStatus: (status: Status) => void): TaskProgressStore {
  if (!store) {
    const created = new TaskProgressStore(setStatus, async (taskId) => (await call('tasks:cancel', { taskId })).cancelling);
    onTaskProgress((p) => created.apply(p));
    store = created;
  }
  return store;
}

export function useTasks(tasks: TaskProgressStore): ShownTask[] {
  return useSyncExternalStore(tasks.subscribe, tasks.getState);
}
