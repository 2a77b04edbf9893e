/**
 * What happens when the reader highlights, recolours or deletes: the change
 * is painted at once, sent to main, and undone on screen if main refuses it.
 */
import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark';
import { $getNodeByKey, $setSelection, type LexicalEditor } from 'lexical';
import { createSelectors, type TextRange } from '../../../../../core/anchoring/selectors';
import type { Annotation, HighlightColor } from '../../../../../shared/model';
import { afterNextPaint } from '../../../after-paint';
import { call } from '../../../gloss-client';
import { readingStore } from '../../../state/reading-store';
import { $selectionForRange } from '../../text-points';
import type { MarkPainter } from './mark-painter';

function reportError(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  readingStore.setStatus({ kind: 'error', message: `${what}: ${message}` });
}

function wrap(editor: LexicalEditor, id: string, range: TextRange): void {
  editor.update(
    () => {
      const selection = $selectionForRange(range.start, range.end);
      if (selection) $wrapSelectionInMarkNode(selection, false, id);
      $setSelection(null);
    },
    { discrete: true },
  );
}

function unwrap(editor: LexicalEditor, painter: MarkPainter, id: string): void {
  const keys = painter.keysOf(id);
  editor.update(
    () => {
      for (const key of keys) {
        const node = $getNodeByKey(key);
        if (!$isMarkNode(node)) continue;
        node.deleteID(id);
        if (node.getIDs().length === 0) $unwrapMarkNode(node);
      }
      $setSelection(null);
    },
    { discrete: true },
  );
}

/** Highlights plain-text `range` in `color`; the new highlight becomes the selected one. */
export async function createHighlight(editor: LexicalEditor, painter: MarkPainter, range: TextRange, color: HighlightColor): Promise<void> {
  const { opened, plainText } = readingStore.getState();
  if (!opened) return;
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: crypto.randomUUID(),
    documentId: opened.document.id,
    selectors: createSelectors(plainText, range.start, range.end),
    color,
    note: '',
    createdAt: now,
    updatedAt: now,
  };
  readingStore.upsert(annotation, range);
  wrap(editor, annotation.id, range);
  // Opening its note (a list entry, a focused field) waits until the mark is on screen.
  afterNextPaint(() => readingStore.select(annotation.id));
  try {
    const saved = await call('annotations:create', {
      documentId: annotation.documentId,
      id: annotation.id,
      color,
      selectors: annotation.selectors,
    });
    readingStore.upsert(saved);
  } catch (error) {
    unwrap(editor, painter, annotation.id);
    readingStore.remove(annotation.id);
    reportError('The highlight was not saved', error);
  }
}

export async function recolorHighlight(id: string, color: HighlightColor): Promise<void> {
  const before = readingStore.getState().annotations.get(id);
  if (!before || before.color === color) return;
  readingStore.upsert({ ...before, color });
  try {
    readingStore.upsert(await call('annotations:update', { documentId: before.documentId, id, color }));
  } catch (error) {
    readingStore.upsert(before);
    reportError('The colour was not changed', error);
  }
}

export async function deleteHighlight(editor: LexicalEditor, painter: MarkPainter, id: string): Promise<void> {
  const state = readingStore.getState();
  const before = state.annotations.get(id);
  const range = state.ranges.get(id);
  if (!before) return;
  unwrap(editor, painter, id);
  readingStore.remove(id);
  try {
    await call('annotations:delete', { documentId: before.documentId, id });
  } catch (error) {
    readingStore.upsert(before, range);
    if (range) wrap(editor, id, range);
    reportError('The highlight was not deleted', error);
  }
}
