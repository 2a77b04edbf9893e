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

export interface PackedDocument {
  document: DocumentSummary;
  title: string;
  speakers: string[];
  turns: { speaker: (string | null)[]; kind: TurnKind[]; paragraphs: number[] };
  paragraphs: { text: string[]; start: number[]; end: number[]; startSeconds: (number | null)[]; endSeconds: (number | null)[] };
  annotations: {
    id: string[];
    exact: string[];
    prefix: string[];
    suffix: string[];
    start: number[];
    end: number[];
    color: HighlightColor[];
    note: string[];
    createdAt: string[];
    updatedAt: string[];
  };
}
