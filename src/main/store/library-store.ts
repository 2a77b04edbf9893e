/**
 * The library on disk, owned by the main process (layout.ts says where each
 * file is). What it guarantees:
 *
 * - Durable: a change is reported saved only once it is flushed to disk.
 * - Exact: a change that fails leaves nothing behind, in memory or on disk,
 *   whatever else is being saved (highlights-file.ts).
 * - Recoverable: every data file is checked when read; a damaged one is kept
 *   aside and restored from its backups, the index is rebuilt from the
 *   documents' folders, interrupted imports and removals are finished or
 *   undone (library-index.ts), and the reader is told (`status().notices`).
 * - Readable whatever happens: a read-only folder, or files from a newer
 *   Gloss, open read-only with the reason given. Stores opened to inspect
 *   (the command line's reading commands) never write at all, and guests
 *   (`gloss add` beside the running app) only add documents.
 */
import type { TaskControl } from '../tasks/run-task';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { errorMessage } from '../../core/error-message';
import { normaliseCode } from '../../core/study/code-path';
import { noteFromState } from '../../core/notes/rich-text-markdown';
import { normaliseText, parsePlainText } from '../../core/transcript/parse-plain-text';
import { plainTextOf, wordCountOf } from '../../core/transcript/plain-text';
import { addCounts, type CodeEntry, codeTree } from '../../core/study/code-tree';
import { inCell, type OverviewCell, overviewOf } from '../../core/study/overview';
import { type Speaker, type SpeakerIndex, speakerIndex } from '../../core/study/speakers';
import type {
  Annotation,
  Codebook,
  CodeOperation,
  CodeOperationResult,
  DocumentSummary,
  DroppedFile,
  HighlightColor,
  HighlightRef,
  HighlightSelectors,
  LibraryStatus,
  Notebook,
  OpenedDocument,
  Overview,
  SearchResults,
  StoreNotice,
  TextReplacement,
  Transcript,
  TranscriptFormat,
} from '../../shared/model';
import { DEFAULT_COLOR_NAMES, DEFAULT_MARKDOWN_OPTIONS, HIGHLIGHT_COLORS, type MarkdownOptions, type ReadingPosition, type UiSettings } from '../../shared/model';
import { readReadingPosition, readUiSettings, withReadingPosition } from './ui-settings';
import { MARKDOWN_OPTION_KEYS, markdownOptionsKind } from './export-options';
import type { RequestOf } from '../../shared/contract';
import { Backups } from './backups';
import { CodeChanges } from './code-changes';
import { type NotebookFile, Notebooks } from './notebooks';
import { LibrarySearch } from '../search/library-search';
import { finishInterruptedReplaces, textHash, TextVersions } from './text-versions';
import { sharedReader, type TranscriptReader } from '../import/off-thread-reader';
import { ImportError, type ReadTranscript } from '../import/read-transcript-file';
import { codebookKind, type CodebookFile, emptyCodebook, entriesOf, withEntries } from './codebook-file';
import { type Counts, CountsFiles, countsOf, countsText, NO_COUNTS } from './counts-file';
import { asciiJson, type DataFile } from './data-file';
import { openHighlights, readTranscript, writeNewDocument } from './document-files';
import { GlossError } from './errors';
import { CURRENT_SCHEMA, DEFAULT_SETTINGS, type DocumentFile, entrySchema, type LibraryEntry, type LibraryFile, type SettingsFile } from './file-schemas';
import { errorCode, type FileSystem, nodeFileSystem, READ_ONLY_CODES, TEMP_MARK } from './file-system';
import { type ChangeLogOptions, DEFAULT_CHANGE_LOG, type HighlightOp, type HighlightsFile } from './highlights-file';
import { ANNOTATIONS_FILE, ANNOTATIONS_LOG, CODEBOOK_FILE, COUNTS_FILE, isDocumentId, Layout, NOTEBOOK_FILE, SOURCE_FILE } from './layout';
import { annotationsProblem } from './shape-checks';
import { openLibraryData, readLibrary, readSettings, scanDocuments, settingsKind } from './library-index';
import { assertWritable, Notices, type StoreContext, writeError } from './store-context';

export type { LibraryEntry };

/** A new highlight, as the app asks for it (the id chosen by the renderer, so it can paint at once). */
export type NewAnnotation = RequestOf<'annotations:create'>;

/** A change to a highlight: its colour, its note (Markdown, with the rich-text state it came from), its codes. */
export type AnnotationChange = RequestOf<'annotations:update'>;

/** A document with its plain text and highlights, as the command line reads it. */
export interface DocumentHighlights extends DocumentForExport {
  plainText: string;
}

/** Everything export needs about one document. */
/** What mergeAnnotations did with the highlights it was given. */
export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** Thrown inside a rewrite that would change nothing, so that nothing is written. */
const NOTHING_TO_MERGE = new Error('nothing to merge');

export interface DocumentForExport {
  document: LibraryEntry;
  transcript: Transcript;
  annotations: readonly Annotation[];
}

export interface StoreOptions {
  now?: () => Date;
  /** When highlight changes are logged rather than rewritten (tests). */
  changeLog?: ChangeLogOptions;
  /** The file system (tests inject failures). */
  fs?: FileSystem;
  /**
   * 'owner' (the default: the app, or a command holding the lock) reads, writes and repairs. 'guest' (`gloss add`
   * while the app runs) only adds documents: it repairs nothing and changes no existing file. 'inspect' (the command
   * line's reading commands) never writes at all.
   */
  mode?: StoreMode;
  /** The same as mode 'inspect'. */
  inspect?: boolean;
  /** Hears each notice as it is reported (default: a warning on the console). */
  onNotice?: (notice: StoreNotice) => void;
  /** Reads a corrected version of a text, as import does (default: the shared worker; tests give their own). */
  reader?: TranscriptReader;
}

export type StoreMode = 'owner' | 'guest' | 'inspect';

/**
 * Something in the library changed and is saved (heard by the search index, which follows every change):
 * a document added or its entry changed ('document'), its text replaced ('transcript'), removed ('removed'), its
 * highlights changed ('annotations'), a notebook saved ('notebook'; documentId null for the library's).
 */
export interface LibraryChange {
  kind: 'document' | 'transcript' | 'removed' | 'annotations' | 'notebook';
  documentId: string | null;
}

/** A document's transcript once read; its plain text and who speaks where are worked out the first time they are needed. */
class LoadedTranscript {
  private text: string | null = null;
  private index: SpeakerIndex | null = null;
  constructor(readonly transcript: Transcript) {}

  get plainText(): string {
    return (this.text ??= plainTextOf(this.transcript));
  }

  get speakers(): SpeakerIndex {
    return (this.index ??= speakerIndex(this.transcript));
  }
}

/** A document's highlights placed among its speakers, for the overview. */
interface PlacedHighlights {
  entry: LibraryEntry;
  speakers: readonly string[];
  highlights: { annotation: Annotation; speakers: Speaker[] }[];
}

interface LoadedHighlights {
  file: HighlightsFile | null;
  readOnly?: string;
}

export class LibraryStore {
  private readonly transcripts = new Map<string, Promise<LoadedTranscript>>();
  private readonly highlightFiles = new Map<string, Promise<LoadedHighlights>>();
  private readonly countsFiles: CountsFiles;
  /** Changes to which documents there are (scans, imports, removals) run one at a time, so none undoes another. */
  private structure: Promise<unknown> = Promise.resolve();
  /** Library-wide changes (the codebook, code operations across documents) run one at a time. */
  private libraryWide: Promise<unknown> = Promise.resolve();
  private readonly codeChanges: CodeChanges;
  private readonly notebooks: Notebooks;
  private readonly textVersions: TextVersions;
  private readonly listeners = new Set<(change: LibraryChange) => void>();

  private constructor(
    private readonly ctx: StoreContext,
    private readonly library: DataFile<LibraryFile>,
    private readonly settings: DataFile<SettingsFile>,
    private readonly codebookFile: DataFile<CodebookFile>,
    private entries: Map<string, DataFile<DocumentFile>>,
    private readonly changeLog: ChangeLogOptions,
    private readonly mode: StoreMode,
    private readonly reader: () => TranscriptReader,
  ) {
    this.countsFiles = new CountsFiles(ctx.fs, (id) => ctx.layout.documentDir(id));
    this.notebooks = new Notebooks(ctx);
    this.codeChanges = new CodeChanges({
      ctx,
      codebook: codebookFile,
      documentIds: () => [...this.entries.keys()],
      exactCounts: (id) => this.exactCounts(id),
      writableHighlights: (id) => this.writableHighlights(id),
      keepCounts: (id, file) => {
        this.changed({ kind: 'annotations', documentId: id });
        return this.countsFiles.keep(id, countsOf(file.annotations));
      },
      has: (id) => this.entries.has(id),
    });
    this.textVersions = new TextVersions({
      ctx,
      entryFile: (id) => this.entryFile(id),
      current: async (id) => {
        const loaded = await this.loadTranscript(id);
        return { transcript: loaded.transcript, plainText: loaded.plainText };
      },
      writableHighlights: (id) => this.writableHighlights(id, false),
      replaced: (id, file) => this.textReplaced(id, file),
    });
  }

  /** Opens (or creates) the library in `dataDir`, recovering whatever an interruption or damage left. */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<LibraryStore> {
    const now = options.now ?? (() => new Date());
    const mode: StoreMode = options.inspect ? 'inspect' : (options.mode ?? 'owner');
    const fs = options.fs ?? nodeFileSystem;
    const layout = new Layout(dataDir);
    const notices = new Notices(now, options.onNotice);
    let settingsFile: DataFile<SettingsFile> | null = null;
    const ctx: StoreContext = {
      fs,
      layout,
      now,
      notices,
      backups: new Backups(fs, now, () => settingsFile?.data.backups ?? DEFAULT_SETTINGS.backups),
      readOnly: null,
      inspect: mode !== 'owner',
    };
    if (mode !== 'inspect') ctx.readOnly = await probeWritable(fs, layout);
    else if (!(await fs.stat(dataDir))?.isDirectory) throw new GlossError('not-found', `There is no library at ${dataDir}.`);
    else ctx.readOnly = `The library at ${dataDir} is open only to be read.`;
    const settings = (settingsFile = await readSettings(ctx));
    const codebook = await openLibraryData(ctx, CODEBOOK_FILE, codebookKind, emptyCodebook);
    const { file: library, found } = await readLibrary(ctx);
    const entries = await scanDocuments(ctx, found?.documents ?? [], new Map(), true);
    // A text replacement a kill interrupted past its commit point is finished before its document is read.
    await finishInterruptedReplaces(ctx, entries);
    library.data.sampleAdded = found?.sampleAdded ?? entries.size > 0;
    const reader = options.reader;
    const store = new LibraryStore(ctx, library, settings, codebook, entries, options.changeLog ?? DEFAULT_CHANGE_LOG, mode, () => reader ?? sharedReader());
    await store.saveIndex(found === null && entries.size > 0);
    // A code change across documents that a kill interrupted is finished before anything else.
    if (mode === 'owner' && !ctx.readOnly) await store.codeChanges.finishInterrupted();
    return store;
  }

  get dataDir(): string {
    return this.ctx.layout.dataDir;
  }

  /** Hears every change once it is saved; returns a function that stops listening. */
  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener; a listener that throws is reported and does not stop the change or the others. */
  private changed(change: LibraryChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[gloss] a library change listener failed', error);
      }
    }
  }

  /** The library-wide settings. */
  get settingsData(): Readonly<SettingsFile> {
    return this.settings.data;
  }

  /** Changes the library-wide settings (validated as the file is when read; saved durably, with backups). */
  async changeSettings(change: (current: SettingsFile) => SettingsFile): Promise<SettingsFile> {
    this.assertOwner();
    const next = change(structuredClone(this.settings.data));
    const problem = settingsKind.check(next);
    if (problem) throw new GlossError('invalid-request', `Those settings cannot be saved: ${problem}.`);
    try {
      await this.settings.replace(next);
    } catch (error) {
      throw writeError('Could not save the settings', error);
    }
    return next;
  }

  /** Whether the library can be changed, and what was found wrong and done about it since it was opened. */
  status(): LibraryStatus {
    return { dataDir: this.dataDir, readOnly: this.ctx.readOnly, notices: [...this.ctx.notices.list] };
  }

  /** Writes the index if it differs from the entries (or `force`); a failure is harmless: the folders are the truth. */
  private async saveIndex(force = false): Promise<void> {
    if (this.ctx.inspect || this.ctx.readOnly) return;
    const documents = [...this.entries.values()].map((f) => f.data.document);
    const next: LibraryFile = { ...this.library.data, schemaVersion: this.library.data.schemaVersion, documents };
    if (!force && this.library.length > 0 && asciiJson(next) === asciiJson(this.library.data)) return;
    await this.library.replace(next).catch((error: unknown) => console.warn('[gloss] could not write the library index:', error));
  }

  /** Refuses changes to existing files unless this store owns the library. */
  private assertOwner(): void {
    assertWritable(this.ctx);
    if (this.mode !== 'owner') throw new GlossError('conflict', `The library at ${this.dataDir} is open in Gloss; only new documents can be added beside it.`);
  }

  private entryFile(documentId: string): DataFile<DocumentFile> {
    const file = this.entries.get(documentId);
    if (!file) throw new GlossError('not-found', `No document with id ${documentId} in the library.`);
    return file;
  }

  private entry(documentId: string): LibraryEntry {
    return this.entryFile(documentId).data.document;
  }

  private loadTranscript(documentId: string): Promise<LoadedTranscript> {
    const entry = this.entry(documentId);
    let loaded = this.transcripts.get(documentId);
    if (!loaded) {
      loaded = readTranscript(this.ctx, entry).then((t) => new LoadedTranscript(t));
      loaded.catch(() => this.transcripts.delete(documentId));
      this.transcripts.set(documentId, loaded);
    }
    return loaded;
  }

  private loadHighlights(documentId: string): Promise<LoadedHighlights> {
    this.entry(documentId);
    let file = this.highlightFiles.get(documentId);
    if (!file) {
      file = openHighlights(this.ctx, documentId, this.changeLog);
      // A failed open is not cached, so the next attempt reads the file again.
      file.catch(() => this.highlightFiles.delete(documentId));
      this.highlightFiles.set(documentId, file);
    }
    return file;
  }

  /**
   * A document's highlights file, for a change: refused when the library or the document is read-only. A text
   * replacement whose last writes failed is finished first (`settle`).
   */
  private async writableHighlights(documentId: string, settle = true): Promise<HighlightsFile> {
    this.assertOwner();
    if (settle) await this.textVersions.settle(documentId);
    const { file, readOnly } = await this.loadHighlights(documentId);
    assertWritable(this.ctx, readOnly);
    return file!;
  }

  /**
   * How many highlights and notes a document has: from its highlights when they are loaded (putting the saved
   * counts right), else from its counts file, else from its highlights read now.
   */
  private async counts(documentId: string): Promise<Counts> {
    if (!this.highlightFiles.has(documentId)) {
      const saved = await this.countsFiles.read(documentId);
      if (saved) return saved;
    }
    try {
      const { file } = await this.loadHighlights(documentId);
      if (!file) return NO_COUNTS;
      const counts = countsOf(file.annotations);
      if (!this.ctx.inspect && !this.ctx.readOnly) await this.countsFiles.keep(documentId, counts);
      return counts;
    } catch {
      return NO_COUNTS;
    }
  }

  /**
   * A document's counts, certainly those of its highlights on disk: a counts file older than the highlights (Gloss
   * stopped between the two writes, or a change left the counts as they were) is not trusted; the highlights are
   * read instead.
   */
  private async exactCounts(documentId: string): Promise<Counts> {
    if (!this.highlightFiles.has(documentId)) {
      const dir = this.ctx.layout.documentDir(documentId);
      const [counts, snapshot, log] = await Promise.all([COUNTS_FILE, ANNOTATIONS_FILE, ANNOTATIONS_LOG].map((name) => this.ctx.fs.stat(join(dir, name)).catch(() => null)));
      const fresh = counts !== null && counts.mtimeMs >= Math.max(snapshot?.mtimeMs ?? 0, log?.mtimeMs ?? 0);
      if (!fresh) await this.loadHighlights(documentId).catch(() => undefined);
    }
    return this.counts(documentId);
  }

  private async summary(documentId: string): Promise<DocumentSummary> {
    const readOnly = this.ctx.readOnly ?? (this.highlightFiles.has(documentId) ? (await this.loadHighlights(documentId).catch(() => null))?.readOnly : undefined);
    const { highlightCount, noteCount } = await this.counts(documentId);
    return { ...this.entry(documentId), highlightCount, noteCount, ...(readOnly ? { readOnly } : {}) };
  }

  /** Runs `change` after every earlier change to which documents there are. */
  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.structure.then(change);
    this.structure = run.catch(() => undefined);
    return run;
  }

  /** Picks up documents added by another process (`gloss add` beside the app) and drops folders gone. */
  private refresh(): Promise<void> {
    return this.serially(async () => {
      const before = this.entries;
      this.entries = await scanDocuments(this.ctx, [], before, false);
      for (const id of before.keys()) if (!this.entries.has(id)) this.forget(id);
    });
  }

  /**
   * Every document, most recently opened (or added) first. A document whose highlights are not loaded and whose
   * counts are known is summed up at once (a library of a thousand is listed again in a few milliseconds); the
   * others as `summary` does.
   */
  async list(): Promise<DocumentSummary[]> {
    await this.refresh();
    const entries = [...this.entries.values()].map((f) => f.data.document);
    entries.sort((a, b) => (b.openedAt ?? b.addedAt).localeCompare(a.openedAt ?? a.addedAt));
    const readOnly = this.ctx.readOnly;
    return Promise.all(
      entries.map((entry) => {
        const counts = this.highlightFiles.has(entry.id) ? undefined : this.countsFiles.known(entry.id);
        if (!counts) return this.summary(entry.id);
        return { ...entry, highlightCount: counts.highlightCount, noteCount: counts.noteCount, ...(readOnly ? { readOnly } : {}) };
      }),
    );
  }

  /**
   * Adds a parsed transcript. Text already in the library (same content hash, line ends aside) is not added
   * twice: the existing document is returned. A new document from a file named as an existing document's source
   * says so (`newVersionOf`, the most recently added such document): it may be a corrected version of it.
   */
  async importTranscript(input: {
    text: string;
    transcript: Transcript;
    format: TranscriptFormat;
    source: string;
  }): Promise<{ document: DocumentSummary; duplicate: boolean; newVersionOf?: { id: string; title: string } }> {
    const text = normaliseText(input.text);
    const hash = textHash(text);
    const find = () => [...this.entries.values()].find((f) => f.data.document.hash === hash);
    let existing = find();
    if (!existing) {
      await this.refresh();
      existing = find();
    }
    if (existing) return { document: await this.summary(existing.data.document.id), duplicate: true };
    assertWritable(this.ctx);

    const { transcript } = input;
    const entry: LibraryEntry = {
      id: randomUUID(),
      title: transcript.title,
      source: input.source,
      format: input.format,
      hash,
      speakers: transcript.speakers,
      wordCount: wordCountOf(transcript),
      addedAt: this.ctx.now().toISOString(),
      openedAt: null,
    };
    try {
      await writeNewDocument(this.ctx, entry, text, transcript, countsText(NO_COUNTS));
    } catch (error) {
      throw writeError(`Could not add ${input.source} to the library`, error);
    }
    await this.refresh();
    await this.serially(() => this.saveIndex());
    this.changed({ kind: 'document', documentId: entry.id });
    const earlier = [...this.entries.values()]
      .map((f) => f.data.document)
      .filter((e) => e.id !== entry.id && e.source === entry.source)
      .sort((a, b) => b.addedAt.localeCompare(a.addedAt))[0];
    return { document: { ...entry, highlightCount: 0, noteCount: 0 }, duplicate: false, ...(earlier ? { newVersionOf: { id: earlier.id, title: earlier.title } } : {}) };
  }

  /**
   * Adds a whole document under the id it has elsewhere (a backup being restored): its entry, text, transcript,
   * highlights (kept as they are: ids, times, notes, orphans) and notebook, written together in one staging folder
   * renamed into place, so a failure or a kill adds all of it or nothing. Refused, with nothing written, when the id
   * is already in the library or is not a safe folder name, or when the entry or a highlight is not what Gloss
   * writes (a placed highlight must quote the text at its position).
   */
  async addDocument(input: { entry: LibraryEntry; text: string; transcript: Transcript; annotations: readonly Annotation[]; notebook: NotebookFile | null }): Promise<DocumentSummary> {
    const { entry, transcript, annotations, notebook } = input;
    assertWritable(this.ctx);
    if (!isDocumentId(entry.id)) throw new GlossError('invalid-request', `${JSON.stringify(entry.id.slice(0, 100))} cannot be a document's id; nothing was added.`);
    const invalid = entrySchema.safeParse(entry).success ? annotationsProblem(annotations, entry.id) : 'its library entry is not valid';
    if (invalid) throw new GlossError('invalid-request', `"${entry.title}" cannot be added: ${invalid}. Nothing was added.`);
    const plainText = plainTextOf(transcript);
    const misplaced = annotations.find((a) => !a.orphaned && plainText.slice(a.selectors.position.start, a.selectors.position.end) !== a.selectors.quote.exact);
    if (misplaced) throw new GlossError('invalid-request', `Highlight ${misplaced.id} does not quote the text of "${entry.title}" at its position; nothing was added.`);
    if (!this.entries.has(entry.id)) await this.refresh();
    if (this.entries.has(entry.id)) throw new GlossError('conflict', `A document with id ${entry.id} is already in the library; nothing was added.`);
    const extra: [string, string][] = [[ANNOTATIONS_FILE, asciiJson({ schemaVersion: CURRENT_SCHEMA, documentId: entry.id, seq: 0, annotations })]];
    if (notebook) extra.push([NOTEBOOK_FILE, asciiJson({ ...notebook, schemaVersion: CURRENT_SCHEMA })]);
    try {
      await writeNewDocument(this.ctx, entry, normaliseText(input.text), transcript, countsText(countsOf(annotations)), extra);
    } catch (error) {
      throw writeError(`Could not add "${entry.title}" to the library`, error);
    }
    await this.refresh();
    await this.serially(() => this.saveIndex());
    this.changed({ kind: 'document', documentId: entry.id });
    return this.summary(entry.id);
  }

  /** Adds a plain-text transcript (the sample, tests). */
  async importText(input: { text: string; source: string; fallbackTitle: string }): Promise<DocumentSummary> {
    const transcript = parsePlainText(normaliseText(input.text), input.fallbackTitle);
    return (await this.importTranscript({ text: input.text, transcript, format: 'text', source: input.source })).document;
  }

  /** Gives a document a new title, in its own folder (so a rebuilt index keeps it) and then the index. */
  async renameDocument(documentId: string, title: string): Promise<DocumentSummary> {
    const file = this.entryFile(documentId);
    this.assertOwner();
    try {
      await file.replace({ ...file.data, document: { ...file.data.document, title } });
    } catch (error) {
      throw writeError(`Could not rename "${file.data.document.title}"`, error);
    }
    await this.serially(() => this.saveIndex());
    this.changed({ kind: 'document', documentId });
    return this.summary(documentId);
  }

  /**
   * Removes a document from the library with its highlights and notes. Its folder is moved to removed/, not
   * deleted, so a mistake can be undone by hand.
   */
  async removeDocument(documentId: string): Promise<{ id: string }> {
    const { title } = this.entry(documentId);
    this.assertOwner();
    const { layout, fs, now } = this.ctx;
    await this.serially(async () => {
      try {
        await fs.mkdir(layout.removed);
        await fs.rename(layout.documentDir(documentId), join(layout.removed, `${documentId}-${now().getTime()}`));
      } catch (error) {
        throw writeError(`Could not remove "${title}"`, error);
      }
      this.entries.delete(documentId);
      this.forget(documentId);
      await this.saveIndex();
    });
    this.changed({ kind: 'removed', documentId });
    return { id: documentId };
  }

  private forget(documentId: string): void {
    this.transcripts.delete(documentId);
    this.highlightFiles.delete(documentId);
    this.countsFiles.forget(documentId);
    this.notebooks.forget(documentId);
    this.ctx.backups.forget(this.ctx.layout.documentDir(documentId));
  }

  /** Adds the sample transcript the first time the library is opened. */
  async addSampleOnce(text: string): Promise<void> {
    if (this.library.data.sampleAdded || this.ctx.readOnly || this.ctx.inspect) return;
    await this.importText({ text, source: 'Sample transcript', fallbackTitle: 'Sample interview' });
    this.library.data.sampleAdded = true;
    await this.saveIndex(true);
  }

  async open(documentId: string): Promise<OpenedDocument> {
    // An unknown id fails here, before any file is read; then the two files are read, and the opening time
    // written, side by side.
    this.entry(documentId);
    const [{ transcript }, { file }] = await Promise.all([this.loadTranscript(documentId), this.loadHighlights(documentId), this.markOpened(documentId)]);
    return {
      document: await this.summary(documentId),
      transcript,
      annotations: file ? [...file.annotations] : [],
    };
  }

  /** Records the opening time in the document's own file; a read-only library simply does not. */
  private async markOpened(documentId: string): Promise<void> {
    const file = this.entryFile(documentId);
    const openedAt = this.ctx.now().toISOString();
    if (this.ctx.readOnly || this.ctx.inspect) return;
    try {
      await file.replace({ ...file.data, document: { ...file.data.document, openedAt } });
    } catch (error) {
      if (READ_ONLY_CODES.has(errorCode(error) ?? '')) this.ctx.readOnly = writeError(`The library at ${this.dataDir} cannot be changed`, error).message;
    }
  }

  async createAnnotation(input: NewAnnotation): Promise<Annotation> {
    const at = this.ctx.now().toISOString();
    const annotation: Annotation = {
      id: input.id,
      documentId: input.documentId,
      selectors: input.selectors,
      color: input.color,
      ...(input.note === undefined ? { note: '', noteState: null } : noteFromState({ note: input.note, noteState: input.noteState })),
      codes: input.codes ?? [],
      createdAt: at,
      updatedAt: at,
    };
    return (await this.anchoredChange(input.documentId, input.selectors, (file) => {
      if (file.find(input.id)) throw new GlossError('conflict', `A highlight with id ${input.id} already exists.`);
      return { create: annotation };
    }))!;
  }

  /**
   * Checks `selectors` (unless null) against the document's text and queues the change `op` gives on its highlights,
   * with no text replacement in between (text-versions.ts: one under way is waited for, one asked for later waits
   * until the change is queued, and re-anchors it): a highlight is never written at offsets of a text that is no
   * longer the document's.
   */
  private async anchoredChange(documentId: string, selectors: HighlightSelectors | null, op: (file: HighlightsFile) => HighlightOp): Promise<Annotation | null> {
    this.entry(documentId);
    const queued = await this.textVersions.whenSettled(documentId, async () => {
      if (selectors) await this.assertAnchored(documentId, selectors);
      const file = await this.writableHighlights(documentId, false);
      // Queued now, awaited outside: a replace asked for meanwhile need not wait for the write.
      return { saved: this.commit(documentId, file, op(file)) };
    });
    return queued.saved;
  }

  /** Refuses selectors whose quote is not the document's text at their position. */
  private async assertAnchored(documentId: string, selectors: HighlightSelectors): Promise<void> {
    const { plainText } = await this.loadTranscript(documentId);
    const { start, end } = selectors.position;
    if (end > plainText.length) {
      throw new GlossError('invalid-request', `The highlight ends at ${end}, past the end of the text (${plainText.length}).`);
    }
    if (plainText.slice(start, end) !== selectors.quote.exact) {
      throw new GlossError('invalid-request', 'The quoted text does not match the transcript at the given position.');
    }
  }

  /**
   * Changes a highlight. A new note comes with the rich-text state it renders, and its Markdown is written here from
   * that state (what the renderer sent beside it is not trusted); a note given without one was written as Markdown
   * only, so a state kept from before would no longer match it and is dropped.
   */
  async updateAnnotation(change: AnnotationChange): Promise<Annotation> {
    const file = await this.writableHighlights(change.documentId);
    if (!file.find(change.id)) throw new GlossError('not-found', `No highlight with id ${change.id} in this document.`);
    const note = change.note === undefined ? undefined : noteFromState({ note: change.note, noteState: change.noteState });
    const update = {
      id: change.id,
      color: change.color,
      note: note?.note,
      noteState: note?.noteState,
      codes: change.codes,
      updatedAt: this.ctx.now().toISOString(),
    };
    return (await this.commit(change.documentId, file, { update }))!;
  }

  /**
   * Puts a deleted highlight back exactly as it was: id, times, note and codes, an orphan as an orphan (undo).
   * Refused when a highlight with its id exists, or (unless it is an orphan, placed nowhere) its quote is not the
   * document's text at its position.
   */
  async restoreAnnotation(annotation: Annotation): Promise<Annotation> {
    const restored: Annotation = {
      id: annotation.id,
      documentId: annotation.documentId,
      selectors: annotation.selectors,
      color: annotation.color,
      ...noteFromState(annotation),
      codes: annotation.codes,
      ...(annotation.orphaned ? { orphaned: true } : {}),
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
    };
    // An orphan is placed nowhere: its selectors are not checked against the text.
    return (await this.anchoredChange(annotation.documentId, annotation.orphaned ? null : annotation.selectors, (file) => {
      if (file.find(annotation.id)) throw new GlossError('conflict', `A highlight with id ${annotation.id} already exists; there is nothing to restore.`);
      return { create: restored };
    }))!;
  }

  async deleteAnnotation(documentId: string, id: string): Promise<void> {
    const file = await this.writableHighlights(documentId);
    if (!file.find(id)) throw new GlossError('not-found', `No highlight with id ${id} in this document.`);
    await this.commit(documentId, file, { delete: id });
  }

  async forExport(documentId: string): Promise<DocumentForExport> {
    const { transcript } = await this.loadTranscript(documentId);
    const { file, readOnly } = await this.loadHighlights(documentId);
    // An export without highlights that could not be read would look complete: refuse it instead.
    if (!file) throw new GlossError('storage', `The highlights of "${this.entry(documentId).title}" cannot be read, so they cannot be exported. ${readOnly ?? ''}`.trim());
    return { document: this.entry(documentId), transcript, annotations: file.annotations };
  }

  /**
   * Brings highlights made elsewhere (an annotation file, a REFI-QDA project, a backup) into a document, in one write
   * of its highlights: an id new to the document is added; a known id is replaced when the incoming highlight was
   * changed later (its updatedAt), and otherwise left as it is. A placed highlight must quote the document's text at
   * its position (the importer places it first); an orphan is not checked. Nothing is written when a highlight is
   * refused, or when nothing is new.
   */
  async mergeAnnotations(documentId: string, incoming: readonly Annotation[]): Promise<MergeCounts> {
    this.entry(documentId);
    const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
    if (incoming.length === 0) return counts;
    // Checked against the text once no replace of it is under way (whenSettled), so no highlight is written at
    // offsets of a text that is no longer the document's.
    await this.textVersions.whenSettled(documentId, async () => {
      const { plainText } = await this.loadTranscript(documentId);
      const seen = new Set<string>();
      const cleaned = incoming.map((a) => {
        if (a.documentId !== documentId) throw new GlossError('invalid-request', `Highlight ${a.id} belongs to another document.`);
        if (seen.has(a.id)) throw new GlossError('invalid-request', `Highlight ${a.id} is given twice.`);
        seen.add(a.id);
        const { start, end } = a.selectors.position;
        if (!a.orphaned && (end > plainText.length || start >= end || plainText.slice(start, end) !== a.selectors.quote.exact)) {
          throw new GlossError('invalid-request', `Highlight ${a.id} does not quote the document's text at its position.`);
        }
        const codes = [...new Set(a.codes.map(codeOf))];
        const merged: Annotation = { ...a, ...noteFromState(a), codes };
        if (!a.orphaned) delete merged.orphaned;
        return merged;
      });
      const file = await this.writableHighlights(documentId, false);
      let changed = false;
      await file.replaceAll(async (current) => {
        const byId = new Map(current.map((a) => [a.id, a]));
        for (const a of cleaned) {
          const known = byId.get(a.id);
          if (!known) counts.added++;
          else if (a.updatedAt > known.updatedAt) counts.updated++;
          else {
            counts.unchanged++;
            continue;
          }
          byId.set(a.id, a);
          changed = true;
        }
        if (!changed) throw NOTHING_TO_MERGE;
        return { annotations: [...byId.values()], result: undefined };
      }).catch((error: unknown) => {
        if (error !== NOTHING_TO_MERGE) throw writeError('Could not save the highlights', error);
      });
      await this.countsFiles.keep(documentId, countsOf(file.annotations));
      if (changed) this.changed({ kind: 'annotations', documentId });
    });
    return counts;
  }

  /** The Markdown export options used last; the defaults before any export, or when what was kept is not valid. */
  exportOptions(): MarkdownOptions {
    const kept = markdownOptionsKind.safeParse((this.settings.data as { export?: { markdown?: unknown } }).export?.markdown);
    return kept.success ? { ...DEFAULT_MARKDOWN_OPTIONS, ...kept.data } : { ...DEFAULT_MARKDOWN_OPTIONS };
  }

  /** Remembers the Markdown options of an export (not in a library that cannot be changed: the export still happens). */
  async rememberExportOptions(options: MarkdownOptions): Promise<void> {
    if (this.ctx.readOnly || this.ctx.inspect || this.mode !== 'owner') return;
    const current = this.exportOptions();
    if (MARKDOWN_OPTION_KEYS.every((k) => current[k] === options[k])) return;
    await this.changeSettings((settings) => ({ ...settings, export: { markdown: { ...options } } }));
  }

  /** Reading comfort and layout settings; the defaults for any not kept or not valid. */
  uiSettings(): UiSettings {
    return readUiSettings((this.settings.data as { ui?: unknown }).ui);
  }

  /** Changes some reading and layout settings (already checked against uiSettingsChange); answers with all of them. */
  async changeUiSettings(change: Partial<UiSettings>): Promise<UiSettings> {
    const next = { ...this.uiSettings(), ...change };
    const current = this.uiSettings();
    if ((Object.keys(next) as (keyof UiSettings)[]).every((k) => next[k] === current[k])) return current;
    await this.changeSettings((settings) => ({ ...settings, ui: next }));
    return next;
  }

  /** Where the reader last was in a document; null if never kept, or kept for a text that has since been replaced. */
  readingPosition(documentId: string): ReadingPosition | null {
    const entry = this.entry(documentId);
    return readReadingPosition((this.settings.data as { reading?: unknown }).reading, documentId, entry.hash);
  }

  /** Remembers where the reader is in a document (not in a library that cannot be changed: reading goes on). */
  async saveReadingPosition(documentId: string, position: ReadingPosition): Promise<void> {
    const entry = this.entry(documentId);
    if (this.ctx.readOnly || this.ctx.inspect || this.mode !== 'owner') return;
    const kept = (this.settings.data as { reading?: unknown }).reading;
    const before = readReadingPosition(kept, documentId, entry.hash);
    if (before && before.offset === position.offset && Math.abs(before.top - position.top) < 1) return;
    const at = this.ctx.now().toISOString();
    await this.changeSettings((settings) => ({ ...settings, reading: withReadingPosition(kept, documentId, { ...position, hash: entry.hash, at }) }));
  }

  /** Runs `change` after every earlier library-wide change (codebook, code operations). */
  private serialLibraryWide<T>(change: () => Promise<T>): Promise<T> {
    const run = this.libraryWide.then(change);
    this.libraryWide = run.catch(() => undefined);
    return run;
  }

  /**
   * The codebook: each colour's name (its own unless the reader named it), and every code used in any document or
   * described in the codebook, with its parents, in tree order, with its counts across the library.
   */
  async codebook(): Promise<Codebook> {
    await this.refresh();
    const direct = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const counts of await Promise.all([...this.entries.keys()].map((id) => this.counts(id)))) {
      addCounts(direct, counts.codes);
      addCounts(totals, counts.totals);
    }
    const names = this.colorNames();
    return {
      colors: HIGHLIGHT_COLORS.map((color) => ({ color, name: names[color] })),
      codes: codeTree({ direct, totals }, entriesOf(this.codebookFile.data)),
    };
  }

  /** What each colour is called in this library (its own name where the reader gave none); reads no file. */
  colorNames(): Record<HighlightColor, string> {
    const { colors } = this.codebookFile.data;
    return Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, Object.hasOwn(colors, color) ? colors[color]! : DEFAULT_COLOR_NAMES[color]])) as Record<HighlightColor, string>;
  }

  /**
   * Renames, merges, moves or deletes a code in every document and in the codebook, atomically (code-changes.ts):
   * after a failure or a kill, every document concerned is changed, or none.
   */
  async applyCodeOperation(operation: CodeOperation): Promise<CodeOperationResult> {
    this.assertOwner();
    await this.refresh();
    return this.serialLibraryWide(() => this.codeChanges.apply(operation));
  }

  /** Undoes a code operation of this session (or an undo): each highlight it changed gets its codes back. */
  async revertCodeOperation(undoToken: string): Promise<CodeOperationResult> {
    this.assertOwner();
    return this.serialLibraryWide(() => this.codeChanges.revert(undoToken));
  }

  /** Names a colour for the whole library; '' gives it back its own name. */
  async nameColor(color: HighlightColor, name: string): Promise<Codebook> {
    this.assertOwner();
    const tidy = name.replace(/\s+/g, ' ').trim();
    await this.serialLibraryWide(async () => {
      const { data } = this.codebookFile;
      const colors = { ...data.colors };
      if (tidy === '' || tidy === DEFAULT_COLOR_NAMES[color]) delete colors[color];
      else colors[color] = tidy;
      await this.writeCodebook({ ...data, colors }, `Could not name the colour ${DEFAULT_COLOR_NAMES[color].toLowerCase()}`);
    });
    return this.codebook();
  }

  /** Adds a code to the codebook, or changes its colour or description (what is not given stays as it was). */
  async describeCode(path: string, change: { color?: HighlightColor | null; description?: string }): Promise<Codebook> {
    this.assertOwner();
    const code = codeOf(path);
    await this.serialLibraryWide(async () => {
      const entries = entriesOf(this.codebookFile.data);
      const before: CodeEntry = entries.get(code) ?? { color: null, description: '' };
      entries.set(code, { color: change.color === undefined ? before.color : change.color, description: change.description ?? before.description });
      await this.writeCodebook(withEntries(this.codebookFile.data, entries), `Could not describe the code ${code}`);
    });
    return this.codebook();
  }

  /** The codebook file as kept: the names the reader gave colours, each code's colour and description (a backup). */
  codebookData(): Readonly<CodebookFile> {
    return this.codebookFile.data;
  }

  /**
   * Changes the codebook file in one checked write, after every earlier library-wide change (a restore merging a
   * backup's codebook in); `change` gets a copy, and returning null writes nothing.
   */
  async changeCodebook(change: (current: CodebookFile) => CodebookFile | null): Promise<void> {
    this.assertOwner();
    await this.serialLibraryWide(async () => {
      const next = change(structuredClone(this.codebookFile.data));
      if (next === null) return;
      const problem = codebookKind.check(next);
      if (problem) throw new GlossError('invalid-request', `That codebook cannot be saved: ${problem}. Nothing was changed.`);
      await this.writeCodebook(next, 'Could not save the codebook');
    });
  }

  private async writeCodebook(next: CodebookFile, what: string): Promise<void> {
    try {
      await this.codebookFile.replace(next);
    } catch (error) {
      throw writeError(what, error);
    }
  }

  /**
   * Speakers × codes and speakers × colours (core/study/overview.ts) for a document, or (null) for the whole
   * library, document after document; documents whose highlights cannot be read count for nothing there.
   */
  async overview(documentId: string | null): Promise<Overview> {
    const placed = await this.placedHighlights(documentId);
    const speakers = [...new Set(placed.flatMap((d) => d.speakers))];
    const highlights = placed.flatMap((d) => d.highlights.map(({ annotation, speakers }) => ({ speakers, codes: annotation.codes, color: annotation.color })));
    return overviewOf(documentId, speakers, highlights);
  }

  /** The highlights behind one overview cell, in document order (for the library, document after document). */
  async overviewHighlights(request: { documentId: string | null } & OverviewCell): Promise<HighlightRef[]> {
    const { documentId, ...cell } = request;
    const refs: HighlightRef[] = [];
    for (const { entry, highlights } of await this.placedHighlights(documentId)) {
      const inOrder = highlights
        .filter(({ annotation, speakers }) => inCell({ speakers, codes: annotation.codes, color: annotation.color }, cell))
        .sort((a, b) => a.annotation.selectors.position.start - b.annotation.selectors.position.start || a.annotation.selectors.position.end - b.annotation.selectors.position.end);
      for (const { annotation: a, speakers } of inOrder) {
        refs.push({
          documentId: entry.id,
          documentTitle: entry.title,
          id: a.id,
          quote: a.selectors.quote.exact,
          speakers: speakers.filter((s): s is string => s !== null),
          color: a.color,
          codes: a.codes,
        });
      }
    }
    return refs;
  }

  /** The highlights of a document (or of every document, in the order they were added), each with its speakers. */
  private async placedHighlights(documentId: string | null): Promise<PlacedHighlights[]> {
    if (documentId !== null) return [await this.placed(documentId, true)];
    await this.refresh();
    const entries = [...this.entries.values()].map((f) => f.data.document).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
    const placed = await Promise.all(entries.map((e) => this.placed(e.id, false).catch(() => null)));
    return placed.filter((p): p is PlacedHighlights => p !== null);
  }

  private async placed(documentId: string, required: boolean): Promise<PlacedHighlights> {
    const entry = this.entry(documentId);
    const loaded = await this.loadTranscript(documentId);
    const { file, readOnly } = await this.loadHighlights(documentId);
    if (!file && required) throw new GlossError('storage', `The highlights of "${entry.title}" cannot be read. ${readOnly ?? ''}`.trim());
    const index = loaded.speakers;
    // An orphan is placed nowhere in the text, so it is said by no one: the overview leaves it out.
    const highlights = (file?.annotations ?? []).filter((a) => !a.orphaned).map((annotation) => ({ annotation, speakers: index.speakersOf(annotation.selectors.position.start, annotation.selectors.position.end) }));
    return { entry, speakers: index.speakers, highlights };
  }

  /**
   * A document's notebook, or (null) the library's: its saved state and Markdown, and which quoted highlights no
   * longer exist (their quotes are shown as no longer linked).
   */
  async openNotebook(documentId: string | null): Promise<Notebook> {
    if (documentId !== null) this.entry(documentId);
    return this.notebooks.openNotebook(documentId, async (quoted, highlightId) => {
      if (!this.entries.has(quoted)) return false;
      const loaded = await this.loadHighlights(quoted).catch(() => null);
      // Highlights that cannot be read cannot say a quote is gone: it stays linked.
      return loaded?.file ? loaded.file.find(highlightId) !== undefined : true;
    });
  }

  /** Saves a notebook as the reader types (notebooks.ts: one atomic replace per save, the last save wins). */
  async saveNotebook(documentId: string | null, state: string, markdown: string): Promise<{ updatedAt: string }> {
    if (documentId !== null) this.entry(documentId);
    this.assertOwner();
    const saved = await this.notebooks.saveNotebook(documentId, state, markdown);
    this.changed({ kind: 'notebook', documentId });
    return saved;
  }

  /** Writes a notebook as it was saved elsewhere, with the time it was saved there (a backup being restored). */
  async restoreNotebook(documentId: string | null, notebook: { state: string; markdown: string; updatedAt: string }): Promise<void> {
    if (documentId !== null) this.entry(documentId);
    this.assertOwner();
    await this.notebooks.saveNotebook(documentId, notebook.state, notebook.markdown, notebook.updatedAt);
    this.changed({ kind: 'notebook', documentId });
  }

  /**
   * Replaces a document's text with a corrected version (a dropped file, read as import reads it), re-anchoring
   * every highlight (text-versions.ts: atomic, the old text kept, undoable with the report's token). A file that
   * cannot be read, or holds the same text, changes nothing.
   */
  async replaceText(documentId: string, file: DroppedFile): Promise<TextReplacement> {
    this.entry(documentId);
    this.assertOwner();
    return this.replaceWith(documentId, () => this.reader().parseBytes(file.name, file.bytes));
  }

  /** The same, from a file on disk (the menu's dialog, `gloss replace-text`). */
  async replaceTextFromPath(documentId: string, path: string): Promise<TextReplacement> {
    this.entry(documentId);
    this.assertOwner();
    return this.replaceWith(documentId, () => this.reader().readFile(path));
  }

  private async replaceWith(documentId: string, read: () => Promise<ReadTranscript>): Promise<TextReplacement> {
    let parsed: ReadTranscript;
    try {
      parsed = await read();
    } catch (error) {
      if (error instanceof ImportError) throw new GlossError('invalid-request', `${error.message} The text was not replaced.`);
      throw error;
    }
    const { text, transcript, format, fileName } = parsed;
    return this.textVersions.replace(documentId, { text: normaliseText(text), transcript, format, source: fileName });
  }

  /**
   * Takes a document just imported (`documentId`) as a new version of another (`into`): into's text is replaced by
   * its text, then it is removed (kept in removed/). Refused when it has highlights of its own, which would be lost.
   */
  async adoptVersion(documentId: string, into: string): Promise<TextReplacement> {
    const { title } = this.entry(documentId);
    this.entry(into);
    this.assertOwner();
    const { highlightCount } = await this.counts(documentId);
    if (highlightCount > 0) throw new GlossError('conflict', `"${title}" has highlights of its own; it cannot be taken as a new version of another document. Nothing was changed.`);
    const { transcript } = await this.loadTranscript(documentId);
    const entry = this.entry(documentId);
    let text: string;
    try {
      text = (await this.ctx.fs.readFile(join(this.ctx.layout.documentDir(documentId), SOURCE_FILE))).toString('utf8');
    } catch (error) {
      throw writeError(`Could not read the text of "${title}"`, error);
    }
    const replaced = await this.textVersions.replace(into, { text: normaliseText(text), transcript, format: entry.format, source: entry.source });
    await this.removeDocument(documentId);
    return replaced;
  }

  /** Undoes a text replacement (its report's token): the text it replaced comes back, with every highlight's place. */
  async revertText(documentId: string, undoToken: string): Promise<TextReplacement> {
    this.entry(documentId);
    this.assertOwner();
    return this.textVersions.revert(documentId, undoToken);
  }

  /** Attaches a highlight (an orphan, usually) to new text; its note, codes and colour stay. */
  async reattachAnnotation(request: RequestOf<'annotations:reattach'>): Promise<Annotation> {
    const update = { id: request.id, selectors: request.selectors, orphaned: false, updatedAt: this.ctx.now().toISOString() };
    return (await this.anchoredChange(request.documentId, request.selectors, (file) => {
      if (!file.find(request.id)) throw new GlossError('not-found', `No highlight with id ${request.id} in this document.`);
      return { update };
    }))!;
  }

  /** After a text replacement is on disk: the transcript (and, when not given, the highlights) read again, counts and index saved. */
  private async textReplaced(documentId: string, file: HighlightsFile | null): Promise<void> {
    this.transcripts.delete(documentId);
    if (file) await this.countsFiles.keep(documentId, countsOf(file.annotations));
    else this.highlightFiles.delete(documentId);
    await this.serially(() => this.saveIndex());
    this.changed({ kind: 'transcript', documentId });
  }

  /** The search index (search/library-search.ts), made by the first search; it follows every change from then on. */
  private searchIndex: LibrarySearch | null = null;

  /** Searches every document's transcript, highlights, notes and notebook, and the library notebook (or one document). */
  async search(request: RequestOf<'search:query'>): Promise<SearchResults> {
    return this.librarySearch().search(request);
  }

  /** Reads (or builds) the whole search index ahead of the first search, e.g. once the app's window is shown; `task` reports it and may stop it. */
  async prepareSearch(task?: TaskControl): Promise<void> {
    await this.librarySearch().prepare(task);
  }

  private librarySearch(): LibrarySearch {
    return (this.searchIndex ??= new LibrarySearch({
      fs: this.ctx.fs,
      layout: this.ctx.layout,
      writable: () => this.mode === 'owner' && !this.ctx.inspect && !this.ctx.readOnly,
      documents: () => [...this.entries.values()].map((f) => f.data.document),
      highlightFiles: (id) => [ANNOTATIONS_FILE, ANNOTATIONS_LOG].map((name) => join(this.ctx.layout.documentDir(id), name)),
      transcript: async (id) => {
        // Read afresh unless the store has it: indexing every document must not keep every transcript in memory.
        const cached = this.transcripts.get(id);
        const loaded = cached ? await cached : new LoadedTranscript(await readTranscript(this.ctx, this.entry(id)));
        return { transcript: loaded.transcript, plainText: loaded.plainText, speakers: loaded.speakers };
      },
      annotations: async (id) => (await this.loadHighlights(id)).file?.annotations ?? [],
      notebookMarkdown: async (id) => (await this.notebooks.openNotebook(id, async () => true)).markdown,
      colorNames: () => this.colorNames(),
      onChange: (listener) => this.onChange(listener),
    }));
  }

  /** Stops the store's work in the background (the search index's rebuilds and writes), once what is being written is. */
  async close(): Promise<void> {
    await this.searchIndex?.close();
  }

  /** Writes the search index's pending changes now (tests; the index is otherwise written soon after each change). */
  async flushSearchIndex(): Promise<void> {
    await this.searchIndex?.flush();
  }

  /**
   * A document's entry, transcript, plain text and highlights, for the command line (which finds quotes in the text
   * and lists highlights). Refused, like an export, when the highlights cannot be read.
   */
  async highlightsOf(documentId: string): Promise<DocumentHighlights> {
    const loaded = await this.loadTranscript(documentId);
    const { annotations } = await this.forExport(documentId);
    return { document: this.entry(documentId), transcript: loaded.transcript, plainText: loaded.plainText, annotations };
  }

  /**
   * Saves a change, then the counts the library lists when they changed. After a failure too: counts saved while
   * the change was queued included it; the last change to settle counts only what is on disk.
   */
  private async commit(documentId: string, file: HighlightsFile, op: HighlightOp): Promise<Annotation | null> {
    let saved: Annotation | null;
    try {
      saved = await file.apply(op);
    } catch (error) {
      throw writeError('Could not save', error);
    } finally {
      await this.countsFiles.keep(documentId, countsOf(file.annotations));
    }
    this.changed({ kind: 'annotations', documentId });
    return saved;
  }
}

/** A code path as Gloss keeps it; one that is not a code is refused in words. */
function codeOf(raw: string): string {
  try {
    return normaliseCode(raw);
  } catch (error) {
    throw new GlossError('invalid-request', `"${raw.slice(0, 200)}" is not a code: ${errorMessage(error)}.`);
  }
}

/** Makes sure the data folder exists and can be written; the reason it cannot, or null. */
async function probeWritable(fs: FileSystem, layout: Layout): Promise<string | null> {
  const probe = join(layout.dataDir, `probe${TEMP_MARK}${process.pid}-0`);
  try {
    await fs.mkdir(layout.documents);
    await fs.createExclusive(probe, '');
    await fs.remove(probe);
    return null;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      await fs.remove(probe).catch(() => undefined);
      return null;
    }
    if (!(await fs.stat(layout.dataDir).catch(() => null))?.isDirectory) {
      throw writeError(`Could not create the library folder ${layout.dataDir}`, error);
    }
    return writeError(`The library at ${layout.dataDir} is read-only`, error).message.replace(' Nothing was changed.', ' Documents can be read but not changed.');
  }
}
