/**
 * Run-time schemas for every request in the IPC contract. Main trusts nothing
 * the renderer sends: unknown keys, wrong types, out-of-range numbers and
 * oversized strings are refused before any handler runs.
 */
import { z } from 'zod';
import type { Channel, RequestOf } from '../../shared/contract';
import { codeProblem, MAX_CODES_PER_HIGHLIGHT, normaliseCode } from '../../core/study/code-path';
import { EXPORT_FORMATS, HIGHLIGHT_COLORS } from '../../shared/model';
import { markdownOptionsKind } from '../store/export-options';
import { readingPosition, uiSettingsChange } from '../store/ui-settings';
import { MAX_IMPORT_BYTES } from '../import/read-transcript-file';

/** Longest note accepted, in characters (about 30 pages of prose). */
export const MAX_NOTE_LENGTH = 100_000;
/** Longest quote accepted in one highlight, in characters. */
export const MAX_QUOTE_LENGTH = 1_000_000;
/** Most files one drop may import. */
export const MAX_DROPPED_FILES = 50;
export const MAX_TITLE_LENGTH = 500;
/** Longest serialised rich-text state of a note, in characters (its JSON is several times its text). */
export const MAX_NOTE_STATE_LENGTH = 1_000_000;
/** Longest notebook accepted: its serialised state, and its Markdown, in characters (a book of notes). */
export const MAX_NOTEBOOK_LENGTH = 20_000_000;
export const MAX_COLOR_NAME_LENGTH = 60;
export const MAX_CODE_DESCRIPTION_LENGTH = 10_000;
/** Longest library search accepted, in characters. */
export const MAX_SEARCH_QUERY_LENGTH = 1_000;
/** Most hits one search returns. */
export const MAX_SEARCH_LIMIT = 1_000;

const id = z.uuid({ message: 'must be a UUID' });
const color = z.enum(HIGHLIGHT_COLORS);
const note = z.string().max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`);
const offset = z.number().int().nonnegative();
const time = z.iso.datetime({ message: 'must be an ISO 8601 time' });
/** Serialised Lexical editor state: JSON text whose value is an object with a root. */
const editorState = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((text) => {
      try {
        const value = JSON.parse(text) as unknown;
        return typeof value === 'object' && value !== null && typeof (value as { root?: unknown }).root === 'object';
      } catch {
        return false;
      }
    }, 'must be a saved editor state (JSON with a root)');
const noteState = editorState(MAX_NOTE_STATE_LENGTH).nullable();
const code = z
  .string()
  .max(1000)
  .superRefine((raw, ctx) => {
    const problem = codeProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normaliseCode);
const codes = z
  .array(code)
  .max(MAX_CODES_PER_HIGHLIGHT, `at most ${MAX_CODES_PER_HIGHLIGHT} codes`)
  .transform((list) => [...new Set(list)]);
/** A code path, or '' for the top of the tree (where a code may be moved to). */
const parentCode = z.union([z.literal(''), code]);
const documentOrLibrary = id.nullable();

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

const droppedFile = z.strictObject({
  name: z.string().min(1).max(1000),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'file too large'),
});

/** One schema per channel; `satisfies` keeps them in step with the contract's types. */
/** Most documents one export names (a whole library is asked for with `all`). */
export const MAX_EXPORT_DOCUMENTS = 10_000;

const exportFilter = z.strictObject({
  colors: z.array(color).max(HIGHLIGHT_COLORS.length),
  codes: z.array(code).max(1000),
  speakers: z.array(z.string().max(MAX_TITLE_LENGTH).nullable()).max(1000),
  withNote: z.boolean(),
});

const exportRequest = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS),
    documentIds: z.array(id).max(MAX_EXPORT_DOCUMENTS).transform((ids) => [...new Set(ids)]),
    all: z.boolean().optional(),
    markdown: markdownOptionsKind.optional(),
    filter: exportFilter.nullable().optional(),
  })
  .refine((r) => r.format === 'qdc' || r.all === true || r.documentIds.length > 0, { message: 'name at least one document, or all of them', path: ['documentIds'] });

export const requestSchemas = {
  'library:list': z.strictObject({}),
  'library:status': z.strictObject({}),
  'library:import-dialog': z.strictObject({}),
  'library:import-files': z.strictObject({
    files: z
      .array(droppedFile)
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
  'annotations:create': z.strictObject({ documentId: id, id, color, selectors, note: note.optional(), noteState: noteState.optional(), codes: codes.optional() }),
  'annotations:update': z
    .strictObject({ documentId: id, id, color: color.optional(), note: note.optional(), noteState: noteState.optional(), codes: codes.optional() })
    .refine((r) => r.color !== undefined || r.note !== undefined || r.codes !== undefined, { message: 'nothing to change: give a color, a note or codes' })
    .refine((r) => r.noteState === undefined || r.note !== undefined, { message: 'a note state comes with the note it renders', path: ['noteState'] }),
  'annotations:delete': z.strictObject({ documentId: id, id }),
  'annotations:restore': z.strictObject({
    annotation: z.strictObject({
      id,
      documentId: id,
      selectors,
      color,
      note,
      noteState,
      codes,
      orphaned: z.boolean().optional(),
      createdAt: time,
      updatedAt: time,
    }),
  }),
  'codebook:get': z.strictObject({}),
  'codebook:name-color': z.strictObject({
    color,
    name: z
      .string()
      .transform((t) => t.replace(/\s+/g, ' ').trim())
      .pipe(z.string().max(MAX_COLOR_NAME_LENGTH, `must be at most ${MAX_COLOR_NAME_LENGTH} characters`)),
  }),
  'codebook:describe-code': z
    .strictObject({ path: code, color: color.nullable().optional(), description: z.string().max(MAX_CODE_DESCRIPTION_LENGTH).optional() }),
  'codes:apply': z.strictObject({
    operation: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('rename'), from: code, to: code }),
      z.strictObject({ kind: z.literal('merge'), from: code, into: code }),
      z.strictObject({ kind: z.literal('move'), code, parent: parentCode }),
      z.strictObject({ kind: z.literal('delete'), code }),
    ]),
  }),
  'codes:revert': z.strictObject({ undoToken: z.string().min(1).max(200) }),
  'overview:get': z.strictObject({ documentId: documentOrLibrary }),
  'overview:highlights': z.strictObject({
    documentId: documentOrLibrary,
    speaker: z.string().max(1000).nullable().optional(),
    code: code.optional(),
    color: color.optional(),
  }),
  'notebook:open': z.strictObject({ documentId: documentOrLibrary }),
  'notebook:save': z.strictObject({
    documentId: documentOrLibrary,
    state: editorState(MAX_NOTEBOOK_LENGTH),
    markdown: z.string().max(MAX_NOTEBOOK_LENGTH),
  }),
  'documents:replace-text-dialog': z.strictObject({ documentId: id }),
  'documents:replace-text': z.strictObject({ documentId: id, file: droppedFile }),
  'documents:adopt-version': z.strictObject({ documentId: id, into: id }).refine((r) => r.documentId !== r.into, { message: 'a document cannot be a new version of itself', path: ['into'] }),
  'documents:revert-text': z.strictObject({ documentId: id, undoToken: z.string().min(1).max(200) }),
  'annotations:reattach': z.strictObject({ documentId: id, id, selectors }),
  'search:query': z.strictObject({
    query: z.string().max(MAX_SEARCH_QUERY_LENGTH, `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`),
    documentId: documentOrLibrary.optional(),
    limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
  }),
  'export:markdown': z.strictObject({ documentId: id }),
  'export:run': exportRequest,
  'export:preview': exportRequest,
  'export:options': z.strictObject({}),
  'exchange:import-dialog': z.strictObject({ documentId: id.nullable().optional() }),
  'library:backup-dialog': z.strictObject({}),
  'library:restore-dialog': z.strictObject({}),
  'settings:get': z.strictObject({}),
  'settings:set': z.strictObject({ change: uiSettingsChange }),
  'documents:reading-position': z.strictObject({ documentId: id }),
  'documents:save-reading-position': z.strictObject({ documentId: id, position: readingPosition }),
  'tasks:cancel': z.strictObject({ taskId: id }),
} satisfies { [C in Channel]: z.ZodType<RequestOf<C>> };

/** A readable one-line account of why a payload was refused. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}
