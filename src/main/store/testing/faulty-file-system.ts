/**
 * A file system for tests that fails on demand. It wraps the real, durable
 * one (nodeFileSystem) and makes chosen operations fail with a chosen error
 * code (ENOSPC, EIO, EROFS, …), picked by operation, path, the n-th matching
 * call or any predicate. An append can fail half-way: half its bytes reach
 * the file for real, then it fails without cutting them back off (as when the
 * disk dies between the write and the clean-up). Any operation can be slowed
 * down, so that saves queue up behind one another.
 */
import type { FileSystem } from '../file-system';
import { nodeFileSystem } from '../file-system';

export type FsOp = keyof FileSystem;

/** The operations that change something on disk. */
export const WRITE_OPS: readonly FsOp[] = ['replaceFile', 'createExclusive', 'append', 'rename', 'mkdir', 'remove'];

/** One call made through the file system. */
export interface FsCall {
  op: FsOp;
  path: string;
  /** Where a rename goes. */
  to?: string;
  /** What is written (replaceFile, createExclusive, append). */
  data?: string | Uint8Array;
}

/** Which calls a rule applies to; every field given must match. */
export interface CallFilter {
  op?: FsOp | readonly FsOp[];
  /** A pattern the path (or a rename's target) must match; a string must occur in it. */
  path?: RegExp | string;
  when?: (call: FsCall) => boolean;
}

export interface FaultRule extends CallFilter {
  /** Fail only the n-th matching call (1-based, counted from when the rule was added), or these. */
  nth?: number | readonly number[];
  /** At most this many failures from this rule (default: every match, or each `nth`). */
  times?: number;
  /** The error code (default EIO). */
  code?: string;
  /** An append writes half its bytes for real, then fails, leaving them in the file. */
  partial?: boolean;
}

export interface DelayRule extends CallFilter {
  /** Milliseconds to wait before the call, or a function giving them (random delays). */
  ms: number | (() => number);
}

export interface Rule {
  /** Matching calls seen so far. */
  readonly matched: number;
  /** Failures this rule caused so far. */
  readonly fired: number;
  remove(): void;
}

export interface FaultyFileSystem extends FileSystem {
  fail(rule: FaultRule): Rule;
  delay(rule: DelayRule): Rule;
  /** Removes every rule. */
  clear(): void;
  /** Every call made, in order (without the data written). */
  readonly calls: FsCall[];
  /** How many calls were made to fail. */
  readonly failures: number;
}

const MESSAGES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EDQUOT: 'disk quota exceeded',
};

const SYSCALLS: Record<FsOp, string> = {
  readFile: 'open',
  replaceFile: 'write',
  createExclusive: 'open',
  append: 'write',
  rename: 'rename',
  mkdir: 'mkdir',
  readdir: 'scandir',
  stat: 'stat',
  remove: 'rm',
};

/** An error shaped like the ones Node's fs rejects with (code, syscall, path). */
export function fsError(code: string, op: FsOp, path: string): NodeJS.ErrnoException {
  const syscall = SYSCALLS[op];
  const error: NodeJS.ErrnoException = new Error(`${code}: ${MESSAGES[code] ?? 'injected failure'}, ${syscall} '${path}'`);
  return Object.assign(error, { code, syscall, path });
}

function matches(filter: CallFilter, call: FsCall): boolean {
  if (filter.op !== undefined) {
    const ops: readonly FsOp[] = typeof filter.op === 'string' ? [filter.op] : filter.op;
    if (!ops.includes(call.op)) return false;
  }
  if (filter.path !== undefined) {
    const test = (p: string) => (typeof filter.path === 'string' ? p.includes(filter.path) : filter.path!.test(p));
    if (!test(call.path) && !(call.to !== undefined && test(call.to))) return false;
  }
  return !filter.when || filter.when(call);
}

interface LiveRule<R> {
  spec: R;
  matched: number;
  fired: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function faultyFileSystem(base: FileSystem = nodeFileSystem): FaultyFileSystem {
  let faults: LiveRule<FaultRule>[] = [];
  let delays: LiveRule<DelayRule>[] = [];
  const calls: FsCall[] = [];
  let failures = 0;

  function handle<R>(live: LiveRule<R>, drop: () => void): Rule {
    return {
      get matched() {
        return live.matched;
      },
      get fired() {
        return live.fired;
      },
      remove: drop,
    };
  }

  /** The fault rule that fails this call, if one does (every matching rule counts the call). */
  function faultFor(call: FsCall): FaultRule | null {
    let chosen: FaultRule | null = null;
    for (const live of faults) {
      if (!matches(live.spec, call)) continue;
      live.matched++;
      const { nth, times } = live.spec;
      const picked = nth === undefined || (typeof nth === 'number' ? nth === live.matched : nth.includes(live.matched));
      if (!picked || (times !== undefined && live.fired >= times) || chosen) continue;
      live.fired++;
      chosen = live.spec;
    }
    return chosen;
  }

  async function run<T>(call: FsCall, real: () => Promise<T>): Promise<T> {
    calls.push({ op: call.op, path: call.path, ...(call.to !== undefined ? { to: call.to } : {}) });
    for (const live of delays) {
      if (!matches(live.spec, call)) continue;
      live.matched++;
      const { ms } = live.spec;
      await sleep(typeof ms === 'number' ? ms : ms());
    }
    const fault = faultFor(call);
    if (!fault) return real();
    failures++;
    const code = fault.code ?? 'EIO';
    if (fault.partial && call.op === 'append' && typeof call.data === 'string') {
      await base.append(call.path, call.data.slice(0, Math.floor(call.data.length / 2)));
    }
    throw fsError(code, call.op, call.path);
  }

  return {
    readFile: (path) => run({ op: 'readFile', path }, () => base.readFile(path)),
    replaceFile: (path, data, options) => run({ op: 'replaceFile', path, data }, () => base.replaceFile(path, data, options)),
    createExclusive: (path, data) => run({ op: 'createExclusive', path, data }, () => base.createExclusive(path, data)),
    append: (path, data) => run({ op: 'append', path, data }, () => base.append(path, data)),
    rename: (from, to) => run({ op: 'rename', path: from, to }, () => base.rename(from, to)),
    mkdir: (path) => run({ op: 'mkdir', path }, () => base.mkdir(path)),
    readdir: (path) => run({ op: 'readdir', path }, () => base.readdir(path)),
    stat: (path) => run({ op: 'stat', path }, () => base.stat(path)),
    remove: (path) => run({ op: 'remove', path }, () => base.remove(path)),

    fail(spec) {
      const live = { spec, matched: 0, fired: 0 };
      faults.push(live);
      return handle(live, () => (faults = faults.filter((r) => r !== live)));
    },
    delay(spec) {
      const live = { spec, matched: 0, fired: 0 };
      delays.push(live);
      return handle(live, () => (delays = delays.filter((r) => r !== live)));
    },
    clear() {
      faults = [];
      delays = [];
    },
    calls,
    get failures() {
      return failures;
    },
  };
}
