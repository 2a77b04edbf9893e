/**
 * Shows, in the reader, a stretch of the transcript asked for from outside
 * it (a library search hit opened: state/reveal-request.ts): scrolled into
 * view, even when that part of a long transcript is not built or laid out
 * yet, and flashed. Also takes the reader back to where it was when it left
 * for the search (editor/reading-place.ts).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback } from 'react';
import type { TextRange } from '../../../../../core/anchoring/selectors';
import { useReading } from '../../../state/reading-store';
import { usePlaceRequests, useRangeRevealRequests } from '../../../state/reveal-request';
import { returnToReadingPlace, type ReadingPlace } from '../../reading-place';
import { revealRange } from '../../reveal-range';

export function RangeRevealPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const documentId = useReading((s) => s.opened?.document.id);
  // The keys go to the reading view again (the search field had them), without undoing the scroll.
  const focusReader = useCallback(() => editor.getRootElement()?.closest<HTMLElement>('.reader')?.focus({ preventScroll: true }), [editor]);
  const reveal = useCallback((range: TextRange) => void revealRange(editor, range, { flash: true }).finally(focusReader), [editor, focusReader]);
  const goBack = useCallback((place: ReadingPlace) => void returnToReadingPlace(editor, place).finally(focusReader), [editor, focusReader]);
  useRangeRevealRequests(documentId, reveal);
  usePlaceRequests(documentId, goBack);
  return null;
}
