/**
 * Between offsets in the transcript's plain text and points in its page:
 * the paragraphs shown (with their data-start/data-end), the DOM point of an
 * offset (only ever in the paragraph's own text, never in the cue time drawn
 * in its margin), where on screen the caret at a point is drawn, and the
 * DOM point at a place on screen. The other way, a DOM point to an offset,
 * is dom-selection.ts's offsetOf.
 */
import { MEDIA_TIME_CLASS } from '../nodes/TranscriptParagraphNode';
import { offsetOf } from '../dom-selection';
import type { TextSpan } from './caret-moves';

export interface ShownParagraphs {
  elements: readonly HTMLElement[];
  spans: readonly TextSpan[];
}

/** The paragraphs built so far, in order. */
export function shownParagraphs(root: HTMLElement): ShownParagraphs {
  const elements = Array.from(root.querySelectorAll<HTMLElement>('.para[data-start]'));
  const spans = elements.map((p) => ({ start: Number(p.dataset.start), end: Number(p.dataset.end) }));
  return { elements, spans };
}

/** The text nodes of a paragraph's text (not of its cue time). */
function textNodesOf(paragraph: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(`.${MEDIA_TIME_CLASS}`) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** The DOM point of `offset` in a paragraph that holds it: in the text node it falls in (at a node's end rather than the next one's start). */
export function pointIn(paragraph: HTMLElement, offset: number): { node: Node; offset: number } {
  let rest = offset - Number(paragraph.dataset.start);
  const nodes = textNodesOf(paragraph);
  for (const node of nodes) {
    if (rest <= node.length) return { node, offset: Math.max(0, rest) };
    rest -= node.length;
  }
  const last = nodes.at(-1);
  return last ? { node: last, offset: last.length } : { node: paragraph, offset: 0 };
}

/** The offset a DOM point stands for, if it lies in `root`. */
export function offsetOfPoint(root: HTMLElement, node: Node | null, offset: number): number | null {
  if (!node || !root.contains(node)) return null;
  return offsetOf(root, node, offset, 'start');
}

/** Whether the DOM point is in a paragraph's own text (where the browser's line moves may leave the caret as it is). */
export function isInText(node: Node | null): boolean {
  return node instanceof Text && node.parentElement?.closest('.para[data-start]') != null && node.parentElement.closest(`.${MEDIA_TIME_CLASS}`) == null;
}

/**
 * Where the caret at a DOM point is drawn, in the window's coordinates (null when it has no box, off the layout).
 * Where a line wraps, one offset is both the end of a line and the start of the next: `upstream` draws it at the end
 * of the line (after End), else at the start of the next, before the letter that follows it.
 */
export function caretRectAt(node: Node, offset: number, upstream = false): DOMRect | null {
  const range = document.createRange();
  if (node instanceof Text && node.length > 0) {
    const after = upstream ? offset === 0 : offset < node.length;
    range.setStart(node, after ? offset : offset - 1);
    range.setEnd(node, after ? offset + 1 : offset);
    const rects = range.getClientRects();
    // The letter's last box (a letter split over two lines has one on each).
    const letter = after ? rects[0] : rects[rects.length - 1];
    if (letter && letter.height > 0) return new DOMRect(after ? letter.left : letter.right, letter.top, 0, letter.height);
  }
  range.setStart(node, offset);
  range.collapse(true);
  const rects = range.getClientRects();
  return rects.length > 0 && rects[0].height > 0 ? rects[0] : null;
}

/** The DOM point a caret at this place on screen (window coordinates) would stand at, if the browser finds one. */
export function pointAtScreen(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
