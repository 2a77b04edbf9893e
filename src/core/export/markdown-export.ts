/**
 * Markdown export (issue 12): one document's file (YAML front matter, the
 * highlights grouped as asked, each with its speaker, time, colour name,
 * codes as tags, note, block id and link back into Gloss, then its notebook
 * and orphans), the index of a multi-document export, the Markdown copied to
 * the clipboard, and a quote with its citation.
 */
import type { Annotation, Codebook, DocumentSummary, HighlightColor, MarkdownOptions, Transcript } from '../../shared/model';

/** One document as an export sees it. */
export interface MarkdownDocument {
  document: DocumentSummary;
  transcript: Transcript;
  /** The transcript's plain text (plainTextOf), which every selector refers to. */
  plainText: string;
  /** The highlights to write (already filtered), in any order. */
  annotations: readonly Annotation[];
  /** The document's notebook as Markdown ('' when never written). */
  notebook: string;
}

export interface MarkdownContext {
  options: MarkdownOptions;
  colorNames: Record<HighlightColor, string>;
  /** For code descriptions and the code list in the front matter; optional. */
  codebook?: Codebook;
  exportedAt: Date;
}

/** The whole file for one document. */
export function markdownForDocument(doc: MarkdownDocument, ctx: MarkdownContext): string {
  void [doc, ctx];
  throw new Error('not built yet');
}

/** The blocks of the highlights named (in document order), without front matter or headings: what "Copy as Markdown" puts on the clipboard. */
export function markdownForHighlights(doc: MarkdownDocument, highlightIds: readonly string[], ctx: MarkdownContext): string {
  void [doc, highlightIds, ctx];
  throw new Error('not built yet');
}

/** A quote with its citation (speaker, document, time where known, link back): "Copy quote with citation". */
export function quoteWithCitation(input: { quote: string; speaker: string | null; documentTitle: string; seconds?: number | null; link: string }): string {
  void input;
  throw new Error('not built yet');
}

/** The index of a multi-document export: a link to each document's file, with its counts. */
export function markdownIndex(entries: readonly { document: DocumentSummary; fileName: string; highlights: number }[], ctx: MarkdownContext): string {
  void [entries, ctx];
  throw new Error('not built yet');
}

/** A safe, unique file name for each document ("Interview with Dario Amodei.md"), in the order given. */
export function markdownFileNames(documents: readonly Pick<DocumentSummary, 'id' | 'title'>[]): string[] {
  void documents;
  throw new Error('not built yet');
}

/**
 * Merges a fresh export into the file an earlier export wrote: Gloss's own regions are replaced by the fresh ones,
 * everything the reader wrote between and after them is kept in place. `readerTextKept` counts the reader's passages kept.
 */
export function mergeReexport(previous: string, fresh: string): { text: string; readerTextKept: number } {
  void [previous, fresh];
  throw new Error('not built yet');
}
