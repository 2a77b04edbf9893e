/**
 * Timing helpers shared by the benchmarks that drive the renderer in
 * Chromium (the reader, the notebook, the filters): probes installed in the
 * page (`window.__bench`: wait for a condition, for the end of a frame's
 * paint, mark the frame that shows something), and the latency of an input,
 * from the input to the end of the frame that shows its effect, recorded
 * under the same names in every benchmark.
 */
import type { Page } from '@playwright/test';
import type { GlossBridge } from '../src/shared/contract';
import { record, summarise } from './results';
import type { MainThreadTrace, Span } from './trace';

/**
 * Installs `window.__bench` in the page: run it there, `page.evaluate(installProbes)`.
 * - `afterPaint()`: the time at the end of the next frame (rAF, then a task after its paint).
 * - `until(condition)`: checks `condition` each frame; once it holds, the time after that frame's paint.
 * - `markFrame(condition, mark)`: marks `mark` in the first frame (rAF) in which `condition` holds, the frame that paints it.
 */
export function installProbes(): void {
  const afterPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  const until = (condition: () => boolean, timeout = 60_000) =>
    new Promise<number>((resolve, reject) => {
      const began = performance.now();
      const tick = () => {
        if (condition()) void afterPaint().then(resolve);
        else if (performance.now() - began > timeout) reject(new Error('timed out'));
        else requestAnimationFrame(tick);
      };
      tick();
    });
  const markFrame = (condition: () => boolean, mark: string, timeout = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const began = performance.now();
      const tick = () => {
        if (condition()) {
          performance.mark(mark);
          resolve();
        } else if (performance.now() - began > timeout) reject(new Error(`timed out waiting for ${mark}`));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  Object.assign(window, { __bench: { afterPaint, until, markFrame } });
}

declare global {
  interface Window {
    gloss: GlossBridge;
    __bench: {
      afterPaint(): Promise<number>;
      until(condition: () => boolean, timeout?: number): Promise<number>;
      markFrame(condition: () => boolean, mark: string, timeout?: number): Promise<void>;
    };
  }
}

/** Shows document `id` (titled `title`) unless it is showing, and waits until it is wholly built. */
export async function showLongDocument(page: Page, id: string, title: string): Promise<void> {
  await page.evaluate(
    async ({ id, title }) => {
      if (document.querySelector('.toolbar__title')?.textContent !== title) window.__glossShowDocument!(id);
      await window.__bench.until(() => document.querySelector('.toolbar__title')?.textContent === title && document.querySelector('.transcript')?.getAttribute('data-complete') === 'true');
    },
    { id, title },
  );
}

/**
 * From an input to the end of the frame that shows its effect: wall time (which includes waiting for the display's
 * next frame, up to 16.7 ms that no app can remove), the main thread's work in that time, and whether the effect
 * was in the very next frame.
 */
export interface Latency {
  wall: number;
  work: number;
  nextFrame: boolean;
}

/** The latency from `start` (a time in the trace) to the end of `frame`. */
export function latency(trace: MainThreadTrace, start: number, frame: Span): Latency {
  return { wall: frame.end - start, work: trace.busy(start, frame.end), nextFrame: trace.frameAfter(start) === frame };
}

/**
 * Records the figures of `runs` under `what`: wall clock and main-thread work (median, p95; the work's p95 against
 * the 16 ms target), with `max` the most work any run took, and the share shown in the next frame.
 */
export function recordLatency(what: string, runs: Latency[], { max = false }: { max?: boolean } = {}): void {
  record(`${what}, wall clock with the wait for the next frame (median)`, summarise(runs.map((r) => r.wall)).median, 'ms');
  record(`${what}, wall clock with the wait for the next frame (p95)`, summarise(runs.map((r) => r.wall)).p95, 'ms');
  record(`${what}, main-thread work (median)`, summarise(runs.map((r) => r.work)).median, 'ms');
  record(`${what}, main-thread work (p95)`, summarise(runs.map((r) => r.work)).p95, 'ms', { target: { max: 16 } });
  if (max) record(`${what}, main-thread work (max)`, Math.max(...runs.map((r) => r.work)), 'ms');
  record(`${what}, shown in the next frame`, (runs.filter((r) => r.nextFrame).length / runs.length) * 100, '%');
}
