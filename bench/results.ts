/**
 * Collects benchmark figures. Each bench file records its figures as it
 * measures them (appended to a scratch file, so that figures survive the
 * test runner's worker processes); the report step prints them as a table
 * and writes bench-results.json.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/support/paths';

const OUTPUT_DIR = join(ROOT, 'test-results-bench');
const SCRATCH = join(OUTPUT_DIR, 'figures.jsonl');
const RESULTS_PATH = join(ROOT, 'bench-results.json');

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The figure this one is compared with, measured in the same run (e.g. static HTML for open). */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  /** The target, as the issue states it ("< 150 ms"), when there is one. */
  target?: string;
  /** Whether the target was met. */
  met?: boolean;
}

/** A target: the figure must stay at or under `max` (of its value, or of its ratio when `of` is 'ratio'). */
export interface Target {
  max: number;
  of?: 'value' | 'ratio';
}

export function resetFigures(): void {
  rmSync(SCRATCH, { force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
}

/** Records one figure; rounds to a sensible precision. */
export function record(name: string, value: number, unit: string, options: { baseline?: number; target?: Target } = {}): Figure {
  const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
  const figure: Figure = { name, value: round(value), unit };
  if (options.baseline !== undefined) {
    figure.baseline = round(options.baseline);
    figure.ratio = Math.round((value / options.baseline) * 100) / 100;
  }
  if (options.target) {
    const of = options.target.of ?? 'value';
    const measured = of === 'ratio' ? (figure.ratio ?? Infinity) : value;
    figure.target = of === 'ratio' ? `≤ ${options.target.max}× baseline` : `≤ ${options.target.max} ${unit}`;
    figure.met = measured <= options.target.max;
  }
  appendFileSync(SCRATCH, `${JSON.stringify(figure)}\n`);
  console.log(`  ${figure.name}: ${figure.value} ${unit}${figure.target ? ` (target ${figure.target}: ${figure.met ? 'met' : 'missed'})` : ''}`);
  return figure;
}

/** The median and 95th percentile of some samples. */
export function summarise(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

/** Prints every recorded figure as a table and writes bench-results.json. */
export function report(machine: string): Figure[] {
  const figures: Figure[] = existsSync(SCRATCH)
    ? readFileSync(SCRATCH, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Figure)
    : [];
  writeFileSync(RESULTS_PATH, `${JSON.stringify(figures, null, 2)}\n`);
  const rows = figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.baseline !== undefined ? `${f.baseline} ${f.unit} (×${f.ratio})` : '',
    f.target ?? '',
    f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
  ]);
  const header = ['figure', 'value', 'baseline', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(`\nGloss benchmarks on ${machine}\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  const missed = figures.filter((f) => f.met === false).length;
  console.log(`\n${figures.length} figures, ${figures.filter((f) => f.met).length} targets met, ${missed} missed. Written to bench-results.json.\n`);
  return figures;
}
