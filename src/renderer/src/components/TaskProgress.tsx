/**
 * The progress of long work in main (state/task-progress.ts): for each task
 * that has run a moment, what it is doing, a progress bar (determinate when
 * the number of steps is known) and Cancel, which turns into "Finishing…"
 * once the work can no longer stop. Its label is announced politely when it
 * appears; how it ended goes to the status line. While a modal dialog is open
 * (the export dialog) it is shown inside it, where it can still be reached.
 */
import { useEffect, useReducer } from 'react';
import { createPortal } from 'react-dom';
import { readingStore } from '../state/reading-store';
import { progressText, taskProgress, useTasks, type ShownTask } from '../state/task-progress';
import './TaskProgress.css';

function TaskRow({ task, onCancel }: { task: ShownTask; onCancel: () => void }) {
  const text = progressText(task);
  const determinate = task.total !== null && task.total > 0;
  const finishing = !task.cancellable;
  return (
    <li className="task-progress__task" aria-label={task.label}>
      <div className="task-progress__head">
        <span className="task-progress__label">{task.label}</span>
        <button type="button" className="button task-progress__cancel" onClick={onCancel} disabled={finishing || task.cancelling} aria-label={`${finishing ? 'Finishing' : task.cancelling ? 'Cancelling' : 'Cancel'}: ${task.label}`}>
          {finishing ? 'Finishing…' : task.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      <div
        className={`task-progress__bar${determinate ? '' : ' is-indeterminate'}`}
        role="progressbar"
        aria-label={task.label}
        aria-valuemin={determinate ? 0 : undefined}
        aria-valuemax={determinate ? task.total! : undefined}
        aria-valuenow={determinate ? task.done : undefined}
        aria-valuetext={determinate ? text : undefined}
      >
        <div className="task-progress__fill" style={determinate ? { width: `${Math.min(100, (task.done / task.total!) * 100)}%` } : undefined} />
      </div>
      <div className="task-progress__caption">
        <span>{determinate ? text : 'Working…'}</span>
        {task.detail && <span className="task-progress__detail">{task.detail}</span>}
      </div>
    </li>
  );
}

/** The open modal dialog the panel must be inside to be usable, if any. */
function modalHost(): HTMLDialogElement | null {
  const open = [...document.querySelectorAll('dialog[open]')] as HTMLDialogElement[];
  return open.reverse().find((d) => d.matches(':modal')) ?? null;
}

export function TaskProgressPanel() {
  const store = taskProgress((status) => readingStore.setStatus(status));
  const tasks = useTasks(store);
  // A dialog opening or closing moves the panel: look again.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    document.addEventListener('close', rerender, true);
    return () => document.removeEventListener('close', rerender, true);
  }, []);
  // The label alone is announced, once: the counts are there for whoever looks.
  const announced = tasks.map((t) => t.label).join('. ');
  const panel = (
    <section className="task-progress" aria-label="Work under way">
      <span className="visually-hidden" role="status">
        {announced}
      </span>
      {tasks.length > 0 && (
        <ul className="task-progress__list">
          {tasks.map((t) => (
            <TaskRow key={t.taskId} task={t} onCancel={() => void store.cancel(t.taskId)} />
          ))}
        </ul>
      )}
    </section>
  );
  const host = tasks.length > 0 ? modalHost() : null;
  return host ? createPortal(panel, host) : panel;
}
