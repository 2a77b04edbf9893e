/**
 * Replacing a document's text with a corrected version, and undoing that.
 * Every highlight is re-anchored into the new text (core/anchoring/
 * text-replacement.ts); the text replaced is kept, with the highlights as
 * they were, so the replace can be undone, even after a restart.
 *
 * One replace, on disk (layout.ts names the files):
 *  1. the text as it is now is kept: versions/<time>/ is written as a staging
 *     folder (source.txt, transcript.json, document.json, annotations.json
 *     with the highlights as they are, version.json), then renamed into place;
 *  2. the journal text-change.json is written, in one atomic replace: the new
 *     text, transcript and entry, and every highlight re-anchored, with the
 *     sequence number their snapshot will carry. This is the commit point:
 *     before it the document is as it was; from it the replace is finished,
 *     whatever happens;
 *  3. source.txt and transcript.json are replaced, then annotations.json (one
 *     rewrite, the change log folded away), then document.json;
 *  4. the journal is removed.
 * A kill before 2 leaves the old text and highlights (and at most a kept
 * version nothing points to: its undo is refused, as the text it names never
 * came). A kill after 2 is finished when the library is next opened, from the
 * journal (finishInterruptedReplaces); a snapshot already at the journal's
 * sequence number is the replace's own (or newer) and is left as it is. A
 * write that fails after 2 is retried before the next change to the document.
 *
 * The undo token is the kept version's folder name: it survives a restart,
 * and is refused once the text is no longer the one that replaced it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { countStatuses, replaceHighlights, type ReplacedHighlights, revertHighlights } from '../../core/anchoring/text-replacement';
import { errorMessage } from '../../core/error-message';
import { normaliseText } from '../../core/transcript/parse-plain-text';
import { plainTextOf, wordCountOf } from '../../core/transcript/plain-text';
import type { Annotation, TextReplacement, Transcript, TranscriptFormat } from '../../shared/model';
import { asciiJson, DamagedFileError, type DataFile, decodeData, type FileKind, readData } from './data-file';
import { annotationsKind, documentKind, transcriptKind } from './document-files';
import { GlossError } from './errors';
import { CURRENT_SCHEMA, type DocumentFile, entrySchema, type LibraryEntry } from './file-schemas';
import { isTempFile, TEMP_MARK } from './file-system';
import type { HighlightsFile, Snapshot } from './highlights-file';
import { ANNOTATIONS_FILE, ANNOTATIONS_LOG, damagedPath, DOCUMENT_FILE, fileTime, SOURCE_FILE, TRANSCRIPT_FILE, VERSION_FILE, VERSIONS_DIR, writerOf } from './layout';
import { isAlive } from './lock';
import { annotationsProblem, transcriptProblem } from './shape-checks';
import { type StoreContext, writeError } from './store-context';

/** A text to put in a document's place: normalised (line ends as the store keeps them), parsed, and where it came from. */
export interface NewText {
  text: string;
  transcript: Transcript;
  format: TranscriptFormat;
  /** The file it was read from (the entry's `source`). */
  source: string;
}

/** The journal of a replace under way (text-change.json). */
interface TextChangeJournal {
  schemaVersion: number;
  documentId: string;
  /** The kept version's folder name. */
  version: string;
  /** The sequence number of the highlights snapshot the replace writes. */
  seq: number;
  /** The document's entry with the new text's hash, format, source, speakers and word count. */
  entry: LibraryEntry;
  text: string;
  transcript: Transcript;
  annotations: Annotation[];
}

/** version.json in a kept version's folder. */
interface VersionInfo {
  schemaVersion: number;
  replacedAt: string;
  /** The hash of the text that replaced it: an undo is taken only while that text is the document's. */
  replacedBy: string;
}

export function journalKind(documentId: string): FileKind<TextChangeJournal> {
  return {
    check: (v) => {
      const j = v as Partial<TextChangeJournal>;
      if (j.documentId !== documentId) return `it belongs to document ${String(j.documentId)}, not ${documentId}`;
      if (typeof j.version !== 'string' || typeof j.text !== 'string' || !Number.isSafeInteger(j.seq)) return 'it is not a text replacement';
      if (!entrySchema.safeParse(j.entry).success) return 'its library entry is damaged';
      return transcriptProblem(j.transcript) ?? annotationsProblem(j.annotations, documentId);
    },
    // Replacing text came with schema 4: there is no older journal to bring up.
    migrate: (v) => v,
  };
}

export const versionKind: FileKind<VersionInfo> = {
  check: (v) => {
    const info = v as Partial<VersionInfo>;
    return typeof info.replacedAt === 'string' && typeof info.replacedBy === 'string' ? null : 'it does not say when and by what the text was replaced';
  },
  migrate: (v) => v,
};

/** A kept version's folder name (an undo token): a time, and a count when two fell in the same millisecond. */
const VERSION_NAME = /^[0-9TZ-]{1,80}$/;

export const textHash = (normalisedText: string) => createHash('sha256').update(normalisedText).digest('hex');

/** What replacing text needs of the store. */
export interface TextVersionAccess {
  ctx: StoreContext;
  entryFile(documentId: string): DataFile<DocumentFile>;
  /** The document's transcript and plain text as they are now. */
  current(documentId: string): Promise<{ transcript: Transcript; plainText: string }>;
  /** The document's highlights, for a change (refused when they cannot be changed). */
  writableHighlights(documentId: string): Promise<HighlightsFile>;
  /**
   * The text is replaced on disk: the transcript read again, the highlights too when `file` is null (a replace
   * finished from its journal), counts and index saved, listeners told.
   */
  replaced(documentId: string, file: HighlightsFile | null): Promise<void>;
}

export class TextVersions {
  /** Replaces whose journal is written but whose last writes failed: finished before the next change. */
  private readonly unfinished = new Map<string, TextChangeJournal>();
  /** The replace (or undo) under way for each document: they run one after another, each from the text the last left. */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly access: TextVersionAccess) {}

  /** Puts `next` in place of the document's text, re-anchoring every highlight. */
  replace(documentId: string, next: NewText): Promise<TextReplacement> {
    return this.serially(documentId, () => this.switchText(documentId, next, (current, oldText, newText) => replaceHighlights(oldText, newText, current)));
  }

  /**
   * Runs `run` with the document's text settled: after any replace under way, and before any asked for later
   * starts (a highlight is checked against the text, and queued for writing, with no replace in between).
   */
  whenSettled<T>(documentId: string, run: () => Promise<T>): Promise<T> {
    return this.serially(documentId, async () => {
      await this.settle(documentId);
      return run();
    });
  }

  private serially<T>(documentId: string, run: () => Promise<T>): Promise<T> {
    const next = (this.running.get(documentId) ?? Promise.resolve()).catch(() => undefined).then(run);
    this.running.set(documentId, next);
    const forget = () => {
      if (this.running.get(documentId) === next) this.running.delete(documentId);
    };
    next.then(forget, forget);
    return next;
  }

  /**
   * Undoes a replace: the text it replaced comes back, each highlight that existed then gets its place back, those
   * made since are re-anchored. The undo is itself a replace, with its own token (so it can be undone in turn).
   */
  revert(documentId: string, undoToken: string): Promise<TextReplacement> {
    return this.serially(documentId, () => this.revertNow(documentId, undoToken));
  }

  private async revertNow(documentId: string, undoToken: string): Promise<TextReplacement> {
    const { title } = this.access.entryFile(documentId).data.document;
    if (!VERSION_NAME.test(undoToken)) throw new GlossError('invalid-request', `"${undoToken.slice(0, 100)}" is not the undo token of a text replacement.`);
    const kept = await readVersion(this.access.ctx, documentId, undoToken, title);
    if (kept.info.replacedBy !== this.access.entryFile(documentId).data.document.hash) {
      throw new GlossError('conflict', `The text of "${title}" has changed since that replace (it was undone, or replaced again): undo the later change first. Nothing was changed.`);
    }
    const next: NewText = { text: kept.text, transcript: kept.transcript, format: kept.entry.format, source: kept.entry.source };
    return this.switchText(documentId, next, (current, currentText, previousText) => revertHighlights(currentText, previousText, current, kept.annotations));
  }

  /** Finishes a replace of this session whose last writes failed; throws when it still cannot be. */
  async settle(documentId: string): Promise<void> {
    const journal = this.unfinished.get(documentId);
    if (!journal) return;
    await finishJournal(this.access.ctx, this.access.entryFile(documentId), journal);
    this.unfinished.delete(documentId);
    await this.access.replaced(documentId, null);
  }

  private async switchText(
    documentId: string,
    next: NewText,
    plan: (current: readonly Annotation[], currentText: string, newText: string) => ReplacedHighlights,
  ): Promise<TextReplacement> {
    const { ctx } = this.access;
    await this.settle(documentId);
    const entryFile = this.access.entryFile(documentId);
    const before = entryFile.data.document;
    const hash = textHash(next.text);
    if (hash === before.hash) throw new GlossError('invalid-request', `${next.source} has the same text as "${before.title}" has now; nothing was replaced.`);
    const { transcript, plainText } = await this.access.current(documentId);
    const file = await this.access.writableHighlights(documentId);
    const newText = plainTextOf(next.transcript);
    const entry: LibraryEntry = { ...before, hash, format: next.format, source: next.source, speakers: next.transcript.speakers, wordCount: wordCountOf(next.transcript) };
    // Set inside the highlights' turn; read after it, whatever happened.
    const done: { journal?: TextChangeJournal; replaced?: ReplacedHighlights } = {};
    try {
      await file.replaceAll(async (current, seq) => {
        const replaced = plan(current, plainText, newText);
        const version = await keepVersion(ctx, documentId, { entry: before, transcript, annotations: current, seq: seq - 1, replacedBy: hash });
        const journal: TextChangeJournal = { schemaVersion: CURRENT_SCHEMA, documentId, version, seq, entry, text: next.text, transcript: next.transcript, annotations: replaced.annotations };
        try {
          await ctx.fs.replaceFile(ctx.layout.textChange(documentId), asciiJson(journal));
        } catch (error) {
          await ctx.fs.remove(join(ctx.layout.versions(documentId), version)).catch(() => undefined);
          throw error;
        }
        Object.assign(done, { journal, replaced });
        await writeText(ctx, documentId, journal);
        return { annotations: replaced.annotations, result: undefined };
      });
      await applyEntry(entryFile, entry);
      await ctx.fs.remove(ctx.layout.textChange(documentId));
    } catch (error) {
      if (!done.journal) throw writeError(`Could not replace the text of "${before.title}"`, error);
      // Past the commit point: the replace is made; what is left to write is written now, or before the next change.
      this.unfinished.set(documentId, done.journal);
      try {
        await this.settle(documentId);
      } catch {
        throw new GlossError('storage', `The text of "${before.title}" was replaced, but not every file could be written (${errorMessage(error)}); Gloss finishes it before the next change to this document, or when it next starts.`);
      }
      return report(ctx, documentId, done.journal.version, done.replaced!);
    }
    await this.access.replaced(documentId, file);
    return report(ctx, documentId, done.journal!.version, done.replaced!);
  }
}

function report(ctx: StoreContext, documentId: string, version: string, replaced: ReplacedHighlights): TextReplacement {
  const previousVersion = [ctx.layout.documents.slice(ctx.layout.dataDir.length + 1), documentId, VERSIONS_DIR, version].join('/');
  return { documentId, ...countStatuses(replaced.report), highlights: replaced.report, previousVersion, undoToken: version };
}

/** Writes the kept version's folder (through a staging folder renamed into place); returns its name. */
async function keepVersion(
  ctx: StoreContext,
  documentId: string,
  kept: { entry: LibraryEntry; transcript: Transcript; annotations: readonly Annotation[]; seq: number; replacedBy: string },
): Promise<string> {
  const { fs, layout } = ctx;
  const root = layout.versions(documentId);
  const at = ctx.now();
  let name = fileTime(at);
  for (let n = 2; await fs.stat(join(root, name)); n++) name = `${fileTime(at)}-${n}`;
  const staging = join(root, `${name}${TEMP_MARK}${process.pid}-0`);
  const source = await fs.readFile(join(layout.documentDir(documentId), SOURCE_FILE));
  const snapshot: Snapshot = { schemaVersion: CURRENT_SCHEMA, documentId, seq: kept.seq, annotations: [...kept.annotations] };
  const info: VersionInfo = { schemaVersion: CURRENT_SCHEMA, replacedAt: at.toISOString(), replacedBy: kept.replacedBy };
  await fs.mkdir(staging);
  try {
    await fs.replaceFile(join(staging, SOURCE_FILE), source);
    await fs.replaceFile(join(staging, TRANSCRIPT_FILE), asciiJson({ schemaVersion: CURRENT_SCHEMA, transcript: kept.transcript }));
    await fs.replaceFile(join(staging, DOCUMENT_FILE), asciiJson({ schemaVersion: CURRENT_SCHEMA, document: kept.entry }));
    await fs.replaceFile(join(staging, ANNOTATIONS_FILE), asciiJson(snapshot));
    await fs.replaceFile(join(staging, VERSION_FILE), asciiJson(info));
    await fs.rename(staging, join(root, name));
  } catch (error) {
    await fs.remove(staging).catch(() => undefined);
    throw error;
  }
  return name;
}

interface KeptVersion {
  info: VersionInfo;
  entry: LibraryEntry;
  text: string;
  transcript: Transcript;
  annotations: Annotation[];
}

async function readVersion(ctx: StoreContext, documentId: string, name: string, title: string): Promise<KeptVersion> {
  const dir = join(ctx.layout.versions(documentId), name);
  if (!(await ctx.fs.stat(dir))?.isDirectory) throw new GlossError('not-found', `"${title}" has no kept version ${name}: that replace cannot be undone.`);
  try {
    const need = async <T>(file: string, kind: FileKind<T>): Promise<T> => {
      const read = await readData(ctx.fs, join(dir, file), kind);
      if (!read) throw new DamagedFileError(join(dir, file), 'it is missing');
      return read.data;
    };
    const [info, document, transcript, snapshot, source] = await Promise.all([
      need(VERSION_FILE, versionKind),
      need(DOCUMENT_FILE, documentKind),
      need(TRANSCRIPT_FILE, transcriptKind),
      need(ANNOTATIONS_FILE, annotationsKind(documentId)),
      ctx.fs.readFile(join(dir, SOURCE_FILE)),
    ]);
    return { info, entry: document.document, text: normaliseText(source.toString('utf8')), transcript: transcript.transcript, annotations: snapshot.annotations };
  } catch (error) {
    throw new GlossError('storage', `The kept version ${name} of "${title}" cannot be read (${errorMessage(error)}); nothing was changed.`);
  }
}

/** Replaces source.txt and transcript.json with the journal's. */
async function writeText(ctx: StoreContext, documentId: string, journal: TextChangeJournal): Promise<void> {
  const dir = ctx.layout.documentDir(documentId);
  await ctx.fs.replaceFile(join(dir, SOURCE_FILE), journal.text);
  await ctx.fs.replaceFile(join(dir, TRANSCRIPT_FILE), asciiJson({ schemaVersion: CURRENT_SCHEMA, transcript: journal.transcript }));
}

/** Gives the document's entry the new text's hash, format, source, speakers and word count (its title and times stay). */
async function applyEntry(file: DataFile<DocumentFile>, entry: LibraryEntry): Promise<void> {
  const { hash, format, source, speakers, wordCount } = entry;
  await file.replace({ ...file.data, document: { ...file.data.document, hash, format, source, speakers, wordCount } });
}

/** The sequence number of the highlights snapshot on disk; -1 when there is none that reads. */
async function snapshotSeq(ctx: StoreContext, documentId: string): Promise<number> {
  try {
    const raw = JSON.parse(decodeData(await ctx.fs.readFile(join(ctx.layout.documentDir(documentId), ANNOTATIONS_FILE)))) as { seq?: unknown };
    return Number.isSafeInteger(raw.seq) ? (raw.seq as number) : -1;
  } catch {
    return -1;
  }
}

/** Writes whatever of a journal's replace is not on disk yet, then removes the journal. Each step may be run again. */
async function finishJournal(ctx: StoreContext, entryFile: DataFile<DocumentFile>, journal: TextChangeJournal): Promise<void> {
  const { documentId } = journal;
  const dir = ctx.layout.documentDir(documentId);
  await writeText(ctx, documentId, journal);
  if ((await snapshotSeq(ctx, documentId)) < journal.seq) {
    const snapshot: Snapshot = { schemaVersion: CURRENT_SCHEMA, documentId, seq: journal.seq, annotations: journal.annotations };
    await ctx.fs.replaceFile(join(dir, ANNOTATIONS_FILE), asciiJson(snapshot));
    // Every line of the log is older than the journal: the replace's highlights include them.
    await ctx.fs.remove(join(dir, ANNOTATIONS_LOG));
  }
  await applyEntry(entryFile, journal.entry);
  await ctx.fs.remove(ctx.layout.textChange(documentId));
}

/**
 * At open: finishes every replace a kill interrupted past its commit point (its journal is there), and clears
 * kept-version staging folders whose writer is gone. Where nothing may be written, the reader is told instead.
 */
export async function finishInterruptedReplaces(ctx: StoreContext, entries: ReadonlyMap<string, DataFile<DocumentFile>>): Promise<void> {
  const writable = !ctx.inspect && !ctx.readOnly;
  await Promise.all(
    [...entries].map(async ([id, entryFile]) => {
      const { title } = entryFile.data.document;
      const path = ctx.layout.textChange(id);
      if (writable) {
        for (const name of await ctx.fs.readdir(ctx.layout.versions(id))) {
          const pid = writerOf(name);
          if (isTempFile(name) && pid !== null && pid !== process.pid && !isAlive(pid)) await ctx.fs.remove(join(ctx.layout.versions(id), name)).catch(() => undefined);
        }
      }
      let journal: TextChangeJournal | null;
      try {
        journal = (await readData(ctx.fs, path, journalKind(id)))?.data ?? null;
      } catch (error) {
        // Written in one atomic replace, so never half there: damaged by something else. Kept aside; the text is as found.
        const aside = damagedPath(path, ctx.now());
        if (writable) await ctx.fs.rename(path, aside).catch(() => undefined);
        ctx.notices.report('damaged', `A replacement of the text of "${title}" was interrupted and its journal cannot be read (${errorMessage(error)}); ${writable ? `it was moved to ${aside}` : 'it was left as it is'}.`, { documentId: id, path: writable ? aside : path });
        return;
      }
      if (!journal) return;
      if (!writable) {
        ctx.notices.report('damaged', `A replacement of the text of "${title}" was interrupted; opening the library in Gloss finishes it.`, { documentId: id, path });
        return;
      }
      try {
        await finishJournal(ctx, entryFile, journal);
        ctx.notices.report('recovered', `Replacing the text of "${title}" was interrupted; it was finished (the text replaced is kept in ${VERSIONS_DIR}/${journal.version}).`, { documentId: id });
      } catch (error) {
        ctx.notices.report('damaged', `Replacing the text of "${title}" was interrupted and could not be finished yet (${errorMessage(writeError('', error))}); it is tried again the next time the library is opened.`, { documentId: id, path });
      }
    }),
  );
}
