/**
 * Run-time schemas for every request in the IPC contract. Main trusts nothing
 * the renderer sends: unknown keys, wrong types, out-of-range numbers and
 * oversized strings are refused before any handler runs.
 */
import { z } from 'zod';
import type { Channel, RequestOf } from '../../shared/contract';
import { HIGHLIGHT_COLORS } from '../../shared/model';
import { MAX_IMPORT_BYTES } from '../import/read-transcript-file';

/** Longest note accepted, in characters (about 30 pages of prose). */
export const MAX_NOTE_LENGTH = 100_000;
/** Longest quote accepted in one highlight, in characters. */
export const MAX_QUOTE_LENGTH = 1_000_000;
/** Most files one drop may import. */
export const MAX_DROPPED_FILES = 50;
export const MAX_TITLE_LENGTH = 500;

const id = z.uuid({ message: 'must be a UUID' });
const color = z.enum(HIGHLIGHT_COLORS);
const note = z.string().max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`);
const offset = z.number().int().nonnegative();

const selectors = z
  .strictObject({
    quote: z.strictObject({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
      prefix: z.string().max(64),
      suffix: z.string().max(64),
    }),
    position: z.strictObject({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
  })
  .refine((s) => s.position.end - s.position.start === s.quote.exact.length, {
    message: 'position must span exactly the quoted text',
    path: ['position'],
  });

/** One schema per channel; `satisfies` keeps them in step with the contract's types. */
export const requestSchemas = {
  'library:list': z.strictObject({}),
  'library:status': z.strictObject({}),
  'library:import-dialog': z.strictObject({}),
  'library:import-files': z.strictObject({
    files: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(1000),
          bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'file too large'),
        }),
      )
      .min(1)
      .max(MAX_DROPPED_FILES),
  }),
  'documents:open': z.strictObject({ documentId: id }),
  'documents:rename': z.strictObject({
    documentId: id,
    title: z
      .string()
      .transform((t) => t.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, 'must not be empty').max(MAX_TITLE_LENGTH)),
  }),
  'documents:remove': z.strictObject({ documentId: id }),
  'annotations:create': z.strictObject({ documentId: id, id, color, selectors, note: note.optional() }),
  'annotations:update': z
    .strictObject({ documentId: id, id, color: color.optional(), note: note.optional() })
    .refine((r) => r.color !== undefined || r.note !== undefined, { message: 'nothing to change: give a color or a note' }),
  'annotations:delete': z.strictObject({ documentId: id, id }),
  'export:markdown': z.strictObject({ documentId: id }),
} satisfies { [C in Channel]: z.ZodType<RequestOf<C>> };

/** A readable one-line account of why a payload was refused. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}
