/**
 * The data model shared by every process: transcripts, highlights (annotations)
 * and library entries. Types and constants only; no behaviour.
 */

/** Highlight colours, in toolbar order. Names are what the user sees and what export writes. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];


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

/** A highlight with its note. */
export interface Annotation {
  id: string;
  documentId: string;
  selectors: HighlightSelectors;
  color: HighlightColor;
  note: string;
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
  | { fileName: string; ok: true; document: DocumentSummary; /** The same text was already in the library. */ duplicate: boolean }
  | { fileName: string; ok: false; message: string };

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

export interface LibraryStatus {
  dataDir: string;
  /** Why nothing in the library can be changed, when nothing can (a read-only folder, a library from a newer Gloss). */
  readOnly: string | null;
  notices: StoreNotice[];
}
