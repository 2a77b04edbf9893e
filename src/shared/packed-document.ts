/**
 * An opened document in the form it crosses IPC: columns of plain values
 * instead of thousands of small objects. Structured clone (Electron's IPC)
 * and JSON both pay per object and per property name; a book with 5,000
 * highlights is about 30,000 objects as `OpenedDocument` and a few dozen
 * arrays packed, which the renderer deserialises about ten times faster and
 * turns back into objects in a few milliseconds. Packing and unpacking:
 * src/core/wire/packed-document.ts.
 */
import type { DocumentSummary, HighlightColor, TurnKind } from './model';

/**
 * One highlight as a row of the packed columns: the one list of its fields. Packing, unpacking and the columns'
 * type all follow it (src/core/wire/packed-document.ts), and the compiler points at each of them when it changes.
 */
export interface PackedHighlightRow {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  color: HighlightColor;
  note: string;
  noteState: string | null;
  /** The highlight's codes joined by line breaks ('' for none): one string, not an array per highlight (a code holds no line break). */
  codes: string;
  /** Whether it is an orphan (Annotation.orphaned): true or false, never absent, so that the column stays a column. */
  orphaned: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The highlights of a document, one column per field. */
export type PackedHighlights = { [K in keyof PackedHighlightRow]: PackedHighlightRow[K][] };

export interface PackedDocument {
  document: DocumentSummary;
  title: string;
  speakers: string[];
  turns: { speaker: (string | null)[]; kind: TurnKind[]; paragraphs: number[] };
  paragraphs: { text: string[]; start: number[]; end: number[]; startSeconds: (number | null)[]; endSeconds: (number | null)[] };
  annotations: PackedHighlights;
}
