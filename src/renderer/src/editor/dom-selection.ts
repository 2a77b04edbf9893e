/**
 * Reads the browser's selection in the transcript as offsets into the plain
 * text. The transcript is a read-only editor and Lexical does not track the
 * selection there (lexical#4102), so this maps DOM points itself, using the
 * paragraphs' data-start/data-end attributes.
 */
import type { TextRange } from '../../../core/anchoring/selectors';

const PARAGRAPH = '.para[data-start]';

function paragraphsOf(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(PARAGRAPH));
}

/** Offset of a DOM point that lies inside a paragraph. */
function offsetInParagraph(p: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(p, 0);
  range.setEnd(node, offset);
  // Not past the paragraph's end: a point after its last child would count the cue time drawn there.
  return Math.min(Number(p.dataset.start) + range.toString().length, Number(p.dataset.end));
}

/** Offset of any DOM point: inside a paragraph, or snapped to the nearest paragraph edge (`side`: the edge after it, or before). */
export function offsetOf(root: HTMLElement, node: Node, offset: number, side: 'start' | 'end'): number {
  const element = node instanceof Element ? node : node.parentElement;
  const p = element?.closest<HTMLElement>(PARAGRAPH);
  if (p && root.contains(p)) return offsetInParagraph(p, node, offset);
  const paragraphs = paragraphsOf(root);
  const point = document.createRange();
  point.setStart(node, offset);
  // First paragraph that begins at or after the point.
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(paragraphs[mid], 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (side === 'start') {
    return lo < paragraphs.length ? Number(paragraphs[lo].dataset.start) : Number(paragraphs.at(-1)?.dataset.end ?? 0);
  }
  return lo > 0 ? Number(paragraphs[lo - 1].dataset.end) : 0;
}

/** The selected plain-text range in `root`, trimmed of surrounding whitespace; null if nothing is selected there. */
export function selectedRange(root: HTMLElement, selection: Selection | null, plainText: string): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  let start = offsetOf(root, range.startContainer, range.startOffset, 'start');
  let end = offsetOf(root, range.endContainer, range.endOffset, 'end');
  while (start < end && /\s/.test(plainText[start])) start++;
  while (end > start && /\s/.test(plainText[end - 1])) end--;
  return start < end ? { start, end } : null;
}
