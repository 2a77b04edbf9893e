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
import { blockIdList } from './block-ids';
import { containNotebookMarkdown } from './contain-notebook';
import { escapeInline, escapeParagraphs, escapeSingleLine, escapeText, singleLine } from './escape-markdown';
import { frontMatter } from './front-matter';
import { groupHighlights, placeHighlights, type ExportHighlight } from './markdown-grouping';
import { obsidianTag } from './markdown-tags';
import { escapeThematicBreaks, restoreObsidianMarkup } from './obsidian-markup';
import { formatMediaTime } from './media-time';
import { neutraliseMarkers, region, regionKey, regionOfSafeBody } from './markdown-regions';
import { blockquoteLines, plainLineOf, quotedParagraphs } from './blockquote-lines';

/** Characters encodeURIComponent leaves as they are (an id made of them needs no encoding in a region key or a link). */
const SAFE_IN_KEY = /^[A-Za-z0-9_.!~*'()-]+$/;

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


interface Writer {
  doc: MarkdownDocument;
  ctx: MarkdownContext;
  /**
   * What thousands of highlights share, escaped once: colour names, tags, and each attribution line up to the
   * highlight's own id (who, when, and the start of the link: the same for every highlight in a paragraph), by
   * attribution and then by time (null: none written). The last head made is kept apart: highlights come in
   * document order, so the next is often in the same paragraph.
   */
  heads: Map<string, Map<number | null, string>>;
  last: { attribution: string; seconds: number | null; head: string } | null;
  /** Each attribution escaped, once. */
  names: Map<string, string>;
  colors: Map<string, string>;
  tags: Map<string, string>;
  /** `Codes: #tag` for a highlight with one code. */
  codeLines: Map<string, string>;
  /** The document's gloss:// link for a highlight, made once (gloss-url.ts): the part before the highlight's id, and after it (with the link's end). */
  link: readonly [string, string] | null;
}

function writer(doc: MarkdownDocument, ctx: MarkdownContext): Writer {
  const parts = glossUrl({ documentId: doc.document.id, highlightId: '\u0001' }).split('%01');
  return {
    doc,
    ctx,
    heads: new Map(),
    last: null,
    names: new Map(),
    colors: new Map(),
    tags: new Map(),
    codeLines: new Map(),
    link: parts.length === 2 ? [parts[0], `${parts[1]}>)`] : null,
  };
}

function cached(cache: Map<string, string>, key: string, make: (key: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}

/** An id as encodeURIComponent writes it; a UUID (every id Gloss makes) is written as it is. */
function encodedId(id: string): string {
  return SAFE_IN_KEY.test(id) ? id : encodeURIComponent(id);
}

/** `— Speaker (m:ss)`, and ` · [Open in Gloss](<gloss://…/highlight/` when links are asked for: the attribution line up to the highlight's id. */
function attributionHead(w: Writer, attribution: string, seconds: number | null): string {
  const { last } = w;
  if (last && last.attribution === attribution && last.seconds === seconds) return last.head;
  let bySeconds = w.heads.get(attribution);
  if (!bySeconds) w.heads.set(attribution, (bySeconds = new Map()));
  let head = bySeconds.get(seconds);
  if (head === undefined) {
    head = `— ${cached(w.names, attribution, inline)}`;
    if (seconds !== null) head += ` (${formatMediaTime(seconds)})`;
    if (w.ctx.options.links) head += ` · [Open in Gloss](<${w.link ? w.link[0] : ''}`;
    bySeconds.set(seconds, head);
  }
  w.last = { attribution, seconds, head };
  return head;
}

function codesLine(w: Writer, codes: readonly string[]): string {
  if (codes.length === 1) return cached(w.codeLines, codes[0], (code) => `Codes: ${cached(w.tags, code, obsidianTag)}`);
  let line = 'Codes:';
  for (const code of codes) line += ` ${cached(w.tags, code, obsidianTag)}`;
  return line;
}

/**
 * A note of one line of words, as exportedNoteMarkdown (note-markdown.ts) writes it, without reading it as Markdown:
 * with no character that could start markup, and not starting like a list item, it is that line escaped. null for
 * any other note (most notes with text are such a line: a library export writes tens of thousands of them).
 */
function plainNote(a: Annotation): string | null {
  if (a.noteState) return null;
  const c = a.note.trimStart().charCodeAt(0);
  // + - and digits: the line could read as a list item (`- a`, `1. a`); the note's own reader decides.
  return c === 43 || c === 45 || (c >= 48 && c <= 57) ? null : plainLineOf(a.note);
}

/** A highlight's note as the export writes it. */
export function noteMarkdown(a: Annotation): string {
  return restoreObsidianMarkup(escapeThematicBreaks(plainNote(a) ?? exportedNoteMarkdown(a)));
}

/**
 * One highlight's blocks: its quote with its attribution, its block id ('': none, for a repeat and for the
 * clipboard), its colour and codes, its note. `inRegion`: the note is made unable to end its region.
 */
function highlightBlocks(w: Writer, h: ExportHighlight, blockId: string, inRegion: boolean, id = encodedId(h.annotation.id)): string {
  const { options, colorNames } = w.ctx;
  const a = h.annotation;
  let out = `${blockquoteLines(h.quote) || '> \\(no text\\)'}\n>\n> ${attributionHead(w, h.attribution, options.times ? h.seconds : null)}`;
  if (options.links) out += w.link ? `${id}${w.link[1]}` : `${glossUrl({ documentId: w.doc.document.id, highlightId: a.id })}>)`;
  if (blockId !== '') out += `\n\n^${blockId}`;
  const color = options.colorNames ? cached(w.colors, a.color, (c) => `Colour: ${inline(colorNames[c as HighlightColor] || c)}`) : '';
  const codes = options.codes && a.codes.length > 0 ? codesLine(w, a.codes) : '';
  if (color !== '' && codes !== '') out += `\n\n${color} · ${codes}`;
  else if (color !== '' || codes !== '') out += `\n\n${color || codes}`;
  // Most highlights have no note: nothing to write, and nothing to parse.
  if (options.notes && (a.note !== '' || a.noteState)) {
    const note = noteMarkdown(a);
    // Of a highlight's blocks only its note can hold a line that looks like a region marker (markdown-regions.ts).
    if (note !== '') out += `\n\n${inRegion ? neutraliseMarkers(note) : note}`;
  }
  return out;
}

/** A highlight's region; its block id only on its first appearance in the file. */
function highlightRegion(w: Writer, h: ExportHighlight, occurrence = 1): string {
  const id = encodedId(h.annotation.id);
  const key = occurrence === 1 ? `highlight:${id}` : regionKey('highlight', h.annotation.id, String(occurrence));
  return regionOfSafeBody(key, highlightBlocks(w, h, occurrence === 1 ? h.blockId : '', true, id));
}

/**
 * The blocks of a file, to be joined by blank lines. Thousands of regions held until the end would be copied
 * again and again by the garbage collector while the file is made; joined a few hundred at a time, into pieces
 * large enough to be left where they are, they are copied once more and never again.
 */
class Blocks {
  private readonly joined: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  add(block: string): void {
    this.pending.push(block);
    this.pendingLength += block.length;
    if (this.pendingLength >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.pending.length > 0) this.joined.push(this.pending.join('\n\n'));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** The blocks joined, with the final line end. */
  text(): string {
    // The final line end joined with the last block, not appended to the whole file (a copy of megabytes).
    if (this.pending.length > 0) this.pending[this.pending.length - 1] += '\n';
    else if (this.joined.length > 0) this.joined[this.joined.length - 1] += '\n';
    this.flush();
    return this.joined.join('\n\n');
  }
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
  const blockIds = blockIdList(written.map((h) => h.annotation.id));
  for (let i = 0; i < written.length; i++) written[i].blockId = blockIds[i];
  const w = writer(doc, ctx);

  const fields: Record<string, unknown> = {
    title: doc.document.title,
    source: doc.document.source,
    format: doc.document.format,
    speakers: [...doc.transcript.speakers],
    exported: ctx.exportedAt.toISOString(),
    highlights: written.length,
    notes: written.filter((h) => h.annotation.note !== '' && h.annotation.note.trim() !== '').length,
  };
  if (options.codes) fields.codes = codesUsed(written.map((h) => h.annotation));
  fields['gloss-id'] = doc.document.id;

  const out = new Blocks();
  out.add(frontMatter(fields));
  out.add(region('title', `# ${headingText(doc.document.title)}`));
  if (options.groupBy === 'document' || placed.length === 0) {
    out.add(region('highlights', placed.length === 0 ? '## Highlights\n\nNo highlights.' : '## Highlights'));
    for (const h of placed) out.add(highlightRegion(w, h));
  } else {
    const groups = groupHighlights(placed, options.groupBy, { colorNames: ctx.colorNames, codebook: ctx.codebook, speakers: doc.transcript.speakers });
    for (const group of groups) {
      const heading = `## ${headingText(group.heading)}`;
      out.add(region(regionKey('group', ...group.key), group.description ? `${heading}\n\n${escapeParagraphs(group.description).join('\n\n')}` : heading));
      for (const entry of group.entries) out.add(highlightRegion(w, entry.highlight, entry.occurrence));
    }
  }
  if (options.orphans && orphans.length > 0) {
    out.add(region('orphans', '## Orphans\n\nHighlights whose text could not be found in the current version of the transcript, each with its quote as it was.'));
    for (const h of orphans) out.add(highlightRegion(w, h));
  }
  if (options.notebook && doc.notebook.trim() !== '') {
    const notebook = containNotebookMarkdown(restoreObsidianMarkup(doc.notebook));
    if (notebook !== '') out.add(region('notebook', `## Notebook\n\n${notebook}`));
  }
  return out.text();
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
  const w = writer(doc, ctx);
  const blocks = [...placed, ...orphans].map((h) => highlightBlocks(w, h, '', false));
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
  return `${quotedParagraphs([...(quote.length > 0 ? quote : ['\\(no text\\)']), citation])}\n`;
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
