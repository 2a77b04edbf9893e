/**
 * A task's work counted in steps (a document read, a file written), for
 * services whose steps come from several places: each step is reported as it
 * begins (how many are done, with what the next one is) and is a safe point
 * at which a cancel stops the work; `commit` marks where it can no longer
 * stop. Without a task it only counts.
 */
import { commit, stopIfCancelled, type TaskControl } from './run-task';

export class TaskSteps {
  private doneSoFar = 0;

  /** `cancelled`: what stopping at any step before the commit leaves, in words ("Export cancelled: nothing was written."). */
  constructor(
    private readonly task: TaskControl | undefined,
    private readonly total: number | null,
    private readonly cancelled: string,
  ) {}

  get done(): number {
    return this.doneSoFar;
  }

  /** A step begins: reports it, then throws TaskCancelled if the reader cancelled. */
  step(detail: string): void {
    this.task?.report(this.doneSoFar, this.total, detail);
    stopIfCancelled(this.task, this.cancelled);
    this.doneSoFar++;
  }

  /** Throws TaskCancelled if the reader cancelled (a safe point within a step). */
  check(): void {
    stopIfCancelled(this.task, this.cancelled);
  }

  /** The last safe point (reported, saying what comes next): from here the work finishes, and cannot be cancelled. */
  commit(detail: string): void {
    this.task?.report(this.doneSoFar, this.total, detail);
    commit(this.task, this.cancelled);
  }
}
