/**
 * The highlights and notes of one document on disk: a lowdb snapshot
 * (annotations.json) and, once that snapshot is large, an append-only log of
 * the changes made since (annotations.log, one JSON line per change). A change
 * to a small document rewrites the snapshot, as before; a change to a large one
 * appends one line instead of rewriting thousands of highlights, and the log is
 * folded into the snapshot when it has grown to a share of the snapshot's size.
 *
 * Every change carries a sequence number and the snapshot records the last one
 * it contains, so log lines already folded in (the process stopped between
 * writing the snapshot and removing the log) are skipped, never applied twice.
 * A last line without its line end is a write the process died in the middle
 * of, never acknowledged: it is ignored and dropped by the next fold. Any other
 * line that cannot be read means the log is damaged: it is left untouched and
 * the error names it.
 */
import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation } from '../../shared/model';
import { SCHEMA_VERSION } from '../../shared/model';
import { type DataFile, describe, openDataFile } from './data-file';
import { GlossError } from './errors';

interface Snapshot {
  schemaVersion: number;
  documentId: string;
  /** Sequence number of the last change the snapshot contains (absent in files written before the log). */
  seq?: number;
  annotations: Annotation[];
}

/** One change to a document's highlights: a highlight added or changed (`put`), or removed. */
export type HighlightChange = { put: Annotation } | { delete: string };

type LoggedChange = HighlightChange & { seq: number };

export interface ChangeLogOptions {
  /** Snapshot size (characters of JSON) from which a change is appended to the log instead of rewriting the snapshot. */
  appendFrom: number;
  /** The log is folded into the snapshot when it would grow past this share of the snapshot's size. */
  foldAt: number;
}

/** About 450 highlights: below that a rewrite takes a few milliseconds and one plain file is simplest. */
export const DEFAULT_CHANGE_LOG: ChangeLogOptions = { appendFrom: 256 * 1024, foldAt: 0.5 };

function isLoggedChange(value: unknown): value is LoggedChange {
  const change = value as Partial<{ seq: unknown; put: { id?: unknown } | null; delete: unknown }> | null;
  if (typeof change !== 'object' || change === null || typeof change.seq !== 'number') return false;
  return typeof change.delete === 'string' || (typeof change.put === 'object' && change.put !== null && typeof change.put.id === 'string');
}

/** The complete lines of the log (in order) and whether an unfinished last line follows them. */
async function readLog(path: string): Promise<{ changes: LoggedChange[]; bytes: number; unfinished: boolean }> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { changes: [], bytes: 0, unfinished: false };
    throw new GlossError('storage', `Cannot read ${path} (${describe(error)}).`);
  }
  const end = raw.lastIndexOf(0x0a) + 1;
  const lines = raw.subarray(0, end).toString('utf8').split('\n').slice(0, -1);
  const changes = lines.map((line, i) => {
    let change: unknown;
    try {
      change = JSON.parse(line);
    } catch (error) {
      throw new GlossError('storage', `The data file ${path} is damaged and was left untouched (line ${i + 1}: ${describe(error)}).`);
    }
    if (!isLoggedChange(change)) {
      throw new GlossError('storage', `The data file ${path} is damaged and was left untouched (line ${i + 1} is not a highlight change).`);
    }
    return change;
  });
  return { changes, bytes: raw.length, unfinished: end < raw.length };
}

/** Applies changes to highlights in creation order: a changed highlight keeps its place, a new one goes last. */
function applyChanges(annotations: Annotation[], changes: readonly HighlightChange[]): Annotation[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  for (const change of changes) {
    if ('put' in change) byId.set(change.put.id, change.put);
    else byId.delete(change.delete);
  }
  return [...byId.values()];
}

export class HighlightsFile {
  /** Writes run one after another, so log lines land in the order the changes were made. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set after a failed or unfinished append: the next change folds the log into the snapshot, so no line is ever written after a broken one. */
  private mustFold: boolean;

  private constructor(
    private readonly snapshot: DataFile<Snapshot>,
    private readonly logPath: string,
    private seq: number,
    private logBytes: number,
    unfinished: boolean,
    private readonly options: ChangeLogOptions,
  ) {
    this.mustFold = unfinished;
  }

  /** Reads the document's highlights from `dir`: the snapshot, then the changes logged after it. */
  static async open(dir: string, documentId: string, options: ChangeLogOptions = DEFAULT_CHANGE_LOG): Promise<HighlightsFile> {
    const initial: Snapshot = { schemaVersion: SCHEMA_VERSION, documentId, annotations: [] };
    const snapshot = await openDataFile(join(dir, 'annotations.json'), initial, SCHEMA_VERSION);
    const logPath = join(dir, 'annotations.log');
    const log = await readLog(logPath);
    let seq = snapshot.data.seq ?? 0;
    const newer = log.changes.filter((change) => change.seq > seq);
    if (newer.length > 0) {
      snapshot.data.annotations = applyChanges(snapshot.data.annotations, newer);
      seq = Math.max(seq, ...newer.map((change) => change.seq));
    }
    return new HighlightsFile(snapshot, logPath, seq, log.bytes, log.unfinished, options);
  }

  /** The highlights, in creation order. Change them in memory, then `save` the change. */
  get annotations(): Annotation[] {
    return this.snapshot.data.annotations;
  }

  /**
   * Writes a change already made to `annotations`: one log line, or the whole
   * snapshot. Resolves once it is on disk; a rejected save wrote nothing a restart would read back.
   */
  save(change: HighlightChange): Promise<void> {
    const seq = ++this.seq;
    const line = `${JSON.stringify({ seq, ...change })}\n`;
    const write = this.queue.then(() => this.write(seq, line));
    this.queue = write.catch(() => undefined);
    return write;
  }

  private async write(seq: number, line: string): Promise<void> {
    const { appendFrom, foldAt } = this.options;
    const size = this.snapshot.length;
    if (this.mustFold || size < appendFrom || this.logBytes + line.length > size * foldAt) return this.fold(seq);
    try {
      await appendFile(this.logPath, line, 'utf8');
    } catch (error) {
      this.mustFold = true;
      throw error;
    }
    this.logBytes += Buffer.byteLength(line);
  }

  /** Writes every highlight to the snapshot (atomically), then removes the log it now contains. */
  private async fold(seq: number): Promise<void> {
    this.snapshot.data.seq = seq;
    await this.snapshot.write();
    if (this.logBytes === 0 && !this.mustFold) return;
    try {
      await rm(this.logPath, { force: true });
    } catch {
      // The change is saved: the lines left are older than the snapshot and skipped on
      // reading. Fold again next time, so nothing is ever appended after an unfinished line.
      this.mustFold = true;
      return;
    }
    this.logBytes = 0;
    this.mustFold = false;
  }
}
