/**
 * The files of one document folder: writing a new document (into a staging
 * folder renamed into place only when complete, so an import killed half-way
 * leaves no half document), reading its library entry, transcript and
 * highlights with their checks, and recovering each when damaged: the entry
 * and the highlights from backups, the transcript by parsing source.txt
 * again. Also brings a folder written by schema version 1 up to date.
 */
import { basename, join } from 'node:path';
import { parseTranscript, titleFromFileName } from '../../core/transcript/parse-transcript';
import type { Transcript } from '../../shared/model';
import { asciiJson, DamagedFileError, DataFile, decodeData, type FileKind, NewerFileError, readData } from './data-file';
import { CURRENT_SCHEMA, describeSchemaIssues, documentFileSchema, type DocumentFile, type LibraryEntry } from './file-schemas';
import { type ChangeLogOptions, HighlightsFile, type Snapshot } from './highlights-file';
import { ANNOTATIONS_FILE, COUNTS_FILE, damagedPath, DOCUMENT_FILE, SOURCE_FILE, TRANSCRIPT_FILE } from './layout';
import { migrateAnnotations, migrateDocument, migrateTranscript, splitTranscriptV1 } from './migrations';
import { recoverDamaged } from './recovery';
import { annotationsProblem, transcriptProblem } from './shape-checks';
import type { StoreContext } from './store-context';

interface TranscriptFile {
  schemaVersion: number;
  transcript: Transcript;
}

export const documentKind: FileKind<DocumentFile> = {
  check: (v) => {
    const parsed = documentFileSchema.safeParse(v);
    return parsed.success ? null : describeSchemaIssues(parsed.error);
  },
  migrate: migrateDocument,
};

export const transcriptKind: FileKind<TranscriptFile> = {
  check: (v) => transcriptProblem((v as Partial<TranscriptFile>).transcript),
  migrate: migrateTranscript,
};

export function annotationsKind(documentId: string): FileKind<Snapshot> {
  return {
    check: (v) => {
      const s = v as Partial<Snapshot>;
      if (s.documentId !== documentId) return `it belongs to document ${String(s.documentId)}, not ${documentId}`;
      if (!Number.isSafeInteger(s.seq) || (s.seq as number) < 0) return 'it has no valid sequence number';
      return annotationsProblem(s.annotations, documentId);
    },
    migrate: migrateAnnotations,
  };
}

/**
 * Writes a new document: every file into a staging folder, flushed, then the folder renamed into place. `extra` are
 * further files of the folder (a restored document's highlights and notebook), by name, written before its entry.
 */
export async function writeNewDocument(
  ctx: StoreContext,
  entry: LibraryEntry,
  text: string,
  transcript: Transcript,
  counts: string,
  extra: readonly (readonly [name: string, text: string])[] = [],
): Promise<void> {
  const { fs, layout } = ctx;
  const staging = layout.stagingDir(entry.id);
  await fs.mkdir(staging);
  try {
    await fs.replaceFile(join(staging, SOURCE_FILE), text);
    await fs.replaceFile(join(staging, TRANSCRIPT_FILE), asciiJson({ schemaVersion: CURRENT_SCHEMA, transcript }));
    await fs.replaceFile(join(staging, COUNTS_FILE), counts);
    for (const [name, content] of extra) await fs.replaceFile(join(staging, name), content);
    await fs.replaceFile(join(staging, DOCUMENT_FILE), asciiJson({ schemaVersion: CURRENT_SCHEMA, document: entry }));
    await fs.rename(staging, layout.documentDir(entry.id));
  } catch (error) {
    await fs.remove(staging).catch(() => undefined);
    throw error;
  }
}

/** A document file held in memory, written with a backup now and then. */
function documentFile(ctx: StoreContext, id: string, data: DocumentFile, length = 0): DataFile<DocumentFile> {
  const path = join(ctx.layout.documentDir(id), DOCUMENT_FILE);
  return new DataFile(ctx.fs, path, documentKind, data, length, (text) => ctx.backups.afterWrite(ctx.layout.documentBackups(id), path, text));
}

/**
 * A document's library entry from its folder: document.json, else (damaged) its newest backup, else the entry a
 * version-1 transcript file carries (the folder is then brought up to date), else `cached` (the index's copy).
 * Null when the folder holds no document at all.
 */
export async function readEntry(ctx: StoreContext, id: string, cached: LibraryEntry | undefined): Promise<DataFile<DocumentFile> | null> {
  const path = join(ctx.layout.documentDir(id), DOCUMENT_FILE);
  try {
    const read = await readData(ctx.fs, path, documentKind);
    if (read && read.data.document.id === id) {
      // Rewritten in the new version the next time it changes (the document is opened): the old file is kept first.
      if (read.migratedFrom && !ctx.inspect && !ctx.readOnly) await keepOldVersion(ctx, path, ctx.layout.documentBackups(id), read.migratedFrom).catch(() => undefined);
      return documentFile(ctx, id, read.data, read.length);
    }
    if (read) throw new DamagedFileError(path, `it describes document ${read.data.document.id}, not ${id}`);
  } catch (error) {
    if (!(error instanceof DamagedFileError)) throw error;
    // The index is written after every change to an entry, so its copy is newer than any hourly backup.
    const newer = cached ? { data: { schemaVersion: CURRENT_SCHEMA, document: cached } as DocumentFile, from: 'the library index' } : undefined;
    const { restored } = await recoverDamaged(ctx, error, ctx.layout.documentBackups(id), documentKind, {
      documentId: id,
      withoutBackup: 'the document could not be listed',
      newer,
    });
    if (restored) return documentFile(ctx, id, restored.data, restored.length);
    return newer ? documentFile(ctx, id, newer.data) : null;
  }
  return migrateVersion1Folder(ctx, id, cached);
}

/**
 * A folder of schema version 1 has no document.json: its transcript file carries the entry (and, earliest, the
 * text). Writes document.json and source.txt from it; the transcript file itself is rewritten at version 2 (a
 * backup of the old one kept). Null when there is no version-1 transcript either.
 */
async function migrateVersion1Folder(ctx: StoreContext, id: string, cached: LibraryEntry | undefined): Promise<DataFile<DocumentFile> | null> {
  const dir = ctx.layout.documentDir(id);
  const path = join(dir, TRANSCRIPT_FILE);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(decodeData(await ctx.fs.readFile(path))) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (raw.schemaVersion !== 1) return null;
  const { entry, text } = splitTranscriptV1(raw);
  const document = { ...(entry ?? cached), id, openedAt: cached?.openedAt ?? entry?.openedAt ?? null } as LibraryEntry;
  const parsed = documentFileSchema.safeParse({ schemaVersion: CURRENT_SCHEMA, document });
  if (!parsed.success) return null;
  const file = documentFile(ctx, id, { schemaVersion: CURRENT_SCHEMA, document });
  if (ctx.inspect || ctx.readOnly) return file;
  const backups = ctx.layout.documentBackups(id);
  await keepOldVersion(ctx, path, backups, 1);
  if (text !== null && !(await ctx.fs.stat(join(dir, SOURCE_FILE)))) await ctx.fs.replaceFile(join(dir, SOURCE_FILE), text);
  await ctx.fs.replaceFile(path, asciiJson(migrateTranscript(raw, 1)));
  await file.write();
  ctx.notices.report('migrated', `The document "${document.title}" was brought up to date from an earlier version of Gloss (a copy of its old transcript file is in ${backups}).`, { documentId: id });
  return file;
}

/**
 * A document's transcript. A damaged transcript file is moved aside and the transcript parsed again from the
 * text kept in source.txt; without that, the error names the file.
 */
export async function readTranscript(ctx: StoreContext, entry: LibraryEntry): Promise<Transcript> {
  const path = join(ctx.layout.documentDir(entry.id), TRANSCRIPT_FILE);
  try {
    const read = await readData(ctx.fs, path, transcriptKind);
    if (read) return read.data.transcript;
    throw new DamagedFileError(path, 'it is missing');
  } catch (error) {
    if (error instanceof NewerFileError) {
      // Written once and never changed: shown if this Gloss can read it, else the error says to update.
      const raw = JSON.parse(decodeData(await ctx.fs.readFile(path))) as Partial<TranscriptFile>;
      if (transcriptProblem(raw.transcript) === null) return raw.transcript as Transcript;
      throw error;
    }
    if (!(error instanceof DamagedFileError)) throw error;
    const transcript = await reparse(ctx, entry);
    if (!transcript) throw error;
    if (ctx.inspect || ctx.readOnly) return transcript;
    const aside = damagedPath(path, ctx.now());
    try {
      if (error.reason !== 'it is missing') await ctx.fs.rename(path, aside);
      await ctx.fs.replaceFile(path, asciiJson({ schemaVersion: CURRENT_SCHEMA, transcript }));
    } catch {
      return transcript;
    }
    ctx.notices.report(
      'restored',
      `The transcript file ${path} was ${error.reason === 'it is missing' ? 'missing' : `damaged (${error.reason}); it was moved to ${aside} and`} the transcript was read again from ${SOURCE_FILE}.`,
      { documentId: entry.id, path: aside },
    );
    return transcript;
  }
}

async function reparse(ctx: StoreContext, entry: LibraryEntry): Promise<Transcript | null> {
  try {
    const text = (await ctx.fs.readFile(join(ctx.layout.documentDir(entry.id), SOURCE_FILE))).toString('utf8');
    // Parsed as it was on import, so the highlights' positions hold.
    return parseTranscript(text, entry.format, titleFromFileName(entry.source));
  } catch {
    return null;
  }
}

export interface OpenedHighlights {
  file: HighlightsFile | null;
  /** Why the highlights cannot be changed: a damaged file with no backup, or one from a newer Gloss. */
  readOnly?: string;
}

/** A document's highlights, with the snapshot restored from a backup when it is damaged. */
export async function openHighlights(
  ctx: StoreContext,
  id: string,
  options: ChangeLogOptions,
): Promise<OpenedHighlights> {
  const dir = ctx.layout.documentDir(id);
  const path = join(dir, ANNOTATIONS_FILE);
  const kind = annotationsKind(id);
  const backups = ctx.layout.documentBackups(id);
  let data: Snapshot = { schemaVersion: CURRENT_SCHEMA, documentId: id, seq: 0, annotations: [] };
  let length = 0;
  let readOnly: string | undefined;
  let migratedFrom: number | null = null;
  try {
    const read = await readData(ctx.fs, path, kind);
    if (read) ({ data, length, migratedFrom } = read);
    if (read?.migratedFrom && !ctx.inspect && !ctx.readOnly) await keepOldVersion(ctx, path, backups, read.migratedFrom);
  } catch (error) {
    if (error instanceof NewerFileError) {
      // Shown if this Gloss can read it, never changed.
      const raw = JSON.parse(decodeData(await ctx.fs.readFile(path))) as Snapshot;
      readOnly = error.message;
      if (kind.check({ ...raw, schemaVersion: CURRENT_SCHEMA }) !== null) return { file: null, readOnly };
      data = raw;
    } else {
      if (!(error instanceof DamagedFileError)) throw error;
      const { restored, movedAside } = await recoverDamaged(ctx, error, backups, kind, { documentId: id, withoutBackup: 'this document starts again with no highlights' });
      if (restored) ({ data, length } = restored);
      else if (!movedAside) return { file: null, readOnly: `${error.message} Its highlights cannot be shown or changed until it is repaired.` };
    }
  }
  const snapshot = new DataFile<Snapshot>(ctx.fs, path, kind, { ...data, schemaVersion: CURRENT_SCHEMA }, length, (text) => ctx.backups.afterWrite(backups, path, text));
  const file = await HighlightsFile.open({
    fs: ctx.fs,
    dir,
    documentId: id,
    snapshot,
    options,
    migratedFrom,
    now: ctx.now,
    report: (message, where) => ctx.notices.report('recovered', message, { documentId: id, path: where }),
  });
  if (!ctx.inspect && !ctx.readOnly && !readOnly) await file.settle();
  return { file, readOnly };
}

/** Copies a data file of an older schema version into its backups before it is first rewritten in the new one. */
export async function keepOldVersion(ctx: StoreContext, path: string, folder: string, version: number): Promise<void> {
  const copy = join(folder, `${basename(path)}.v${version}`);
  if (await ctx.fs.stat(copy)) return;
  await ctx.fs.mkdir(folder);
  await ctx.fs.replaceFile(copy, await ctx.fs.readFile(path));
}
