import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { TaskProgress } from '../../../shared/model';
import type { Status } from './reading-store';
import { endMessage, progressText, TaskProgressStore } from './task-progress';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const message = (patch: Partial<TaskProgress> = {}): TaskProgress => ({ taskId: 't1', kind: 'import', label: 'Importing 40 files', done: 0, total: 40, state: 'running', cancellable: true, ...patch });

function setUp(cancelAnswer = true) {
  const statuses: Status[] = [];
  const asked: string[] = [];
  const store = new TaskProgressStore(
    (s) => statuses.push(s),
    async (id) => (asked.push(id), cancelAnswer),
    300,
  );
  return { store, statuses, asked };
}

test('work that ends within 300 ms never shows; longer work shows from 300 ms with its latest progress', () => {
  const { store } = setUp();
  store.apply(message({ taskId: 'quick' }));
  vi.advanceTimersByTime(200);
  store.apply(message({ taskId: 'quick', state: 'finished', done: 40 }));
  vi.advanceTimersByTime(500);
  expect(store.getState()).toEqual([]);

  store.apply(message());
  vi.advanceTimersByTime(299);
  expect(store.getState()).toEqual([]);
  store.apply(message({ done: 12, detail: 'interview-13.txt' }));
  vi.advanceTimersByTime(1);
  expect(store.getState()).toEqual([expect.objectContaining({ taskId: 't1', done: 12, detail: 'interview-13.txt', cancelling: false })]);
  store.apply(message({ done: 40, state: 'finished' }));
  expect(store.getState()).toEqual([]);
});

test('the counts are said in the unit of the work', () => {
  expect(progressText({ kind: 'import', done: 12, total: 40 })).toBe('12 of 40 files');
  expect(progressText({ kind: 'import', done: 0, total: 1 })).toBe('0 of 1 file');
  expect(progressText({ kind: 'export', done: 3, total: 9 })).toBe('3 of 9 steps');
  expect(progressText({ kind: 'index', done: 1200, total: 1001 })).toBe('1,200 of 1,001 documents');
  expect(progressText({ kind: 'restore', done: 0, total: null })).toBe('Starting…');
});

test('Cancel asks main once and shows it is cancelling; a cancelled export says in the status line that nothing was written', async () => {
  const { store, statuses, asked } = setUp();
  store.apply(message({ kind: 'export', label: 'Exporting the library' }));
  vi.advanceTimersByTime(300);
  await Promise.all([store.cancel('t1'), store.cancel('t1')]);
  expect(asked).toEqual(['t1']);
  expect(store.getState()[0].cancelling).toBe(true);
  store.apply(message({ kind: 'export', state: 'cancelled', detail: 'Export cancelled: nothing was written.', cancellable: false }));
  expect(store.getState()).toEqual([]);
  expect(statuses).toEqual([{ kind: 'info', message: 'Export cancelled: nothing was written.' }]);
});

test('a cancel main refuses (the work is committing) lets the bar go on, saying Finishing', async () => {
  const { store } = setUp(false);
  store.apply(message({ kind: 'restore' }));
  vi.advanceTimersByTime(300);
  store.apply(message({ kind: 'restore', cancellable: false }));
  await store.cancel('t1');
  expect(store.getState()[0]).toMatchObject({ cancellable: false, cancelling: false });
});

test('how a task ended goes to the status line only when no one else says it', () => {
  expect(endMessage(message({ kind: 'backup', state: 'cancelled', detail: undefined }))).toEqual({ kind: 'info', message: 'Backup cancelled: no archive was written.' });
  // An import says what it did with each file itself; a failure is reported by the action that started it.
  expect(endMessage(message({ kind: 'import', state: 'cancelled', detail: 'Import cancelled: …' }))).toBeNull();
  expect(endMessage(message({ kind: 'export', state: 'failed', detail: 'disk full' }))).toBeNull();
  expect(endMessage(message({ kind: 'export', state: 'finished' }))).toBeNull();
});
