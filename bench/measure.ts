/**
 * Measuring helpers shared by the Node-side benchmarks: wall-clock time of a
 * repeated operation, and the bytes this process handed to write system calls
 * while it ran (Linux `/proc/self/io`, field `wchar`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const IO = '/proc/self/io';

/** Why bytes written cannot be measured here, or null when they can. */
export const bytesUnavailable: string | null = existsSync(IO) ? null : `${IO} is absent (not Linux?), so bytes written are not measured`;

/** Bytes this process has passed to write(2) and friends so far; null where the kernel does not tell. */
export function bytesWrittenSoFar(): number | null {
  if (bytesUnavailable) return null;
  const m = /^wchar:\s*(\d+)$/m.exec(readFileSync(IO, 'utf8'));
  return m ? Number(m[1]) : null;
}

export interface Run {
  /** Milliseconds, one per repetition. */
  times: number[];
  /** Bytes written, one per repetition; empty when they cannot be measured. */
  bytes: number[];
}

/** Runs `operation` `times` times, one after another, timing each run and counting the bytes it wrote. */
export async function measure(times: number, operation: (i: number) => unknown): Promise<Run> {
  const run: Run = { times: [], bytes: [] };
  for (let i = 0; i < times; i++) {
    const before = bytesWrittenSoFar();
    const start = performance.now();
    await operation(i);
    run.times.push(performance.now() - start);
    const after = bytesWrittenSoFar();
    if (before !== null && after !== null) run.bytes.push(after - before);
  }
  return run;
}

/** A fresh temporary folder for one benchmark's data. */
export function scratchDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `gloss-bench-${name}-`));
}
