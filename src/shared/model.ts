/**
 * The data model shared by every process: transcripts, highlights (annotations)
 * and library entries. Types and constants only; no behaviour.
 */

/** Highlight colours, in toolbar order (Alt+1 … Alt+7). Each has a name the reader can change (the codebook). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'red'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** What each colour is called until the reader names it. */
export const DEFAULT_COLOR_NAMES: Readonly<Record<HighlightColor, string>> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
  orange: 'Orange',
  red: 'Red',
};


/** Separator placed between paragraphs in a transcript's plain text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

export type TurnKind = 'speech' | 'aside' | 'heading';

/** The formats Gloss reads transcripts from. */
export const TRANSCRIPT_FORMATS = ['text', 'markdown', 'webvtt', 'srt'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/** One paragraph of a turn (or one caption cue), with its offsets in the transcript's plain text. */
export interface Paragraph {
  text: string;
  start: number;
  end: number;
  /** Media time in seconds where the source gives one (caption cues, timestamped lines). */
  startSeconds?: number | null;
  endSeconds?: number | null;
}

/**
 * A stretch of the transcript: a speaker's turn, an unlabelled aside
 * (photo caption, sidebar box) or a heading (the title).
 */
export interface Turn {
  /** Full name of the speaker; null for asides, headings and unlabelled text such as an intro. */
  speaker: string | null;
  kind: TurnKind;
  paragraphs: Paragraph[];
}

export interface Transcript {
  title: string;
  /** Full names, in order of first appearance. */
  speakers: string[];
  turns: Turn[];
}

/** W3C Web Annotation TextQuoteSelector over the transcript's plain text. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the plain text, end exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** A highlight with its note and codes. */
export interface Annotation {
  id: string;
  documentId: string;
  selectors: HighlightSelectors;
  color: HighlightColor;
  /** The note as Markdown: what export, search and the command line use. */
  note: string;
  /** The note as the rich-text editor saved it (serialised Lexical editor state), or null when it was only ever Markdown. */
  noteState: string | null;
  /** Code paths (`theme/risk`), each at most once, in the order given. */
  codes: string[];
  /**
   * True for an orphan: a highlight whose text could not be found with confidence when its transcript was replaced by
   * a corrected version. It keeps its note, codes and colour, and its selectors as they were in the text it was made
   * on; it is not painted, is listed under "Orphans", exported under its own heading, and can be attached again to
   * new text (annotations:reattach). Absent (or false) for every placed highlight.
   */
  orphaned?: boolean;
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
}

/** A library entry: what the library lists about a document without loading its text. */
export interface DocumentSummary {
  id: string;
  title: string;
  /** Where the text came from: a file name, or "Sample transcript". */
  source: string;
  format: TranscriptFormat;
  /** SHA-256 of the normalised text, hex. */
  hash: string;
  speakers: string[];
  wordCount: number;
  highlightCount: number;
  /** Highlights that carry a note. */
  noteCount: number;
  addedAt: string;
  openedAt: string | null;
  /** Why this document cannot be changed now, when it cannot (a damaged file, one from a newer Gloss, a read-only folder). */
  readOnly?: string;
}

/** Everything the reading view needs to show one document. */
export interface OpenedDocument {
  document: DocumentSummary;
  transcript: Transcript;
  annotations: Annotation[];
}

/** What happened to one file the user asked to import. */
export type ImportResult =
  | {
      fileName: string;
      ok: true;
      document: DocumentSummary;
      /** The same text was already in the library. */
      duplicate: boolean;
      /** A document already in the library came from a file of the same name but has other text: this may be a new version of it (documents:adopt-version). */
      newVersionOf?: { id: string; title: string };
    }
  /** `cancelled`: not imported because the reader cancelled the import before this file's turn. */
  | { fileName: string; ok: false; message: string; cancelled?: true };

/** A file handed over by the renderer (dropped on the window): its name and bytes. */
export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

/** Something the store found wrong on disk and what it did about it, for the reader to be told. */
export interface StoreNotice {
  /** 'restored': a damaged file was replaced by its newest good backup; 'damaged': it could not be, and was left; 'recovered': an interrupted operation was finished or undone, or an index rebuilt; 'migrated': files of an older Gloss were brought up to date. */
  kind: 'restored' | 'damaged' | 'recovered' | 'migrated';
  message: string;
  /** The document concerned, if one is. */
  documentId?: string;
  /** Where the damaged file is now (moved aside, or left in place). */
  path?: string;
  at: string;
}

/** A colour and the name the reader gave it. */
export interface ColorLabel {
  color: HighlightColor;
  name: string;
}

/** One code of the library's code tree: its own use, its use with its children, and what the codebook says of it. */
export interface CodeSummary {
  /** `theme/risk`; the parents of a used code are listed too. */
  path: string;
  /** Highlights carrying exactly this code, across the library. */
  count: number;
  /** Highlights carrying this code or one under it. */
  total: number;
  color: HighlightColor | null;
  description: string;
}

/** The library's codebook: colour names and every code with its counts, in tree order. */
export interface Codebook {
  colors: ColorLabel[];
  codes: CodeSummary[];
}

/** A change to codes across the library; each rewrites every document concerned. */
export type CodeOperation =
  /** A new name (or place) for a code and everything under it; refused when the new name is in use (merge instead). */
  | { kind: 'rename'; from: string; to: string }
  /** `from` and everything under it become `into` (and under it); a highlight carrying both keeps one. */
  | { kind: 'merge'; from: string; into: string }
  /** `code` goes under `parent` ('' for the top), keeping its last part: `a/b` under `c` is `c/b`. */
  | { kind: 'move'; code: string; parent: string }
  /** `code` and everything under it are taken off every highlight and out of the codebook. */
  | { kind: 'delete'; code: string };

export interface CodeOperationResult {
  highlightsChanged: number;
  documentsChanged: number;
  /** Hands the change back (codes:revert) for as long as this session lasts. */
  undoToken: string;
}

/** A highlight named in a list that spans documents (an overview cell, a notebook quote). */
export interface HighlightRef {
  documentId: string;
  documentTitle: string;
  id: string;
  quote: string;
  speakers: string[];
  color: HighlightColor;
  codes: string[];
}

/** One row of the overview: one speaker (null: text no speaker says, such as an intro or a caption). */
export interface OverviewRow {
  speaker: string | null;
  /** Highlights of this speaker carrying each code or one under it. */
  codes: Record<string, number>;
  colors: Partial<Record<HighlightColor, number>>;
  highlights: number;
}

/** Speakers × codes (and × colours) for a document or the whole library. A highlight spanning two speakers counts for both. */
export interface Overview {
  documentId: string | null;
  /** Column order: every code in use and its parents, in tree order. */
  codes: string[];
  rows: OverviewRow[];
  totals: Omit<OverviewRow, 'speaker'>;
}

/** A document's notebook, or the library's (documentId null): a rich-text editor's state and its Markdown. */
export interface Notebook {
  documentId: string | null;
  /** Serialised Lexical editor state; null for a notebook never written. */
  state: string | null;
  markdown: string;
  updatedAt: string | null;
  /** Highlights quoted in the notebook that no longer exist: their quotes are shown as no longer linked. */
  unlinked: string[];
}

export interface LibraryStatus {
  dataDir: string;
  /** Why nothing in the library can be changed, when nothing can (a read-only folder, a library from a newer Gloss). */
  readOnly: string | null;
  notices: StoreNotice[];
}

/**
 * What became of a highlight when its transcript was replaced by a corrected version:
 * 'kept' (the same text, where it was once edits elsewhere are allowed for), 'moved' (the same text, found somewhere
 * else), 'changed' (placed with confidence on text that differs from its old quote), 'orphaned' (not placed).
 */
export type ReanchorStatus = 'kept' | 'moved' | 'changed' | 'orphaned';

/** A highlight's place and quote in a text. */
export interface QuotePlace {
  start: number;
  end: number;
  quote: string;
}

export interface ReanchoredHighlight {
  id: string;
  status: ReanchorStatus;
  /** In the text replaced. */
  before: QuotePlace;
  /** In the new text; null for an orphan. */
  after: QuotePlace | null;
}

/** The report of replacing a document's text with a corrected version (or of undoing that). */
export interface TextReplacement {
  documentId: string;
  kept: number;
  moved: number;
  changed: number;
  orphaned: number;
  /** Every highlight of the document, in the replaced text's order. */
  highlights: ReanchoredHighlight[];
  /** Where the replaced text is kept, relative to the data folder. */
  previousVersion: string;
  /** Hands the replace back (documents:revert-text). */
  undoToken: string;
}

/** What a library search hit is in: the transcript's text, a highlight (its quote or codes), a highlight's note, or a notebook. */
export type SearchHitKind = 'transcript' | 'highlight' | 'note' | 'notebook';

export interface SearchHit {
  /** null: the library's notebook. */
  documentId: string | null;
  documentTitle: string;
  kind: SearchHitKind;
  /** The highlight hit (kind highlight or note), else null. */
  highlightId: string | null;
  /** UTF-16 offsets in the document's plain text of the passage hit (for a note, its highlight's); null for a notebook hit and for an orphan (a highlight with no place in the text). */
  start: number | null;
  end: number | null;
  /** Who says the passage, where it is said by a speaker. */
  speaker: string | null;
  /** The hit in context, one line. */
  snippet: string;
  /** The words matched, as [start, end) offsets into snippet. */
  marks: [number, number][];
  score: number;
}

export interface SearchResults {
  query: string;
  /** Best first. A screen groups them by document, in the order of each document's best hit. */
  hits: SearchHit[];
  /** How many hits there were before the limit. */
  total: number;
}

// ---- Export, exchange with other tools, backup (issue 12) ----

/** What Gloss exports to: Markdown, W3C Web Annotations (JSON-LD), a REFI-QDA project (.qdpx), a REFI-QDA codebook (.qdc). */
export const EXPORT_FORMATS = ['md', 'w3c', 'qdpx', 'qdc'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How a Markdown export orders its highlights: as they come in the document, or under a heading per speaker, colour or code. */
export const MARKDOWN_GROUPINGS = ['document', 'speaker', 'color', 'code'] as const;
export type MarkdownGrouping = (typeof MARKDOWN_GROUPINGS)[number];

/** What a Markdown export includes. Remembered between exports. */
export interface MarkdownOptions {
  groupBy: MarkdownGrouping;
  notes: boolean;
  codes: boolean;
  /** The colour's name beside each highlight ("Key claim"). */
  colorNames: boolean;
  /** Media times, for transcripts that have them. */
  times: boolean;
  /** The document's notebook, after the highlights. */
  notebook: boolean;
  /** Highlights not placed in the current text, under their own heading. */
  orphans: boolean;
  /** A gloss:// link back to the passage with every highlight. */
  links: boolean;
}

export const DEFAULT_MARKDOWN_OPTIONS: Readonly<MarkdownOptions> = Object.freeze({
  groupBy: 'document',
  notes: true,
  codes: true,
  colorNames: true,
  times: true,
  notebook: true,
  orphans: true,
  links: true,
});

/** Which highlights an export takes: the side panel's filter (an empty list asks nothing of that kind). */
export interface ExportFilter {
  colors: HighlightColor[];
  /** A highlight carrying the code or one under it matches. */
  codes: string[];
  /** null stands for text no speaker says. */
  speakers: (string | null)[];
  withNote: boolean;
}

export interface ExportRequest {
  format: ExportFormat;
  /** The documents to export, in this order (ignored when `all`; a codebook takes none). */
  documentIds: string[];
  /** The whole library. */
  all?: boolean;
  /** Markdown only; the remembered options when absent. */
  markdown?: MarkdownOptions;
  /** Only the highlights matching this filter (null or absent: all of them). */
  filter?: ExportFilter | null;
}

export interface ExportReport {
  format: ExportFormat;
  /** Every file written, as absolute paths (a Markdown export of several documents: one per document, then the index). */
  files: string[];
  documents: number;
  highlights: number;
  /** What the format could not carry, in words, for the reader to be told before and after (REFI-QDA has no colour per highlight …). */
  leftOut: string[];
  /** Markdown written over an earlier export: how many passages the reader had added to those files, all kept. */
  readerTextKept: number;
}

/** What importing a W3C annotation file or a REFI-QDA project did. */
export interface ExchangeImportReport {
  format: 'w3c' | 'qdpx';
  /** Documents made from the file's text sources (REFI-QDA). */
  documentsAdded: { id: string; title: string }[];
  /** Documents already in the library that received highlights. */
  documentsUpdated: { id: string; title: string }[];
  highlightsAdded: number;
  /** Known ids whose incoming version was newer. */
  highlightsUpdated: number;
  /** Known ids already as new as the incoming version (nothing to do). */
  highlightsUnchanged: number;
  /** Highlights whose text could not be found with confidence: kept as orphans, with their notes and codes. */
  orphaned: number;
  codesAdded: number;
  /** What was not carried over, in words (a selection on a picture, a user, a variable …). */
  notCarried: string[];
}

/** A backup written: where, and what it holds. */
export interface BackupReport {
  path: string;
  documents: number;
  highlights: number;
  notebooks: number;
  bytes: number;
}

/** What restoring a backup did: documents new to the library added whole; known ones merged by id, the newer change winning. */
export interface RestoreReport {
  documentsAdded: number;
  documentsMerged: number;
  highlightsAdded: number;
  /** The archive's version was newer. */
  highlightsUpdated: number;
  /** The library's version was as new or newer, and was kept. */
  highlightsKept: number;
  notebooksRestored: number;
  notebooksKept: number;
  codesAdded: number;
  codesUpdated: number;
  settingsRestored: boolean;
  /** Anything else the reader should know, in words. */
  messages: string[];
}

/** Where a gloss:// link points: a document, and in it a highlight or a passage. */
export interface GlossPlace {
  documentId: string;
  highlightId?: string;
  /** UTF-16 offsets in the plain text, end exclusive. */
  start?: number;
  end?: number;
}

/** The colour theme: the system's, or one chosen over it. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];
/** The bundled reading fonts (no network fonts). */
export const READING_FONTS = ['serif', 'sans'] as const;
export type ReadingFont = (typeof READING_FONTS)[number];

/** Reading comfort and layout, library-wide, remembered in settings.json (`ui`). */
export interface UiSettings {
  theme: ThemeChoice;
  font: ReadingFont;
  /** The transcript's text size, in CSS pixels. */
  textSize: number;
  /** Line height, as a multiple of the text size. */
  lineHeight: number;
  /** The transcript column's widest measure, in characters (ch). */
  columnWidth: number;
  /** The side panel's width in CSS pixels, and whether it is collapsed. */
  sidePanelWidth: number;
  sidePanelCollapsed: boolean;
}

/** The limits main enforces on UiSettings' numbers. */
export const UI_SETTINGS_LIMITS = {
  textSize: { min: 12, max: 32 },
  lineHeight: { min: 1.2, max: 2.4 },
  columnWidth: { min: 40, max: 120 },
  sidePanelWidth: { min: 240, max: 900 },
} as const;

export const DEFAULT_UI_SETTINGS: Readonly<UiSettings> = Object.freeze({
  theme: 'system',
  font: 'serif',
  textSize: 17,
  lineHeight: 1.6,
  columnWidth: 72,
  sidePanelWidth: 360,
  sidePanelCollapsed: false,
});

/** Where the reader was in a document: the paragraph at the top of the view, by its plain-text offset, and how far above or below the top it began. */
export interface ReadingPosition {
  offset: number;
  top: number;
}

/** Kinds of long work that report progress and can be cancelled. */
export const TASK_KINDS = ['import', 'export', 'backup', 'restore', 'index'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Progress of one piece of long work in main, sent as it goes (TASK_PROGRESS_CHANNEL). */
export interface TaskProgress {
  taskId: string;
  kind: TaskKind;
  /** What is being done, in words ("Importing 12 files"). */
  label: string;
  /** Steps done, and how many there are (null: not known yet). */
  done: number;
  total: number | null;
  /** The step under way ("interview-04.vtt"), if any. */
  detail?: string;
  /** Set on the last message: finished, cancelled or failed. */
  state?: 'running' | 'finished' | 'cancelled' | 'failed';
  /** Whether cancelling is still possible. */
  cancellable: boolean;
}
