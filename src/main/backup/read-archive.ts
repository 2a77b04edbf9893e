/**
 * Reads a backup archive whole into memory and checks all of it before
 * restore writes anything: that it is a zip, that every entry has a plain
 * relative path (no zip-slip), that its manifest says it is a Gloss backup of
 * a layout and data schema this Gloss reads, that every file the manifest
 * lists is there with its size and SHA-256 and nothing else is, and that
 * every data file passes the store's own checks for its kind (migrated first
 * when older, as the store does), down to every highlight quoting its
 * document's text. Anything wrong is a RestoreRefused naming what, so a
 * damaged or foreign archive changes nothing and says why.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { errorMessage } from '../../core/error-message';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { Annotation, Transcript } from '../../shared/model';
import { type CodebookFile, codebookKind } from '../store/codebook-file';
import { DamagedFileError, decodeData, type FileKind, NewerFileError, parseData } from '../store/data-file';
import { annotationsKind, documentKind, transcriptKind } from '../store/document-files';
import { CURRENT_SCHEMA, describeSchemaIssues, type LibraryEntry, type SettingsFile } from '../store/file-schemas';
import { GlossError } from '../store/errors';
import { settingsKind } from '../store/library-index';
import { type NotebookFile, notebookKind } from '../store/notebooks';
import { BACKUP_FORMAT, BACKUP_VERSION, CODEBOOK_PATH, documentPaths, isSafeEntryName, LIBRARY_NOTEBOOK_PATH, type Manifest, MANIFEST_PATH, manifestSchema, SETTINGS_PATH } from './archive-format';

/** One document as the archive holds it, checked. */
export interface ArchivedDocument {
  entry: LibraryEntry;
  /** source.txt: the text as imported. */
  text: string;
  transcript: Transcript;
  /** The transcript's plain text (what highlights' positions count in). */
  plainText: string;
  annotations: Annotation[];
  notebook: NotebookFile | null;
}

/** A whole backup, read and checked. */
export interface LibraryArchive {
  manifest: Manifest;
  documents: ArchivedDocument[];
  settings: SettingsFile;
  codebook: CodebookFile;
  notebook: NotebookFile | null;
}

/** Why an archive cannot be restored; nothing was changed. */
export class RestoreRefused extends GlossError {
  constructor(archive: string, reason: string) {
    super('invalid-request', `${archive} cannot be restored: ${reason}. Nothing was changed.`);
    this.name = 'RestoreRefused';
  }
}

/** Largest file inside an archive (and largest archive) read: past this, strings and buffers fail anyway. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Unzips, refusing unsafe names and oversized entries before inflating anything. */
function unzip(bytes: Uint8Array, fail: (reason: string) => never): Map<string, Uint8Array> {
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) fail('it is an empty zip archive, not a Gloss backup');
  if (!startsWith(bytes, ZIP_MAGIC)) fail('it is not a zip archive, so not a Gloss backup');
  const unsafe: string[] = [];
  let tooLarge: string | null = null;
  let files;
  try {
    files = unzipSync(bytes, {
      filter: (info) => {
        if (!isSafeEntryName(info.name)) unsafe.push(info.name);
        else if (info.originalSize > MAX_FILE_BYTES) tooLarge ??= info.name;
        else return true;
        return false;
      },
    });
  } catch (error) {
    fail(`it is damaged: the zip archive cannot be read (${errorMessage(error)}; a copy cut short?)`);
  }
  if (unsafe.length > 0) fail(`it holds an entry with an unsafe path (${JSON.stringify(unsafe[0].slice(0, 200))}), which no Gloss backup has`);
  if (tooLarge !== null) fail(`its entry ${tooLarge} is larger than any Gloss backup holds`);
  // Folders (names ending in /) hold nothing to check.
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}

/** The manifest: present, JSON, a Gloss backup of a layout and schema this Gloss reads. */
function readManifest(files: Map<string, Uint8Array>, fail: (reason: string) => never): Manifest {
  const bytes = files.get(MANIFEST_PATH);
  if (!bytes) fail(`it is a zip archive but not a Gloss backup (it has no ${MANIFEST_PATH})`);
  let value: unknown;
  try {
    value = JSON.parse(decodeData(Buffer.from(bytes)));
  } catch (error) {
    fail(`its ${MANIFEST_PATH} is damaged (not valid JSON: ${errorMessage(error)})`);
  }
  const head = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) fail(`it is a zip archive but not a Gloss backup (its ${MANIFEST_PATH} is not a Gloss backup's)`);
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    fail(`it was made by a newer Gloss (backup format ${head.version}; this Gloss reads format ${BACKUP_VERSION}): update Gloss to restore it`);
  }
  if (typeof head.glossSchema === 'number' && head.glossSchema > CURRENT_SCHEMA) {
    fail(`it was made by a newer Gloss (data schema ${head.glossSchema}; this Gloss reads up to ${CURRENT_SCHEMA}): update Gloss to restore it`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) fail(`its ${MANIFEST_PATH} is damaged (${describeSchemaIssues(parsed.error)})`);
  return parsed.data;
}

/**
 * Reads and checks the archive at `path` (named `name` in messages). Throws RestoreRefused, having written nothing,
 * when anything in it is wrong.
 */
export async function readArchive(path: string, name = path): Promise<LibraryArchive> {
  const fail: (reason: string) => never = (reason) => {
    throw new RestoreRefused(name, reason);
  };
  const size = (await stat(path).catch(() => null))?.size;
  if (size === undefined) throw new GlossError('not-found', `There is no file at ${path}; nothing was changed.`);
  if (size === 0) fail('the file is empty');
  if (size > MAX_ARCHIVE_BYTES) fail('it is larger than any Gloss backup');
  const files = unzip(await readFile(path), fail);
  const manifest = readManifest(files, fail);

  // Every file listed is there, whole; nothing is there that is not listed.
  const listed = new Set<string>();
  for (const { path: inside, bytes, sha256 } of manifest.files) {
    if (listed.has(inside)) fail(`its manifest lists ${inside} twice`);
    listed.add(inside);
    const content = files.get(inside);
    if (!content) fail(`it is damaged: ${inside} is missing`);
    if (content.length !== bytes || sha256Of(content) !== sha256) fail(`it is damaged: ${inside} does not match its checksum`);
  }
  for (const inside of files.keys()) if (inside !== MANIFEST_PATH && !listed.has(inside)) fail(`it holds ${inside}, which its manifest does not list`);

  const text = (inside: string) => decodeData(Buffer.from(files.get(inside)!));
  const data = <T>(inside: string, kind: FileKind<T>, optional = false): T | null => {
    if (!files.has(inside)) return optional ? null : fail(`it is damaged: ${inside} is missing`);
    try {
      return parseData(inside, text(inside), kind).data;
    } catch (error) {
      if (error instanceof NewerFileError) fail(`it was made by a newer Gloss (${inside} has data schema ${error.version}; this Gloss reads up to ${CURRENT_SCHEMA}): update Gloss to restore it`);
      if (error instanceof DamagedFileError) fail(`${inside} in it is damaged (${error.reason})`);
      throw error;
    }
  };

  const seen = new Set<string>();
  const documents: ArchivedDocument[] = [];
  for (const { id, highlights } of manifest.documents) {
    if (seen.has(id)) fail(`its manifest lists document ${id} twice`);
    seen.add(id);
    const paths = documentPaths(id);
    const { document: entry } = data(paths.document, documentKind)!;
    if (entry.id !== id) fail(`${paths.document} in it describes document ${entry.id}, not ${id}`);
    const { transcript } = data(paths.transcript, transcriptKind)!;
    if (!files.has(paths.source)) fail(`it is damaged: ${paths.source} is missing`);
    const { annotations } = data(paths.annotations, annotationsKind(id))!;
    if (annotations.length !== highlights) fail(`it is damaged: ${paths.annotations} holds ${annotations.length} highlights, its manifest says ${highlights}`);
    const plainText = plainTextOf(transcript);
    for (const a of annotations) {
      const { start, end } = a.selectors.position;
      if (!a.orphaned && (end > plainText.length || plainText.slice(start, end) !== a.selectors.quote.exact)) {
        fail(`${paths.annotations} in it is damaged (highlight ${a.id} does not quote the document's text at its position)`);
      }
    }
    documents.push({ entry, text: text(paths.source), transcript, plainText, annotations, notebook: data(paths.notebook, notebookKind, true) });
  }
  // A document's files without the document in the manifest: something is not what Gloss wrote.
  for (const inside of files.keys()) {
    const folder = /^documents\/([^/]+)\//.exec(inside)?.[1];
    if (folder !== undefined && !seen.has(folder)) fail(`it holds ${inside}, for a document its manifest does not list`);
  }
  return {
    manifest,
    documents,
    settings: data(SETTINGS_PATH, settingsKind)!,
    codebook: data(CODEBOOK_PATH, codebookKind)!,
    notebook: data(LIBRARY_NOTEBOOK_PATH, notebookKind, true),
  };
}
