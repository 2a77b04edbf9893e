/**
 * Replacing a document's text with a corrected version, in the renderer: the
 * one place the replace, its undo and the adoption of an imported new version
 * are sent to main. Each replace is recorded for undo (Ctrl+Z reverts it; the
 * report's "Undo replace" does too), the open document is read again with its
 * highlights where main re-anchored them, the library's counts are read again,
 * and the report of what became of every highlight is shown. An imported file
 * that looks like a new version of a document is offered as one, without
 * blocking anything (NewVersionPrompt).
 */
import { useSyncExternalStore } from 'react';
import { errorMessage } from '../../../core/error-message';
import type { ImportResult, TextReplacement } from '../../../shared/model';
import { call } from '../gloss-client';
import { libraryState, openDocument, refreshLibrary, refreshOpenDocument, refuseWhenLibraryReadOnly } from './library-state';
import { readingStore } from './reading-store';
import { refreshStoreStatus } from './store-status';
import { undoHistory } from './undo-history';

/** A report on screen: what a replace (or its undo) did to a document's highlights. */
export interface ShownReport {
  replacement: TextReplacement;
  /** The document's title, as the report names it. */
  title: string;
  /** Whether the replace has since been undone (the report then says so, and offers no undo). */
  undone: boolean;
}

/** An imported document that came from a file named as one already in the library, with other text. */
export interface NewVersionOffer {
  /** The document just imported. */
  documentId: string;
  fileName: string;
  into: { id: string; title: string };
}

export interface TextReplacementState {
  report: ShownReport | null;
  /** The document whose text is being replaced or given back now, or null. */
  busy: string | null;
  /** New versions waiting for the reader's answer, oldest first (the prompt shows the first). */
  offers: readonly NewVersionOffer[];
}

type Listener = () => void;
let state: TextReplacementState = { report: null, busy: null, offers: [] };
const listeners = new Set<Listener>();

function set(patch: Partial<TextReplacementState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function textReplacementState(): TextReplacementState {
  return state;
}

export function useTextReplacement<T>(pick: (s: TextReplacementState) => T): T {
  return useSyncExternalStore(subscribe, () => pick(state));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The report in one line: "412 highlights kept, 3 moved, 1 changed, 1 orphaned". */
export function summaryLine(r: Pick<TextReplacement, 'kept' | 'moved' | 'changed' | 'orphaned'>): string {
  return `${plural(r.kept, 'highlight')} kept, ${r.moved.toLocaleString('en')} moved, ${r.changed.toLocaleString('en')} changed, ${r.orphaned.toLocaleString('en')} orphaned`;
}

function titleOf(documentId: string): string {
  const opened = readingStore.getState().opened;
  if (opened?.document.id === documentId) return opened.document.title;
  return libraryState().documents.find((d) => d.id === documentId)?.title ?? 'the document';
}

/**
 * After main changed a document's text: the open document is read again (the reader is built afresh on the new
 * text) and the library's counts too. With `open`, the document is opened in the reader if it is not showing.
 */
async function showChangedText(documentId: string, open: boolean): Promise<void> {
  if (open) await openDocument(documentId);
  // Its text changed: read again, the reader is rebuilt on the new text.
  else if (readingStore.getState().opened?.document.id === documentId) await refreshOpenDocument();
  await refreshLibrary().catch(() => undefined);
}

function failed(what: string, error: unknown): void {
  readingStore.setStatus({ kind: 'error', message: `${what}: ${errorMessage(error)}` });
  void refreshStoreStatus();
}

/**
 * One replace as the undo history holds it. Its token hands the replace back; reverting gives a token that hands
 * the revert back, which is how a redo does the replace again without asking for the file again.
 */
class ReplaceStep {
  applied = true;
  constructor(
    readonly documentId: string,
    public token: string | null,
  ) {}

  /** Gives the old text back; true when it is back (or was already). */
  async revert(): Promise<boolean> {
    if (!this.applied) return true;
    if (this.token === null) return false;
    const result = await swapText(this.documentId, this.token, 'The replace was not undone');
    if (!result) return false;
    this.applied = false;
    this.token = result.undoToken;
    if (state.report?.replacement.documentId === this.documentId) set({ report: { ...state.report, undone: true } });
    return true;
  }

  /** Puts the corrected text back; true when it is in place (or was already). */
  async reapply(): Promise<boolean> {
    if (this.applied) return true;
    if (this.token === null) return false;
    const result = await swapText(this.documentId, this.token, 'The replace was not done again');
    if (!result) return false;
    this.applied = true;
    this.token = result.undoToken;
    steps.set(result.undoToken, this);
    // A report still on screen shows the replace as done again.
    if (state.report?.replacement.documentId === this.documentId) set({ report: { replacement: result, title: titleOf(this.documentId), undone: false } });
    return true;
  }
}

/** Asks main to hand a replace (or a revert) back with `token`, and shows the text that comes back. */
async function swapText(documentId: string, token: string, what: string): Promise<TextReplacement | null> {
  if (refuseWhenLibraryReadOnly(what)) return null;
  set({ busy: documentId });
  try {
    const result = await call('documents:revert-text', { documentId, undoToken: token });
    await showChangedText(documentId, false);
    return result;
  } catch (error) {
    failed(what, error);
    return null;
  } finally {
    set({ busy: null });
  }
}

/** The steps of this session by their report's token, so that the report's Undo reaches the step the history holds. */
const steps = new Map<string, ReplaceStep>();

/**
 * Runs a replace main is asked for (`replacing`): records it for undo as it is issued (dropped if the reader
 * cancels or main refuses), then shows the new text and the report. `open`: show the document in the reader.
 */
async function runReplace(
  documentId: string,
  replacing: Promise<TextReplacement | { cancelled: true }>,
  what: string,
  open: boolean,
): Promise<TextReplacement | null> {
  const step = new ReplaceStep(documentId, null);
  const answer = replacing.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  undoHistory.record({
    label: 'Replace text',
    undo: () => step.revert(),
    redo: () => step.reapply(),
    settled: answer.then((a) => 'result' in a && !('cancelled' in a.result)),
  });
  set({ busy: documentId });
  try {
    const a = await answer;
    if ('error' in a) {
      failed(what, a.error);
      return null;
    }
    if ('cancelled' in a.result) return null;
    const result = a.result;
    step.token = result.undoToken;
    steps.set(result.undoToken, step);
    await showChangedText(result.documentId, open);
    set({ report: { replacement: result, title: titleOf(result.documentId), undone: false } });
    return result;
  } finally {
    set({ busy: null });
  }
}

/** "Replace text with a corrected version…": main asks for the file, replaces the text and re-anchors every highlight. */
export async function replaceTextWithDialog(documentId: string): Promise<TextReplacement | null> {
  if (state.busy) return null;
  if (refuseWhenLibraryReadOnly('The text was not replaced')) return null;
  readingStore.clearInfo();
  return runReplace(documentId, call('documents:replace-text-dialog', { documentId }), 'The text was not replaced', false);
}

/** Takes back the replace the report shows (as Ctrl+Z would, whatever was done since). */
export async function undoShownReplace(): Promise<boolean> {
  const shown = state.report;
  if (!shown || shown.undone) return false;
  const step = steps.get(shown.replacement.undoToken);
  if (!step) return false;
  const ok = await step.revert();
  if (ok) readingStore.setStatus({ kind: 'info', message: 'Undone: replace text.' });
  return ok;
}

export function closeReport(): void {
  if (state.report) set({ report: null });
}

// ——— New versions found on import ———

/** Offers every imported file that looks like a new version of a document already in the library. */
export function offerNewVersions(results: readonly ImportResult[]): void {
  const found: NewVersionOffer[] = [];
  for (const r of results) {
    if (r.ok && r.newVersionOf && r.newVersionOf.id !== r.document.id) found.push({ documentId: r.document.id, fileName: r.fileName, into: r.newVersionOf });
  }
  if (found.length) set({ offers: [...state.offers.filter((o) => !found.some((f) => f.documentId === o.documentId)), ...found] });
}

function withoutOffer(offer: NewVersionOffer): void {
  set({ offers: state.offers.filter((o) => o.documentId !== offer.documentId) });
}

/** "Keep both": the imported document stays a document of its own. */
export function keepBoth(offer: NewVersionOffer): void {
  withoutOffer(offer);
}

/**
 * "Replace text": the imported document becomes the new text of the one it is a version of (main removes it),
 * every highlight is re-anchored, the report shows, and that document is opened.
 */
export async function adoptNewVersion(offer: NewVersionOffer): Promise<TextReplacement | null> {
  if (state.busy) return null;
  if (refuseWhenLibraryReadOnly('The text was not replaced')) return null;
  withoutOffer(offer);
  readingStore.setStatus({ kind: 'info', message: `Moving the highlights of “${offer.into.title}” onto the new text…` });
  const result = await runReplace(offer.into.id, call('documents:adopt-version', { documentId: offer.documentId, into: offer.into.id }), 'The text was not replaced', true);
  // The imported copy is gone; a reader still showing it would show a document no longer in the library.
  if (result) readingStore.closeIfOpen(offer.documentId);
  return result;
}

/** Forgets everything (tests). */
export function resetTextReplacement(): void {
  steps.clear();
  set({ report: null, busy: null, offers: [] });
}
