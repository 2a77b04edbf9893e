/**
 * The library's codebook in the renderer, and the one place its changes are
 * sent to main: what each highlight colour is called, every code with its
 * counts, colour and description, and the operations on codes across the
 * library (rename, merge, move, delete). Each change is one function that
 * answers what it changed (for undo), or null when nothing changed; the
 * reason for a refusal is shown in the status line. Until main has answered,
 * the colours have their own names.
 */
import { useSyncExternalStore } from 'react';
import { errorMessage } from '../../../core/error-message';
import { ancestorsOf, compareCodes, leafOf } from '../../../core/study/code-path';
import { indexCodes, type CodeIndex } from '../../../core/study/code-completion';
import {
  DEFAULT_COLOR_NAMES,
  HIGHLIGHT_COLORS,
  type Codebook,
  type CodeOperation,
  type CodeOperationResult,
  type CodeSummary,
  type ColorLabel,
  type HighlightColor,
} from '../../../shared/model';
import { call } from '../gloss-client';
import { refreshOpenDocument } from './library-state';
import { undoHistory } from './undo-history';
import { readingStore } from './reading-store';
import { refreshStoreStatus, storeStatus } from './store-status';

export interface CodebookState {
  /** Every colour with its name, in toolbar order. */
  colors: readonly ColorLabel[];
  /** Every code with its counts, in tree order. */
  codes: readonly CodeSummary[];
  /** Whether main has answered once. */
  loaded: boolean;
  /** Why the codebook could not be read the last time it was asked for, or null. */
  problem: string | null;
}

type Listener = () => void;

const DEFAULT_COLORS: readonly ColorLabel[] = HIGHLIGHT_COLORS.map((color) => ({ color, name: DEFAULT_COLOR_NAMES[color] }));

let state: CodebookState = { colors: DEFAULT_COLORS, codes: [], loaded: false, problem: null };
const listeners = new Set<Listener>();

function set(next: CodebookState): void {
  state = next;
  for (const l of listeners) l();
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The codebook now, for code outside React. */
export function codebookState(): CodebookState {
  return state;
}

export function useCodebook<T>(pick: (s: CodebookState) => T): T {
  return useSyncExternalStore(subscribe, () => pick(state));
}

/** Takes in a codebook main sent; every colour keeps a name even if main left one out. */
function take(codebook: Codebook): void {
  const named = new Map(codebook.colors.map((c) => [c.color, c.name]));
  const colors = HIGHLIGHT_COLORS.map((color) => ({ color, name: named.get(color) || DEFAULT_COLOR_NAMES[color] }));
  set({ colors, codes: codebook.codes, loaded: true, problem: null });
}

// ——— Colour names ———

/** What the reader calls `color` (its own name until they name it). */
export function colorName(color: HighlightColor): string {
  return state.colors.find((c) => c.color === color)?.name ?? DEFAULT_COLOR_NAMES[color];
}

/** Every colour's name, for export and filters. */
export function colorNames(): Record<HighlightColor, string> {
  return Object.fromEntries(state.colors.map((c) => [c.color, c.name])) as Record<HighlightColor, string>;
}

/** `colorName(color)` for components: re-renders only when that name changes. */
export function useColorName(color: HighlightColor): string {
  return useSyncExternalStore(subscribe, () => colorName(color));
}

/** Hears every change of a colour's name (not of codes or counts), for what is painted outside React. */
export function subscribeColorNames(listener: () => void): () => void {
  let colors = state.colors;
  return subscribe(() => {
    if (state.colors === colors) return;
    const renamed = state.colors.some((c, i) => c.name !== colors[i]?.name);
    colors = state.colors;
    if (renamed) listener();
  });
}

/** Whether the reader gave `color` a name of its own. */
export function isNamed(label: ColorLabel): boolean {
  return label.name !== DEFAULT_COLOR_NAMES[label.color];
}

/** How a colour is spoken of: "yellow" while it has its own name, "yellow — key claim" once named. */
export function colorPhrase(color: HighlightColor, name: string = colorName(color)): string {
  return name === DEFAULT_COLOR_NAMES[color] ? color : `${color} — ${name}`;
}

// ——— Reading the codebook ———

let reading: Promise<Codebook | null> | null = null;

/**
 * Asks main for the codebook. Never fails: when it cannot be read, what is shown stays (the colours keep their
 * names) and the answer is null. Calls made while one is under way share it.
 */
export function refreshCodebook(): Promise<Codebook | null> {
  reading ??= call('codebook:get', {})
    .then(
      (codebook) => {
        take(codebook);
        return codebook;
      },
      (error: unknown) => {
        const problem = errorMessage(error);
        console.warn('[gloss] could not read the codebook:', problem);
        if (problem !== state.problem) set({ ...state, problem });
        return null;
      },
    )
    .finally(() => {
      reading = null;
    });
  return reading;
}

/**
 * A highlight now carries these codes: those the codebook does not know yet (just created) are offered by the
 * autocomplete at once, and the counts are read again from main.
 */
export function codesInUseChanged(codes: readonly string[]): void {
  const known = new Set(state.codes.map((c) => c.path));
  const added: CodeSummary[] = [];
  for (const code of codes) {
    for (const path of [...ancestorsOf(code), code]) {
      if (known.has(path)) continue;
      known.add(path);
      added.push({ path, count: path === code ? 1 : 0, total: 1, color: null, description: '' });
    }
  }
  if (added.length) set({ ...state, codes: [...state.codes, ...added].sort((a, b) => compareCodes(a.path, b.path)) });
  void refreshCodebook();
}

let indexed: { codes: readonly CodeSummary[]; index: CodeIndex } | null = null;

/** The codes prepared for autocomplete, most used first; built again only when the codebook changes. */
export function completionIndex(): CodeIndex {
  if (indexed?.codes !== state.codes) indexed = { codes: state.codes, index: indexCodes(state.codes.map((c) => ({ path: c.path, uses: c.total }))) };
  return indexed.index;
}

// ——— Changes ———

/** Refuses `what` when the library cannot be changed, saying why; true when refused. */
function refuseWhenReadOnly(what: string): boolean {
  const reason = storeStatus.getState().readOnly;
  if (reason) readingStore.setStatus({ kind: 'error', message: `${what}. ${reason}` });
  return reason !== null;
}

function refused(what: string, error: unknown): void {
  readingStore.setStatus({ kind: 'error', message: `${what}. ${errorMessage(error)}` });
  void refreshStoreStatus();
}

/** A colour's name before and after a change. */
export interface ColorNameChange {
  color: HighlightColor;
  before: string;
  after: string;
}

/**
 * Names `color` for the whole library ('' gives it back its own name). Answers what changed, or null when nothing
 * did (the same name, or refused).
 */
export async function nameColor(color: HighlightColor, name: string): Promise<ColorNameChange | null> {
  const before = colorName(color);
  const wanted = name.replace(/\s+/g, ' ').trim() || DEFAULT_COLOR_NAMES[color];
  if (wanted === before) return null;
  if (refuseWhenReadOnly('The colour was not renamed')) return null;
  const naming = call('codebook:name-color', { color, name: wanted === DEFAULT_COLOR_NAMES[color] ? '' : wanted });
  undoHistory.record({
    label: 'Rename colour',
    undo: async () => (await nameColor(color, before)) !== null,
    redo: async () => (await nameColor(color, wanted)) !== null,
    settled: naming.then(() => true, () => false),
  });
  try {
    take(await naming);
    return { color, before, after: colorName(color) };
  } catch (error) {
    refused('The colour was not renamed', error);
    return null;
  }
}

/** What the codebook says of a code: its colour and description. */
export interface CodeDescription {
  color: HighlightColor | null;
  description: string;
}

export interface CodeDescriptionChange {
  path: string;
  before: CodeDescription;
  after: CodeDescription;
}

/**
 * Adds `path` to the codebook, or changes its colour or description. Answers what changed, or null when nothing
 * did (the same, or refused).
 */
export async function describeCode(path: string, change: Partial<CodeDescription>): Promise<CodeDescriptionChange | null> {
  const known = state.codes.find((c) => c.path === path);
  const before: CodeDescription = { color: known?.color ?? null, description: known?.description ?? '' };
  const after: CodeDescription = { ...before, ...change };
  if (known && after.color === before.color && after.description === before.description) return null;
  if (refuseWhenReadOnly('The codebook was not changed')) return null;
  const describing = call('codebook:describe-code', { path, ...change });
  undoHistory.record({
    label: 'Change code',
    undo: async () => (await describeCode(path, before)) !== null,
    redo: async () => (await describeCode(path, after)) !== null,
    settled: describing.then(() => true, () => false),
  });
  try {
    const codebook = await describing;
    take(codebook);
    const now = codebook.codes.find((c) => c.path === path);
    return { path: now?.path ?? path, before, after: { color: now?.color ?? after.color, description: now?.description ?? after.description } };
  } catch (error) {
    refused('The codebook was not changed', error);
    return null;
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** What an operation did, in one sentence: "Renamed theme/risk to theme/danger: 12 highlights changed in 3 documents." */
export function operationReport(operation: CodeOperation, result: Pick<CodeOperationResult, 'highlightsChanged' | 'documentsChanged'>): string {
  const changed = `${plural(result.highlightsChanged, 'highlight')} changed in ${plural(result.documentsChanged, 'document')}`;
  switch (operation.kind) {
    case 'rename':
      return `Renamed ${operation.from} to ${operation.to}: ${changed}.`;
    case 'merge':
      return `Merged ${operation.from} into ${operation.into}: ${changed}.`;
    case 'move': {
      const to = operation.parent ? `${operation.parent}/${leafOf(operation.code)}` : leafOf(operation.code);
      return `Moved ${operation.code} ${operation.parent ? `under ${operation.parent}` : 'to the top'} (now ${to}): ${changed}.`;
    }
    case 'delete':
      return `Deleted ${operation.code}: ${changed}.`;
  }
}

/** Where a code ends up after an operation (null: it is gone), so a view can keep the reader's place. */
export function pathAfter(operation: CodeOperation): string | null {
  switch (operation.kind) {
    case 'rename':
      return operation.to;
    case 'merge':
      return operation.into;
    case 'move':
      return operation.parent ? `${operation.parent}/${leafOf(operation.code)}` : leafOf(operation.code);
    case 'delete':
      return null;
  }
}

const OPERATION_LABELS: Record<CodeOperation['kind'], string> = { rename: 'Rename code', merge: 'Merge codes', move: 'Move code', delete: 'Delete code' };

/** A code operation done: what was asked, what main did, and the sentence that said so. */
export interface CodeOperationDone {
  operation: CodeOperation;
  result: CodeOperationResult;
  message: string;
}

/** After codes changed across the library: the codebook's counts and the open document's highlights are read again. */
async function afterCodesChanged(): Promise<void> {
  await Promise.all([refreshCodebook(), refreshOpenDocument()]);
}

/**
 * Renames, merges, moves or deletes a code across every document, in one step in main; the status line says how
 * many highlights changed, and the codebook and the open document's highlights are read again. Answers what was
 * done, with the token that reverts it, or null when it was refused (the reason is shown).
 */
export async function applyCodeOperation(operation: CodeOperation): Promise<CodeOperationDone | null> {
  if (refuseWhenReadOnly('The codes were not changed')) return null;
  const applying = call('codes:apply', { operation });
  // The token that takes it back; a redo applies the operation again and gets a new one.
  let undoToken: string | null = null;
  undoHistory.record({
    label: OPERATION_LABELS[operation.kind],
    undo: async () => undoToken !== null && (await revertCodeOperation(undoToken)) !== null,
    redo: async () => {
      const again = await applyCodeOperation(operation);
      if (again) undoToken = again.result.undoToken;
      return again !== null;
    },
    settled: applying.then(
      (result) => {
        undoToken = result.undoToken;
        return true;
      },
      () => false,
    ),
  });
  try {
    const result = await applying;
    const message = operationReport(operation, result);
    readingStore.setStatus({ kind: 'info', message });
    await afterCodesChanged();
    return { operation, result, message };
  } catch (error) {
    refused('The codes were not changed', error);
    return null;
  }
}

/** Takes back a code operation of this session (undo); the codebook and the open document are read again. */
export async function revertCodeOperation(undoToken: string): Promise<CodeOperationResult | null> {
  if (refuseWhenReadOnly('The codes were not changed back')) return null;
  try {
    const result = await call('codes:revert', { undoToken });
    await afterCodesChanged();
    return result;
  } catch (error) {
    refused('The codes were not changed back', error);
    return null;
  }
}

/** How many documents hold highlights carrying `code` or a code under it; null when main cannot say. */
export async function documentsCarrying(code: string): Promise<number | null> {
  try {
    const refs = await call('overview:highlights', { documentId: null, code });
    return new Set(refs.map((r) => r.documentId)).size;
  } catch {
    return null;
  }
}
