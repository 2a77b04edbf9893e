/**
 * Where everything lives in a data folder: the one place the store, the
 * command line, the tests and the bench spell file and folder names.
 *
 *   <dataDir>/library.json                     index of documents (a cache: always rebuilt from document.json files)
 *   <dataDir>/settings.json                    library-wide settings (how many backups to keep, …)
 *   <dataDir>/codebook.json                    colour names, and each code's colour and description
 *   <dataDir>/notebook.json                    the library's notebook
 *   <dataDir>/code-operation.json              a code operation under way across documents (its journal; gone when done)
 *   <dataDir>/gloss.lock                       which process owns the folder (the app while it runs)
 *   <dataDir>/backups/                         rolling backups of library.json and settings.json
 *   <dataDir>/documents/<id>/document.json     the document's library entry (title, source, speakers, times)
 *   <dataDir>/documents/<id>/transcript.json   the parsed transcript (replaced only with a corrected version)
 *   <dataDir>/documents/<id>/source.txt        the text as imported (likewise)
 *   <dataDir>/documents/<id>/text-change.json  a text replacement under way (its journal; gone when done)
 *   <dataDir>/documents/<id>/versions/<time>/  a text replaced by a corrected version, kept: its source.txt,
 *                                              transcript.json, document.json, the highlights as they were
 *                                              (annotations.json) and version.json (when, and by which text)
 *   <dataDir>/documents/<id>/annotations.json  highlights and notes (a snapshot) …
 *   <dataDir>/documents/<id>/annotations.log   … and the changes made since, one JSON line each
 *   <dataDir>/documents/<id>/counts.json       how many highlights, notes and uses of each code (derived)
 *   <dataDir>/documents/<id>/notebook.json     the document's notebook
 *   <dataDir>/documents/<id>/backups/          rolling backups of the document's data files
 *   <dataDir>/documents/<id>/search-index.bin  the document's search index (a cache, rebuilt from the files above)
 *   <dataDir>/search-index.bin                 the library notebook's search index (a cache too)
 *   <dataDir>/documents/.import-<pid>-<id>/    an import being written by process <pid>; renamed into place when complete
 *   <dataDir>/removed/<id>-<time>/             documents removed from the library, kept for recovery by hand
 */
import { join } from 'node:path';

export const LIBRARY_FILE = 'library.json';
export const SETTINGS_FILE = 'settings.json';
export const CODEBOOK_FILE = 'codebook.json';
/** A notebook: the library's in the data folder, a document's in its folder. */
export const NOTEBOOK_FILE = 'notebook.json';
export const CODE_OPERATION_FILE = 'code-operation.json';
export const LOCK_FILE = 'gloss.lock';
export const BACKUPS_DIR = 'backups';
export const DOCUMENTS_DIR = 'documents';
export const REMOVED_DIR = 'removed';

export const DOCUMENT_FILE = 'document.json';
export const TRANSCRIPT_FILE = 'transcript.json';
export const SOURCE_FILE = 'source.txt';
export const ANNOTATIONS_FILE = 'annotations.json';
export const ANNOTATIONS_LOG = 'annotations.log';
export const COUNTS_FILE = 'counts.json';
/** A search index shard: a document's in its folder, the library notebook's in the data folder. */
export const SEARCH_INDEX_FILE = 'search-index.bin';
/** A text replacement's journal, in the document's folder (text-versions.ts). */
export const TEXT_CHANGE_FILE = 'text-change.json';
/** Texts replaced by corrected versions, one folder each, in the document's folder. */
export const VERSIONS_DIR = 'versions';
/** What a kept version says of itself: when it was replaced, and by which text. */
export const VERSION_FILE = 'version.json';

/** Prefix of a document folder still being written by an import. */
export const IMPORT_STAGING_PREFIX = '.import-';

/** Paths inside one data folder. */
export class Layout {
  constructor(readonly dataDir: string) {}

  get library(): string {
    return join(this.dataDir, LIBRARY_FILE);
  }
  get settings(): string {
    return join(this.dataDir, SETTINGS_FILE);
  }
  get codeOperation(): string {
    return join(this.dataDir, CODE_OPERATION_FILE);
  }
  get lock(): string {
    return join(this.dataDir, LOCK_FILE);
  }
  get backups(): string {
    return join(this.dataDir, BACKUPS_DIR);
  }
  get documents(): string {
    return join(this.dataDir, DOCUMENTS_DIR);
  }
  get removed(): string {
    return join(this.dataDir, REMOVED_DIR);
  }
  documentDir(id: string): string {
    return join(this.dataDir, DOCUMENTS_DIR, id);
  }
  stagingDir(id: string): string {
    return join(this.dataDir, DOCUMENTS_DIR, `${IMPORT_STAGING_PREFIX}${process.pid}-${id}`);
  }
  /** The notebook of a document, or (null) of the library. */
  notebook(documentId: string | null): string {
    return documentId === null ? join(this.dataDir, NOTEBOOK_FILE) : join(this.documentDir(documentId), NOTEBOOK_FILE);
  }
  documentBackups(id: string): string {
    return join(this.documentDir(id), BACKUPS_DIR);
  }
  textChange(id: string): string {
    return join(this.documentDir(id), TEXT_CHANGE_FILE);
  }
  versions(id: string): string {
    return join(this.documentDir(id), VERSIONS_DIR);
  }
}

/** Whether `id` can name a document's folder: a UUID, as Gloss makes them, or another plain name (no dot, no separator). */
export function isDocumentId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/.test(id);
}

/** A moment as it appears in file names: sortable, and valid on every file system. */
export function fileTime(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Where a file that could not be read is moved: beside it, never deleted. */
export function damagedPath(path: string, at: Date): string {
  return `${path}.damaged-${fileTime(at)}`;
}

/** The process that wrote a staging folder or temporary file, from its name; null when the name says none. */
export function writerOf(name: string): number | null {
  const m = /(?:^\.import-|\.gloss-tmp-)(\d+)-/.exec(name);
  return m ? Number(m[1]) : null;
}
