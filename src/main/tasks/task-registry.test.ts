import { describe, expect, test } from 'vitest';
import type { TaskProgress } from '../../shared/model';
import { commit, runTask, stopIfCancelled, TaskCancelled } from './run-task';
import { TaskRegistry } from './task-registry';

function registry(throttleMs = 100) {
  const sent: TaskProgress[] = [];
  let now = 1000;
  const tasks = new TaskRegistry((p) => sent.push(p), throttleMs, () => now);
  return { tasks, sent, advance: (ms: number) => (now += ms) };
}

describe('TaskRegistry', () => {
  test('sends the start at once, then at most one message per throttle interval, and always the last step', () => {
    const { tasks, sent, advance } = registry(100);
    const task = tasks.start('import', 'Importing 5 files');
    expect(sent).toEqual([{ taskId: task.id, kind: 'import', label: 'Importing 5 files', done: 0, total: null, state: 'running', cancellable: true }]);
    task.report(1, 5, 'a.txt');
    advance(40);
    task.report(2, 5, 'b.txt');
    expect(sent).toHaveLength(1);
    advance(70);
    task.report(3, 5, 'c.txt');
    expect(sent.map((p) => p.done)).toEqual([0, 3]);
    expect(sent[1].detail).toBe('c.txt');
    advance(1);
    task.report(5, 5, 'e.txt');
    expect(sent.map((p) => p.done)).toEqual([0, 3, 5]);
  });

  test('each message is a copy: a later report does not change one already sent', () => {
    const { tasks, sent, advance } = registry(0);
    const task = tasks.start('export', 'Exporting');
    advance(1);
    task.report(1, 2, 'one');
    task.report(2, 2, 'two');
    expect(sent.map((p) => p.detail)).toEqual([undefined, 'one', 'two']);
  });

  test('cancel aborts the signal of a task under way and answers whether it was accepted', () => {
    const { tasks } = registry();
    const task = tasks.start('export', 'Exporting');
    expect(tasks.cancel('no-such-task')).toBe(false);
    expect(task.signal.aborted).toBe(false);
    expect(tasks.cancel(task.id)).toBe(true);
    expect(task.signal.aborted).toBe(true);
  });

  test('once the work says it can no longer be cancelled, cancel is refused and the window is told', () => {
    const { tasks, sent } = registry();
    const task = tasks.start('restore', 'Restoring');
    task.noLongerCancellable();
    expect(sent.at(-1)).toMatchObject({ cancellable: false, state: 'running' });
    expect(tasks.cancel(task.id)).toBe(false);
    expect(task.signal.aborted).toBe(false);
  });

  test('finish sends the last message with its state and outcome, and forgets the task', () => {
    const { tasks, sent } = registry();
    const task = tasks.start('backup', 'Backing up');
    expect(tasks.list().map((p) => p.taskId)).toEqual([task.id]);
    task.finish('cancelled', 'Backup cancelled: no archive was written.');
    expect(sent.at(-1)).toMatchObject({ state: 'cancelled', cancellable: false, detail: 'Backup cancelled: no archive was written.' });
    expect(tasks.list()).toEqual([]);
    expect(tasks.cancel(task.id)).toBe(false);
    task.finish('finished');
    expect(sent.filter((p) => p.state !== 'running')).toHaveLength(1);
  });
});

describe('runTask', () => {
  test('a finished piece of work answers its value and ends the task as finished', async () => {
    const { tasks, sent } = registry();
    await expect(runTask(tasks, 'export', 'Exporting', async (t) => (t.report(1, 1), 42))).resolves.toBe(42);
    expect(sent.at(-1)).toMatchObject({ state: 'finished', done: 1, total: 1 });
  });

  test('work stopped at a safe point answers { cancelled: true } and ends the task as cancelled, saying what it left', async () => {
    const { tasks, sent } = registry();
    const result = runTask(tasks, 'export', 'Exporting', async (t) => {
      tasks.cancel(t.id);
      stopIfCancelled(t, 'Export cancelled: nothing was written.');
      return 1;
    });
    await expect(result).resolves.toEqual({ cancelled: true });
    expect(sent.at(-1)).toMatchObject({ state: 'cancelled', detail: 'Export cancelled: nothing was written.' });
  });

  test('a failure is rethrown and ends the task as failed with its message', async () => {
    const { tasks, sent } = registry();
    await expect(runTask(tasks, 'backup', 'Backing up', async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(sent.at(-1)).toMatchObject({ state: 'failed', detail: 'disk full' });
  });

  test('commit stops a task already asked to stop, and otherwise makes it no longer cancellable', () => {
    const { tasks } = registry();
    const asked = tasks.start('restore', 'Restoring');
    tasks.cancel(asked.id);
    expect(() => commit(asked, 'Restore cancelled: nothing was changed.')).toThrow(TaskCancelled);
    const going = tasks.start('restore', 'Restoring');
    commit(going, 'unused');
    expect(tasks.cancel(going.id)).toBe(false);
    expect(() => stopIfCancelled(undefined, 'no task')).not.toThrow();
  });
});
