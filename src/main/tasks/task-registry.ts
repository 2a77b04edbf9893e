/**
 * Long work under way in main (an import of many files, a library export, a
 * restore, building the search index): each gets an id, reports its progress
 * to whoever listens (the window, through TASK_PROGRESS_CHANNEL), and can be
 * asked to stop. Stopping is cooperative: the work checks its AbortSignal at
 * safe points and undoes what it half did before it ends as 'cancelled'.
 */
import { randomUUID } from 'node:crypto';
import type { TaskKind, TaskProgress } from '../../shared/model';

export interface Task {
  readonly id: string;
  /** Aborted when the reader cancels. */
  readonly signal: AbortSignal;
  /** Reports progress (sent at most every `throttleMs`, except the first and last steps). */
  report(done: number, total: number | null, detail?: string): void;
  /** From here on the work cannot be cancelled (it is committing). */
  noLongerCancellable(): void;
  /** Ends the task; its last message says how, and (`outcome`, as its detail) what happened, in words. */
  finish(state: 'finished' | 'cancelled' | 'failed', outcome?: string): void;
}

export class TaskRegistry {
  private readonly running = new Map<string, { controller: AbortController; progress: TaskProgress }>();

  constructor(
    private readonly send: (progress: TaskProgress) => void,
    private readonly throttleMs = 100,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Starts a task. */
  start(kind: TaskKind, label: string): Task {
    const id = randomUUID();
    const controller = new AbortController();
    const progress: TaskProgress = { taskId: id, kind, label, done: 0, total: null, state: 'running', cancellable: true };
    this.running.set(id, { controller, progress });
    let lastSent = -Infinity;
    const emit = (force: boolean) => {
      const now = this.clock();
      if (!force && now - lastSent < this.throttleMs) return;
      lastSent = now;
      this.send({ ...progress });
    };
    emit(true);
    return {
      id,
      signal: controller.signal,
      report: (done, total, detail) => {
        progress.done = done;
        progress.total = total;
        progress.detail = detail;
        emit(total !== null && done >= total);
      },
      noLongerCancellable: () => {
        progress.cancellable = false;
        emit(true);
      },
      finish: (state, outcome) => {
        if (!this.running.delete(id)) return;
        progress.state = state;
        if (outcome !== undefined) progress.detail = outcome;
        progress.cancellable = false;
        emit(true);
      },
    };
  }

  /** Asks a task to stop; false when there is no such task under way or it can no longer be cancelled. */
  cancel(taskId: string): boolean {
    const task = this.running.get(taskId);
    if (!task || !task.progress.cancellable) return false;
    task.controller.abort();
    return true;
  }

  /** The tasks under way, as last reported. */
  list(): TaskProgress[] {
    return [...this.running.values()].map((t) => ({ ...t.progress }));
  }
}
