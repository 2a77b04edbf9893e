/**
 * The command-line tests' way to run gloss: a command in this process with
 * no environment, its output and exit code; the repository's files they
 * import; and a snapshot of a folder, to show a command changed nothing.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../index';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The sample transcript, as a file to add. */
export const SAMPLE_PATH = join(ROOT, 'resources/sample-interview.txt');

/** Runs `gloss ...argv` (no environment variables): its exit code, and what it printed on stdout and stderr. */
export async function gloss(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s), {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file under `path` with its bytes, to show a command changed nothing. */
export async function snapshot(path: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(path, { recursive: true })) {
    const full = join(path, name);
    if ((await stat(full)).isFile()) files[name] = (await readFile(full)).toString('base64');
  }
  return files;
}
