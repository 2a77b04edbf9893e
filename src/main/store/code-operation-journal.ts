/**
 * The journal of a code operation across documents (code-operation.json in
 * the data folder), which makes it atomic: either every document concerned
 * is changed, or none is. Before the first document is touched, the journal
 * says durably what is to be done and to which documents; each document's
 * change is idempotent (made again, it finds nothing to change); and the
 * journal is removed once every document and the codebook are written. A
 * journal found when the library is opened is an operation that was
 * interrupted: it is finished, and the reader told.
 *
 * Two kinds of change: an operation (rename, merge, move, delete), which
 * each document applies to its highlights' codes; or, to undo one, the exact
 * codes each highlight gets back.
 */
import { errorMessage } from '../../core/error-message';
import type { CodeEntry } from '../../core/study/code-tree';
import { type CodeOperation, HIGHLIGHT_COLORS } from '../../shared/model';
import { asciiJson, type FileKind, readData } from './data-file';
import { CURRENT_SCHEMA } from './file-schemas';
import { errorCode } from './file-system';
import { isCode } from './shape-checks';
import type { StoreContext } from './store-context';
import { migrateSince3 } from './migrations';

export interface JournalDocument {
  documentId: string;
  /** For an undo: each highlight's codes to put back, by id. */
  highlights?: [string, string[]][];
}

export interface Journal {
  schemaVersion: number;
  /** What is being done, in the reader's words (for the notice if it has to be finished later). */
  what: string;
  /** The operation each document applies; absent for an undo, whose documents list each highlight's codes. */
  operation?: CodeOperation;
  documents: JournalDocument[];
  /** The codebook's code entries once done, in order; null when the codebook does not change. */
  codebook: [string, CodeEntry][] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const COLORS = new Set<string>(HIGHLIGHT_COLORS);

function operationShapeProblem(op: unknown): string | null {
  if (!isObject(op)) return 'the operation is not an object';
  const codes: Record<string, string[]> = { rename: ['from', 'to'], merge: ['from', 'into'], move: ['code', 'parent'], delete: ['code'] };
  const fields = typeof op.kind === 'string' ? codes[op.kind] : undefined;
  if (!fields || !Object.hasOwn(codes, op.kind as string)) return 'the operation is of no known kind';
  for (const f of fields) if (!(isCode(op[f]) || (f === 'parent' && op[f] === ''))) return `the operation's ${f} is not a code`;
  // Its codes are well formed; whether the tree allowed it was checked before it was written.
  return null;
}

function journalProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not a journal';
  if (typeof value.what !== 'string') return 'it does not say what it does';
  if (value.operation !== undefined) {
    const problem = operationShapeProblem(value.operation);
    if (problem) return problem;
  }
  if (!Array.isArray(value.documents)) return 'it lists no documents';
  for (const d of value.documents as unknown[]) {
    if (!isObject(d) || typeof d.documentId !== 'string' || d.documentId === '') return 'a document without an id';
    if (d.highlights === undefined) {
      if (value.operation === undefined) return 'a document with nothing to do';
      continue;
    }
    if (!Array.isArray(d.highlights)) return 'a document whose highlights are not a list';
    for (const h of d.highlights as unknown[]) {
      if (!Array.isArray(h) || h.length !== 2 || typeof h[0] !== 'string' || !Array.isArray(h[1]) || !h[1].every(isCode)) return 'a highlight without its codes';
    }
  }
  if (value.codebook !== null) {
    if (!Array.isArray(value.codebook)) return 'the codebook is not a list';
    for (const e of value.codebook as unknown[]) {
      if (!Array.isArray(e) || e.length !== 2 || !isCode(e[0]) || !isObject(e[1])) return 'a codebook entry is damaged';
      const { color, description } = e[1];
      if (!(color === null || (typeof color === 'string' && COLORS.has(color))) || typeof description !== 'string') return 'a codebook entry is damaged';
    }
  }
  return null;
}

/** Created at version 3 (unchanged since). */
export const journalKind: FileKind<Journal> = { check: journalProblem, migrate: migrateSince3 };

/** Writes the journal durably: from here on, the operation will be finished even if Gloss stops. */
export async function writeJournal(ctx: StoreContext, journal: Omit<Journal, 'schemaVersion'>): Promise<void> {
  await ctx.fs.replaceFile(ctx.layout.codeOperation, asciiJson({ schemaVersion: CURRENT_SCHEMA, ...journal }));
}

/** The journal of an unfinished operation, or null. Throws DamagedFileError or NewerFileError. */
export async function readJournal(ctx: StoreContext): Promise<Journal | null> {
  return (await readData(ctx.fs, ctx.layout.codeOperation, journalKind))?.data ?? null;
}

/** Removes the journal of a finished operation. */
export async function removeJournal(ctx: StoreContext): Promise<void> {
  try {
    await ctx.fs.remove(ctx.layout.codeOperation);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw new Error(`Could not remove ${ctx.layout.codeOperation}: ${errorMessage(error)}`);
  }
}
