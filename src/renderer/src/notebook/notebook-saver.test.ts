import { describe, expect, it } from 'vitest';
import { NotebookSaver, type NotebookContent } from './notebook-saver';

/** A saver over fake timers and a main whose answers the test gives. */
function setup() {
  let now = 0;
  const timers = new Map<number, { at: number; task: () => void }>();
  let nextTimer = 1;
  let content = 'a';
  const sent: NotebookContent[] = [];
  const answers: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const saver = new NotebookSaver(
    () => ({ state: content, markdown: `md ${content}` }),
    (c) => {
      sent.push(c);
      return new Promise<void>((resolve, reject) => answers.push({ resolve, reject }));
    },
    {
      delay: 500,
      maxWait: 3000,
      setTimer: (task, ms) => {
        const id = nextTimer++;
        timers.set(id, { at: now + ms, task });
        return id;
      },
      clearTimer: (id) => timers.delete(id as number),
    },
  );
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.task();
      }
    }
  };
  const type = (text: string) => {
    content = text;
    saver.changed(now);
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { saver, sent, answers, advance, type, settle };
}

describe('NotebookSaver', () => {
  it('saves once typing pauses, reading the notebook only then', async () => {
    const { saver, sent, answers, advance, type, settle } = setup();
    type('a');
    advance(300);
    type('ab');
    advance(300);
    expect(sent).toEqual([]);
    expect(saver.getSnapshot().state).toBe('pending');
    advance(200);
    expect(sent).toEqual([{ state: 'ab', markdown: 'md ab' }]);
    expect(saver.getSnapshot().state).toBe('saving');
    answers[0].resolve();
    await settle();
    expect(saver.getSnapshot()).toEqual({ state: 'saved', failure: null });
  });

  it('saves while the reader types on without a pause, at the longest wait', () => {
    const { sent, advance, type } = setup();
    for (let t = 0; t < 3000; t += 100) {
      type(`text ${t}`);
      advance(100);
    }
    expect(sent.length).toBe(1);
  });

  it('flushes at once when the reader leaves, and does nothing when nothing changed', async () => {
    const { saver, sent, answers, type, settle } = setup();
    void saver.flush();
    expect(sent).toEqual([]);
    type('left');
    const flushed = saver.flush();
    expect(sent).toEqual([{ state: 'left', markdown: 'md left' }]);
    answers[0].resolve();
    await flushed;
    await settle();
    expect(saver.getSnapshot().state).toBe('saved');
  });

  it('says why a save was refused, keeps the content, and sends it again on Try again', async () => {
    const { saver, sent, answers, type, settle } = setup();
    type('kept');
    void saver.flush();
    answers[0].reject(new Error('The disk is full.'));
    await settle();
    expect(saver.getSnapshot()).toEqual({ state: 'error', failure: 'The disk is full.' });
    expect(saver.unsaved).toBe(true);
    void saver.flush();
    expect(sent.map((c) => c.state)).toEqual(['kept', 'kept']);
    answers[1].resolve();
    await settle();
    expect(saver.getSnapshot().state).toBe('saved');
    expect(saver.unsaved).toBe(false);
  });

  it('lets only the latest save decide, and a refused earlier one is carried by the later', async () => {
    const { saver, sent, answers, type, settle } = setup();
    type('one');
    void saver.flush();
    type('two');
    void saver.flush();
    answers[0].reject(new Error('busy'));
    await settle();
    expect(saver.getSnapshot().state).toBe('saving');
    answers[1].resolve();
    await settle();
    expect(sent.map((c) => c.state)).toEqual(['one', 'two']);
    expect(saver.getSnapshot().state).toBe('saved');
    expect(saver.unsaved).toBe(false);
  });

  it('shows an edit made during a save as pending after it', async () => {
    const { saver, answers, type, settle } = setup();
    type('one');
    void saver.flush();
    type('one more');
    answers[0].resolve();
    await settle();
    expect(saver.getSnapshot().state).toBe('pending');
  });
});
