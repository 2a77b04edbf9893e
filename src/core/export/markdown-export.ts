/**
 * Markdown export (issue 12): one document's file (YAML front matter, the
 * highlights grouped as asked, each with its speaker, time, colour name,
 * codes as tags, note, block id and link back into Gloss, then its orphans
 * and notebook), the index of a multi-document export, the Markdown copied to
 * the clipboard, and a quote with its citation.
 *
 * A highlight is written as (every part but the quote can be left out by the options):
 *
 *     > The quote, escaped so that it reads as the words said.
 *     >
 *     > — Dario Amodei (12:03) · [Open in Gloss](<gloss://document/…/highlight/…>)
 *
 *     ^gloss-3f2a9c1d4e5f
 *
 *     Colour: Key claim · Codes: #theme/risk #Risk_and_Trust
 *
 *     The note, as Markdown (note-markdown.ts: its lists, emphasis and links kept, nothing that can leave it;
 *     obsidian-markup.ts: its [[wiki links]] and #tags too).
 *
 * The block id sits on a line of its own after the quote, a blank line on
 * each side, which is how Obsidian names a quote as a block: `[[file#^gloss-…]]`
 * links to the quote with its attribution, `![[file#^gloss-…]]` embeds it.
 * Gloss's content sits in marked regions (markdown-regions.ts), so that a
 * re-export keeps what the reader adds (reexport-merge.ts).
 */
import type { Annotation, Codebook, DocumentSummary, HighlightColor, MarkdownOptions, Transcript } from '../../shared/model';
import { compareCodes } from '../study/code-path';
import { glossUrl } from '../links/gloss-url';
import { exportedNoteMarkdown } from '../notes/note-markdown';
import { blockIdsFor } from './block-ids';
import { containNotebookMarkdown } from './contain-notebook';
import { escapeInline, escapeParagraphs, escapeSingleLine, escapeText, singleLine } from './escape-markdown';
import { frontMatter } from './front-matter';
import { groupHighlights, placeHighlights, type ExportHighlight } from './markdown-grouping';
import { obsidianTag } from './markdown-tags';
import { escapeThematicBreaks, restoreObsidianMarkup } from './obsidian-markup';
import { formatMediaTime } from './media-time';
import { region, regionKey } from './markdown-regions';

export { markdownFileNames } from './markdown-file-names';
export { mergeReexport } from './reexport-merge';

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

/** A heading's text: escaped, on one line, with a trailing run of `#` kept as text (it would close an ATX heading). */
function headingText(text: string): string {
  return (escapeSingleLine(text) || '\\(untitled\\)').replace(/(^|[ \t])(#+)$/, '$1\\$2');
}

/** Inline text on one line: escaped, not at a line's start. */
function inline(text: string): string {
  return escapeInline(singleLine(text));
}

/** Markdown paragraphs as a blockquote's lines. */
function quoted(paragraphs: readonly string[]): string {
  let out = '';
  for (const p of paragraphs) out += `${out === '' ? '' : '\n>\n'}> ${p.includes('\n') ? p.split('\n').join('\n> ') : p}`;
  return out;
}

interface Writer {
  doc: MarkdownDocument;
  ctx: MarkdownContext;
  blockIds: Map<string, string> | null;
  /** What thousands of highlights share, escaped once: attributions, colour names, tags. */
  attributions: Map<string, string>;
  colors: Map<string, string>;
  tags: Map<string, string>;
  /** The document's gloss:// link for a highlight, made once (gloss-url.ts) and completed per highlight. */
  link: (highlightId: string) => string;
}

function writer(doc: MarkdownDocument, ctx: MarkdownContext, blockIds: Map<string, string> | null): Writer {
  const documentId = doc.document.id;
  const parts = glossUrl({ documentId, highlightId: '\u0001' }).split('%01');
  const link = parts.length === 2 ? (id: string) => parts[0] + encodeURIComponent(id) + parts[1] : (id: string) => glossUrl({ documentId, highlightId: id });
  return { doc, ctx, blockIds, attributions: new Map(), colors: new Map(), tags: new Map(), link };
}

function cached(cache: Map<string, string>, key: string, make: (key: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}

function attributionLine(w: Writer, h: ExportHighlight): string {
  const { options } = w.ctx;
  let line = `— ${cached(w.attributions, h.attribution, inline)}`;
  if (options.times && h.seconds !== null) line += ` (${formatMediaTime(h.seconds)})`;
  if (options.links) line += ` · [Open in Gloss](<${w.link(h.annotation.id)}>)`;
  return line;
}

/** One highlight's blocks; `withBlockId` false for a repeat and for the clipboard. */
function highlightBlocks(w: Writer, h: ExportHighlight, withBlockId: boolean): string {
  const { options, colorNames } = w.ctx;
  const a = h.annotation;
  const quote = escapeParagraphs(h.quote);
  const parts = [quoted([...(quote.length > 0 ? quote : ['\\(no text\\)']), attributionLine(w, h)])];
  const blockId = withBlockId ? w.blockIds?.get(a.id) : undefined;
  if (blockId) parts.push(`^${blockId}`);
  const meta: string[] = [];
  if (options.colorNames) meta.push(cached(w.colors, a.color, (color) => `Colour: ${inline(colorNames[color as HighlightColor] || color)}`));
  if (options.codes && a.codes.length > 0) meta.push(`Codes: ${a.codes.map((c) => cached(w.tags, c, obsidianTag)).join(' ')}`);
  if (meta.length > 0) parts.push(meta.join(' · '));
  if (options.notes) {
    const note = restoreObsidianMarkup(escapeThematicBreaks(exportedNoteMarkdown(a)));
    if (note !== '') parts.push(note);
  }
  return parts.join('\n\n');
}

function highlightRegion(w: Writer, h: ExportHighlight, occurrence = 1): string {
  const key = occurrence === 1 ? regionKey('highlight', h.annotation.id) : regionKey('highlight', h.annotation.id, String(occurrence));
  return region(key, highlightBlocks(w, h, occurrence === 1));
}

/** The codes the exported highlights carry, in tree order. */
function codesUsed(annotations: readonly Annotation[]): string[] {
  const codes = new Set<string>();
  for (const a of annotations) for (const c of a.codes) codes.add(c);
  return [...codes].sort(compareCodes);
}

/** The whole file for one document. */
export function markdownForDocument(doc: MarkdownDocument, ctx: MarkdownContext): string {
  const { options } = ctx;
  const { placed, orphans } = placeHighlights(doc.transcript, doc.plainText, doc.annotations, options.groupBy === 'speaker');
  const written = options.orphans ? [...placed, ...orphans] : placed;
  const w = writer(doc, ctx, blockIdsFor(written.map((h) => h.annotation.id)));

  const fields: Record<string, unknown> = {
    title: doc.document.title,
    source: doc.document.source,
    format: doc.document.format,
    speakers: [...doc.transcript.speakers],
    exported: ctx.exportedAt.toISOString(),
    highlights: written.length,
    notes: written.filter((h) => h.annotation.note.trim() !== '').length,
  };
  if (options.codes) fields.codes = codesUsed(written.map((h) => h.annotation));
  fields['gloss-id'] = doc.document.id;

  const out = [frontMatter(fields), region('title', `# ${headingText(doc.document.title)}`)];
  if (options.groupBy === 'document' || placed.length === 0) {
    out.push(region('highlights', placed.length === 0 ? '## Highlights\n\nNo highlights.' : '## Highlights'));
    for (const h of placed) out.push(highlightRegion(w, h));
  } else {
    const groups = groupHighlights(placed, options.groupBy, { colorNames: ctx.colorNames, codebook: ctx.codebook, speakers: doc.transcript.speakers });
    for (const group of groups) {
      const heading = `## ${headingText(group.heading)}`;
      out.push(region(regionKey('group', ...group.key), group.description ? `${heading}\n\n${escapeParagraphs(group.description).join('\n\n')}` : heading));
      for (const entry of group.entries) out.push(highlightRegion(w, entry.highlight, entry.occurrence));
    }
  }
  if (options.orphans && orphans.length > 0) {
    out.push(region('orphans', '## Orphans\n\nHighlights whose text could not be found in the current version of the transcript, each with its quote as it was.'));
    for (const h of orphans) out.push(highlightRegion(w, h));
  }
  if (options.notebook && doc.notebook.trim() !== '') {
    const notebook = containNotebookMarkdown(restoreObsidianMarkup(doc.notebook));
    if (notebook !== '') out.push(region('notebook', `## Notebook\n\n${notebook}`));
  }
  return `${out.join('\n\n')}\n`;
}

/** The blocks of the highlights named (in document order), without front matter or headings: what "Copy as Markdown" puts on the clipboard. */
export function markdownForHighlights(doc: MarkdownDocument, highlightIds: readonly string[], ctx: MarkdownContext): string {
  const wanted = new Set(highlightIds);
  const { placed, orphans } = placeHighlights(
    doc.transcript,
    doc.plainText,
    doc.annotations.filter((a) => wanted.has(a.id)),
    false,
  );
  const w = writer(doc, ctx, null);
  const blocks = [...placed, ...orphans].map((h) => highlightBlocks(w, h, false));
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

/** A quote with its citation (speaker, document, time where known, link back): "Copy quote with citation". */
export function quoteWithCitation(input: { quote: string; speaker: string | null; documentTitle: string; seconds?: number | null; link: string }): string {
  const quote = escapeParagraphs(input.quote);
  const who = input.speaker && singleLine(input.speaker) !== '' ? `${inline(input.speaker)}, ` : '';
  const title = singleLine(input.documentTitle);
  let citation = `— ${who}${title ? `*${escapeInline(title)}*` : 'Gloss'}`;
  if (typeof input.seconds === 'number' && Number.isFinite(input.seconds)) citation += ` (${formatMediaTime(input.seconds)})`;
  if (input.link) citation += ` · [Open in Gloss](<${input.link.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c))}>)`;
  return `${quoted([...(quote.length > 0 ? quote : ['\\(no text\\)']), citation])}\n`;
}

/** The index of a multi-document export: a link to each document's file, with its counts. */
export function markdownIndex(entries: readonly { document: DocumentSummary; fileName: string; highlights: number }[], ctx: MarkdownContext): string {
  const fields = {
    title: 'Gloss library',
    exported: ctx.exportedAt.toISOString(),
    documents: entries.length,
    highlights: entries.reduce((n, e) => n + e.highlights, 0),
    'gloss-index': true,
  };
  const items = entries.map((e) => {
    const count = `${e.highlights} highlight${e.highlights === 1 ? '' : 's'}`;
    const source = singleLine(e.document.source);
    return `- [${escapeText(singleLine(e.document.title)) || 'Untitled'}](<${encodeURIComponent(e.fileName)}>) — ${count}${source ? `, from ${inline(source)}` : ''}`;
  });
  const list = items.length > 0 ? items.join('\n') : 'No documents.';
  return `${[frontMatter(fields), region('title', '# Gloss library'), region('documents', list)].join('\n\n')}\n`;
}
