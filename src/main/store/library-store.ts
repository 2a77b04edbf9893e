/**
 * The library on disk, owned by the main process. One small index file, and a
 * folder per document holding its transcript (written once) and its
 * highlights (the only files a highlight or note change writes; see highlights-file.ts):
 *
 *   <dataDir>/library.json
 *   <dataDir>/documents/<id>/transcript.json    (the parsed transcript, written once)
 *   <dataDir>/documents/<id>/source.txt         (the text as imported, written once)
 *   <dataDir>/documents/<id>/annotations.json   (and annotations.log, for documents with many highlights)
 *   <dataDir>/documents/<id>/counts.json        (how many highlights and notes, for the library list)
 *
 * The index can be rebuilt from the transcript files, so a damaged index loses nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { TextFile } from 'lowdb/node';
import { normaliseText, parsePlainText } from '../../core/transcript/parse-plain-text';
import { plainTextOf, wordCountOf } from '../../core/transcript/plain-text';
import type {
  Annotation,
  DocumentSummary,
  HighlightColor,
  HighlightSelectors,
  OpenedDocument,
  Transcript,
  TranscriptFormat,
} from '../../shared/model';
import { SCHEMA_VERSION } from '../../shared/model';
import { type DataFile, describe, openDataFile, readJson } from './data-file';
import { type Counts, CountsFiles, countsOf, NO_COUNTS } from './counts-file';
import { GlossError } from './errors';
import { type ChangeLogOptions, DEFAULT_CHANGE_LOG, type HighlightChange, HighlightsFile } from './highlights-file';

type LibraryEntry = Omit<DocumentSummary, 'highlightCount' | 'noteCount'>;

interface LibraryFile {
  schemaVersion: number;
  /** The sample is added once; a user who removes it does not get it back. */
  sampleAdded: boolean;
  documents: LibraryEntry[];
}

interface TranscriptFile {
  schemaVersion: number;
  document: LibraryEntry;
  /**
   * The text as imported, in files written before it moved to source.txt beside them. Opening a document never
   * needs it, and a book's text read twice on every open cost a third of the time.
   */
  text?: string;
  transcript: Transcript;
}

/** The text as imported (line ends normalised), kept beside the parsed transcript to parse again one day; opening never reads it. */
const SOURCE_FILE = 'source.txt';

export interface NewAnnotation {
  documentId: string;
  id: string;
  color: HighlightColor;
  selectors: HighlightSelectors;
  note?: string;
}

export interface AnnotationChange {
  documentId: string;
  id: string;
  color?: HighlightColor;
  note?: string;
}

/** Everything export needs about one document. */
export interface DocumentForExport {
  document: LibraryEntry;
  transcript: Transcript;
  annotations: Annotation[];
}

/** A document's transcript file once read; its plain text is worked out the first time a highlight needs it. */
class LoadedDocument {
  private text: string | null = null;
  constructor(readonly file: TranscriptFile) {}

  get plainText(): string {
    return (this.text ??= plainTextOf(this.file.transcript));
  }
}

export class LibraryStore {
  private readonly transcripts = new Map<string, LoadedDocument>();
  private readonly highlightFiles = new Map<string, Promise<HighlightsFile>>();
  private readonly countsFiles = new CountsFiles((id) => this.documentDir(id));

  private constructor(
    readonly dataDir: string,
    private readonly library: DataFile<LibraryFile>,
    private readonly now: () => Date,
    private readonly changeLog: ChangeLogOptions,
  ) {}

  /** Opens (or creates) the library in `dataDir`. `changeLog` is for tests: when highlight changes are logged rather than rewritten. */
  static async open(
    dataDir: string,
    now: () => Date = () => new Date(),
    changeLog: ChangeLogOptions = DEFAULT_CHANGE_LOG,
  ): Promise<LibraryStore> {
    await mkdir(join(dataDir, 'documents'), { recursive: true });
    const path = join(dataDir, 'library.json');
    const initial: LibraryFile = { schemaVersion: SCHEMA_VERSION, sampleAdded: false, documents: [] };
    let library: DataFile<LibraryFile>;
    try {
      library = await openDataFile(path, initial, SCHEMA_VERSION);
    } catch (error) {
      if (!(error instanceof GlossError) || /newer Gloss/.test(error.message)) throw error;
      // The index is derived data: keep the damaged copy for inspection and rebuild it.
      await rename(path, `${path}.damaged-${now().getTime()}`);
      library = await openDataFile(path, initial, SCHEMA_VERSION);
      library.data.documents = await rebuildIndex(dataDir);
      library.data.sampleAdded = library.data.documents.length > 0;
      await library.write();
    }
    return new LibraryStore(dataDir, library, now, changeLog);
  }

  private documentDir(id: string): string {
    return join(this.dataDir, 'documents', id);
  }

  private entry(documentId: string): LibraryEntry {
    const entry = this.library.data.documents.find((d) => d.id === documentId);
    if (!entry) throw new GlossError('not-found', `No document with id ${documentId} in the library.`);
    return entry;
  }

  private async loadTranscript(documentId: string): Promise<LoadedDocument> {
    this.entry(documentId);
    let loaded = this.transcripts.get(documentId);
    if (!loaded) {
      const file = await readJson<TranscriptFile>(join(this.documentDir(documentId), 'transcript.json'));
      loaded = new LoadedDocument(file);
      this.transcripts.set(documentId, loaded);
    }
    return loaded;
  }

  private highlights(documentId: string): Promise<HighlightsFile> {
    this.entry(documentId);
    let file = this.highlightFiles.get(documentId);
    if (!file) {
      file = HighlightsFile.open(this.documentDir(documentId), documentId, this.changeLog);
      // A failed open is not cached, so the next attempt reads the file again.
      file.catch(() => this.highlightFiles.delete(documentId));
      this.highlightFiles.set(documentId, file);
    }
    return file;
  }

  /**
   * How many highlights and notes a document has: from its highlights when they are loaded (putting the saved
   * counts right), else from its counts file, else from its highlights read now. Zero when its annotations file is
   * damaged (reported on open).
   */
  private async counts(documentId: string): Promise<Counts> {
    if (!this.highlightFiles.has(documentId)) {
      const saved = await this.countsFiles.read(documentId);
      if (saved) return saved;
    }
    try {
      const counts = countsOf((await this.highlights(documentId)).annotations);
      await this.countsFiles.keep(documentId, counts);
      return counts;
    } catch {
      return NO_COUNTS;
    }
  }

  private async summary(documentId: string): Promise<DocumentSummary> {
    return { ...this.entry(documentId), ...(await this.counts(documentId)) };
  }

  /** Every document, most recently opened (or added) first. */
  async list(): Promise<DocumentSummary[]> {
    const entries = [...this.library.data.documents].sort((a, b) =>
      (b.openedAt ?? b.addedAt).localeCompare(a.openedAt ?? a.addedAt),
    );
    return Promise.all(
      entries.map(async (entry) => ({ ...entry, ...(await this.counts(entry.id)) })),
    );
  }

  /**
   * Adds a parsed transcript. Text already in the library (same content hash,
   * line ends aside) is not added twice: the existing document is returned.
   */
  async importTranscript(input: {
    text: string;
    transcript: Transcript;
    format: TranscriptFormat;
    source: string;
  }): Promise<{ document: DocumentSummary; duplicate: boolean }> {
    const text = normaliseText(input.text);
    const hash = createHash('sha256').update(text).digest('hex');
    const existing = this.library.data.documents.find((d) => d.hash === hash);
    if (existing) return { document: await this.summary(existing.id), duplicate: true };

    const { transcript } = input;
    const entry: LibraryEntry = {
      id: randomUUID(),
      title: transcript.title,
      source: input.source,
      format: input.format,
      hash,
      speakers: transcript.speakers,
      wordCount: wordCountOf(transcript),
      addedAt: this.now().toISOString(),
      openedAt: null,
    };
    const dir = this.documentDir(entry.id);
    await mkdir(dir, { recursive: true });
    await new TextFile(join(dir, SOURCE_FILE)).write(text);
    const file = await openDataFile<TranscriptFile>(
      join(dir, 'transcript.json'),
      { schemaVersion: SCHEMA_VERSION, document: entry, transcript },
      SCHEMA_VERSION,
    );
    await file.write();
    await this.countsFiles.keep(entry.id, NO_COUNTS);
    this.library.data.documents.push(entry);
    await this.library.write();
    return { document: { ...entry, highlightCount: 0, noteCount: 0 }, duplicate: false };
  }

  /** Adds a plain-text transcript (the sample, tests). */
  async importText(input: { text: string; source: string; fallbackTitle: string }): Promise<DocumentSummary> {
    const transcript = parsePlainText(normaliseText(input.text), input.fallbackTitle);
    return (await this.importTranscript({ text: input.text, transcript, format: 'text', source: input.source })).document;
  }

  /** Gives a document a new title, in the index and in its own folder (so a rebuilt index keeps it). */
  async renameDocument(documentId: string, title: string): Promise<DocumentSummary> {
    const entry = this.entry(documentId);
    const loaded = await this.loadTranscript(documentId);
    const path = join(this.documentDir(documentId), 'transcript.json');
    const file = await openDataFile<TranscriptFile>(path, loaded.file, SCHEMA_VERSION);
    file.data.document = { ...file.data.document, title };
    await file.write();
    entry.title = title;
    loaded.file.document.title = title;
    await this.library.write();
    return this.summary(documentId);
  }

  /**
   * Removes a document from the library with its highlights and notes. Its
   * folder is moved to <dataDir>/removed/, not deleted, so a mistake can be undone by hand.
   */
  async removeDocument(documentId: string): Promise<{ id: string }> {
    this.entry(documentId);
    await mkdir(join(this.dataDir, 'removed'), { recursive: true });
    await rename(this.documentDir(documentId), join(this.dataDir, 'removed', `${documentId}-${this.now().getTime()}`));
    this.library.data.documents = this.library.data.documents.filter((d) => d.id !== documentId);
    this.transcripts.delete(documentId);
    this.highlightFiles.delete(documentId);
    this.countsFiles.forget(documentId);
    await this.library.write();
    return { id: documentId };
  }

  /** Adds the sample transcript the first time the library is opened. */
  async addSampleOnce(text: string): Promise<void> {
    if (this.library.data.sampleAdded) return;
    await this.importText({ text, source: 'Sample transcript', fallbackTitle: 'Sample interview' });
    this.library.data.sampleAdded = true;
    await this.library.write();
  }

  async open(documentId: string): Promise<OpenedDocument> {
    // An unknown id fails here, before any file is read; then the two files are read, and the opening time
    // written, side by side.
    this.entry(documentId);
    const [{ file }, { annotations }] = await Promise.all([this.loadTranscript(documentId), this.highlights(documentId), this.markOpened(documentId)]);
    return {
      document: await this.summary(documentId),
      transcript: file.transcript,
      annotations,
    };
  }

  private async markOpened(documentId: string): Promise<void> {
    this.entry(documentId).openedAt = this.now().toISOString();
    await this.library.write();
  }

  async createAnnotation(input: NewAnnotation): Promise<Annotation> {
    const { plainText } = await this.loadTranscript(input.documentId);
    const { start, end } = input.selectors.position;
    if (end > plainText.length) {
      throw new GlossError('invalid-request', `The highlight ends at ${end}, past the end of the text (${plainText.length}).`);
    }
    if (plainText.slice(start, end) !== input.selectors.quote.exact) {
      throw new GlossError('invalid-request', 'The quoted text does not match the transcript at the given position.');
    }
    const file = await this.highlights(input.documentId);
    if (file.annotations.some((a) => a.id === input.id)) {
      throw new GlossError('conflict', `A highlight with id ${input.id} already exists.`);
    }
    const at = this.now().toISOString();
    const annotation: Annotation = {
      id: input.id,
      documentId: input.documentId,
      selectors: input.selectors,
      color: input.color,
      note: input.note ?? '',
      createdAt: at,
      updatedAt: at,
    };
    file.annotations.push(annotation);
    await this.commit(input.documentId, file, { put: annotation }, () => file.annotations.splice(file.annotations.indexOf(annotation), 1));
    return annotation;
  }

  async updateAnnotation(change: AnnotationChange): Promise<Annotation> {
    const file = await this.highlights(change.documentId);
    const annotation = file.annotations.find((a) => a.id === change.id);
    if (!annotation) throw new GlossError('not-found', `No highlight with id ${change.id} in this document.`);
    const before = { ...annotation };
    if (change.color !== undefined) annotation.color = change.color;
    if (change.note !== undefined) annotation.note = change.note;
    annotation.updatedAt = this.now().toISOString();
    await this.commit(change.documentId, file, { put: annotation }, () => Object.assign(annotation, before));
    return annotation;
  }

  async deleteAnnotation(documentId: string, id: string): Promise<void> {
    const file = await this.highlights(documentId);
    const index = file.annotations.findIndex((a) => a.id === id);
    if (index === -1) throw new GlossError('not-found', `No highlight with id ${id} in this document.`);
    const [removed] = file.annotations.splice(index, 1);
    await this.commit(documentId, file, { delete: id }, () => file.annotations.splice(index, 0, removed));
  }

  async forExport(documentId: string): Promise<DocumentForExport> {
    const { file } = await this.loadTranscript(documentId);
    const { annotations } = await this.highlights(documentId);
    return { document: this.entry(documentId), transcript: file.transcript, annotations };
  }

  /**
   * Saves a change made in memory; when that fails, `undo` puts memory back to what is on disk. Then the counts
   * the library lists, when the change altered them.
   */
  private async commit(documentId: string, file: HighlightsFile, change: HighlightChange, undo: () => void): Promise<void> {
    try {
      await file.save(change);
    } catch (error) {
      undo();
      throw new GlossError('storage', `Could not save: ${describe(error)}`);
    }
    await this.countsFiles.keep(documentId, countsOf(file.annotations));
  }
}

/** Reads the library entry kept in every transcript file. */
async function rebuildIndex(dataDir: string): Promise<LibraryEntry[]> {
  const ids = await readdir(join(dataDir, 'documents'));
  const entries: LibraryEntry[] = [];
  for (const id of ids) {
    try {
      const file = await readJson<TranscriptFile>(join(dataDir, 'documents', id, 'transcript.json'));
      entries.push(file.document);
    } catch {
      // A folder without a readable transcript is skipped, not deleted.
    }
  }
  return entries;
}
