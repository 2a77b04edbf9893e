/**
 * The highlights and notes of one document on disk: a lowdb snapshot
 * (annotations.json) and, once that snapshot is large, an append-only log of
 * the changes made since (annotations.log, one JSON line per change). A change
 * to a small document rewrites the snapshot; a change to a large one appends
 * one line, and the log is folded into the snapshot when it has grown to a
 * share of the snapshot's size.
 *
 * Exact rollback: memory holds what is on disk (`durable`) and, apart, the
 * changes waiting to be written, in order. A change is written against what
 * is on disk at its turn, and becomes part of `durable` only once the write
 * has succeeded; a failed change is simply dropped from the queue, so it can
 * never leave its trace in memory, in a later change, or on disk, whatever
 * else is queued. What readers see is `durable` with the waiting changes on top.
 *
 * Every change carries a sequence number and the snapshot records the last
 * one it contains, so log lines already folded in are skipped, never applied
 * twice. A last line without its line end is a write the process died in the
 * middle of, never acknowledged: it is not applied, and the next fold moves
 * the log aside rather than deleting it. A complete line that cannot be read
 * means the log is damaged: the lines that do read are applied, the log is
 * moved aside, and the reader is told.
 */
import { errorMessage } from '../../core/error-message';
import { join } from 'node:path';
import type { Annotation, HighlightColor, HighlightSelectors } from '../../shared/model';
import { type DataFile, decodeData } from './data-file';
import { errorCode, type FileSystem } from './file-system';
import { GlossError } from './errors';
import { ANNOTATIONS_LOG, damagedPath } from './layout';
import { CURRENT_SCHEMA } from './file-schemas';
import { migrateAnnotation } from './migrations';
import { annotationProblem } from './shape-checks';

/** The snapshot file's content. */
export interface Snapshot {
  schemaVersion: number;
  documentId: string;
  seq: number;
  annotations: Annotation[];
}

/** One change as written to the log: a highlight added or changed in full (`put`), or removed. */
export type LogLine = { seq: number; put: Annotation } | { seq: number; delete: string };

/**
 * New codes for many highlights at once (a code operation across the library): given each highlight as it is on
 * disk at the change's turn, its new list of codes, or null to leave it. Written as one rewrite of the snapshot.
 */
export type Recoder = (annotation: Annotation) => readonly string[] | null;

/** A highlight whose codes a recoding changed. */
export interface Recoded {
  id: string;
  before: string[];
  after: string[];
}

/** A change asked for, applied to what is on disk when its turn comes. */
export type HighlightOp =
  | { create: Annotation }
  | {
      update: {
        id: string;
        color?: HighlightColor;
        note?: string;
        noteState?: string | null;
        codes?: string[];
        /** Attached to new text (an orphan re-attached); `orphaned: false` clears the mark. */
        selectors?: HighlightSelectors;
        orphaned?: boolean;
        updatedAt: string;
      };
    }
  | { delete: string };

export interface ChangeLogOptions {
  /** Snapshot size (characters of JSON) from which a change is appended to the log instead of rewriting the snapshot. */
  appendFrom: number;
  /** The log is folded into the snapshot when it would grow past this share of the snapshot's size. */
  foldAt: number;
}

/** About 450 highlights: below that a rewrite takes a few milliseconds and one plain file is simplest. */
export const DEFAULT_CHANGE_LOG: ChangeLogOptions = { appendFrom: 256 * 1024, foldAt: 0.5 };

interface ReadLog {
  lines: LogLine[];
  bytes: number;
  /** A last line without its line end follows the complete ones. */
  unfinished: boolean;
  /** Complete lines that could not be read (1-based line numbers). */
  unreadable: number[];
}

/** What is wrong with a log line, if anything; a highlight it puts is first brought up from `version`. */
function logLineProblem(value: unknown, documentId: string, version: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const line = value as Record<string, unknown>;
  const keys = Object.keys(line).sort().join(',');
  if (!Number.isSafeInteger(line.seq) || (line.seq as number) < 1) return 'no sequence number';
  if (keys === 'delete,seq') return typeof line.delete === 'string' && line.delete !== '' ? null : 'a removal without an id';
  if (keys === 'put,seq') {
    if (version < CURRENT_SCHEMA) line.put = migrateAnnotation(line.put, version);
    return annotationProblem(line.put, documentId);
  }
  return 'not a highlight change';
}

/**
 * Reads the log: its complete lines in order, and what could not be read. `version` is the schema version of the
 * snapshot the log follows, which its lines share (they are brought up to date with it).
 */
export async function readLog(fs: FileSystem, path: string, documentId: string, version = CURRENT_SCHEMA): Promise<ReadLog> {
  let raw: Buffer;
  try {
    raw = await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { lines: [], bytes: 0, unfinished: false, unreadable: [] };
    throw new GlossError('storage', `Cannot read ${path} (${errorMessage(error)}).`);
  }
  const end = raw.lastIndexOf(0x0a) + 1;
  const texts = decodeData(raw.subarray(0, end)).split('\n').slice(0, -1);
  const lines: LogLine[] = [];
  const unreadable: number[] = [];
  texts.forEach((text, i) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      unreadable.push(i + 1);
      return;
    }
    if (logLineProblem(value, documentId, version)) unreadable.push(i + 1);
    else lines.push(value as LogLine);
  });
  return { lines, bytes: raw.length, unfinished: end < raw.length, unreadable };
}

/** Applies log lines to highlights in creation order: a changed highlight keeps its place, a new one goes last. */
export function applyLines(annotations: readonly Annotation[], lines: readonly LogLine[]): Annotation[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  for (const line of lines) {
    if ('put' in line) byId.set(line.put.id, line.put);
    else byId.delete(line.delete);
  }
  return [...byId.values()];
}

interface Waiting {
  /** `replaceAll`: every highlight rewritten at once (its result unknown until its turn; readers see what is before). */
  op: HighlightOp | { recode: Recoder } | { replaceAll: true };
}

export interface HighlightsFileParts {
  fs: FileSystem;
  dir: string;
  documentId: string;
  snapshot: DataFile<Snapshot>;
  options: ChangeLogOptions;
  /**
   * The schema version the snapshot had on disk, when older than this Gloss's (it was migrated as it was read):
   * the log's lines are as old, and the first change rewrites the snapshot rather than logging after it.
   */
  migratedFrom?: number | null;
  now: () => Date;
  /** Tells the reader something went wrong and what was done about it. */
  report: (message: string, path?: string) => void;
}

export class HighlightsFile {
  /** Writes run one after another, so log lines land in the order the changes were made. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly waiting: Waiting[] = [];
  /** What is on disk, in creation order, and where each id sits in it. */
  private durable: Annotation[];
  private positions = new Map<string, number>();
  /** `durable` with the waiting changes applied; rebuilt when needed. */
  private view: Annotation[] | null = null;
  private seq: number;
  private logBytes: number;
  /** Set after a failed append or an unreadable log: the next change folds the log into the snapshot. */
  private mustFold: boolean;
  /** The log holds something that could not be read: the next fold moves it aside instead of removing it. */
  private keepLog: boolean;
  /** The snapshot on disk is of an older schema version: the next change folds, so no newer line follows it. */
  private olderOnDisk: boolean;
  /** Why the log is kept, in words. */
  private readonly keepWhy: string;
  private readonly logPath: string;

  private constructor(
    private readonly parts: HighlightsFileParts,
    annotations: Annotation[],
    seq: number,
    log: ReadLog,
  ) {
    this.durable = annotations;
    this.reindex();
    this.seq = seq;
    this.logBytes = log.bytes;
    this.keepLog = log.unfinished || log.unreadable.length > 0;
    this.keepWhy =
      log.unreadable.length > 0
        ? 'held changes that could not be read'
        : 'ended in a change without its line end (being written when Gloss stopped, never reported saved, so not applied)';
    this.mustFold = this.keepLog;
    this.olderOnDisk = Boolean(parts.migratedFrom);
    this.logPath = join(parts.dir, ANNOTATIONS_LOG);
  }

  /** The document's highlights: the snapshot given, then the changes logged after it. */
  static async open(parts: HighlightsFileParts): Promise<HighlightsFile> {
    const logPath = join(parts.dir, ANNOTATIONS_LOG);
    const log = await readLog(parts.fs, logPath, parts.documentId, parts.migratedFrom ?? CURRENT_SCHEMA);
    const base = parts.snapshot.data;
    let seq = base.seq;
    const newer = log.lines.filter((line) => line.seq > seq);
    let annotations = base.annotations;
    if (newer.length > 0) {
      annotations = applyLines(annotations, newer);
      seq = Math.max(seq, ...newer.map((line) => line.seq));
    }
    if (log.unreadable.length > 0) {
      parts.report(
        `The change log ${logPath} is damaged (line${log.unreadable.length > 1 ? 's' : ''} ${log.unreadable.slice(0, 5).join(', ')} could not be read); the ${log.lines.length} changes that could be read were kept, and the log will be moved aside, not deleted.`,
        logPath,
      );
    }
    return new HighlightsFile(parts, annotations, seq, log);
  }

  private reindex(): void {
    this.positions = new Map(this.durable.map((a, i) => [a.id, i]));
  }

  /** The highlights, in creation order, with changes still being written included. */
  get annotations(): readonly Annotation[] {
    if (this.waiting.length === 0) return this.durable;
    if (!this.view) {
      let view = this.durable;
      for (const { op } of this.waiting) view = applyOp(view, op) ?? view;
      this.view = view;
    }
    return this.view;
  }

  find(id: string): Annotation | undefined {
    if (this.waiting.length === 0) {
      const at = this.positions.get(id);
      return at === undefined ? undefined : this.durable[at];
    }
    return this.annotations.find((a) => a.id === id);
  }

  /**
   * Queues a change and resolves, with the highlight as saved (null for a removal), once it is on disk.
   * A rejected change left nothing in memory or on disk.
   */
  apply(op: HighlightOp): Promise<Annotation | null> {
    return this.enqueue(op, () => this.write(op));
  }

  /**
   * Gives many highlights new codes in one rewrite of the snapshot (not a log line each), and resolves with the
   * highlights changed once it is on disk. Nothing to change writes nothing; run again, a recoding that has been
   * made finds nothing to change, so a code operation interrupted half-way can simply be run again.
   */
  recode(recoder: Recoder): Promise<Recoded[]> {
    return this.enqueue({ recode: recoder }, () => this.writeRecoding(recoder));
  }

  /**
   * Runs `work` at its turn (after every change queued before it) with the highlights on disk and the sequence
   * number the rewrite will have; the highlights it returns are written in one rewrite of the snapshot and become
   * the file's. A failure in `work` or in the write leaves the highlights as they were.
   */
  replaceAll<T>(work: (current: readonly Annotation[], seq: number) => Promise<{ annotations: Annotation[]; result: T }>): Promise<T> {
    return this.enqueue({ replaceAll: true }, async () => {
      const seq = this.seq + 1;
      const { annotations, result } = await work(this.durable, seq);
      await this.fold(annotations, seq);
      this.durable = annotations;
      this.reindex();
      this.seq = seq;
      return result;
    });
  }

  private enqueue<T>(op: Waiting['op'], write: () => Promise<T>): Promise<T> {
    const entry: Waiting = { op };
    this.waiting.push(entry);
    this.view = null;
    const done = this.queue.then(write).finally(() => {
      this.waiting.splice(this.waiting.indexOf(entry), 1);
      this.view = null;
    });
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async writeRecoding(recoder: Recoder): Promise<Recoded[]> {
    const { next, changed } = recoded(this.durable, recoder);
    if (changed.length === 0) return [];
    const seq = this.seq + 1;
    await this.fold(next, seq);
    // The same highlights in the same places, only their codes new: the index of positions still holds.
    this.durable = next;
    this.seq = seq;
    return changed;
  }

  /** Writes one change against what is on disk now, then makes it part of `durable`. */
  private async write(op: HighlightOp): Promise<Annotation | null> {
    const line = lineFor(this.durable, this.positions, op, this.seq + 1);
    if (!line) throw new GlossError('not-found', 'This highlight was not saved (an earlier change to it failed), so it cannot be changed.');
    const text = `${JSON.stringify(line)}\n`;
    const { appendFrom, foldAt } = this.parts.options;
    const size = this.parts.snapshot.length;
    if (this.mustFold || this.olderOnDisk || size < appendFrom || this.logBytes + text.length > size * foldAt) {
      const next = applyLines(this.durable, [line]);
      await this.fold(next, line.seq);
      this.durable = next;
      this.reindex();
    } else {
      try {
        await this.parts.fs.append(this.logPath, text);
      } catch (error) {
        this.mustFold = true;
        throw error;
      }
      this.logBytes += Buffer.byteLength(text);
      this.applyInPlace(line);
    }
    this.seq = line.seq;
    return 'put' in line ? line.put : null;
  }

  /** Applies a line now on disk to `durable` without copying it (a book's thousands of highlights, per keystroke). */
  private applyInPlace(line: LogLine): void {
    if ('put' in line) {
      const at = this.positions.get(line.put.id);
      if (at === undefined) this.positions.set(line.put.id, this.durable.push(line.put) - 1);
      else this.durable[at] = line.put;
      return;
    }
    const at = this.positions.get(line.delete);
    if (at === undefined) return;
    this.durable.splice(at, 1);
    this.reindex();
  }

  /** Writes every highlight to the snapshot (atomically), then removes, or moves aside, the log it now contains. */
  private async fold(annotations: Annotation[], seq: number): Promise<void> {
    const { snapshot, fs, now } = this.parts;
    await snapshot.replace({ ...snapshot.data, seq, annotations });
    this.olderOnDisk = false;
    if (this.logBytes === 0 && !this.mustFold) return;
    try {
      if (this.keepLog) {
        const aside = damagedPath(this.logPath, now());
        await fs.rename(this.logPath, aside);
        this.parts.report(`The change log ${this.logPath} ${this.keepWhy}; it was moved to ${aside}, not deleted.`, aside);
      } else await fs.remove(this.logPath);
    } catch (error) {
      // The change is saved: the lines left are older than the snapshot and skipped on reading. Fold again next
      // time, so nothing is ever appended after an unfinished line.
      if (errorCode(error) !== 'ENOENT') {
        this.mustFold = true;
        return;
      }
    }
    this.logBytes = 0;
    this.mustFold = false;
    this.keepLog = false;
  }

  /** Makes sure everything read is in the snapshot (after a damaged log was read, or a migration). */
  async settle(): Promise<void> {
    if (!this.mustFold) return;
    await (this.queue = this.queue.then(() => this.fold(this.durable, this.seq)).catch(() => undefined));
  }
}

/** The log line that makes `op` on `annotations`; null when it changes a highlight that is not there. */
function lineFor(annotations: readonly Annotation[], positions: Map<string, number>, op: HighlightOp, seq: number): LogLine | null {
  if ('create' in op) return positions.has(op.create.id) ? null : { seq, put: op.create };
  const at = positions.get('delete' in op ? op.delete : op.update.id);
  if (at === undefined) return null;
  if ('delete' in op) return { seq, delete: op.delete };
  const { id: _id, ...change } = op.update;
  const changed = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  const put: Annotation = { ...annotations[at], ...changed };
  // A placed highlight carries no mark at all, as one never orphaned.
  if (put.orphaned === false) delete put.orphaned;
  return { seq, put };
}

/** `annotations` with `op` applied, or null when it does not apply. */
function applyOp(annotations: Annotation[], op: Waiting['op']): Annotation[] | null {
  if ('recode' in op) return recoded(annotations, op.recode).next;
  if ('replaceAll' in op) return null;
  const positions = new Map(annotations.map((a, i) => [a.id, i]));
  const line = lineFor(annotations, positions, op, 0);
  return line ? applyLines(annotations, [line]) : null;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The highlights with the recoder's codes, and those it changed. */
function recoded(annotations: Annotation[], recoder: Recoder): { next: Annotation[]; changed: Recoded[] } {
  const changed: Recoded[] = [];
  const next = annotations.map((a) => {
    const codes = recoder(a);
    if (codes === null || sameList(codes, a.codes)) return a;
    changed.push({ id: a.id, before: a.codes, after: [...codes] });
    return { ...a, codes: [...codes] };
  });
  return { next: changed.length > 0 ? next : annotations, changed };
}
