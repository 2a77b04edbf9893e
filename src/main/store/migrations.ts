/**
 * Migrations between schema versions of the data files: one function per
 * step (from version n to n + 1) and kind of file, applied in order when an
 * older file is read. Each step is tested on a stored library of the older
 * version (test-fixtures/store/v1/, test-fixtures/store/v2/). A migrated file
 * is written in the new version the next time it changes; the old one is kept
 * among its backups (`<file>.v<n>`).
 *
 * Version 1 is every shape written before this sequence started: a
 * transcript file carrying the document's library entry (and, earliest, the
 * imported text), highlights without a sequence number, a library index
 * without the sample flag. Version 2 keeps the library entry in its own
 * document.json and the text in source.txt. Version 3 gives every highlight
 * its codes and the rich-text state of its note. Version 4 lets a highlight be
 * an orphan (`orphaned: true`: not placed when its text was replaced by a
 * corrected version); every version-3 file is a valid version-4 file, so each
 * step to 4 changes nothing, but a Gloss of version 3, which would paint an
 * orphan at its stale place, opens a version-4 library read-only
 * (test-fixtures/store/v3/).
 *
 * A document's change log (annotations.log) has no version of its own: its
 * lines are as old as the snapshot they follow, so a highlight written in
 * full on a line is brought up with `migrateAnnotation` from the snapshot's
 * version.
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
/** A step for a kind of file whose shape did not change. */
const same: Step = (v) => v;

/** Steps for one highlight, as it sits in a snapshot or on a line of the change log. */
export const annotationMigrations: readonly Step[] = [
  // 1 → 2: a highlight's shape did not change.
  same,
  // 2 → 3: codes and the note's rich-text state (a note was only ever Markdown before).
  (a) => ({ ...a, codes: Array.isArray(a.codes) ? a.codes : [], noteState: typeof a.noteState === 'string' ? a.noteState : null }),
  // 3 → 4: a highlight may be an orphan; one that is not carries no mark, as before.
  same,
];

export const libraryMigrations: readonly Step[] = [
  // 1 → 2: the sample flag became required; an index without it already holds the sample if it lists anything.
  (v) => ({ ...v, sampleAdded: typeof v.sampleAdded === 'boolean' ? v.sampleAdded : array(v.documents).length > 0, documents: array(v.documents) }),
  // 2 → 3, 3 → 4: unchanged.
  same,
  same,
];

/** The highlights snapshot (annotations.json). */
export const annotationsMigrations: readonly Step[] = [
  // 1 → 2: the sequence number of the last logged change became required (files from before the log had none).
  (v) => ({ ...v, seq: typeof v.seq === 'number' ? v.seq : 0 }),
  // 2 → 3: each highlight gains its codes and note state.
  // Anything that is not a highlight is left as it is, for the shape check to refuse: a migration repairs nothing.
  (v) => ({ ...v, annotations: Array.isArray(v.annotations) ? v.annotations.map((a: unknown) => (isObject(a) ? annotationMigrations[1](a) : a)) : v.annotations }),
  // 3 → 4: unchanged (orphans are new).
  same,
];

export const transcriptMigrations: readonly Step[] = [
  // 1 → 2: the library entry moved to document.json and the text to source.txt (see splitTranscriptV1).
  (v) => ({ schemaVersion: 2, transcript: v.transcript }),
  // 2 → 3, 3 → 4: unchanged.
  same,
  same,
];

/** document.json: it first appeared at version 2 (a version-1 folder is brought up by migrateVersion1Folder). */
export const documentMigrations: readonly Step[] = [same, same, same];

/** settings.json. */
export const settingsMigrations: readonly Step[] = [same, same, same];

/**
 * Kinds of file created at version 3 (the codebook, notebooks, a code operation's journal): 3 → 4 changes nothing.
 * A file claiming an earlier version is brought up unchanged too, for its shape check to judge.
 */
export const since3Migrations: readonly Step[] = [same, same, same];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const migrateLibrary = (v: Json, from: number) => run(libraryMigrations, v, from);
export const migrateAnnotations = (v: Json, from: number) => run(annotationsMigrations, v, from);
export const migrateTranscript = (v: Json, from: number) => run(transcriptMigrations, v, from);
export const migrateDocument = (v: Json, from: number) => run(documentMigrations, v, from);
export const migrateSettings = (v: Json, from: number) => run(settingsMigrations, v, from);
export const migrateSince3 = (v: Json, from: number) => run(since3Migrations, v, from);

/** One highlight brought up from version `from` (a `put` line of a change log that follows a snapshot of that version). */
export function migrateAnnotation(value: unknown, from: number): unknown {
  if (!isObject(value)) return value;
  let out = value;
  for (let v = from; v <= annotationMigrations.length; v++) out = annotationMigrations[v - 1](out);
  return out;
}

/** What a version-1 transcript file held besides the transcript: the library entry and, in the oldest files, the text. */
export function splitTranscriptV1(v: Json): { entry: LibraryEntry | null; text: string | null } {
  const entry = typeof v.document === 'object' && v.document !== null ? (v.document as LibraryEntry) : null;
  return { entry, text: typeof v.text === 'string' ? v.text : null };
}
