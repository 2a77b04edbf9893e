/**
 * Reopens each document where the reader left it, after a restart and when
 * coming back from another view: the place (editor/reading-place.ts) is
 * remembered when the reading view has rested a second after scrolling, when
 * the reader leaves it and when the window goes away, and gone back to once
 * the document is open, unless the document was opened to show something
 * else (a highlight, a search hit, a link).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { ReadingPosition } from '../../../../../shared/model';
import { afterNextPaint } from '../../../after-paint';
import { useReading } from '../../../state/reading-store';
import { rememberReadingPosition, rememberedReadingPosition } from '../../../state/reading-position';
import { hasRevealRequest } from '../../../state/reveal-request';
import { readingPlaceNow, returnToReadingPlace } from '../../reading-place';

/** How long scrolling must rest before the place is written. */
const SAVE_AFTER_MS = 1000;

export function ReadingPositionPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const documentId = useReading((s) => s.opened?.document.id);
  const hash = useReading((s) => s.opened?.document.hash);

  useEffect(() => {
    const scroller = editor.getRootElement()?.closest<HTMLElement>('.reader');
    if (!documentId || !hash || !scroller) return;
    let live = true;
    // Until the way back is done, scrolling is the way back's, not the reader's.
    let returning = true;
    let latest: ReadingPosition | null = null;
    let unsaved = false;
    let frame = 0;
    let timer = 0;
    const save = () => {
      window.clearTimeout(timer);
      if (latest && unsaved) void rememberReadingPosition(documentId, hash, latest);
      unsaved = false;
    };
    const onScroll = () => {
      if (returning || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const place = readingPlaceNow();
        if (!place) return;
        latest = place;
        unsaved = true;
        window.clearTimeout(timer);
        timer = window.setTimeout(save, SAVE_AFTER_MS);
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);

    if (hasRevealRequest(documentId)) returning = false;
    else
      void rememberedReadingPosition(documentId, hash).then((position) => {
        if (!live || !position || hasRevealRequest(documentId)) {
          returning = false;
          return;
        }
        // Once the first screen is painted (the reader builds the rest of a long transcript as it goes).
        afterNextPaint(() => {
          if (!live) return;
          void returnToReadingPlace(editor, position).finally(() => {
            latest = position;
            returning = false;
          });
        });
      });

    return () => {
      live = false;
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
      // Leaving the reading view (for the library, another document): where it was is kept.
      save();
    };
  }, [editor, documentId, hash]);

  return null;
}
