import { describe, expect, it } from 'vitest';
import { UndoHistory, type UndoableAction } from './undo-history';

/** A counter the actions change, so the tests can see what undo and redo did. */
function world() {
  const log: string[] = [];
  let value = 0;
  const action = (label: string, delta: number, extra: Partial<UndoableAction> = {}): UndoableAction => ({
    label,
    undo: async () => {
      value -= delta;
      log.push(`undo ${label}`);
      return true;
    },
    redo: async () => {
      value += delta;
      log.push(`redo ${label}`);
      return true;
    },
    ...extra,
  });
  return { log, action, value: () => value, add: (d: number) => (value += d) };
}

describe('undo history', () => {
  it('undoes actions newest first and redoes them in order', async () => {
    const h = new UndoHistory();
    const w = world();
    w.add(1);
    h.record(w.action('one', 1));
    w.add(10);
    h.record(w.action('ten', 10));
    expect(await h.undo()).toBe('ten');
    expect(await h.undo()).toBe('one');
    expect(w.value()).toBe(0);
    expect(await h.undo()).toBeNull();
    expect(await h.redo()).toBe('one');
    expect(await h.redo()).toBe('ten');
    expect(w.value()).toBe(11);
    expect(await h.redo()).toBeNull();
  });

  it('forgets what could be redone once a new action is recorded', async () => {
    const h = new UndoHistory();
    const w = world();
    h.record(w.action('one', 1));
    await h.undo();
    h.record(w.action('two', 2));
    expect(h.getState()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'two' });
  });

  it('makes consecutive edits of one note a single step that goes back to the note before the first', async () => {
    const h = new UndoHistory();
    const notes: string[] = [];
    let note = '';
    const edit = (from: string, to: string): UndoableAction => ({
      label: 'Edit note',
      mergeKey: 'note:a',
      undo: async () => {
        note = from;
        notes.push(from);
        return true;
      },
      redo: async () => {
        note = to;
        return true;
      },
    });
    for (const [from, to] of [['', 'H'], ['H', 'He'], ['He', 'Hello']]) {
      note = to;
      h.record(edit(from, to));
    }
    await h.undo();
    expect(note).toBe('');
    expect(h.getState().canUndo).toBe(false);
    await h.redo();
    expect(note).toBe('Hello');
  });

  it('starts a new step for the same note once sealed (the reader left the note)', async () => {
    const h = new UndoHistory();
    const w = world();
    h.record(w.action('Edit note', 1, { mergeKey: 'note:a' }));
    h.seal();
    h.record(w.action('Edit note', 2, { mergeKey: 'note:a' }));
    await h.undo();
    expect(h.getState().canUndo).toBe(true);
  });

  it('keeps a step that failed where it was, to be tried again', async () => {
    const h = new UndoHistory();
    let fail = true;
    h.record({ label: 'Delete highlight', undo: async () => !fail, redo: async () => true });
    expect(await h.undo()).toBeNull();
    expect(h.getState()).toMatchObject({ canUndo: true, canRedo: false });
    fail = false;
    expect(await h.undo()).toBe('Delete highlight');
    expect(h.getState()).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('does not record what an undo itself changes', async () => {
    const h = new UndoHistory();
    const w = world();
    h.record({ label: 'x', undo: async () => (h.record(w.action('echo', 1)), true), redo: async () => true });
    await h.undo();
    expect(h.getState()).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'x' });
  });

  it('runs undo and redo one at a time, in the order asked', async () => {
    const h = new UndoHistory();
    const w = world();
    h.record(w.action('a', 1));
    h.record(w.action('b', 2));
    await Promise.all([h.undo(), h.undo(), h.redo()]);
    expect(w.log).toEqual(['undo b', 'undo a', 'redo a']);
  });

  it('waits for an action still on its way to main before undoing it', async () => {
    const h = new UndoHistory();
    const log: string[] = [];
    let answer!: (ok: boolean) => void;
    const settled = new Promise<boolean>((resolve) => (answer = resolve));
    h.record({ label: 'Highlight', undo: async () => (log.push('undo'), true), redo: async () => true, settled: settled.then((ok) => (log.push('saved'), ok)) });
    const undoing = h.undo();
    await Promise.resolve();
    expect(log).toEqual([]);
    answer(true);
    expect(await undoing).toBe('Highlight');
    expect(log).toEqual(['saved', 'undo']);
  });

  it('passes over an action main refused: undo takes back the one before it', async () => {
    const h = new UndoHistory();
    const w = world();
    h.record(w.action('kept', 1));
    let answer!: (ok: boolean) => void;
    h.record({ label: 'refused', undo: async () => true, redo: async () => true, settled: new Promise<boolean>((resolve) => (answer = resolve)) });
    const undoing = h.undo();
    answer(false);
    expect(await undoing).toBe('kept');
    expect(h.getState()).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'kept' });
  });
});
