/**
 * The IPC contract: every channel between renderer and main, with its request
 * and response types. Main registers one handler per channel, preload exposes
 * exactly these channels, and test bridges are typed against the same map.
 */
import type {
  Annotation,
  Codebook,
  CodeOperation,
  CodeOperationResult,
  DocumentSummary,
  DroppedFile,
  BackupReport,
  ExchangeImportReport,
  ExportReport,
  ExportRequest,
  GlossPlace,
  HighlightColor,
  HighlightRef,
  HighlightSelectors,
  ImportResult,
  LibraryStatus,
  MarkdownOptions,
  Notebook,
  Overview,
  RestoreReport,
  ReadingPosition,
  SearchResults,
  TaskProgress,
  TextReplacement,
  UiSettings,
} from './model';
import { COMMAND_IDS, type CommandId } from './commands';
import type { PackedDocument } from './packed-document';

export interface Contract {
  /** Every document in the library, most recently opened first. */
  'library:list': { request: Record<string, never>; response: DocumentSummary[] };
  /** Whether the library can be changed, and what the store found and did about damaged or interrupted files since start. */
  'library:status': { request: Record<string, never>; response: LibraryStatus };
  /** Show the native Open dialog (several files at once) and import what the user picks. */
  'library:import-dialog': { request: Record<string, never>; response: ImportResult[] };
  /** Import files dropped on the window, sent as bytes. */
  'library:import-files': { request: { files: DroppedFile[] }; response: ImportResult[] };
  /** Load a document with its transcript and highlights, packed for the crossing; marks it as opened now. */
  'documents:open': { request: { documentId: string }; response: PackedDocument };
  'documents:rename': { request: { documentId: string; title: string }; response: DocumentSummary };
  /** Remove a document with its highlights and notes (kept in the data folder's removed/ folder). */
  'documents:remove': { request: { documentId: string }; response: { id: string } };
  /** Create a highlight. The id is chosen by the renderer (a UUID) so it can paint at once. */
  'annotations:create': {
    request: {
      documentId: string;
      id: string;
      color: HighlightColor;
      selectors: HighlightSelectors;
      note?: string;
      noteState?: string | null;
      codes?: string[];
    };
    response: Annotation;
  };
  /** Change a highlight's colour, note (Markdown, with the rich-text state it came from) and/or codes (the whole list). */
  'annotations:update': {
    request: { documentId: string; id: string; color?: HighlightColor; note?: string; noteState?: string | null; codes?: string[] };
    response: Annotation;
  };
  'annotations:delete': { request: { documentId: string; id: string }; response: { id: string } };
  /** Puts a deleted highlight back exactly as it was, id, note, codes and times included (undo). */
  'annotations:restore': { request: { annotation: Annotation }; response: Annotation };
  /** The library's colour names and every code with its counts. */
  'codebook:get': { request: Record<string, never>; response: Codebook };
  /** Names a colour for the whole library ('' gives it back its own name). */
  'codebook:name-color': { request: { color: HighlightColor; name: string }; response: Codebook };
  /** Adds a code to the codebook, or changes its colour or description. */
  'codebook:describe-code': { request: { path: string; color?: HighlightColor | null; description?: string }; response: Codebook };
  /** Renames, merges, moves or deletes a code across every document, atomically. */
  'codes:apply': { request: { operation: CodeOperation }; response: CodeOperationResult };
  /** Undoes a code operation of this session: every highlight it changed gets its codes back. */
  'codes:revert': { request: { undoToken: string }; response: CodeOperationResult };
  /** Speakers × codes and colours, for a document or (documentId null) the whole library. */
  'overview:get': { request: { documentId: string | null }; response: Overview };
  /** The highlights behind one overview cell: a speaker (null: no speaker; undefined: any) and a code (with children) or a colour. */
  'overview:highlights': {
    request: { documentId: string | null; speaker?: string | null; code?: string; color?: HighlightColor };
    response: HighlightRef[];
  };
  /** A document's notebook, or the library's (documentId null). */
  'notebook:open': { request: { documentId: string | null }; response: Notebook };
  /** Saves a notebook as the reader types: the editor's state and its Markdown. */
  'notebook:save': { request: { documentId: string | null; state: string; markdown: string }; response: { updatedAt: string } };
  /** Ask for a corrected version of a document's text (native dialog), replace the text and re-anchor every highlight. */
  'documents:replace-text-dialog': { request: { documentId: string }; response: TextReplacement | { cancelled: true } };
  /** Replace a document's text with a corrected version given as bytes (a dropped file), re-anchoring every highlight. */
  'documents:replace-text': { request: { documentId: string; file: DroppedFile }; response: TextReplacement };
  /** Treat a document just imported (documentId) as a new version of another (into): replace into's text with it, then remove it. */
  'documents:adopt-version': { request: { documentId: string; into: string }; response: TextReplacement };
  /** Undo a replace: the previous text comes back and every highlight goes back to where it was (or is re-anchored back). */
  'documents:revert-text': { request: { documentId: string; undoToken: string }; response: TextReplacement };
  /** Attach a highlight (an orphan, usually) to new text in its document. */
  'annotations:reattach': { request: { documentId: string; id: string; selectors: HighlightSelectors }; response: Annotation };
  /** Search every document's transcript, highlights, notes, codes and notebooks (or one document's). */
  'search:query': { request: { query: string; documentId?: string | null; limit?: number }; response: SearchResults };
  /** Ask where to save (native dialog), then write the document's highlights as Markdown. */
  'export:markdown': {
    request: { documentId: string };
    response: { path: string } | { cancelled: true };
  };
  /**
   * Ask where (native dialog: a file, or a folder for Markdown of several documents), then export. Markdown written
   * over an earlier export keeps what the reader added to it. The Markdown options used are remembered.
   */
  'export:run': { request: ExportRequest; response: ExportReport | { cancelled: true } };
  /** What an export would hold and what its format cannot carry (to say so before the reader exports). */
  'export:preview': { request: ExportRequest; response: { documents: number; highlights: number; leftOut: string[] } };
  /** The Markdown options used last (the defaults before any export). */
  'export:options': { request: Record<string, never>; response: MarkdownOptions };
  /** Ask for a W3C annotation file (.json, .jsonld) or a REFI-QDA project (.qdpx) and import it, with the report. */
  'exchange:import-dialog': { request: { documentId?: string | null }; response: ExchangeImportReport | { cancelled: true } };
  /** Ask where to save (native dialog), then back the whole library up to one archive. */
  'library:backup-dialog': { request: Record<string, never>; response: BackupReport | { cancelled: true } };
  /** Ask for a backup archive (native dialog) and restore it into this library, merging by id. */
  'library:restore-dialog': { request: Record<string, never>; response: RestoreReport | { cancelled: true } };
  /** Reading comfort and layout settings (the defaults until changed). */
  'settings:get': { request: Record<string, never>; response: UiSettings };
  /** Changes some of them; answers with all of them as saved. */
  'settings:set': { request: { change: Partial<UiSettings> }; response: UiSettings };
  /** Where the reader last was in a document (null: never scrolled, or its text changed since). */
  'documents:reading-position': { request: { documentId: string }; response: ReadingPosition | null };
  /** Remembers where the reader is in a document. */
  'documents:save-reading-position': { request: { documentId: string; position: ReadingPosition }; response: Record<string, never> };
  /** Asks long work under way (TASK_PROGRESS_CHANNEL's taskId) to stop; it stops at a safe point and undoes what it half did. */
  'tasks:cancel': { request: { taskId: string }; response: { cancelling: boolean } };
}

export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = Contract[C]['request'];
export type ResponseOf<C extends Channel> = Contract[C]['response'];

/** The channel names, for code that must enumerate them at run time (preload, bridges, tests). */
export const CHANNELS = [
  'library:list',
  'library:status',
  'library:import-dialog',
  'library:import-files',
  'documents:open',
  'documents:rename',
  'documents:remove',
  'annotations:create',
  'annotations:update',
  'annotations:delete',
  'annotations:restore',
  'codebook:get',
  'codebook:name-color',
  'codebook:describe-code',
  'codes:apply',
  'codes:revert',
  'overview:get',
  'overview:highlights',
  'notebook:open',
  'notebook:save',
  'documents:replace-text-dialog',
  'documents:replace-text',
  'documents:adopt-version',
  'documents:revert-text',
  'annotations:reattach',
  'search:query',
  'export:markdown',
  'export:run',
  'export:preview',
  'export:options',
  'exchange:import-dialog',
  'library:backup-dialog',
  'library:restore-dialog',
  'settings:get',
  'settings:set',
  'documents:reading-position',
  'documents:save-reading-position',
  'tasks:cancel',
] as const satisfies readonly Channel[];

/** What crosses IPC: errors travel as data so the renderer sees main's message unchanged. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
/** 'read-only': the library, or this document, cannot be changed (a read-only folder, a file from a newer Gloss, a damaged file). */
export type ErrorCode = 'invalid-request' | 'not-found' | 'conflict' | 'storage' | 'read-only' | 'internal';

/** Commands sent from the native menu to the renderer: any command of the command table (shared/commands.ts). */
export const MENU_COMMANDS: readonly CommandId[] = COMMAND_IDS;
export type MenuCommand = CommandId;
export const MENU_CHANNEL = 'menu:command';
/** Sent when files given on the command line (or to a second launch) were imported: open this document. */
export const SHOW_DOCUMENT_CHANNEL = 'documents:show';
/** Sent when a gloss:// link was opened (a click in a notes app): show this place (a GlossPlace, checked in main). */
export const SHOW_PLACE_CHANNEL = 'documents:show-place';
/** Sent when something other than this window changed the library (a `gloss` command run beside the app): which document, or null for library-wide things (codes, colour names). */
export const LIBRARY_CHANGED_CHANNEL = 'library:changed';
/** Sent as long work in main goes (a TaskProgress), and once when it ends. */
export const TASK_PROGRESS_CHANNEL = 'tasks:progress';

/** The API preload puts on `window.gloss`. */
export interface GlossBridge {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  /** Subscribe to native menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribe to requests from main to show a document (imported from the command line). */
  onShowDocument(listener: (documentId: string) => void): () => void;
  /** Subscribe to gloss:// links opened while the app runs (or that started it). */
  onShowPlace(listener: (place: GlossPlace) => void): () => void;
  /** Subscribe to changes made outside this window (a `gloss` command beside the app). */
  onLibraryChanged(listener: (documentId: string | null) => void): () => void;
  /** Subscribe to the progress of long work in main (imports, exports, restores, the search index). */
  onTaskProgress(listener: (progress: TaskProgress) => void): () => void;
}

// Compile-time check that CHANNELS lists every channel of the contract.
type MissingChannel = Exclude<Channel, (typeof CHANNELS)[number]>;
export const CHANNELS_ARE_COMPLETE: [MissingChannel] extends [never] ? true : false = true;
