/**
 * Reads a `gloss` command line: the command, its operands, the flags every
 * command shares (`--json`, `--data-dir DIR`) and its own, which are either
 * switches (`--repair`), take one value (`--doc ID`, `--doc=ID`) or may be
 * repeated (`--code A --code B`). Unknown flags are refused per command, so a
 * typo never silently does something else.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { appDataDir } from '../main/command-line';

/** 'switch': present or not; 'value': at most once, with a value; 'values': any number of times, each with a value. */
export type FlagKind = 'switch' | 'value' | 'values';
/** For each command, its own flags (without their dashes) and their kinds. */
export type FlagSpecs = Readonly<Record<string, Readonly<Record<string, FlagKind>>>>;

export interface ParsedArgs {
  command: string | undefined;
  operands: string[];
  json: boolean;
  /** The library folder: --data-dir, else GLOSS_DATA_DIR, else the app's own. */
  dataDir: string;
  /** Switches other than --json, without their dashes. */
  flags: Set<string>;
  /** Flags with values, in the order given. */
  values: Map<string, string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], specs: FlagSpecs, env: Record<string, string | undefined> = process.env): ParsedArgs {
  const [command, ...rest] = argv;
  const operands: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  let json = false;
  let dataDir: string | undefined;
  const spec = specs[command ?? ''] ?? {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      operands.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      operands.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    const kind: FlagKind | undefined = name === 'json' ? 'switch' : name === 'data-dir' ? 'value' : Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind) throw new UsageError(`unknown option --${name}${command ? ` for gloss ${command}` : ''}`);
    if (kind === 'switch') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      if (name === 'json') json = true;
      else flags.add(name);
      continue;
    }
    // A value may begin with dashes (a note such as "--- draft"): the word after the flag is its value, whatever it is.
    const value = inline ?? rest[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (name === 'data-dir') {
      if (!value) throw new UsageError('--data-dir needs a folder');
      dataDir = resolve(value);
      continue;
    }
    const given = values.get(name) ?? [];
    if (kind === 'value' && given.length > 0) throw new UsageError(`--${name} can be given only once`);
    values.set(name, [...given, value]);
  }
  return {
    command,
    operands,
    json,
    flags,
    values,
    dataDir: dataDir ?? (env.GLOSS_DATA_DIR ? resolve(env.GLOSS_DATA_DIR) : appDataDir(env, process.platform, homedir())),
  };
}

/** The value of a flag given at most once, or undefined. */
export function valueOf(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.[0];
}

/** The value of a flag the command cannot do without. */
export function requiredValue(args: ParsedArgs, name: string): string {
  const value = valueOf(args, name);
  if (value === undefined) throw new UsageError(`gloss ${args.command} needs --${name}`);
  return value;
}
