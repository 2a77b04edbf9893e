/**
 * A passage of the open transcript given as plain-text offsets, on screen:
 * the DOM range it covers (for painting with the CSS Custom Highlight API),
 * and a reveal that scrolls it into view, building the rest of a long
 * transcript first when the passage is not built yet, and waiting for the
 * chunks around it to be laid out (content-visibility) before settling.
 * Used by the find bar and by anything that opens a document at a passage.
 */
import type { LexicalEditor } from 'lexical';
import type { TextRange } from '../../../core/anchoring/selectors';
import { BUILD_TRANSCRIPT_COMMAND } from './commands';
import { MEDIA_TIME_CLASS } from './nodes/TranscriptParagraphNode';
import './reveal-range.css';

/** How long a revealed passage stays flashed. */
const FLASH_MS = 1200;
/** The name styles give the flash: `::highlight(gloss-reveal)`. */
const FLASH_HIGHLIGHT = 'gloss-reveal';

const startOf = (p: Element) => Number(p.getAttribute('data-start'));
const endOf = (p: Element) => Number(p.getAttribute('data-end'));

/** The paragraphs of one chunk (or the paragraph itself, for a paragraph placed directly in the root). */
function paragraphsIn(child: Element): HTMLCollection | Element[] {
  return child.hasAttribute('data-start') ? [child] : child.children;
}

/** Index of the first item whose paragraph ends at or after `offset` (items.length when none does). */
function firstEndingAtOrAfter(count: number, endAt: (i: number) => number, offset: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endAt(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The paragraph element that contains plain-text `offset`, or the first one after it; null when it is past the end
 * or not built yet. Bisects the chunks, then the chunk's paragraphs: no query over the whole document.
 */
export function paragraphElementAt(root: HTMLElement, offset: number): HTMLElement | null {
  const chunks = root.children;
  const lastOf = (i: number) => {
    const ps = paragraphsIn(chunks[i]);
    return ps[ps.length - 1];
  };
  const c = firstEndingAtOrAfter(chunks.length, (i) => (lastOf(i) ? endOf(lastOf(i)) : -1), offset);
  if (c >= chunks.length) return null;
  const ps = paragraphsIn(chunks[c]);
  const p = firstEndingAtOrAfter(ps.length, (i) => endOf(ps[i]), offset);
  const found = ps[p];
  return found instanceof HTMLElement ? found : null;
}

/** The text node and offset in it at `offset` characters into paragraph `p` (its cue time left out). */
function pointIn(p: HTMLElement, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(`.${MEDIA_TIME_CLASS}`) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let rest = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (rest <= node.length) return { node, offset: rest };
    rest -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: p, offset: 0 };
}

/**
 * The DOM range over plain-text [start, end) in the transcript rooted at `root`; ends between paragraphs snap
 * inwards. Null when no built text is inside. The range is live: rebuilding the text under it (a highlight's marks
 * cut in) moves it, so take a new one after the editor changes.
 */
export function domRangeForText(root: HTMLElement, start: number, end: number): Range | null {
  const first = paragraphElementAt(root, start);
  if (!first || startOf(first) >= end) return null;
  let last = paragraphElementAt(root, end) ?? first;
  if (startOf(last) >= end && last !== first) {
    // Ends in the gap before `last`: the paragraph before it (in its chunk, or the previous chunk's last).
    const previous = last.previousElementSibling ?? last.parentElement?.previousElementSibling?.lastElementChild ?? null;
    if (previous instanceof HTMLElement && previous.hasAttribute('data-start')) last = previous;
  }
  const a = pointIn(first, Math.max(start, startOf(first)) - startOf(first));
  const b = pointIn(last, Math.min(end, endOf(last)) - startOf(last));
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range.collapsed ? null : range;
}

export interface RevealOptions {
  /** Flash the passage once it is on screen (as a highlight picked in the side panel flashes). */
  flash?: boolean;
  /** Where the passage settles in the reading view: 'center' (the default), or 'nearest' (left where it is when wholly on screen, else centred). */
  block?: 'center' | 'nearest';
  /** Pixels at the top of the reading view that something covers (the find bar): a passage under them is not in view. */
  topInset?: number;
}

/** Scroll passes at most: a far passage settles in two or three. */
const MAX_PASSES = 6;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function highlightRegistry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' ? CSS.highlights : null;
}

/** Scrolls the reading view so that `rect` is centred; for 'nearest', only when it is not wholly on screen. */
function scrollToRect(scroller: HTMLElement, rect: DOMRect, block: 'center' | 'nearest', topInset: number): void {
  if (block === 'nearest' && inView(scroller, rect, topInset)) return;
  const view = scroller.getBoundingClientRect();
  scroller.scrollTop += rect.top + rect.height / 2 - (view.top + view.height / 2);
}

/** Whether `rect` is wholly inside the reading view, below what covers its top. */
function inView(scroller: HTMLElement, rect: DOMRect, topInset: number): boolean {
  const view = scroller.getBoundingClientRect();
  return rect.top >= view.top + topInset && rect.bottom <= view.bottom;
}

let flashTimer = 0;

function flash(range: Range): void {
  const highlights = highlightRegistry();
  if (!highlights) return;
  window.clearTimeout(flashTimer);
  highlights.set(FLASH_HIGHLIGHT, new Highlight(new StaticRange(range)));
  flashTimer = window.setTimeout(() => highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
}

/** The range once the transcript is built that far: the rest is built at once if it is not (a long transcript just opened). */
async function builtRange(editor: LexicalEditor, root: HTMLElement, range: TextRange): Promise<Range | null> {
  let dom = domRangeForText(root, range.start, range.end);
  if (dom || root.getAttribute('data-complete') === 'true') return dom;
  editor.dispatchCommand(BUILD_TRANSCRIPT_COMMAND, undefined);
  for (let tries = 0; !dom && tries < 3; tries++) {
    await nextFrame();
    dom = domRangeForText(root, range.start, range.end);
  }
  return dom;
}

/**
 * Scrolls plain-text `range` of the transcript in `editor` into view (centred unless told otherwise), and flashes
 * it when asked. Works for passages far away, in chunks the browser has not laid out yet: it jumps, then corrects
 * over the next frames as the chunks around the passage get their real heights. Resolves to the passage's DOM range
 * once it has settled, or null when the range holds no text of this transcript.
 */
export async function revealRange(editor: LexicalEditor, range: TextRange, options: RevealOptions = {}): Promise<Range | null> {
  const root = editor.getRootElement();
  const scroller = root?.closest<HTMLElement>('.reader');
  if (!root || !scroller) return null;
  const block = options.block ?? 'center';
  let dom = await builtRange(editor, root, range);
  if (!dom) return null;
  // A chunk not laid out yet has a stand-in height: the first jump lays it (and its neighbours) out, the next ones
  // land on the real position. Done as soon as a pass no longer moves the view and the passage is in it; a pass that
  // cannot move the view while the passage is still out of it (the view is shorter than it will be once the chunks
  // scrolled to are laid out, a frame later) waits for that frame and tries again.
  const topInset = options.topInset ?? 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = scroller.scrollTop;
    scrollToRect(scroller, dom.getBoundingClientRect(), block, topInset);
    if (Math.abs(scroller.scrollTop - before) < 1 && inView(scroller, dom.getBoundingClientRect(), topInset)) break;
    await nextFrame();
    if (!dom.startContainer.isConnected) dom = domRangeForText(root, range.start, range.end) ?? dom;
  }
  if (options.flash) flash(dom);
  return dom;
}
