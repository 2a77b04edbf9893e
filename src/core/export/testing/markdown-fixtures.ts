/**
 * Test support for the Markdown export: the sample interview as an export
 * document, highlights made from quotes in it, a context with every option,
 * and the exported file read back as a reader's app would (front matter by
 * the `yaml` package, the rest by a CommonMark parser) and cut into Gloss's
 * regions.
 */
import { readFileSync } from 'node:fs';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import type { Annotation, DocumentSummary, HighlightColor, MarkdownOptions, Transcript } from '../../../shared/model';
import { DEFAULT_COLOR_NAMES, DEFAULT_MARKDOWN_OPTIONS } from '../../../shared/model';
import { createSelectors } from '../../anchoring/selectors';
import { parsePlainText } from '../../transcript/parse-plain-text';
import { plainTextOf } from '../../transcript/plain-text';
import type { MarkdownContext, MarkdownDocument } from '../markdown-export';
import { parseBack, type Dialect } from './parse-back';

export const SAMPLE = parsePlainText(readFileSync(new URL('../../../../resources/sample-interview.txt', import.meta.url), 'utf8'));
export const SAMPLE_TEXT = plainTextOf(SAMPLE);
export const EXPORTED_AT = new Date('2026-11-26T19:40:00Z');
export const DOC_ID = '0f1e2d3c-4b5a-4968-8776-655443322110';

let counter = 0;
/** A UUID-shaped id that differs in its first 12 hex digits from one call to the next. */
export function nextId(): string {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4000-8000-${hex.padStart(12, 'a')}`;
}

/** A highlight on the `occurrence`th place `quote` is found in `text`. */
export function highlightOn(text: string, quote: string, fields: Partial<Annotation> = {}, occurrence = 0): Annotation {
  let start = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  const id = fields.id ?? nextId();
  const time = `2026-11-26T10:${String(counter % 60).padStart(2, '0')}:00Z`;
  return {
    id,
    documentId: DOC_ID,
    selectors: createSelectors(text, start, start + quote.length),
    color: 'yellow',
    note: '',
    noteState: null,
    codes: [],
    createdAt: time,
    updatedAt: time,
    ...fields,
  };
}

export function sampleHighlight(quote: string, fields: Partial<Annotation> = {}, occurrence = 0): Annotation {
  return highlightOn(SAMPLE_TEXT, quote, fields, occurrence);
}

export function summaryOf(transcript: Transcript, fields: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: DOC_ID,
    title: transcript.title,
    source: 'sample-interview.txt',
    format: 'text',
    hash: '0'.repeat(64),
    speakers: transcript.speakers,
    wordCount: 0,
    highlightCount: 0,
    noteCount: 0,
    addedAt: '2026-11-01T00:00:00Z',
    openedAt: null,
    ...fields,
  };
}

export function sampleDocument(annotations: readonly Annotation[], fields: Partial<MarkdownDocument> = {}, summary: Partial<DocumentSummary> = {}): MarkdownDocument {
  const transcript = fields.transcript ?? SAMPLE;
  return { document: summaryOf(transcript, summary), transcript, plainText: plainTextOf(transcript), annotations, notebook: '', ...fields };
}

export function contextWith(options: Partial<MarkdownOptions> = {}, colorNames: Partial<Record<HighlightColor, string>> = {}): MarkdownContext {
  return { options: { ...DEFAULT_MARKDOWN_OPTIONS, ...options }, colorNames: { ...DEFAULT_COLOR_NAMES, ...colorNames }, exportedAt: EXPORTED_AT };
}

export interface ReadBack {
  /** The front matter, parsed by the `yaml` package. */
  fields: Record<string, unknown>;
  /** The rest, parsed as CommonMark (or GFM). */
  tree: Root;
  /** Gloss's regions in order: each region's key and the blocks between its markers. */
  regions: { key: string; blocks: RootContent[] }[];
  /** Blocks outside every region (the reader's). */
  outside: RootContent[];
}

const BEGIN = /^<!-- gloss:begin (\S+) [0-9a-f]{8} -->$/;

/** An exported file read back: front matter, tree, regions. Throws when the file does not open with front matter. */
export function readBack(markdown: string, dialect: Dialect = 'commonmark'): ReadBack {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  const fields = parseYaml(match[1]) as Record<string, unknown>;
  const tree = parseBack(markdown.slice(match[0].length), dialect);
  const regions: ReadBack['regions'] = [];
  const outside: RootContent[] = [];
  let open: ReadBack['regions'][number] | null = null;
  for (const node of tree.children) {
    if (node.type === 'html') {
      const begin = BEGIN.exec(node.value.trim());
      if (begin) {
        if (open) throw new Error(`region ${open.key} not closed`);
        open = { key: begin[1], blocks: [] };
        regions.push(open);
        continue;
      }
      if (node.value.trim() === '<!-- gloss:end -->') {
        if (!open) throw new Error('an end marker with no region');
        open = null;
        continue;
      }
    }
    if (open) open.blocks.push(node);
    else outside.push(node);
  }
  if (open) throw new Error(`region ${(open as { key: string }).key} not closed`);
  return { fields, tree, regions, outside };
}

/** The text of a node with hard line breaks as '\n' (mdast-util-to-string leaves them out). */
export function textOf(node: RootContent | Root): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return 'value' in node ? String(node.value) : '';
}

export { toString };
