/**
 * The library's codebook on disk (codebook.json): the names the reader gave
 * the colours, and for each code a colour and a description. It is opened
 * like settings.json (library-index.ts's openLibraryData): checked when read,
 * written durably with backups, restored from them when damaged.
 *
 *   { "schemaVersion": 4,
 *     "colors": { "yellow": "key claim" },
 *     "codes": { "theme/risk": { "color": "red", "description": "…" } } }
 *
 * Codes are object keys read as own keys only: a code may be called
 * `__proto__` or `constructor` like any other word.
 */
import type { CodeEntry } from '../../core/study/code-tree';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../shared/model';
import type { FileKind } from './data-file';
import { CURRENT_SCHEMA } from './file-schemas';
import { isCode } from './shape-checks';
import { migrateSince3 } from './migrations';

export interface CodebookFile {
  schemaVersion: number;
  /** Names the reader gave colours; a colour not named here has its own name. */
  colors: Partial<Record<HighlightColor, string>>;
  codes: Record<string, CodeEntry>;
}

/** Longest colour name and code description kept (the IPC schemas refuse longer ones first). */
const MAX_NAME = 1_000;
const MAX_DESCRIPTION = 100_000;

const COLORS = new Set<string>(HIGHLIGHT_COLORS);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function codebookProblem(value: unknown): string | null {
  if (!isObject(value)) return 'it does not hold a codebook';
  if (value.schemaVersion !== CURRENT_SCHEMA) return 'it has the wrong schema version';
  if (!isObject(value.colors)) return 'colors: not an object';
  for (const [color, name] of Object.entries(value.colors)) {
    if (!COLORS.has(color)) return `colors: ${color} is not a highlight colour`;
    if (typeof name !== 'string' || name.length > MAX_NAME) return `colors.${color}: not a colour name`;
  }
  if (!isObject(value.codes)) return 'codes: not an object';
  for (const [code, entry] of Object.entries(value.codes)) {
    if (!isCode(code)) return `codes: ${JSON.stringify(code.slice(0, 100))} is not a code path`;
    if (!isObject(entry)) return `codes.${code}: not an object`;
    if (entry.color !== null && !(typeof entry.color === 'string' && COLORS.has(entry.color))) return `codes.${code}.color: not a highlight colour`;
    if (typeof entry.description !== 'string' || entry.description.length > MAX_DESCRIPTION) return `codes.${code}.description: not text`;
  }
  return null;
}

/** Created at version 3 (unchanged since). */
export const codebookKind: FileKind<CodebookFile> = { check: codebookProblem, migrate: migrateSince3 };

export const emptyCodebook = (): CodebookFile => ({ schemaVersion: CURRENT_SCHEMA, colors: {}, codes: {} });

/** The codebook's code entries, by code. */
export function entriesOf(file: CodebookFile): Map<string, CodeEntry> {
  return new Map(Object.entries(file.codes));
}

/** A codebook file with these code entries (in tree order as given). */
export function withEntries(file: CodebookFile, entries: Iterable<[string, CodeEntry]>): CodebookFile {
  return { ...file, codes: Object.fromEntries(entries) };
}
