/**
 * The one-document Markdown export with the default options, for callers
 * that hold a transcript and its highlights but no library entry (the bench),
 * and the file name the Save dialog suggests for a one-document export. The
 * export itself is markdown-export.ts.
 */
import type { Annotation, HighlightColor, Transcript } from '../../shared/model';
import { DEFAULT_COLOR_NAMES, DEFAULT_MARKDOWN_OPTIONS } from '../../shared/model';
import { plainTextOf } from '../transcript/plain-text';
import { singleLine } from './escape-markdown';
import { markdownForDocument } from './markdown-export';

export interface MarkdownExportInput {
  title: string;
  source: string;
  exportedAt: Date;
  transcript: Transcript;
  annotations: readonly Annotation[];
  /** The names the reader gave colours; the default names otherwise. */
  colorNames?: Partial<Record<HighlightColor, string>>;
}

export function exportMarkdown(input: MarkdownExportInput): string {
  const documentId = input.annotations[0]?.documentId ?? 'document';
  return markdownForDocument(
    {
      document: {
        id: documentId,
        title: input.title,
        source: input.source,
        format: 'text',
        hash: '',
        speakers: input.transcript.speakers,
        wordCount: 0,
        highlightCount: input.annotations.length,
        noteCount: 0,
        addedAt: input.exportedAt.toISOString(),
        openedAt: null,
      },
      transcript: input.transcript,
      plainText: plainTextOf(input.transcript),
      annotations: input.annotations,
      notebook: '',
    },
    { options: { ...DEFAULT_MARKDOWN_OPTIONS }, colorNames: { ...DEFAULT_COLOR_NAMES, ...input.colorNames }, exportedAt: input.exportedAt },
  );
}

/** The file name the Save dialog suggests for a one-document export: the title without characters file systems refuse. */
export function exportFileName(title: string): string {
  // Control characters are invalid in file names on Windows and confusing everywhere; bidi controls and line
  // separators would disguise the name (an override can make "…txt.md" look like "…dm.txt").
  const cleaned = singleLine(title).replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code point, so a character outside the BMP is not split in half.
  const base = Array.from(cleaned).slice(0, 100).join('').trim();
  return `${base || 'Gloss export'} - highlights.md`;
}
