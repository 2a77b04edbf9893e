/**
 * How each kind of caller opens a library, under the sharing rules (lock.ts):
 *
 * - the app takes the lock for as long as it runs and owns the library;
 * - `gloss add` owns it (with the lock) when the app is not running, and
 *   otherwise adds beside the app as a guest: new documents only, which the
 *   app picks up the next time it lists the library;
 * - `gloss check --repair` needs the lock: it refuses while the app runs
 *   (which repairs the same way when it starts);
 * - reading commands never lock and never write.
 *
 * A folder that cannot be written cannot be locked either; it opens read-only.
 */
import { errorCode, nodeFileSystem, READ_ONLY_CODES } from './file-system';
import { Layout } from './layout';
import { LibraryStore, type StoreOptions } from './library-store';
import { acquireLock, type HeldLock, LockedError } from './lock';

export interface OpenedLibrary {
  store: LibraryStore;
  /** Gives the lock back (if this caller took it). */
  release(): Promise<void>;
}

const NO_LOCK: HeldLock = { release: async () => undefined };

/** Takes the lock; null when the folder cannot be written (it then opens read-only and needs none). */
async function lock(dataDir: string, owner: string, endpoint?: { socket: string; token: string }): Promise<HeldLock | null> {
  const fs = nodeFileSystem;
  try {
    await fs.mkdir(dataDir);
    return await acquireLock(fs, new Layout(dataDir).lock, owner, undefined, endpoint);
  } catch (error) {
    if (READ_ONLY_CODES.has(errorCode(error) ?? '')) return null;
    throw error;
  }
}

async function opened(dataDir: string, held: HeldLock | null, options: StoreOptions): Promise<OpenedLibrary> {
  try {
    const store = await LibraryStore.open(dataDir, options);
    return { store, release: () => (held ?? NO_LOCK).release() };
  } catch (error) {
    await held?.release();
    throw error;
  }
}

/**
 * The app's library: locked for as long as the app runs. Throws LockedError when another live Gloss holds it. The
 * lock records `endpoint`, where the app takes the changes `gloss` commands may not write beside it.
 */
export async function openAsApp(dataDir: string, options: StoreOptions = {}, endpoint?: { socket: string; token: string }): Promise<OpenedLibrary> {
  return opened(dataDir, await lock(dataDir, 'app', endpoint), { ...options, mode: 'owner' });
}

/** For adding documents: as owner when the library is free, else as a guest beside the running app. */
export async function openToAdd(dataDir: string, options: StoreOptions = {}): Promise<OpenedLibrary> {
  try {
    return await opened(dataDir, await lock(dataDir, 'cli'), { ...options, mode: 'owner' });
  } catch (error) {
    if (!(error instanceof LockedError) || error.holder.owner !== 'app') throw error;
    return opened(dataDir, null, { ...options, mode: 'guest' });
  }
}

/** For repairs: as owner with the lock. Throws LockedError while the app (or another command) holds it. */
export async function openToRepair(dataDir: string, options: StoreOptions = {}): Promise<OpenedLibrary> {
  return opened(dataDir, await lock(dataDir, 'cli'), { ...options, mode: 'owner' });
}

/**
 * For changing existing files (`gloss highlight`, `gloss codes rename`): as owner with the lock, like a repair. Throws
 * LockedError while the app (or another command) holds it; the command then sends the change to the app instead.
 */
export const openToWrite = openToRepair;

/** For reading: never locks, never writes. */
export async function openToRead(dataDir: string, options: StoreOptions = {}): Promise<OpenedLibrary> {
  return opened(dataDir, null, { ...options, mode: 'inspect' });
}
