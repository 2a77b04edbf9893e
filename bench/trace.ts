/**
 * Main-thread work of a page, read from Chromium's own trace: how long the
 * renderer's main thread was busy between two moments, and where the frame
 * that follows a moment ends. In-page clocks can only tell wall time, which
 * includes waiting for the display's next frame; the trace tells the work.
 * Moments are User Timing marks the page makes (`performance.mark`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { ROOT } from '../e2e/support/paths';

/** Main-thread tasks (RunTask), the page's marks, and the start of each frame (ProxyMain::BeginMainFrame). */
const CATEGORIES = ['disabled-by-default-devtools.timeline', 'blink.user_timing', 'cc', 'benchmark'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Time the thread ran on a CPU in this event, in microseconds (where the trace gives it). */
  tdur?: number;
  pid: number;
  tid: number;
}

/** A stretch of time in milliseconds on the trace's clock. */
export interface Span {
  start: number;
  end: number;
}

export class MainThreadTrace {
  private readonly marks = new Map<string, number>();
  /** Top-level tasks of the main thread, in order. */
  private readonly tasks: (Span & { cpu: number })[] = [];
  /** Starts of the main thread's frames (BeginMainFrame), in order. */
  private readonly frames: number[] = [];

  constructor(events: TraceEvent[]) {
    const marks = events.filter((e) => e.cat.includes('blink.user_timing'));
    if (marks.length === 0) throw new Error('The trace has no User Timing marks: nothing to measure against.');
    const { pid, tid } = marks[0];
    for (const e of marks) if (!this.marks.has(e.name)) this.marks.set(e.name, e.ts / 1000);
    const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
    for (const e of mine) {
      const span = { start: e.ts / 1000, end: (e.ts + e.dur!) / 1000 };
      if (e.name === 'RunTask' && !(this.tasks.length && span.start < this.tasks[this.tasks.length - 1].end)) this.tasks.push({ ...span, cpu: (e.tdur ?? e.dur!) / 1000 });
      else if (e.name === 'ProxyMain::BeginMainFrame') this.frames.push(span.start);
    }
  }

  /** When mark `name` was made. */
  mark(name: string): number {
    const at = this.marks.get(name);
    if (at === undefined) throw new Error(`No mark ${name} in the trace`);
    return at;
  }

  /** The top-level task running at `t`, if any. */
  taskAt(t: number): Span | undefined {
    return this.tasks.find((s) => s.start <= t && t <= s.end);
  }

  /** The task of the first frame the main thread began after `t`. */
  frameAfter(t: number): Span | undefined {
    const begun = this.frames.find((f) => f > t);
    return begun === undefined ? undefined : this.taskAt(begun);
  }

  /** Milliseconds the main thread spent in tasks between `from` and `to`. */
  busy(from: number, to: number): number {
    let total = 0;
    for (const s of this.tasks) if (s.end > from && s.start < to) total += Math.min(s.end, to) - Math.max(s.start, from);
    return total;
  }

  /**
   * Milliseconds the main thread ran on a CPU in tasks between `from` and `to` (a task cut by either end counts in
   * proportion). Unlike `busy`, time the thread waited for a CPU taken by other processes is left out: on a shared
   * machine this is the steadier measure of work.
   */
  cpu(from: number, to: number): number {
    let total = 0;
    for (const s of this.tasks) {
      if (s.end <= from || s.start >= to) continue;
      const length = s.end - s.start;
      total += length > 0 ? (s.cpu * (Math.min(s.end, to) - Math.max(s.start, from))) / length : 0;
    }
    return total;
  }
}

/**
 * Runs `work` while Chromium traces `page`, and reads the trace. With GLOSS_BENCH_TRACES set, the trace is also kept
 * as test-results-bench/`name`.trace.json, to open in Chromium's performance panel.
 */
export async function traced<T>(browser: Browser, page: Page, name: string, work: () => Promise<T>): Promise<{ result: T; trace: MainThreadTrace }> {
  await browser.startTracing(page, { categories: CATEGORIES });
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  if (process.env.GLOSS_BENCH_TRACES) writeFileSync(join(ROOT, 'test-results-bench', `${name}.trace.json`), buffer);
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return { result, trace: new MainThreadTrace(Array.isArray(parsed) ? parsed : parsed.traceEvents) };
}
