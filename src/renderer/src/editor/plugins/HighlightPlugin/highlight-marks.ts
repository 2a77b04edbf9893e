/**
 * The editor's part of a highlight change: building a highlight's marks over
 * its range, and taking them away again (a deletion, or a new highlight main
 * refused). The change itself, and talking to main, is state/highlight-changes.ts.
 */
import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark';
import { $getNodeByKey, $setSelection, type LexicalEditor } from 'lexical';
import type { TextRange } from '../../../../../core/anchoring/selectors';
import type { HighlightMarks } from '../../../state/highlight-changes';
import { $selectionForRange } from '../../text-points';
import type { MarkPainter } from './mark-painter';

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
  if (keys.length === 0) return;
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

/** The marks of this editor, as the highlight changes need them. */
export function editorMarks(editor: LexicalEditor, painter: MarkPainter): HighlightMarks {
  return {
    wrap: (id, range) => wrap(editor, id, range),
    unwrap: (id) => unwrap(editor, painter, id),
  };
}
