/**
 * How long work takes part in a task: the services (import, export, backup,
 * restore, the search index) take an optional TaskControl, so the app, the
 * command line and tests call the same functions, with or without a window
 * to report to. A service checks `stopIfCancelled` at its safe points (it
 * throws TaskCancelled, after which the service undoes what it half did) and
 * calls `commit` when it starts what cannot be stopped. `runTask` runs a
 * service as a task of the registry and ends the task the way it went.
 */
import { errorMessage } from '../../core/error-message';
import type { TaskKind } from '../../shared/model';
import type { Task, TaskRegistry } from './task-registry';

/** What a service is given of its task. */
export type TaskControl = Pick<Task, 'signal' | 'report' | 'noLongerCancellable'>;

/** The work was cancelled at a safe point and undid what it had done; `outcome` says so in words. */
export class TaskCancelled extends Error {
  constructor(readonly outcome: string) {
    super(outcome);
    this.name = 'TaskCancelled';
  }
}

/** Throws TaskCancelled (saying `outcome`) when the reader asked the task to stop. */
export function stopIfCancelled(task: TaskControl | undefined, outcome: string): void {
  if (task?.signal.aborted) throw new TaskCancelled(outcome);
}

/** The last point at which the work may stop (`outcome` says what stopping then leaves); from here on it cannot be cancelled. */
export function commit(task: TaskControl | undefined, outcome: string): void {
  stopIfCancelled(task, outcome);
  task?.noLongerCancellable();
}

/** How a task that did not throw ended. */
export interface TaskEnd {
  state: 'finished' | 'cancelled';
  outcome?: string;
}

/**
 * Runs `work` as a task of `tasks`. It ends 'cancelled' when the work throws TaskCancelled (answered as
 * `{ cancelled: true }`), 'failed' when it throws anything else (rethrown), else as `ended` says (finished by default).
 */
export async function runTask<T>(
  tasks: TaskRegistry,
  kind: TaskKind,
  label: string,
  work: (task: Task) => Promise<T>,
  ended: (value: T) => TaskEnd = () => ({ state: 'finished' }),
): Promise<T | { cancelled: true }> {
  const task = tasks.start(kind, label);
  try {
    const value = await work(task);
    const end = ended(value);
    task.finish(end.state, end.outcome);
    return value;
  } catch (error) {
    if (error instanceof TaskCancelled) {
      task.finish('cancelled', error.outcome);
      return { cancelled: true };
    }
    task.finish('failed', errorMessage(error));
    throw error;
  }
}
