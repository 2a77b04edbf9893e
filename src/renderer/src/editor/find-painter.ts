/**
 * Paints the find bar's matches in the transcript with the CSS Custom
 * Highlight API (`::highlight(find-match)`, `::highlight(find-current)`):
 * nothing in the DOM changes, so the editor and the reader's own marks are
 * left alone. A book can have tens of thousands of matches, so only those
 * in and near the view are painted, again as the view scrolls. A match in a
 * speaker's name (drawn by CSS, not text) is shown by an attribute on its
 * paragraph, which styles the name.
 */
import type { TextRange } from '../../../core/anchoring/selectors';
import { firstMatchFrom, type FindMatch } from '../state/find-state';
import { domRangeForText, paragraphElementAt } from './reveal-range';

const MATCH = 'find-match';
const CURRENT = 'find-current';
/** The attribute on a paragraph whose speaker's name matches: 'match' or 'current'. */
const LABEL_ATTRIBUTE = 'data-find-label';

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' ? CSS.highlights : null;
}

/** Index of the first element of `items` whose box ends below `y` (a viewport coordinate); items.length when none does. */
function firstEndingBelow(items: ArrayLike<Element>, y: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].getBoundingClientRect().bottom <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The paragraphs of a chunk (a paragraph placed in the root stands for itself). */
const paragraphsOf = (chunk: Element): ArrayLike<Element> => (chunk.hasAttribute('data-start') ? [chunk] : chunk.children);

/** The paragraph at viewport height `y` in the transcript (or the nearest below it, or the last). */
function paragraphAtHeight(root: HTMLElement, y: number): Element | null {
  const chunks = root.children;
  if (chunks.length === 0) return null;
  const chunk = chunks[Math.min(chunks.length - 1, firstEndingBelow(chunks, y))];
  const paragraphs = paragraphsOf(chunk);
  return paragraphs[Math.min(paragraphs.length - 1, firstEndingBelow(paragraphs, y))] ?? null;
}

/**
 * The plain text shown in the reading view, with half a screen above and below (so a short scroll shows matches
 * already painted). A match in a book can be a single letter, thousands to a screen: painting only these keeps each
 * keystroke quick, and the paint follows the scroll.
 */
export function textNearView(root: HTMLElement): TextRange | null {
  const scroller = root.closest<HTMLElement>('.reader') ?? root;
  const view = scroller.getBoundingClientRect();
  const margin = view.height / 2;
  const first = paragraphAtHeight(root, view.top - margin);
  const last = paragraphAtHeight(root, view.bottom + margin);
  if (!first || !last) return null;
  return { start: Number(first.getAttribute('data-start')), end: Number(last.getAttribute('data-end')) };
}

/** The plain-text offset at the top of what is on screen: where a new search starts looking. */
export function offsetAtViewTop(root: HTMLElement): number {
  const scroller = root.closest<HTMLElement>('.reader') ?? root;
  const p = paragraphAtHeight(root, scroller.getBoundingClientRect().top);
  return p ? Number(p.getAttribute('data-start')) : 0;
}

/** Paints the find bar's matches in one transcript and takes the paint away again. */
export class FindPainter {
  private labelled = new Set<HTMLElement>();

  constructor(private readonly root: HTMLElement) {}

  /** Paints `matches` near the view, `current` (an index, or -1) apart from the rest. */
  paint(matches: readonly FindMatch[], current: number): void {
    const highlights = registry();
    const near = textNearView(this.root);
    const all = new Highlight();
    const now = new Highlight();
    const labelled = new Set<HTMLElement>();
    const show = (match: FindMatch, isCurrent: boolean) => {
      if (match.kind === 'speaker') {
        const p = paragraphElementAt(this.root, match.start);
        if (!p) return;
        p.setAttribute(LABEL_ATTRIBUTE, isCurrent ? 'current' : 'match');
        labelled.add(p);
        return;
      }
      const range = domRangeForText(this.root, match.start, match.end);
      if (range) (isCurrent ? now : all).add(range);
    };
    if (near) {
      for (let i = firstMatchFrom(matches, near.start); i < matches.length && matches[i].start <= near.end; i++) if (i !== current) show(matches[i], false);
    }
    if (current >= 0 && matches[current]) show(matches[current], true);
    for (const p of this.labelled) if (!labelled.has(p)) p.removeAttribute(LABEL_ATTRIBUTE);
    this.labelled = labelled;
    if (!highlights) return;
    // The current match is painted over the others (a Highlight's priority orders overlapping paint).
    now.priority = 1;
    highlights.set(MATCH, all);
    highlights.set(CURRENT, now);
  }

  /** Takes every match's paint away. */
  clear(): void {
    for (const p of this.labelled) p.removeAttribute(LABEL_ATTRIBUTE);
    this.labelled.clear();
    const highlights = registry();
    highlights?.delete(MATCH);
    highlights?.delete(CURRENT);
  }
}
