/**
 * Re-anchoring (issue 11): 5,000 highlights on a 250,000-word transcript
 * placed again after 200 scattered corrections (words fixed, sentences
 * inserted and deleted, paragraphs split, one paragraph moved), as the store
 * does when a corrected transcript replaces the old one. Pure core, no page:
 * the median and slowest of a few runs, and how many highlights ended kept,
 * moved, changed and orphaned.
 */
import { test } from '@playwright/test';
import { reanchor } from '../src/core/anchoring/reanchor';
import { plainTextOf } from '../src/core/transcript/plain-text';
import type { ReanchorStatus } from '../src/shared/model';
import { correctedText } from './corrections';
import { annotations, transcript } from './generate';
import { record, summarise } from './results';

const WORDS = 250_000;
const HIGHLIGHTS = 5_000;
const CORRECTIONS = 200;
const RUNS = 7;
/** The target for the whole re-anchoring. */
const TARGET = { max: 1000 };

test('reanchor: 5,000 highlights after 200 scattered corrections in a 250,000-word transcript', () => {
  test.setTimeout(120_000);
  const t = transcript(WORDS, 1);
  const oldText = plainTextOf(t);
  const newText = correctedText(oldText, CORRECTIONS);
  const highlights = annotations(t, 'measured', HIGHLIGHTS).map(({ id, selectors }) => ({ id, selectors }));
  reanchor(oldText, newText, highlights.slice(0, 200));
  const times: number[] = [];
  const cpu: number[] = [];
  let counts: Record<ReanchorStatus, number> = { kept: 0, moved: 0, changed: 0, orphaned: 0 };
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const used = process.cpuUsage();
    const results = reanchor(oldText, newText, highlights);
    times.push(performance.now() - started);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
    counts = { kept: 0, moved: 0, changed: 0, orphaned: 0 };
    for (const r of results) counts[r.status]++;
    if (results.length !== highlights.length) throw new Error(`${results.length} results for ${highlights.length} highlights`);
  }
  const label = `${HIGHLIGHTS.toLocaleString('en-US')} highlights, ${CORRECTIONS} corrections, ${WORDS.toLocaleString('en-US')} words`;
  record(`reanchor: ${label} (median of ${RUNS})`, summarise(times).median, 'ms', { target: TARGET });
  record(`reanchor: ${label} (slowest of ${RUNS})`, Math.max(...times), 'ms');
  // Processor time this process spent on it: what re-anchoring costs, whatever else shares the machine.
  record(`reanchor: ${label}, processor time (median of ${RUNS})`, summarise(cpu).median, 'ms');
  for (const status of ['kept', 'moved', 'changed', 'orphaned'] as const) record(`reanchor: highlights ${status}`, counts[status], 'highlights');
});
