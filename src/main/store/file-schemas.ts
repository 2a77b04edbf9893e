/**
 * The shape of every data file Gloss writes, checked whenever one is read: a
 * file that parses as JSON but holds the wrong shape is as damaged as one
 * that does not parse, and is treated the same way (kept, named, never
 * overwritten). Objects are loose: keys this version does not know are kept.
 * The small files are checked with zod; transcripts and highlights, read on
 * every open and thousands of objects long, by hand (shape-checks.ts), which
 * is several times faster.
 */
import { z } from 'zod';
import { TRANSCRIPT_FORMATS } from '../../shared/model';

/** The version of every data file this Gloss writes. Each step up has a migration (migrations.ts). */
export const CURRENT_SCHEMA = 4;

const text = z.string();
const offset = z.number().int().nonnegative();
const time = z.string().min(1);
/** A document's library entry, as kept in its document.json and cached in library.json. */
export const entrySchema = z.looseObject({
  id: text.min(1),
  title: text,
  source: text,
  format: z.enum(TRANSCRIPT_FORMATS),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  speakers: z.array(text),
  wordCount: offset,
  addedAt: time,
  openedAt: time.nullable(),
});

const version = z.literal(CURRENT_SCHEMA);

export const libraryFileSchema = z.looseObject({
  schemaVersion: version,
  /** The sample is added once; a reader who removes it does not get it back. */
  sampleAdded: z.boolean(),
  documents: z.array(entrySchema),
});

export const documentFileSchema = z.looseObject({ schemaVersion: version, document: entrySchema });

export const countsFileSchema = z
  .looseObject({ schemaVersion: z.number(), highlightCount: offset, noteCount: offset })
  .refine((c) => c.noteCount <= c.highlightCount);

export const settingsFileSchema = z.looseObject({
  schemaVersion: version,
  backups: z.looseObject({
    /** How many distinct versions of each data file are kept. */
    keep: z.number().int().min(0).max(1000),
    /** At most one backup of a file per this many minutes. */
    everyMinutes: z.number().int().min(0).max(7 * 24 * 60),
  }),
});

export type LibraryFile = z.infer<typeof libraryFileSchema>;
export type DocumentFile = z.infer<typeof documentFileSchema>;
export type SettingsFile = z.infer<typeof settingsFileSchema>;
export type LibraryEntry = z.infer<typeof entrySchema>;

export const DEFAULT_SETTINGS: SettingsFile = { schemaVersion: CURRENT_SCHEMA, backups: { keep: 10, everyMinutes: 60 } };

/** A readable one-line account of why data failed its schema. */
export function describeSchemaIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'the file'}: ${issue.message}`)
    .join('; ');
}
