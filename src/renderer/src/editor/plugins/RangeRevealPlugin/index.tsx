/**
 * Shows, in the reader, a stretch of the transcript asked for from outside
 * it (a library search hit opened: state/reveal-request.ts): scrolled into
 * view, even when that part of a long transcript is not built or laid out
 * yet, and flashed. Also takes the reader back to where it was when it left
 * for the search (editor/reading-place.ts).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useCallback } from 'react';
import type { TextRange } from '../../../../../core/anchoring/selectors';
import { useReading } from '../../../state/reading-store';
import { usePlaceRequests, useRangeRevealRequests } from '../../../state/reveal-request';
import { returnToReadingPlace, type ReadingPlace } from '../../reading-place';
import { revealRange } from '../../reveal-range';

/** Tries at most this many times: a far passage usually needs two (see revealUntilInView). */
const REVEAL_TRIES = 3;

/**
 * revealRange, again a frame later while the passage is still off screen: scrolling far into chunks not yet laid out
 * can stop short, at the end of a view that is shorter than it will be once the browser lays those chunks out.
 */
async function revealUntilInView(editor: LexicalEditor, range: TextRange): Promise<void> {
  for (let tries = 1; tries <= REVEAL_TRIES; tries++) {
    const dom = await revealRange(editor, range, { flash: true });
    const scroller = editor.getRootElement()?.closest('.reader');
    if (!dom || !scroller) return;
    const rect = dom.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (rect.top >= view.top && rect.bottom <= view.bottom) return;
    // The view grows to its real height once the browser has laid out what it scrolled to: a frame later.
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export function RangeRevealPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const documentId = useReading((s) => s.opened?.document.id);
  // The keys go to the reading view again (the search field had them), without undoing the scroll.
  const focusReader = useCallback(() => editor.getRootElement()?.closest<HTMLElement>('.reader')?.focus({ preventScroll: true }), [editor]);
  const reveal = useCallback((range: TextRange) => void revealUntilInView(editor, range).finally(focusReader), [editor, focusReader]);
  const goBack = useCallback((place: ReadingPlace) => void returnToReadingPlace(editor, place).finally(focusReader), [editor, focusReader]);
  useRangeRevealRequests(documentId, reveal);
  usePlaceRequests(documentId, goBack);
  return null;
}
