/**
 * Copy to the clipboard as Markdown: one highlight, the highlights the side
 * panel lists, the whole export of the document open in the reader, and a
 * passage selected in the transcript as a quote with its citation (speaker,
 * document, time, a gloss:// link back). Written by the same core functions
 * as the Markdown export, with the remembered export options and the
 * reader's colour names; what was copied is said in the status line.
 */
import { errorMessage } from '../../../core/error-message';
import type { TextRange } from '../../../core/anchoring/selectors';
import { markdownForDocument, markdownForHighlights, quoteWithCitation, type MarkdownContext, type MarkdownDocument } from '../../../core/export/markdown-export';
import { glossUrl } from '../../../core/links/gloss-url';
import { highlightMatcher } from '../../../core/study/filter-highlights';
import { speakerIndex } from '../../../core/study/speakers';
import type { Annotation, ExportFilter, MarkdownOptions, OpenedDocument } from '../../../shared/model';
import { call } from '../gloss-client';
import { shownKey } from '../commands/command-keys';
import { flushNotebooks } from '../notebook/notebook-state';
import { codebookState, colorNames } from './codebook-state';
import { readingStore, type ReadingState } from './reading-store';

/** Puts text on the clipboard: the async Clipboard API, or (where it is refused) the older copy command in a user gesture. */
export async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    if (!copyWithCommand(text)) throw new Error(`the clipboard refused the text (${errorMessage(error)})`);
  }
}

function copyWithCommand(text: string): boolean {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  active?.focus({ preventScroll: true });
  return copied;
}

/** The open document as the Markdown functions take it: every highlight (or those given), and its notebook. */
export function markdownDocumentOf(opened: OpenedDocument, plainText: string, annotations: readonly Annotation[], notebook = ''): MarkdownDocument {
  return { document: opened.document, transcript: opened.transcript, plainText, annotations, notebook };
}

/** The highlights matching a filter, as the side panel and main's export see them (an orphan is said by no one). */
export function matchingHighlights(opened: OpenedDocument, annotations: readonly Annotation[], filter: ExportFilter | null): Annotation[] {
  if (!filter) return [...annotations];
  const matches = highlightMatcher(filter);
  const speakers = speakerIndex(opened.transcript);
  return annotations.filter((a) => {
    const { start, end } = a.selectors.position;
    return matches({ color: a.color, codes: a.codes, note: a.note, speakers: a.orphaned ? [] : speakers.speakersOf(start, end) });
  });
}

/** The media time where a passage starts (its paragraph's), or null when the transcript has none there. */
export function secondsAt(opened: OpenedDocument, offset: number): number | null {
  for (const turn of opened.transcript.turns) {
    for (const p of turn.paragraphs) {
      if (offset >= p.start && offset < p.end) return p.startSeconds ?? null;
      if (p.start > offset) return null;
    }
  }
  return null;
}

/** What quoteWithCitation takes for a passage of the open document: its words, who says them, where and when, and a link back. */
export function citationOf(opened: OpenedDocument, plainText: string, range: TextRange): Parameters<typeof quoteWithCitation>[0] {
  const speakers = speakerIndex(opened.transcript)
    .speakersOf(range.start, range.end)
    .filter((s): s is string => s !== null);
  return {
    quote: plainText.slice(range.start, range.end),
    speaker: speakers.length ? speakers.join(' and ') : null,
    documentTitle: opened.document.title,
    seconds: secondsAt(opened, range.start),
    link: glossUrl({ documentId: opened.document.id, start: range.start, end: range.end }),
  };
}

async function markdownOptions(): Promise<MarkdownOptions> {
  return call('export:options', {});
}

function context(options: MarkdownOptions): MarkdownContext {
  const { colors, codes } = codebookState();
  return { options, colorNames: colorNames(), codebook: { colors: [...colors], codes: [...codes] }, exportedAt: new Date() };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function opened(state: ReadingState): OpenedDocument | null {
  return state.opened;
}

/** Copies highlights of the open document (in document order) as Markdown. Answers what was copied, or null. */
export async function copyHighlightsAsMarkdown(ids: readonly string[]): Promise<string | null> {
  const state = readingStore.getState();
  const doc = opened(state);
  if (!doc) return null;
  if (ids.length === 0) {
    readingStore.setStatus({ kind: 'info', message: 'No highlights to copy.' });
    return null;
  }
  try {
    const markdown = markdownForHighlights(markdownDocumentOf(doc, state.plainText, [...state.annotations.values()]), ids, context(await markdownOptions()));
    await writeClipboard(markdown);
    readingStore.setStatus({ kind: 'info', message: `Copied ${plural(ids.length, 'highlight')} as Markdown` });
    return markdown;
  } catch (error) {
    readingStore.setStatus({ kind: 'error', message: `Could not copy: ${errorMessage(error)}` });
    return null;
  }
}

/** Copies the selected highlight as Markdown; without one, says how to pick one. */
export function copySelectedHighlight(): Promise<string | null> {
  const { selectedId } = readingStore.getState();
  if (!selectedId) {
    readingStore.setStatus({ kind: 'info', message: `Select a highlight (or some text) first, then press ${shownKey('copy-highlight')} to copy it.` });
    return Promise.resolve(null);
  }
  return copyHighlightsAsMarkdown([selectedId]);
}

/** Copies a passage of the open document as a quote with its citation. */
export async function copyQuoteWithCitation(range: TextRange): Promise<string | null> {
  const state = readingStore.getState();
  const doc = opened(state);
  if (!doc) return null;
  try {
    const markdown = quoteWithCitation(citationOf(doc, state.plainText, range));
    await writeClipboard(markdown);
    readingStore.setStatus({ kind: 'info', message: 'Copied the quote with its citation' });
    return markdown;
  } catch (error) {
    readingStore.setStatus({ kind: 'error', message: `Could not copy: ${errorMessage(error)}` });
    return null;
  }
}

/**
 * The whole Markdown export of the open document, as the Export dialog's options say, on the clipboard (the file
 * an export would write, front matter included). Throws with the reason when it cannot.
 */
export async function copyDocumentMarkdown(options: MarkdownOptions, filter: ExportFilter | null): Promise<{ markdown: string; highlights: number }> {
  const state = readingStore.getState();
  const doc = opened(state);
  if (!doc) throw new Error('no document is open in the reader');
  await flushNotebooks();
  const notebook = options.notebook ? (await call('notebook:open', { documentId: doc.document.id })).markdown : '';
  const annotations = matchingHighlights(doc, [...state.annotations.values()], filter);
  const markdown = markdownForDocument(markdownDocumentOf(doc, state.plainText, annotations, notebook), context(options));
  await writeClipboard(markdown);
  // Orphans are written only when asked for.
  return { markdown, highlights: options.orphans ? annotations.length : annotations.filter((a) => !a.orphaned).length };
}
