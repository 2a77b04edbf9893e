/**
 * Who owns a data folder: the running app holds `gloss.lock` for as long as
 * it runs, and command-line commands that change existing files (`gloss check
 * --repair`) must hold it too. The file names its holder's process id and
 * host; a lock whose process is gone (the app crashed, or was killed) is
 * stale and taken over, so a crash can never leave a library stuck. Creating
 * the file exclusively makes two takers of a stale lock race safely: one wins.
 *
 * Adding documents needs no lock (see library-store.ts: a new document is a
 * folder renamed into place, and the index is rebuilt from the folders), and
 * reading never does.
 */
import { hostname } from 'node:os';
import { decodeData } from './data-file';
import { errorCode, type FileSystem } from './file-system';
import { GlossError } from './errors';

export interface LockHolder {
  pid: number;
  host: string;
  /** 'app' or 'cli' */
  owner: string;
  since: string;
  /** The app's command socket and its token (remote/endpoint.ts), where `gloss` sends the changes it may not write itself. */
  socket?: string;
  token?: string;
}

export class LockedError extends GlossError {
  constructor(
    readonly holder: LockHolder,
    path: string,
  ) {
    super(
      'conflict',
      holder.owner === 'app'
        ? `The library is open in Gloss (process ${holder.pid} on ${holder.host}); close Gloss first, or let it do this (it repairs the library when it starts).`
        : `The library is locked by another gloss command (process ${holder.pid} on ${holder.host}, since ${holder.since}); wait for it to finish (the lock is ${path}).`,
    );
    this.name = 'LockedError';
  }
}

/** Whether a process with this id runs on this machine. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

/** The lock's holder; null when there is no lock file, or it is unreadable (a crash while writing it). */
export async function readLock(fs: FileSystem, path: string): Promise<LockHolder | null> {
  try {
    const holder = JSON.parse(decodeData(await fs.readFile(path))) as Partial<LockHolder>;
    if (typeof holder.pid !== 'number' || typeof holder.host !== 'string') return null;
    return {
      pid: holder.pid,
      host: holder.host,
      owner: String(holder.owner ?? 'app'),
      since: String(holder.since ?? ''),
      ...(typeof holder.socket === 'string' && typeof holder.token === 'string' ? { socket: holder.socket, token: holder.token } : {}),
    };
  } catch {
    return null;
  }
}

/** A lock whose holder is certainly gone: same machine, process not running. Another machine's lock (a synced folder) is respected. */
function isStale(holder: LockHolder | null): boolean {
  return holder === null || (holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid));
}

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes the lock at `path` for `owner`, taking over a stale one. Re-entrant within one process (the app's
 * window restarting). Throws LockedError when a live process holds it.
 */
export async function acquireLock(
  fs: FileSystem,
  path: string,
  owner: string,
  now: () => Date = () => new Date(),
  endpoint?: { socket: string; token: string },
): Promise<HeldLock> {
  const me: LockHolder = { pid: process.pid, host: hostname(), owner, since: now().toISOString(), ...endpoint };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.createExclusive(path, JSON.stringify(me));
      return { release: () => releaseIfMine(fs, path) };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const holder = await readLock(fs, path);
    if (holder && holder.pid === process.pid && holder.host === me.host) return { release: () => releaseIfMine(fs, path) };
    if (!isStale(holder)) throw new LockedError(holder!, path);
    await fs.remove(path);
  }
  throw new GlossError('conflict', `Could not take the lock ${path}: another process keeps taking it.`);
}

async function releaseIfMine(fs: FileSystem, path: string): Promise<void> {
  const holder = await readLock(fs, path);
  if (holder && holder.pid === process.pid && holder.host === hostname()) await fs.remove(path);
}

/** Whether a live process holds the lock now (for commands that only read and want to say so). */
export async function lockHolder(fs: FileSystem, path: string): Promise<LockHolder | null> {
  const holder = await readLock(fs, path);
  return holder && !isStale(holder) ? holder : null;
}
