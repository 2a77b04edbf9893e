/**
 * A task registry for tests that cancels its task at a chosen step, as a
 * reader would press Cancel there: when a progress message reports `done`
 * reaching `atDone` (every message is sent: no throttling). It keeps every
 * message, so a test can check what the reader was shown.
 */
import type { TaskProgress } from '../../../shared/model';
import { TaskRegistry } from '../task-registry';

export interface CancellingRegistry {
  tasks: TaskRegistry;
  /** Every message sent, in order. */
  messages: TaskProgress[];
  /** Whether the cancel was asked for and accepted. */
  cancelled(): boolean;
}

/** `atDone` null: never cancels (a registry that only records). `when` narrows the messages that count (a detail, say). */
export function cancelAt(atDone: number | null, when: (p: TaskProgress) => boolean = () => true): CancellingRegistry {
  const messages: TaskProgress[] = [];
  let accepted = false;
  const tasks: TaskRegistry = new TaskRegistry((p) => {
    messages.push(p);
    if (atDone !== null && !accepted && p.state === 'running' && p.done >= atDone && when(p)) accepted = tasks.cancel(p.taskId);
  }, 0);
  return { tasks, messages, cancelled: () => accepted };
}
