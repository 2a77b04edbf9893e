/**
 * The `gloss` commands for studying a library: `highlights` lists a document's
 * highlights, `highlight` makes one from a quote, `codes` shows the code tree
 * (and `codes rename|merge` changes it), `overview` counts highlights by
 * speaker and code. Reading commands open the library to inspect (they work
 * while the app runs); writing ones go through write-access.ts. Each prints
 * text, or with --json one JSON value (shapes in README, "Command line").
 */
import { codeProblem, leafOf, normaliseCode, normaliseCodes } from '../core/study/code-path';
import { speakerIndex } from '../core/study/speakers';
import { type DocumentHighlightsJson, highlightJson, type HighlightJson, inDocumentOrder } from '../main/remote/highlight-json';
import type { CodeChangeJson } from '../main/remote/write-commands';
import { type OpenedLibrary, openToRead } from '../main/store/library-access';
import type { LibraryStore } from '../main/store/library-store';
import { HIGHLIGHT_COLORS, type HighlightColor, type Overview, type OverviewRow } from '../shared/model';
import { UsageError } from './args';
import type { Output } from './library-commands';
import { runWrite } from './write-access';

const QUIET = { onNotice: () => undefined };

async function reading<T>(dataDir: string, use: (store: LibraryStore) => Promise<T>): Promise<T> {
  const library: OpenedLibrary = await openToRead(dataDir, QUIET);
  try {
    return await use(library.store);
  } finally {
    await library.release();
  }
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A highlight as a few lines of text. */
function highlightLines(h: HighlightJson): string[] {
  const colour = h.colorName.toLowerCase() === h.color ? h.colorName : `${h.colorName} (${h.color})`;
  const where = h.orphaned ? 'orphan (not placed in the current text)' : h.speakers.length ? h.speakers.join(', ') : '(no speaker)';
  const lines = [`${h.start}-${h.end}  ${colour}  ${where}`, `  “${oneLine(h.quote)}”`];
  if (h.codes.length) lines.push(`  codes: ${h.codes.join(', ')}`);
  // Blank lines of the note are left out: here a blank line separates highlights (--json has the note as written).
  const note = h.note.split('\n').filter((line) => line.trim() !== '');
  if (note.length) lines.push(...note.map((line, i) => `  ${i === 0 ? 'note: ' : '      '}${line}`.trimEnd()));
  lines.push(`  id: ${h.id}`);
  return lines;
}

/** `gloss highlights --doc ID`: the document's highlights in document order. */
export async function highlightsCommand(dataDir: string, documentId: string, asJson: boolean, io: Output): Promise<number> {
  const listed: DocumentHighlightsJson = await reading(dataDir, async (store) => {
    const { document, transcript, plainText, annotations } = await store.highlightsOf(documentId);
    const names = store.colorNames();
    const speakers = speakerIndex(transcript);
    return {
      document: { id: document.id, title: document.title, source: document.source, format: document.format, speakers: [...document.speakers] },
      highlights: inDocumentOrder(annotations.map((a) => highlightJson(a, speakers, plainText, names))),
    };
  });
  if (asJson) {
    io.out(json(listed));
    return 0;
  }
  io.out(`“${listed.document.title}” (${listed.document.id}): ${plural(listed.highlights.length, 'highlight')}`);
  for (const h of listed.highlights) io.out(['', ...highlightLines(h)].join('\n'));
  return 0;
}

export interface HighlightOptions {
  documentId: string;
  quote: string;
  occurrence?: string;
  color: string;
  codes: readonly string[];
  note?: string;
}

/** Checks what the command line gave `gloss highlight`; a UsageError (exit 2) names what is wrong. */
function checkedHighlight(options: HighlightOptions) {
  if (options.quote.trim() === '') throw new UsageError('--quote needs some text');
  const color = options.color.trim().toLowerCase();
  if (!(HIGHLIGHT_COLORS as readonly string[]).includes(color)) throw new UsageError(`--color ${options.color}: not a colour; use one of ${HIGHLIGHT_COLORS.join(', ')}`);
  let occurrence: number | undefined;
  if (options.occurrence !== undefined) {
    occurrence = Number(options.occurrence);
    if (!/^\d+$/.test(options.occurrence.trim()) || occurrence < 1) throw new UsageError(`--occurrence ${options.occurrence}: give the occurrence's number, counting from 1`);
  }
  for (const code of options.codes) {
    const problem = codeProblem(code);
    if (problem) throw new UsageError(`--code ${JSON.stringify(code)}: ${problem}`);
  }
  let codes: string[];
  try {
    codes = normaliseCodes(options.codes);
  } catch (error) {
    throw new UsageError(`--code: ${(error as Error).message}`);
  }
  return { documentId: options.documentId, quote: options.quote, occurrence, color: color as HighlightColor, codes, ...(options.note !== undefined ? { note: options.note } : {}) };
}

/** `gloss highlight --doc ID --quote TEXT …`: makes the highlight (or has the running app make it) and prints it. */
export async function highlightCommand(dataDir: string, options: HighlightOptions, asJson: boolean, io: Output): Promise<number> {
  const made = await runWrite(dataDir, 'highlight', checkedHighlight(options));
  if (asJson) io.out(json(made));
  else io.out(['Highlighted:', ...highlightLines(made)].join('\n'));
  return 0;
}

/** `gloss codes`: every code with its count, as an indented tree. */
export async function codesCommand(dataDir: string, asJson: boolean, io: Output): Promise<number> {
  const { codes } = await reading(dataDir, (store) => store.codebook());
  if (asJson) {
    io.out(json(codes));
    return 0;
  }
  if (codes.length === 0) {
    io.out(`No codes in ${dataDir}.`);
    return 0;
  }
  const labels = codes.map((c) => `${'  '.repeat(c.path.split('/').length - 1)}${leafOf(c.path)}`);
  const width = Math.max(...labels.map((l) => l.length));
  const digits = Math.max(...codes.map((c) => String(c.total).length));
  codes.forEach((c, i) => {
    const own = c.count !== c.total && c.count > 0 ? `  (${c.count} on ${leafOf(c.path)} itself)` : '';
    const description = c.description ? `  — ${oneLine(c.description)}` : '';
    io.out(`${labels[i].padEnd(width)}  ${String(c.total).padStart(digits)}${own}${description}`);
  });
  return 0;
}

function codeOperand(raw: string, which: string): string {
  const problem = codeProblem(raw);
  if (problem) throw new UsageError(`gloss codes: ${which} ${JSON.stringify(raw)}: ${problem}`);
  return normaliseCode(raw);
}

/** `gloss codes rename OLD NEW` and `gloss codes merge FROM INTO`. */
export async function changeCodesCommand(dataDir: string, operands: readonly string[], asJson: boolean, io: Output): Promise<number> {
  const [verb, first, second] = operands;
  if (operands.length !== 3 || (verb !== 'rename' && verb !== 'merge')) throw new UsageError('gloss codes takes nothing, or rename OLD NEW, or merge FROM INTO');
  const from = codeOperand(first, verb === 'rename' ? 'OLD' : 'FROM');
  const to = codeOperand(second, verb === 'rename' ? 'NEW' : 'INTO');
  const operation = verb === 'rename' ? { kind: 'rename' as const, from, to } : { kind: 'merge' as const, from, into: to };
  const changed: CodeChangeJson = await runWrite(dataDir, 'codes', { operation });
  if (asJson) io.out(json(changed));
  else {
    io.out(
      `${verb === 'rename' ? `Renamed “${from}” to` : `Merged “${from}” into`} “${to}”: ${plural(changed.highlightsChanged, 'highlight')} in ${plural(changed.documentsChanged, 'document')} changed.`,
    );
  }
  return 0;
}

/** A table with its first column left-aligned and the others right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** `gloss overview [--doc ID]`: speakers × codes and speakers × colours, for a document or the whole library. */
export async function overviewCommand(dataDir: string, documentId: string | null, asJson: boolean, io: Output): Promise<number> {
  const { overview, title, names } = await reading(dataDir, async (store) => {
    const overview: Overview = await store.overview(documentId);
    const names = store.colorNames();
    const title = documentId ? (await store.highlightsOf(documentId)).document.title : null;
    return { overview, title, names };
  });
  if (asJson) {
    io.out(json(overview));
    return 0;
  }
  const where = title === null ? 'the library' : `“${title}”`;
  io.out(`${plural(overview.totals.highlights, 'highlight')} in ${where}, by speaker.`);
  if (overview.totals.highlights === 0) return 0;
  const rows = [...overview.rows.map((r) => ({ ...r, name: r.speaker ?? '(no speaker)' })), { ...overview.totals, name: 'Total' } as OverviewRow & { name: string }];
  if (overview.codes.length) {
    io.out('');
    io.out(table(['Speaker', ...overview.codes, 'Highlights'], rows.map((r) => [r.name, ...overview.codes.map((c) => String(r.codes[c] ?? 0)), String(r.highlights)])).join('\n'));
  }
  const colors = HIGHLIGHT_COLORS.filter((c) => (overview.totals.colors[c] ?? 0) > 0);
  io.out('');
  io.out(table(['Speaker', ...colors.map((c) => names[c]), 'Highlights'], rows.map((r) => [r.name, ...colors.map((c) => String(r.colors[c] ?? 0)), String(r.highlights)])).join('\n'));
  return 0;
}
