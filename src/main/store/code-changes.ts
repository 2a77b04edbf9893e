/**
 * Code operations across the library (rename, merge, move, delete a code)
 * and their undo, made atomic by a journal (code-operation-journal.ts): the
 * journal is written, then every document concerned is changed in one
 * rewrite of its highlights (several documents at a time), then the
 * codebook, then the journal is removed. A failure or a kill part-way
 * leaves the journal, and the operation is finished the next time a code
 * operation runs or the library is opened. What each operation changed is
 * kept for the session, so it can be undone; an undo can itself be undone.
 */
import { randomUUID } from 'node:crypto';
import { describeOperation, operationProblem, planOf, recode, recodeEntries } from '../../core/study/code-operations';
import { type CodeEntry, codesWithin } from '../../core/study/code-tree';
import { errorMessage } from '../../core/error-message';
import type { CodeOperation, CodeOperationResult } from '../../shared/model';
import { type CodebookFile, entriesOf, withEntries } from './codebook-file';
import { type Journal, type JournalDocument, readJournal, removeJournal, writeJournal } from './code-operation-journal';
import type { Counts } from './counts-file';
import { DamagedFileError, type DataFile, NewerFileError } from './data-file';
import { GlossError } from './errors';
import type { Recoded, Recoder, HighlightsFile } from './highlights-file';
import { damagedPath } from './layout';
import { type StoreContext, writeError } from './store-context';

/** What code operations need of the store. */
export interface CodeChangeAccess {
  ctx: StoreContext;
  codebook: DataFile<CodebookFile>;
  documentIds(): string[];
  /** A document's counts, trusted to be those of its highlights on disk (read from them when in doubt). */
  exactCounts(documentId: string): Promise<Counts>;
  /** A document's highlights, for a change (refused when the document cannot be changed). */
  writableHighlights(documentId: string): Promise<HighlightsFile>;
  /** Saves a document's counts after its highlights changed. */
  keepCounts(documentId: string, file: HighlightsFile): Promise<void>;
  /** Whether the document is still in the library. */
  has(documentId: string): boolean;
}

/** What one operation (or undo) changed: enough to put it back. */
interface Undo {
  what: string;
  documents: Map<string, Map<string, string[]>>;
  /** The codebook's code entries before. */
  codebook: [string, CodeEntry][];
}

/** Documents changed at once: their rewrites are flushed side by side. */
const AT_ONCE = 8;

export class CodeChanges {
  private readonly undos = new Map<string, Undo>();
  /** A journal left by a failure in this session, to finish before anything else. */
  private unfinished = false;

  constructor(private readonly access: CodeChangeAccess) {}

  /** Renames, merges, moves or deletes a code in every document and in the codebook, atomically. */
  async apply(operation: CodeOperation): Promise<CodeOperationResult> {
    await this.finishUnfinished();
    const { access } = this;
    const ids = access.documentIds();
    const counts = await Promise.all(ids.map((id) => access.exactCounts(id)));
    const entries = entriesOf(access.codebook.data);
    const tree = codesWithin([...counts.flatMap((c) => [...c.totals.keys()]), ...entries.keys()]);
    const problem = operationProblem(operation, tree);
    if (problem) throw new GlossError(problem.kind, problem.message);
    const plan = planOf(operation);
    const concerned = ids.filter((_, i) => counts[i].totals.has(plan.root));
    // Every document concerned must be changeable before any is changed.
    await Promise.all(concerned.map((id) => access.writableHighlights(id)));
    const what = describeOperation(operation);
    const codebook = recodeEntries(entries, plan);
    const journal: Omit<Journal, 'schemaVersion'> = { what, operation, documents: concerned.map((documentId) => ({ documentId })), codebook: [...codebook] };
    return this.run(journal, [...entries]);
  }

  /** Undoes an operation (or an undo) of this session; answers with a token that undoes this in turn. */
  async revert(undoToken: string): Promise<CodeOperationResult> {
    await this.finishUnfinished();
    const undo = this.undos.get(undoToken);
    if (!undo) throw new GlossError('not-found', 'That code change cannot be undone: it was not made since Gloss started, or it was undone already.');
    const documents: JournalDocument[] = [...undo.documents]
      .filter(([id]) => this.access.has(id))
      .map(([documentId, highlights]) => ({ documentId, highlights: [...highlights] }));
    await Promise.all(documents.map((d) => this.access.writableHighlights(d.documentId)));
    const before = [...entriesOf(this.access.codebook.data)];
    const result = await this.run({ what: `undo (${undo.what})`, documents, codebook: undo.codebook }, before);
    this.undos.delete(undoToken);
    return result;
  }

  /** Writes the journal, changes every document and the codebook, removes the journal; remembers how to undo it. */
  private async run(journal: Omit<Journal, 'schemaVersion'>, codebookBefore: [string, CodeEntry][]): Promise<CodeOperationResult> {
    const { ctx } = this.access;
    try {
      await writeJournal(ctx, journal);
    } catch (error) {
      throw writeError(`Could not ${journal.what}`, error);
    }
    let changed: Map<string, Recoded[]>;
    try {
      changed = await this.carryOut(journal);
    } catch (error) {
      this.unfinished = true;
      const cause = writeError('', error).message.replace(/^: /, '').replace(/ Nothing was changed\.$/, '');
      throw new GlossError('storage', `Could not ${journal.what} in every document (${cause}). It will be finished before the next change to codes, or when Gloss next starts.`);
    }
    const documents = new Map<string, Map<string, string[]>>();
    let highlightsChanged = 0;
    for (const [id, list] of changed) {
      if (list.length === 0) continue;
      documents.set(id, new Map(list.map((r) => [r.id, r.before])));
      highlightsChanged += list.length;
    }
    const undoToken = randomUUID();
    this.undos.set(undoToken, { what: journal.what.replace(/^undo \((.*)\)$/, '$1'), documents, codebook: codebookBefore });
    return { highlightsChanged, documentsChanged: documents.size, undoToken };
  }

  /** Makes every change the journal lists (each idempotent), then removes it. What each document changed, by id. */
  private async carryOut(journal: Omit<Journal, 'schemaVersion'>): Promise<Map<string, Recoded[]>> {
    const { access } = this;
    const plan = journal.operation ? planOf(journal.operation) : null;
    const changed = new Map<string, Recoded[]>();
    const queue = journal.documents.filter((d) => access.has(d.documentId));
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const recoder: Recoder = plan
          ? (a) => recode(a.codes, plan)
          : ((codes: Map<string, string[]>) => (a) => codes.get(a.id) ?? null)(new Map(d.highlights ?? []));
        const file = await access.writableHighlights(d.documentId);
        const list = await file.recode(recoder);
        if (list.length > 0) await access.keepCounts(d.documentId, file);
        changed.set(d.documentId, list);
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, worker));
    if (journal.codebook) await access.codebook.replace(withEntries(access.codebook.data, journal.codebook));
    await removeJournal(access.ctx);
    this.unfinished = false;
    return changed;
  }

  private async finishUnfinished(): Promise<void> {
    if (!this.unfinished) return;
    const journal = await readJournal(this.access.ctx).catch(() => null);
    if (!journal) {
      this.unfinished = false;
      return;
    }
    try {
      await this.carryOut(journal);
    } catch (error) {
      throw writeError(`An earlier code change (${journal.what}) is still to be finished, and could not be`, error);
    }
  }

  /**
   * Finishes an operation a kill or a failure interrupted, when the library is opened by its owner; the reader is
   * told. A damaged journal is set aside (documents may then be half changed: the reader is told which operation).
   */
  async finishInterrupted(): Promise<void> {
    const { ctx } = this.access;
    let journal: Journal | null;
    try {
      journal = await readJournal(ctx);
    } catch (error) {
      if (error instanceof NewerFileError) return;
      if (!(error instanceof DamagedFileError)) throw error;
      const aside = damagedPath(error.path, ctx.now());
      await ctx.fs.rename(error.path, aside).catch(() => undefined);
      ctx.notices.report('damaged', `The record of an interrupted code change (${error.path}) could not be read (${error.reason}); it was moved to ${aside}. Some documents may still carry the old codes.`, { path: aside });
      return;
    }
    if (!journal) return;
    try {
      const changed = await this.carryOut(journal);
      const documents = [...changed.values()].filter((l) => l.length > 0).length;
      ctx.notices.report('recovered', `A change to codes (${journal.what}) was interrupted when Gloss stopped; it was finished (${documents} ${documents === 1 ? 'document' : 'documents'} changed now).`);
    } catch (error) {
      this.unfinished = true;
      ctx.notices.report('damaged', `A change to codes (${journal.what}) was interrupted when Gloss stopped, and could not be finished now (${errorMessage(error)}); it will be tried again.`);
    }
  }
}
