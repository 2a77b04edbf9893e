/**
 * Where Gloss keeps its data: `--data-dir PATH` (or `--data-dir=PATH`) on the
 * command line, else the GLOSS_DATA_DIR environment variable, else Electron's
 * userData folder. Tests and portable installs use the first two.
 */
import { resolve } from 'node:path';

export function resolveDataDir(argv: readonly string[], env: Record<string, string | undefined>, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1]);
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length) return resolve(arg.slice('--data-dir='.length));
  }
  if (env.GLOSS_DATA_DIR) return resolve(env.GLOSS_DATA_DIR);
  return fallback;
}
