/** Ends a benchmark run: the table on stdout, the figures in bench-results.json. */
import { cpus, totalmem } from 'node:os';
import { report } from './results';

export default function teardown(): void {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  report(`${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
}
