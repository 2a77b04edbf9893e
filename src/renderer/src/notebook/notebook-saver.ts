/**
 * Saves a notebook as the reader types: a pause of NOTEBOOK_SAVE_DELAY_MS
 * saves, and so does typing on without a pause for NOTEBOOK_SAVE_MAX_WAIT_MS;
 * leaving (another document, the other tab, closing) saves at once with
 * `flush`. The notebook is read only when it is saved, not per keystroke
 * (serialising 500 quotes on every key would cost more than the key). "Saved"
 * means main has this very content; a save main refuses says why and keeps
 * the content, to be tried again.
 */
import { errorMessage } from '../../../core/error-message';

export const NOTEBOOK_SAVE_DELAY_MS = 500;
export const NOTEBOOK_SAVE_MAX_WAIT_MS = 3000;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface SaverSnapshot {
  state: SaveState;
  /** Main's reason for refusing the last save, while the state is 'error'. */
  failure: string | null;
}

/** What a save sends: the editor's serialised state and its Markdown. */
export interface NotebookContent {
  state: string;
  markdown: string;
}

export interface SaverOptions {
  delay?: number;
  maxWait?: number;
  /** Timers, replaceable in tests. */
  setTimer?: (task: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class NotebookSaver {
  private snapshot: SaverSnapshot = { state: 'saved', failure: null };
  private readonly listeners = new Set<() => void>();
  /** Changes made since the content last handed to a save (or that save failed). */
  private dirty = false;
  private timer: unknown = null;
  /** When the first change not yet saved was made, for the longest wait. */
  private firstChange: number | null = null;
  /** Numbers the saves: only the latest one's answer decides the state (each save carries the whole notebook). */
  private started = 0;
  private finished = 0;
  private readonly delay: number;
  private readonly maxWait: number;
  private readonly setTimer: (task: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly read: () => NotebookContent,
    private readonly save: (content: NotebookContent) => Promise<unknown>,
    options: SaverOptions = {},
  ) {
    this.delay = options.delay ?? NOTEBOOK_SAVE_DELAY_MS;
    this.maxWait = options.maxWait ?? NOTEBOOK_SAVE_MAX_WAIT_MS;
    this.setTimer = options.setTimer ?? ((task, ms) => window.setTimeout(task, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => window.clearTimeout(timer as number));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SaverSnapshot => this.snapshot;

  private setSnapshot(state: SaveState, failure: string | null = null): void {
    if (state === this.snapshot.state && failure === this.snapshot.failure) return;
    this.snapshot = { state, failure };
    for (const l of this.listeners) l();
  }

  /** The reader changed the notebook: saved after a pause, or after the longest wait while they type on. */
  changed(now: number = Date.now()): void {
    this.dirty = true;
    this.firstChange ??= now;
    // Still saying why the last save failed until this one is sent.
    if (this.snapshot.state !== 'error') this.setSnapshot('pending');
    if (this.timer !== null) this.clearTimer(this.timer);
    const wait = Math.max(0, Math.min(this.delay, this.firstChange + this.maxWait - now));
    this.timer = this.setTimer(() => void this.flush(), wait);
  }

  /** Whether something is not saved yet (changed, on its way, or refused). */
  get unsaved(): boolean {
    return this.dirty || this.started !== this.finished;
  }

  /** Saves now whatever is not saved; resolves when main has answered. */
  async flush(): Promise<void> {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (!this.dirty) return;
    this.dirty = false;
    this.firstChange = null;
    const attempt = ++this.started;
    this.setSnapshot('saving');
    let failure: string | null = null;
    try {
      await this.save(this.read());
    } catch (error) {
      failure = errorMessage(error);
      // Kept to be sent again, with the next change or Try again; unless a later save, carrying it too, is on its way.
      if (attempt === this.started) this.dirty = true;
    }
    this.finished = Math.max(this.finished, attempt);
    if (attempt !== this.started) return;
    if (failure !== null) this.setSnapshot('error', failure);
    else this.setSnapshot(this.dirty ? 'pending' : 'saved');
  }

  /** Stops the timer; what is not saved is saved first. */
  dispose(): Promise<void> {
    return this.flush();
  }
}
