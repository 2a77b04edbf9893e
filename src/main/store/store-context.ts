/**
 * What the parts of the store share: the file system, the folder's layout,
 * the clock, backups, the notices for the reader, and whether the folder may
 * be written at all. Also how a failed write is put into words: the real
 * cause (a full disk, a read-only folder), never a bare error code.
 */
import { errorMessage } from '../../core/error-message';
import type { StoreNotice } from '../../shared/model';
import type { Backups } from './backups';

import { errorCode, type FileSystem } from './file-system';
import { GlossError } from './errors';
import type { Layout } from './layout';

export class Notices {
  readonly list: StoreNotice[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly log: (notice: StoreNotice) => void = (n) => console.warn(`[gloss] ${n.message}`),
  ) {}

  report(kind: StoreNotice['kind'], message: string, where: { documentId?: string; path?: string } = {}): void {
    const notice = { kind, message, ...where, at: this.now().toISOString() };
    this.list.push(notice);
    this.log(notice);
  }
}

export interface StoreContext {
  fs: FileSystem;
  layout: Layout;
  now: () => Date;
  backups: Backups;
  notices: Notices;
  /** Why nothing may be written, or null. `inspect` stores (gloss list, gloss check) never write. */
  readOnly: string | null;
  inspect: boolean;
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the data folder is on a read-only disk',
  EACCES: 'Gloss is not allowed to write there',
  EPERM: 'Gloss is not allowed to write there',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENOENT: 'a folder it needs has disappeared',
};

/** A failed write as the reader should read it: what could not be done, and the real cause. */
export function writeError(what: string, error: unknown): GlossError {
  if (error instanceof GlossError) return error;
  const code = errorCode(error);
  const cause = code && CAUSES[code] ? `${CAUSES[code]} (${code})` : errorMessage(error);
  return new GlossError('storage', `${what}: ${cause}. Nothing was changed.`);
}

/** Refuses a change when the library (or the document) is read-only. */
export function assertWritable(ctx: StoreContext, documentReadOnly?: string): void {
  const reason = ctx.readOnly ?? documentReadOnly;
  if (reason) throw new GlossError('read-only', reason);
}
