/**
 * The command line's writing commands (`gloss highlight`, `gloss codes rename`
 * and `merge`) as functions of a store. `gloss` runs them itself when it holds
 * the library; while the app holds it, the app's command server runs them on
 * the app's own store. Either way the same code writes the same files.
 */
import { randomUUID } from 'node:crypto';
import { findQuote } from '../../core/anchoring/find-quote';
import { createSelectors, type TextRange } from '../../core/anchoring/selectors';
import type { CodeOperation, ExchangeImportReport, HighlightColor, RestoreReport, TextReplacement } from '../../shared/model';
import { GlossError } from '../store/errors';
import { LibraryStore } from '../store/library-store';
import { speakerIndex } from '../../core/study/speakers';
import { highlightJson, type HighlightJson, namedSpeakers } from './highlight-json';

/** What the commands need of a store. */
export type CommandStore = Pick<LibraryStore, 'createAnnotation' | 'highlightsOf' | 'colorNames' | 'applyCodeOperation' | 'replaceTextFromPath' | 'revertText'>;

/** `gloss highlight`: a quote to find in a document and what to make of it. Colour and codes are already checked. */
export interface HighlightRequest {
  documentId: string;
  quote: string;
  /** Which occurrence, from 1, when the quote occurs more than once. */
  occurrence?: number;
  color: HighlightColor;
  codes: string[];
  /** Markdown. */
  note?: string;
}

/** What a code operation changed, as `gloss codes rename|merge` reports it. */
export interface CodeChangeJson {
  highlightsChanged: number;
  documentsChanged: number;
}

/** Each writing command: what it is asked, and what it answers. */
export interface WriteCommands {
  highlight: { request: HighlightRequest; result: HighlightJson };
  codes: { request: { operation: CodeOperation }; result: CodeChangeJson };
  /** `gloss replace-text`: the file (an absolute path, read by whoever writes) replaces the document's text. */
  'replace-text': { request: { documentId: string; path: string }; result: TextReplacement };
  /** `gloss revert-text`: undoes a replace by its token. */
  'revert-text': { request: { documentId: string; undoToken: string }; result: TextReplacement };
  /** `gloss import`: a W3C annotation file or a REFI-QDA project (an absolute path, read by whoever writes). */
  import: { request: { path: string; documentId?: string | null }; result: ExchangeImportReport };
  /** `gloss restore`: a backup archive (an absolute path, read by whoever writes) merged into the library. */
  restore: { request: { path: string }; result: RestoreReport };
}
export type WriteCommandName = keyof WriteCommands;
export type WriteRequest<N extends WriteCommandName> = WriteCommands[N]['request'];
export type WriteResult<N extends WriteCommandName> = WriteCommands[N]['result'];

/** How many occurrences an ambiguous quote lists before "and N more". */
const LISTED_OCCURRENCES = 10;
/** Characters of context shown on each side of an occurrence. */
const CONTEXT = 30;

/** One line of context around a range, on one line, the quote in [brackets]. */
export function inContext(text: string, { start, end }: TextRange): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const before = text.slice(Math.max(0, start - CONTEXT), start);
  const after = text.slice(end, end + CONTEXT);
  return `${start > CONTEXT ? '…' : ''}${flat(before).trimStart()}[${flat(text.slice(start, end))}]${flat(after).trimEnd()}${end + CONTEXT < text.length ? '…' : ''}`;
}

async function highlight(store: CommandStore, request: HighlightRequest, newId: () => string): Promise<HighlightJson> {
  const { document, transcript, plainText } = await store.highlightsOf(request.documentId);
  const { ranges } = findQuote(plainText, request.quote);
  const speakers = speakerIndex(transcript);
  const named = `“${document.title}” (${document.id})`;
  if (ranges.length === 0) throw new GlossError('not-found', `The quote “${request.quote}” is not in ${named}; nothing was written.`);
  let range: TextRange;
  if (request.occurrence !== undefined) {
    if (request.occurrence > ranges.length) {
      throw new GlossError('not-found', `--occurrence ${request.occurrence}: the quote occurs ${ranges.length === 1 ? 'once' : `only ${ranges.length} times`} in ${named}; nothing was written.`);
    }
    range = ranges[request.occurrence - 1];
  } else if (ranges.length > 1) {
    const listed = ranges.slice(0, LISTED_OCCURRENCES).map((r, i) => {
      const names = namedSpeakers(speakers, r.start, r.end);
      return `  ${i + 1}. at ${r.start}${names.length ? ` (${names.join(', ')})` : ''}: ${inContext(plainText, r)}`;
    });
    if (ranges.length > LISTED_OCCURRENCES) listed.push(`  … and ${ranges.length - LISTED_OCCURRENCES} more`);
    throw new GlossError(
      'conflict',
      `The quote occurs ${ranges.length} times in ${named}; choose one with --occurrence N (or quote more of the text). Nothing was written.\n${listed.join('\n')}`,
    );
  } else range = ranges[0];
  const annotation = await store.createAnnotation({
    documentId: request.documentId,
    id: newId(),
    color: request.color,
    selectors: createSelectors(plainText, range.start, range.end),
    note: request.note ?? '',
    noteState: null,
    codes: request.codes,
  });
  return highlightJson(annotation, speakers, plainText, store.colorNames());
}

async function changeCodes(store: CommandStore, { operation }: { operation: CodeOperation }): Promise<CodeChangeJson> {
  // The undo token only means something inside the session that made it: the command line has no use for it.
  const { highlightsChanged, documentsChanged } = await store.applyCodeOperation(operation);
  return { highlightsChanged, documentsChanged };
}

/** An import adds documents, codes and highlights through the whole store, so it needs the store itself. */
async function importFile(store: CommandStore, { path, documentId }: WriteRequest<'import'>): Promise<ExchangeImportReport> {
  if (!(store instanceof LibraryStore)) throw new GlossError('internal', 'This store cannot import files.');
  // Loaded when used: the parsers of the exchange formats stay out of every other command's start.
  const { importExchangeFile } = await import('../exchange/import-service');
  return importExchangeFile(store, path, { documentId: documentId ?? null });
}

/** A restore merges documents, highlights, notebooks, codes and settings through the whole store, so it needs the store itself. */
async function restoreArchive(store: CommandStore, { path }: WriteRequest<'restore'>): Promise<RestoreReport> {
  if (!(store instanceof LibraryStore)) throw new GlossError('internal', 'This store cannot restore a backup.');
  const { restoreLibrary } = await import('../backup/backup-service');
  return restoreLibrary(store, path);
}

/** Runs a writing command on a store; `newId` names a new highlight (a UUID, as the app's). */
export function runWriteCommand<N extends WriteCommandName>(store: CommandStore, name: N, request: WriteRequest<N>, newId: () => string = randomUUID): Promise<WriteResult<N>> {
  const commands: { [K in WriteCommandName]: (request: WriteRequest<K>) => Promise<WriteResult<K>> } = {
    highlight: (r) => highlight(store, r, newId),
    codes: (r) => changeCodes(store, r),
    'replace-text': (r) => store.replaceTextFromPath(r.documentId, r.path),
    'revert-text': (r) => store.revertText(r.documentId, r.undoToken),
    import: (r) => importFile(store, r),
    restore: (r) => restoreArchive(store, r),
  };
  return commands[name](request);
}

/** Which document a command changed (the window shows it again), or null for library-wide changes (codes, an import). */
export function changedDocument<N extends WriteCommandName>(name: N, request: WriteRequest<N>): string | null {
  if (name === 'codes' || name === 'import' || name === 'restore') return null;
  return (request as WriteRequest<'highlight' | 'replace-text' | 'revert-text'>).documentId;
}
