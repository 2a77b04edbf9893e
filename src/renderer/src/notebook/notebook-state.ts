/**
 * Notebooks on the renderer side: opening and saving them through main (one
 * call after another per notebook, so an open never overtakes a save sent
 * before it), the notebooks on screen now, putting a highlight into a
 * notebook (on screen, or written without one), which side-panel tab shows,
 * and opening a quote's passage (in another document, once it has opened).
 */
import { createEditor, $createParagraphNode, $getRoot, $isParagraphNode, type EditorState } from 'lexical';
import { useSyncExternalStore } from 'react';
import { errorMessage } from '../../../core/error-message';
import type { Notebook } from '../../../shared/model';
import { call } from '../gloss-client';
import { readOnlyReason } from '../state/highlight-changes';
import { showView } from '../state/library-state';
import { readingStore } from '../state/reading-store';
import { openAtHighlight } from '../state/reveal-request';
import { storeStatus } from '../state/store-status';
import type { NotebookScope } from './notebook-context';
import { NOTEBOOK_NODES } from './notebook-editor-config';
import { notebookMarkdown } from './notebook-markdown';
import type { NotebookContent } from './notebook-saver';
import { $createHighlightQuoteNode, type HighlightQuoteNode } from './nodes/HighlightQuoteNode';
import { HIGHLIGHT_QUOTE_TYPE, quoteOf, type HighlightQuote } from './quote';
import { quoteLinks } from './quote-links';

/** A document's notebook is named by the document's id; the library's by null. */
export type NotebookId = string | null;
const keyOf = (id: NotebookId) => id ?? '';

// ---- Talking to main ----

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every call for notebook `id` sent before it has been answered. */
function inOrder<T>(id: NotebookId, task: () => Promise<T>): Promise<T> {
  const key = keyOf(id);
  const result = (queues.get(key) ?? Promise.resolve()).then(task);
  queues.set(key, result.catch(() => undefined));
  return result;
}

/** Ids of the highlights a notebook's serialised state quotes. */
export function quotedHighlightIds(state: string | null): string[] {
  if (!state) return [];
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; highlightId?: unknown; children?: unknown };
    if (n.type === HIGHLIGHT_QUOTE_TYPE && typeof n.highlightId === 'string') ids.push(n.highlightId);
    if (Array.isArray(n.children)) n.children.forEach(walk);
  };
  try {
    walk((JSON.parse(state) as { root?: unknown }).root);
  } catch {
    // A state that does not parse quotes nothing this can tell; the editor says what is wrong with it.
  }
  return ids;
}

/** Reads a notebook from main; what it says of unlinked quotes is taken in. */
export async function openNotebook(id: NotebookId): Promise<Notebook> {
  const notebook = await inOrder(id, () => call('notebook:open', { documentId: id }));
  quoteLinks.apply(quotedHighlightIds(notebook.state), notebook.unlinked);
  return notebook;
}

export function saveNotebook(id: NotebookId, content: NotebookContent): Promise<{ updatedAt: string }> {
  return inOrder(id, () => call('notebook:save', { documentId: id, ...content }));
}

/** What is saved of a notebook's editor state: its JSON and its Markdown. */
export function contentOf(state: EditorState, scope: NotebookScope): NotebookContent {
  const json = state.toJSON();
  return { state: JSON.stringify(json), markdown: notebookMarkdown(json, scope) };
}

// ---- Highlights deleted or brought back in the open document unlink or link their quotes at once ----

readingStore.subscribeHighlights((ids) => {
  if (!ids) return;
  const { annotations } = readingStore.getState();
  for (const id of ids) quoteLinks.set(id, annotations.has(id));
});

// ---- Notebooks on screen ----

/** A notebook shown now: quotes go into its editor, and leaving saves it. */
export interface LiveNotebook {
  insertQuote(quote: HighlightQuote): void;
  flush(): Promise<void>;
}

const live = new Map<string, LiveNotebook>();

/** Tells that notebook `id` is on screen (or loading to be); quotes for it go there until the returned function is called. */
export function registerLiveNotebook(id: NotebookId, notebook: LiveNotebook): () => void {
  const key = keyOf(id);
  live.set(key, notebook);
  return () => {
    if (live.get(key) === notebook) live.delete(key);
  };
}

/** Saves at once every notebook on screen with changes not saved yet. */
export function flushNotebooks(): Promise<void> {
  return Promise.all([...live.values()].map((n) => n.flush())).then(() => undefined);
}

/** Puts `quote` at the end of a notebook's content, before a last empty paragraph (which stays, to write on). */
export function $appendQuote(quote: HighlightQuote): HighlightQuoteNode {
  const root = $getRoot();
  const last = root.getLastChild();
  const node = $createHighlightQuoteNode(quote);
  if ($isParagraphNode(last) && last.getTextContentSize() === 0) last.insertBefore(node);
  else root.append(node, $createParagraphNode());
  return node;
}

/** Adds a quote to a notebook not on screen: read from main, the quote appended, saved, all in one turn of its queue. */
async function appendQuoteWithoutEditor(id: NotebookId, quote: HighlightQuote): Promise<void> {
  await inOrder(id, async () => {
    const notebook = await call('notebook:open', { documentId: id });
    const editor = createEditor({
      namespace: 'gloss-notebook',
      nodes: [...NOTEBOOK_NODES],
      onError: (error) => {
        throw error;
      },
    });
    if (notebook.state) editor.setEditorState(editor.parseEditorState(notebook.state));
    editor.update(() => $appendQuote(quote), { discrete: true });
    await call('notebook:save', { documentId: id, ...contentOf(editor.getEditorState(), id === null ? 'library' : 'document') });
  });
}

// ---- The side panel's tab ----

export type SidePanelTab = 'highlights' | 'notebook';
let tab: SidePanelTab = 'highlights';
const tabListeners = new Set<() => void>();

export function showSidePanelTab(next: SidePanelTab): void {
  if (next === tab) return;
  tab = next;
  tabListeners.forEach((l) => l());
}

export function useSidePanelTab(): SidePanelTab {
  return useSyncExternalStore(
    (listener) => {
      tabListeners.add(listener);
      return () => tabListeners.delete(listener);
    },
    () => tab,
  );
}

// ---- Putting a highlight into a notebook ----

export type QuoteTarget = 'document' | 'library';

/**
 * Quotes highlight `highlightId` of the open document in its document's notebook or the library's: into the
 * editor when that notebook is on screen (at the caret when it has one), otherwise written straight away. The
 * reader is told where it went, or why it did not.
 */
export async function quoteHighlight(target: QuoteTarget, highlightId: string): Promise<boolean> {
  const { opened, annotations, ranges } = readingStore.getState();
  const annotation = annotations.get(highlightId);
  if (!opened || !annotation) return false;
  const where = target === 'document' ? 'this document’s notebook' : 'the library notebook';
  const refused = target === 'document' ? readOnlyReason() : storeStatus.getState().readOnly;
  if (refused) {
    readingStore.setStatus({ kind: 'error', message: `The quote was not added to ${where}. ${refused}` });
    return false;
  }
  const id = target === 'document' ? annotation.documentId : null;
  const quote = quoteOf(annotation, opened.transcript, opened.document.title, ranges.get(highlightId));
  quoteLinks.set(highlightId, true);
  try {
    const shown = live.get(keyOf(id));
    if (shown) shown.insertQuote(quote);
    else await appendQuoteWithoutEditor(id, quote);
  } catch (error) {
    readingStore.setStatus({ kind: 'error', message: `The quote was not added to ${where}. ${errorMessage(error)}` });
    return false;
  }
  const show = target === 'document' ? () => showSidePanelTab('notebook') : () => showView('notebook');
  readingStore.setStatus({ kind: 'info', message: `Quoted in ${where}.`, action: { label: 'Show', run: show } });
  return true;
}

// ---- Opening a quote's passage ----

/** Shows a highlight of the open document in its transcript; set by the reading view while it is on screen. */
let revealer: { documentId: string; reveal: (highlightId: string) => void } | null = null;

export function setRevealer(documentId: string, reveal: (highlightId: string) => void): () => void {
  const mine = { documentId, reveal };
  revealer = mine;
  return () => {
    if (revealer === mine) revealer = null;
  };
}

/** Shows a quote's passage: in the transcript on screen, or (from the library notebook) once its document has opened. */
export function openQuote(quote: HighlightQuote): void {
  if (quoteLinks.isUnlinked(quote.highlightId)) {
    readingStore.setStatus({ kind: 'info', message: 'The highlight this quote came from was deleted: there is no passage to show.' });
    return;
  }
  if (revealer?.documentId === quote.documentId) {
    revealer.reveal(quote.highlightId);
    return;
  }
  void flushNotebooks().finally(() => openAtHighlight(quote.documentId, quote.highlightId));
}
