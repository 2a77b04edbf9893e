/**
 * Writes a document's highlights and notes as Markdown: title, source and
 * export date, then every highlight in document order as a blockquote
 * attributed to its speaker and labelled with its colour's name, then its
 * codes and its note. A note comes out as
 * Markdown (a bulleted list in it is a Markdown list), with only the markup
 * the note editor has; anything else in it is its literal text, so that no
 * note can add HTML or a heading, or break out of its highlight
 * (src/core/notes/note-markdown.ts says how). Orphans (highlights not placed
 * when the text was replaced by a corrected version, or whose quote is not
 * found) come last under their own heading, with their notes and codes.
 */
import type { Annotation, HighlightColor, Transcript } from '../../shared/model';
import { resolveSelectors } from '../anchoring/selectors';
import { exportedNoteMarkdown } from '../notes/note-markdown';
import { attributionOf, plainTextOf } from '../transcript/plain-text';
import { escapeParagraphs, escapeSingleLine, singleLine } from './escape-markdown';

export interface MarkdownExportInput {
  title: string;
  source: string;
  exportedAt: Date;
  transcript: Transcript;
  annotations: readonly Annotation[];
  /** The names the reader gave colours ("key claim"); a colour not named here is written by its key. */
  colorNames?: Partial<Record<HighlightColor, string>>;
}

interface Placed {
  annotation: Annotation;
  start: number;
  end: number;
}

/** "2026-11-26 19:40 UTC": unambiguous wherever the file is read. */
function formatDate(d: Date): string {
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

/** "yellow", or "yellow: key claim" once the reader has named the colour. */
function colorLabel(color: HighlightColor, names: MarkdownExportInput['colorNames']): string {
  const name = names?.[color]?.trim();
  return name && name.toLowerCase() !== color ? `${color}: ${name}` : color;
}

function highlightBlock(input: MarkdownExportInput, quote: string, a: Annotation, at: Placed | null): string {
  const who = at ? attributionOf(input.transcript, at.start, at.end) : 'Not placed in the current text';
  const quoteBlock = [...escapeParagraphs(quote), `— ${escapeSingleLine(who)} (${escapeSingleLine(colorLabel(a.color, input.colorNames))})`]
    .map((p) => p.replace(/^/gm, '> '))
    .join('\n>\n');
  const codes = a.codes.length > 0 ? `Codes: ${a.codes.map((c) => escapeSingleLine(c)).join(', ')}` : '';
  const note = exportedNoteMarkdown(a);
  return [quoteBlock, codes, note].filter(Boolean).join('\n\n');
}

export function exportMarkdown(input: MarkdownExportInput): string {
  const { transcript, annotations } = input;
  const text = plainTextOf(transcript);
  const placed: Placed[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of annotations) {
    // An orphan's selectors are those of an older text: never placed by them, even where they happen to fit.
    const range = annotation.orphaned ? null : resolveSelectors(text, annotation.selectors);
    if (range) placed.push({ annotation, ...range });
    else orphans.push(annotation);
  }
  placed.sort((a, b) => a.start - b.start || a.end - b.end || a.annotation.createdAt.localeCompare(b.annotation.createdAt));

  const parts = [
    `# ${escapeSingleLine(input.title).replace(/(^|\s)(#+)$/, '$1\\$2')}`,
    [
      `- Source: ${escapeSingleLine(input.source)}`,
      `- Exported: ${formatDate(input.exportedAt)}`,
      `- Highlights: ${annotations.length}`,
    ].join('\n'),
    '## Highlights',
  ];
  if (placed.length === 0 && orphans.length === 0) parts.push('No highlights yet.');
  for (const p of placed) parts.push(highlightBlock(input, text.slice(p.start, p.end), p.annotation, p));
  if (orphans.length > 0) {
    parts.push('## Orphans', 'Highlights whose text could not be found in the current version of the transcript, each with its quote as it was.');
    for (const a of orphans) parts.push(highlightBlock(input, a.selectors.quote.exact, a, null));
  }
  return parts.join('\n\n') + '\n';
}

/** A file name for the export: the title without characters file systems refuse. */
export function exportFileName(title: string): string {
  // Control characters are invalid in file names on Windows and confusing everywhere; bidi controls and line
  // separators would disguise the name (an override can make "…txt.md" look like "…dm.txt").
  const cleaned = singleLine(title).replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code point, so a character outside the BMP is not split in half.
  const base = Array.from(cleaned).slice(0, 100).join('').trim();
  return `${base || 'Gloss export'} - highlights.md`;
}
