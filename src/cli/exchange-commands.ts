/**
 * `gloss export` and `gloss import`: the library's highlights to Markdown, W3C
 * Web Annotations or REFI-QDA, and highlights made elsewhere into the library.
 *
 * Export only reads (the library opens as for `gloss list`, so it works while
 * the app runs) and starts from the default Markdown options, changed only by
 * the flags given: a script gets the same file whatever was last chosen in the
 * app, and the app's remembered choices are left alone. Import writes, under
 * the rules of write-access.ts (through the app when it holds the library).
 *
 * The export and import services, and the parsers and writers behind them,
 * are loaded only when these commands run, so no other command waits for them.
 */
import { stat, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { codeProblem, normaliseCode } from '../core/study/code-path';
import { openToRead } from '../main/store/library-access';
import { GlossError } from '../main/store/errors';
import {
  DEFAULT_MARKDOWN_OPTIONS,
  type DocumentSummary,
  EXPORT_FORMATS,
  type ExchangeImportReport,
  type ExportFilter,
  type ExportFormat,
  type ExportReport,
  type ExportRequest,
  HIGHLIGHT_COLORS,
  type HighlightColor,
  MARKDOWN_GROUPINGS,
  type MarkdownGrouping,
  type MarkdownOptions,
} from '../shared/model';
import { type FlagSpecs, type ParsedArgs, UsageError, valueOf } from './args';
import type { Output } from './library-commands';
import { runWrite } from './write-access';

/** Each Markdown switch and the option it turns off (both spellings of colour). */
const MARKDOWN_SWITCHES: Readonly<Record<string, keyof MarkdownOptions>> = {
  'no-notes': 'notes',
  'no-codes': 'codes',
  'no-colour-names': 'colorNames',
  'no-color-names': 'colorNames',
  'no-times': 'times',
  'no-notebook': 'notebook',
  'no-orphans': 'orphans',
  'no-links': 'links',
};
const FILTER_FLAGS = ['colour', 'color', 'code', 'speaker', 'with-note'] as const;

/** The flags of `gloss export` and `gloss import`, for the command line's table. */
export const EXCHANGE_FLAGS: FlagSpecs = {
  export: {
    format: 'value',
    doc: 'values',
    all: 'switch',
    out: 'value',
    'group-by': 'value',
    ...Object.fromEntries(Object.keys(MARKDOWN_SWITCHES).map((name) => [name, 'switch' as const])),
    colour: 'values',
    color: 'values',
    code: 'values',
    speaker: 'values',
    'with-note': 'switch',
  },
  import: { doc: 'value' },
};

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  md: 'Markdown',
  w3c: 'W3C Web Annotations',
  qdpx: 'a REFI-QDA project',
  qdc: 'a REFI-QDA codebook',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const given = (args: ParsedArgs, name: string) => args.flags.has(name) || args.values.has(name);

function markdownOptions(args: ParsedArgs): MarkdownOptions {
  const options: MarkdownOptions = { ...DEFAULT_MARKDOWN_OPTIONS };
  const groupBy = valueOf(args, 'group-by');
  if (groupBy !== undefined) {
    const key = groupBy.trim().toLowerCase().replace(/^colour$/, 'color');
    if (!(MARKDOWN_GROUPINGS as readonly string[]).includes(key)) throw new UsageError(`--group-by ${groupBy}: group by document, speaker, colour or code`);
    options.groupBy = key as MarkdownGrouping;
  }
  for (const [name, option] of Object.entries(MARKDOWN_SWITCHES)) if (args.flags.has(name)) (options[option] as boolean) = false;
  return options;
}

function exportFilter(args: ParsedArgs): ExportFilter | null {
  if (!FILTER_FLAGS.some((name) => given(args, name))) return null;
  const colors = [...(args.values.get('colour') ?? []), ...(args.values.get('color') ?? [])].map((raw) => {
    const key = raw.trim().toLowerCase();
    if (!(HIGHLIGHT_COLORS as readonly string[]).includes(key)) throw new UsageError(`--colour ${raw}: not a colour; use one of ${HIGHLIGHT_COLORS.join(', ')}`);
    return key as HighlightColor;
  });
  const codes = (args.values.get('code') ?? []).map((raw) => {
    const problem = codeProblem(raw);
    if (problem) throw new UsageError(`--code ${JSON.stringify(raw)}: ${problem}`);
    return normaliseCode(raw);
  });
  const speakers = (args.values.get('speaker') ?? []).map((raw) => {
    const name = raw.trim();
    if (name === '') throw new UsageError('--speaker needs a speaker’s name');
    return name;
  });
  return { colors: [...new Set(colors)], codes: [...new Set(codes)], speakers: [...new Set(speakers)], withNote: args.flags.has('with-note') };
}

/** What `gloss export`'s command line asks for: the export request and the --out path as typed. A UsageError (exit 2) says what is wrong. */
export function exportRequestOf(args: ParsedArgs): { request: ExportRequest; out: string | undefined } {
  const raw = valueOf(args, 'format');
  const choices = 'md (Markdown), w3c (W3C Web Annotations), qdpx (REFI-QDA project) or qdc (REFI-QDA codebook)';
  if (raw === undefined) throw new UsageError(`gloss export needs --format: ${choices}`);
  const format = raw.trim().toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${raw}: not a format Gloss exports; use ${choices}`);
  const documentIds = (args.values.get('doc') ?? []).map((id) => id.trim());
  if (documentIds.includes('')) throw new UsageError('--doc needs a document id (gloss list shows them)');
  const all = args.flags.has('all');
  if (format === 'qdc') {
    if (documentIds.length > 0 || all) throw new UsageError('a codebook (--format qdc) is the code tree of the whole library: it takes no --doc or --all');
    const extra = [...FILTER_FLAGS, 'group-by', ...Object.keys(MARKDOWN_SWITCHES)].find((name) => given(args, name));
    if (extra) throw new UsageError(`--${extra} does not apply to a codebook (--format qdc)`);
  } else if (documentIds.length > 0 && all) throw new UsageError('give --doc ID (once or more) or --all, not both');
  else if (documentIds.length === 0 && !all) throw new UsageError(`gloss export --format ${format} needs --doc ID (once or more) or --all`);
  if (format !== 'md') {
    const markdownOnly = ['group-by', ...Object.keys(MARKDOWN_SWITCHES)].find((name) => given(args, name));
    if (markdownOnly) throw new UsageError(`--${markdownOnly} is a Markdown option: it needs --format md`);
  }
  const request: ExportRequest = {
    format: format as ExportFormat,
    documentIds: [...new Set(documentIds)],
    ...(all ? { all: true } : {}),
    ...(format === 'md' ? { markdown: markdownOptions(args) } : {}),
    filter: format === 'qdc' ? null : exportFilter(args),
  };
  return { request, out: valueOf(args, 'out') };
}

/**
 * The name an export takes when --out is not given (or names a folder), as the app's Save dialog suggests it: the
 * document's Markdown file name (`fileName`, core/export/markdown.ts) with the format's extension for one document,
 * "Gloss library" for several or all, "Gloss codebook" for a codebook.
 */
export function defaultExportName(
  request: ExportRequest,
  documents: readonly Pick<DocumentSummary, 'id' | 'title'>[],
  extension: string,
  folder: boolean,
  fileName: (title: string) => string,
): string {
  const single = request.format !== 'qdc' && !request.all && request.documentIds.length === 1 ? documents.find((d) => d.id === request.documentIds[0]) : undefined;
  const stem = request.format === 'qdc' ? 'Gloss codebook' : single ? fileName(single.title).replace(/\.md$/, '') : 'Gloss library';
  return folder ? stem : `${stem}.${extension}`;
}

async function kindOf(path: string): Promise<'file' | 'folder' | null> {
  const found = await stat(path).catch(() => null);
  return found ? (found.isDirectory() ? 'folder' : 'file') : null;
}

/**
 * Where the export goes: --out (a folder for Markdown of several documents, created if missing; else a file, or a
 * folder to put the default name in: one that exists, or one written with a slash at the end), or the default name
 * in `cwd`.
 */
async function exportTarget(out: string | undefined, kind: 'file' | 'folder', defaultName: string, cwd: string): Promise<string> {
  const path = resolve(cwd, out ?? defaultName);
  const existing = await kindOf(path);
  if (kind === 'folder') {
    if (existing === 'file') throw new UsageError(`--out ${out ?? path}: that is a file; a Markdown export of several documents (or --all) writes one file per document into a folder`);
    await mkdir(path, { recursive: true });
    return path;
  }
  if (existing === 'folder') return join(path, defaultName);
  if (out !== undefined && /[\\/]$/.test(out)) {
    await mkdir(path, { recursive: true });
    return join(path, defaultName);
  }
  if ((await kindOf(dirname(path))) !== 'folder') throw new GlossError('not-found', `There is no folder ${dirname(path)} to write ${path} into; nothing was exported.`);
  return path;
}

function printExport(report: ExportReport, asJson: boolean, io: Output): void {
  if (asJson) {
    io.out(JSON.stringify(report, null, 2));
    return;
  }
  for (const file of report.files) io.out(`Wrote ${file}`);
  io.out(
    report.format === 'qdc'
      ? `Exported the code tree as ${FORMAT_NAMES.qdc}.`
      : `Exported ${plural(report.documents, 'document')} and ${plural(report.highlights, 'highlight')} as ${FORMAT_NAMES[report.format]}.`,
  );
  if (report.readerTextKept > 0) io.out(`Kept ${plural(report.readerTextKept, 'passage')} you had added to the exported files.`);
  for (const line of report.leftOut) io.out(`Left out: ${line}`);
}

/** `gloss export`: writes the export and prints each file written and what the format left out. */
export async function exportCommand(dataDir: string, args: ParsedArgs, io: Output, cwd: string = process.cwd()): Promise<number> {
  const { request, out } = exportRequestOf(args);
  const [{ EXPORT_EXTENSIONS, exportTargetKind, runExport }, { exportFileName }] = await Promise.all([import('../main/exchange/export-service'), import('../core/export/markdown')]);
  // Read as `gloss list` reads: no lock, nothing written (not even the remembered options), the app may be running.
  const library = await openToRead(dataDir, { onNotice: () => undefined });
  try {
    const documents = await library.store.list();
    const known = new Set(documents.map((d) => d.id));
    const unknown = request.documentIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new UsageError(`--doc ${unknown}: there is no document with this id in ${dataDir} (gloss list shows them)`);
    if (request.all && documents.length === 0) throw new GlossError('not-found', `There are no documents in ${dataDir}; nothing was exported.`);
    const kind = exportTargetKind(request);
    const target = await exportTarget(out, kind, defaultExportName(request, documents, EXPORT_EXTENSIONS[request.format], kind === 'folder', exportFileName), cwd);
    printExport(await runExport(library.store, request, target, new Date()), args.json, io);
    return 0;
  } finally {
    await library.release();
  }
}

/** The import's report in a few lines: what was added where, what was updated or orphaned, and what could not be carried. */
export function importLines(report: ExchangeImportReport): string[] {
  const lines = report.documentsAdded.map((d) => `Added the document “${d.title}” (${d.id})`);
  const titles = [...report.documentsAdded, ...report.documentsUpdated].map((d) => `“${d.title}”`);
  const where = titles.length === 0 ? '' : ` to ${titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`}`;
  const counts = [
    `Added ${plural(report.highlightsAdded, 'highlight')}${where}`,
    ...(report.highlightsUpdated ? [`${report.highlightsUpdated} updated`] : []),
    ...(report.highlightsUnchanged ? [`${report.highlightsUnchanged} already as in the library`] : []),
    ...(report.orphaned ? [`${report.orphaned} orphaned (their text was not found; kept with their notes and codes)`] : []),
  ];
  const nothingNew = report.documentsAdded.length === 0 && report.highlightsAdded === 0 && report.highlightsUpdated === 0 && report.orphaned === 0 && report.codesAdded === 0;
  if (nothingNew) lines.push(`Nothing new: ${plural(report.highlightsUnchanged, 'highlight')} already as in the library.`);
  else lines.push(`${counts.join(', ')}${report.codesAdded ? `; ${plural(report.codesAdded, 'new code')}` : ''}.`);
  for (const line of report.notCarried) lines.push(`Not carried: ${line}`);
  return lines;
}

/** `gloss import FILE [--doc ID]`: imports a W3C annotation file or a REFI-QDA project, through the app when it holds the library. */
export async function importCommand(dataDir: string, file: string, documentId: string | undefined, asJson: boolean, io: Output, cwd: string = process.cwd()): Promise<number> {
  if (documentId !== undefined) {
    if (documentId.trim() === '') throw new UsageError('--doc needs a document id (gloss list shows them)');
    const library = await openToRead(dataDir, { onNotice: () => undefined });
    try {
      if (!(await library.store.list()).some((d) => d.id === documentId)) throw new UsageError(`--doc ${documentId}: there is no document with this id in ${dataDir} (gloss list shows them)`);
    } finally {
      await library.release();
    }
  }
  // The app may run in another folder: it is given the file's full path.
  const report = await runWrite(dataDir, 'import', { path: resolve(cwd, file), documentId: documentId ?? null });
  if (asJson) io.out(JSON.stringify(report, null, 2));
  else for (const line of importLines(report)) io.out(line);
  return 0;
}
