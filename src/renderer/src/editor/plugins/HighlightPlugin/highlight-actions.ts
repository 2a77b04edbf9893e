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

/**
 * Highlights plain-text `range` in `color`; the new highlight becomes the selected one. When its colour is already
 * on screen (a pending preview), the mark is built after that frame is painted, and `hidePending` ends the preview.
 */
export async function createHighlight(
  editor: LexicalEditor,
  painter: MarkPainter,
  range: TextRange,
  color: HighlightColor,
  hidePending: (() => void) | null = null,
): Promise<void> {
  const { opened, plainText } = readingStore.getState();
  if (!opened) return hidePending?.();
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
  // Sent at once; what main answers is taken in once the highlight is in place.
  const saving = call('annotations:create', { documentId: annotation.documentId, id: annotation.id, color, selectors: annotation.selectors }).then(
    (saved) => ({ saved }),
    (error: unknown) => ({ error }),
  );
  // With the colour already on screen, the rest waits for that frame: the mark and the list entry, then the
  // selection (its note field takes the focus), each after the frame that shows the step before.
  if (hidePending) await new Promise<void>((resolve) => afterNextPaint(resolve));
  if (readingStore.getState().opened?.document.id !== annotation.documentId) {
    // Another document was opened meanwhile; main still saves this one.
    hidePending?.();
    return void (await saving);
  }
  readingStore.upsert(annotation, range);
  wrap(editor, annotation.id, range);
  hidePending?.();
  afterNextPaint(() => readingStore.select(annotation.id));
  const answer = await saving;
  if ('saved' in answer) readingStore.upsert(answer.saved);
  else {
    const { error } = answer;
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
