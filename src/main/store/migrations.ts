/**
 * Migrations between schema versions of the data files: one function per
 * step (from version n to n + 1) and kind of file, applied in order when an
 * older file is read. Each step is tested on a stored file of the older
 * version (test-fixtures/store/). A migrated file is written in the new
 * version the next time it changes; the old one is kept among its backups.
 *
 * Version 1 is every shape written before this sequence started: a
 * transcript file carrying the document's library entry (and, earliest, the
 * imported text), highlights without a sequence number, a library index
 * without the sample flag. Version 2 keeps the library entry in its own
 * document.json and the text in source.txt.
 */
import type { LibraryEntry } from './file-schemas';

type Json = Record<string, unknown>;
type Step = (value: Json) => Json;

/** Applies the steps from `from` up to the current version: steps[i] goes from version i + 1 to i + 2. */
function run(steps: readonly Step[], value: Json, from: number): Json {
  let out = value;
  for (let v = from; v <= steps.length; v++) out = { ...steps[v - 1](out), schemaVersion: v + 1 };
  return out;
}

const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const libraryMigrations: readonly Step[] = [
  // 1 → 2: the sample flag became required; an index without it already holds the sample if it lists anything.
  (v) => ({ ...v, sampleAdded: typeof v.sampleAdded === 'boolean' ? v.sampleAdded : array(v.documents).length > 0, documents: array(v.documents) }),
];

export const annotationsMigrations: readonly Step[] = [
  // 1 → 2: the sequence number of the last logged change became required (files from before the log had none).
  (v) => ({ ...v, seq: typeof v.seq === 'number' ? v.seq : 0 }),
];

export const transcriptMigrations: readonly Step[] = [
  // 1 → 2: the library entry moved to document.json and the text to source.txt (see splitTranscriptV1).
  (v) => ({ schemaVersion: 2, transcript: v.transcript }),
];

export const migrateLibrary = (v: Json, from: number) => run(libraryMigrations, v, from);
export const migrateAnnotations = (v: Json, from: number) => run(annotationsMigrations, v, from);
export const migrateTranscript = (v: Json, from: number) => run(transcriptMigrations, v, from);

/** What a version-1 transcript file held besides the transcript: the library entry and, in the oldest files, the text. */
export function splitTranscriptV1(v: Json): { entry: LibraryEntry | null; text: string | null } {
  const entry = typeof v.document === 'object' && v.document !== null ? (v.document as LibraryEntry) : null;
  return { entry, text: typeof v.text === 'string' ? v.text : null };
}
