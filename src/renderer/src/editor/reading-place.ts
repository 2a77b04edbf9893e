/**
 * Where the reader is in a transcript, kept across leaving the reading view
 * (for the library search, the library, a restart: state/reading-position.ts) and coming back: the paragraph at the top of the
 * view, by its plain-text offset, and how far above or below the top it
 * begins. Scroll positions alone would not do: the reader is built again on
 * return, a long transcript a slice at a time, and paragraphs the browser has
 * not laid out yet stand in with guessed heights.
 */
import type { LexicalEditor } from 'lexical';
import { BUILD_TRANSCRIPT_COMMAND } from './commands';
import { paragraphElementAt } from './reveal-range';

export interface ReadingPlace {
  /** The plain-text offset at which the paragraph at the top of the view starts. */
  offset: number;
  /** Where that paragraph's top is, in pixels below the view's top (negative: it begins above). */
  top: number;
}

/** How many frames a return may take to settle (the paragraphs around the place get their real heights meanwhile). */
const SETTLE_FRAMES = 6;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The place the reading view shows now; null when no transcript is on screen, or it is at its very top. */
export function currentReadingPlace(): ReadingPlace | null {
  const scroller = document.querySelector<HTMLElement>('.reader');
  if (!scroller || scroller.scrollTop === 0) return null;
  return readingPlaceNow();
}

/**
 * The place the reading view shows now, at its top too (to be remembered: a reader who went back to the top
 * comes back to the top); null when no transcript is laid out.
 */
export function readingPlaceNow(): ReadingPlace | null {
  const scroller = document.querySelector<HTMLElement>('.reader');
  const root = scroller?.querySelector<HTMLElement>('.transcript');
  if (!scroller || !root) return null;
  const view = scroller.getBoundingClientRect();
  const x = root.getBoundingClientRect().left + root.clientWidth / 2;
  // The first paragraph under the view's top edge (the gap between two paragraphs holds none: look a little lower).
  // Every element at the point, not only the topmost: the side panel may lie over the text in a narrow window.
  for (let y = view.top + 2; y < view.bottom; y += 8) {
    for (const element of document.elementsFromPoint(x, y)) {
      const paragraph = element.closest<HTMLElement>('[data-start]');
      if (paragraph && root.contains(paragraph)) return { offset: Number(paragraph.dataset.start), top: paragraph.getBoundingClientRect().top - view.top };
      if (element === root) break;
    }
  }
  return null;
}

/** Scrolls the reading view of `editor` back to `place`, building the rest of a long transcript first if it must. */
export async function returnToReadingPlace(editor: LexicalEditor, place: ReadingPlace): Promise<void> {
  const root = editor.getRootElement();
  const scroller = root?.closest<HTMLElement>('.reader');
  if (!root || !scroller) return;
  for (let frame = 0; frame < SETTLE_FRAMES; frame++) {
    const paragraph = paragraphElementAt(root, place.offset);
    if (!paragraph) {
      if (root.getAttribute('data-complete') === 'true') return;
      editor.dispatchCommand(BUILD_TRANSCRIPT_COMMAND, undefined);
    } else {
      const off = paragraph.getBoundingClientRect().top - scroller.getBoundingClientRect().top - place.top;
      if (Math.abs(off) < 1 && frame > 0) return;
      scroller.scrollTop += off;
    }
    await nextFrame();
  }
}
