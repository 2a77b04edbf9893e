/**
 * How a Gloss backup is laid out: a zip archive anyone can open, holding the
 * library's data files in the shapes the data folder keeps them (each with its
 * schemaVersion, checked when restored by the store's own checks), plus a
 * manifest, written first, that says what the archive is and lists every other
 * file with its size and SHA-256:
 *
 *   manifest.json                         { format: "gloss-backup", version: 1, createdAt, glossSchema,
 *                                           documents: [{ id, title, highlights }], files: [{ path, bytes, sha256 }] }
 *   library/settings.json                 the library's settings
 *   library/codebook.json                 colour names, each code's colour and description
 *   library/notebook.json                 the library's notebook (only when it was ever written)
 *   documents/<id>/document.json          the document's library entry
 *   documents/<id>/transcript.json        its parsed transcript
 *   documents/<id>/source.txt             its text as imported
 *   documents/<id>/annotations.json       its highlights as the store holds them, in one list (a data folder's
 *                                         annotations.json with its change log applied: the log itself is not kept)
 *   documents/<id>/notebook.json          its notebook (only when it was ever written)
 *
 * Left out, because the store rebuilds or does not need them: library.json, counts.json and search-index.bin
 * (caches), backups/ (rolling copies of the files above), removed/ (documents the reader removed) and versions/
 * (texts replaced by corrected versions, with the highlights as they were then: history, not the library as it
 * is; restoring them could not be merged by id anyway).
 */
import { z } from 'zod';
import { isDocumentId } from '../store/layout';

export const BACKUP_FORMAT = 'gloss-backup';
/** The archive layout's own version (this module); the data files inside carry the store's schema version. */
export const BACKUP_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const SETTINGS_PATH = 'library/settings.json';
export const CODEBOOK_PATH = 'library/codebook.json';
export const LIBRARY_NOTEBOOK_PATH = 'library/notebook.json';

/** The files of one document in the archive, by what they hold. */
export const documentPaths = (id: string) => ({
  document: `documents/${id}/document.json`,
  transcript: `documents/${id}/transcript.json`,
  source: `documents/${id}/source.txt`,
  annotations: `documents/${id}/annotations.json`,
  notebook: `documents/${id}/notebook.json`,
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256');

export const manifestSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string().min(1),
  glossSchema: z.number().int().positive(),
  documents: z.array(z.looseObject({ id: z.string().refine(isDocumentId, 'not a document id'), title: z.string(), highlights: z.number().int().nonnegative() })),
  files: z.array(z.looseObject({ path: z.string().min(1), bytes: z.number().int().nonnegative(), sha256 })),
});

export type Manifest = z.infer<typeof manifestSchema>;

/**
 * Whether a name inside the zip is a plain relative path: no absolute path, drive, backslash, empty, `.` or `..`
 * segment. A backup Gloss writes has no other, and restore never writes archive paths to disk; an archive that
 * tries it (zip-slip) is refused as not one Gloss wrote.
 */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.includes('\0')) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
