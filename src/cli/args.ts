/**
 * Reads a `gloss` command line: the command, its operands, and the flags
 * every command shares (`--json`, `--data-dir DIR`) or its own (`--repair`).
 * Unknown flags are refused, so a typo never silently does something else.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { appDataDir } from '../main/command-line';

export interface ParsedArgs {
  command: string | undefined;
  operands: string[];
  json: boolean;
  /** The library folder: --data-dir, else GLOSS_DATA_DIR, else the app's own. */
  dataDir: string;
  /** Boolean flags other than --json, without their dashes. */
  flags: Set<string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], allowedFlags: Record<string, readonly string[]>, env: Record<string, string | undefined> = process.env): ParsedArgs {
  const [command, ...rest] = argv;
  const operands: string[] = [];
  const flags = new Set<string>();
  let json = false;
  let dataDir: string | undefined;
  const allowed = new Set(allowedFlags[command ?? ''] ?? []);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      operands.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--json') json = true;
    else if (arg === '--data-dir' || arg.startsWith('--data-dir=')) {
      const value = arg === '--data-dir' ? rest[++i] : arg.slice('--data-dir='.length);
      if (!value) throw new UsageError('--data-dir needs a folder');
      dataDir = resolve(value);
    } else if (arg.startsWith('--')) {
      if (!allowed.has(arg.slice(2))) throw new UsageError(`unknown option ${arg}`);
      flags.add(arg.slice(2));
    } else operands.push(arg);
  }
  return {
    command,
    operands,
    json,
    flags,
    dataDir: dataDir ?? (env.GLOSS_DATA_DIR ? resolve(env.GLOSS_DATA_DIR) : appDataDir(env, process.platform, homedir())),
  };
}
