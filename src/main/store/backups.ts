/**
 * Rolling backups of data files: after a file is written, a copy goes into
 * a backups folder when the newest copy there is older than the interval
 * (an hour by default) and differs from it; only the newest N distinct
 * copies are kept (10 by default; settings.json changes both). When a data
 * file is found damaged, the newest backup that reads and checks is restored.
 *
 * Backups are named `<file>-<time>` (for example
 * `annotations.json-2026-11-29T08-00-00-000Z`), so they sort by time.
 */
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { type FileKind, parseData, decodeData, type ReadData } from './data-file';
import { fileTime } from './layout';
import { type FileSystem, isTempFile } from './file-system';

export interface BackupPolicy {
  keep: number;
  everyMinutes: number;
}

interface Newest {
  at: number;
  /** Worked out only when needed (a backup is due), from `path`; a first write in an hour reads no backup. */
  hash: string | null;
  path: string;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

export class Backups {
  /** The newest backup of each file, as far as this process knows (keyed by backup folder and file name). */
  private readonly newest = new Map<string, Newest | null>();

  constructor(
    private readonly fs: FileSystem,
    private readonly now: () => Date,
    private readonly policy: () => BackupPolicy,
  ) {}

  /** The backups of `path` in `folder`, newest first. */
  async list(folder: string, path: string): Promise<string[]> {
    const prefix = `${basename(path)}-`;
    const names = (await this.fs.readdir(folder)).filter((n) => n.startsWith(prefix) && !isTempFile(n));
    return names.sort().reverse().map((n) => join(folder, n));
  }

  private async newestOf(folder: string, path: string): Promise<Newest | null> {
    const key = join(folder, basename(path));
    if (this.newest.has(key)) return this.newest.get(key) ?? null;
    const [latest] = await this.list(folder, path);
    let found: Newest | null = null;
    if (latest) {
      const info = await this.fs.stat(latest);
      found = { at: info?.mtimeMs ?? 0, hash: null, path: latest };
    }
    this.newest.set(key, found);
    return found;
  }

  /** Keeps a copy of `text` (just written to `path`) if the policy asks for one. Never fails: a missed backup is taken next time. */
  async afterWrite(folder: string, path: string, text: string): Promise<void> {
    const { keep, everyMinutes } = this.policy();
    if (keep === 0) return;
    try {
      const now = this.now();
      const newest = await this.newestOf(folder, path);
      if (newest && now.getTime() - newest.at < everyMinutes * 60_000) return;
      const hash = hashOf(text);
      if (newest && newest.hash === null) newest.hash = hashOf(decodeData(await this.fs.readFile(newest.path)));
      if (newest?.hash === hash) return;
      await this.fs.mkdir(folder);
      await this.fs.replaceFile(join(folder, `${basename(path)}-${fileTime(now)}`), text);
      const written = join(folder, `${basename(path)}-${fileTime(now)}`);
      this.newest.set(join(folder, basename(path)), { at: now.getTime(), hash, path: written });
      const all = await this.list(folder, path);
      for (const old of all.slice(keep)) await this.fs.remove(old);
    } catch (error) {
      console.warn(`[gloss] could not back up ${path}:`, error);
    }
  }

  /** The newest backup of `path` that reads and checks as `kind`, or null. */
  async newestValid<T>(folder: string, path: string, kind: FileKind<T>): Promise<(ReadData<T> & { from: string }) | null> {
    for (const candidate of await this.list(folder, path)) {
      try {
        return { ...parseData(candidate, decodeData(await this.fs.readFile(candidate)), kind), from: candidate };
      } catch {
        // A damaged backup is skipped; an older one may do.
      }
    }
    return null;
  }

  /** Forgets what is known of a folder's backups (its document left the library). */
  forget(folder: string): void {
    for (const key of this.newest.keys()) if (key.startsWith(folder)) this.newest.delete(key);
  }
}
