/**
 * Converts between offsets in the transcript's plain text and Lexical points
 * (a text node and an offset in it), so a highlight stored as selectors can
 * be wrapped in marks.
 */
import { $createRangeSelection, $getRoot, $isElementNode, type RangeSelection, type TextNode } from 'lexical';
import { $isTranscriptParagraphNode, type TranscriptParagraphNode } from './nodes/TranscriptParagraphNode';

/** Index of the paragraph containing `offset`, or of the first paragraph after it. */
function indexAt(paragraphs: TranscriptParagraphNode[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].getInfo().end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function $pointIn(paragraph: TranscriptParagraphNode, offset: number): { node: TextNode; offset: number } {
  let rest = offset - paragraph.getInfo().start;
  const texts = paragraph.getAllTextNodes();
  for (const node of texts) {
    const size = node.getTextContentSize();
    if (rest <= size) return { node, offset: rest };
    rest -= size;
  }
  const last = texts[texts.length - 1];
  return { node: last, offset: last.getTextContentSize() };
}

/**
 * A selection over plain-text [start, end). Ends that fall between
 * paragraphs snap inwards to the nearest text. Null when no text is inside.
 */
export function $selectionForRange(start: number, end: number): RangeSelection | null {
  // Only the paragraphs of chunks that overlap the range: a book has thousands of paragraphs, a highlight a few.
  const paragraphs: TranscriptParagraphNode[] = [];
  for (const child of $getRoot().getChildren()) {
    if ($isTranscriptParagraphNode(child)) {
      paragraphs.push(child);
      continue;
    }
    if (!$isElementNode(child)) continue;
    const first = child.getFirstChild();
    const last = child.getLastChild();
    if (!$isTranscriptParagraphNode(first) || !$isTranscriptParagraphNode(last)) continue;
    if (last.getInfo().end < start || first.getInfo().start > end) continue;
    for (const p of child.getChildren()) if ($isTranscriptParagraphNode(p)) paragraphs.push(p);
  }
  const first = indexAt(paragraphs, start);
  let last = indexAt(paragraphs, end);
  if (last >= paragraphs.length || paragraphs[last].getInfo().start >= end) last--;
  if (first >= paragraphs.length || last < first) return null;
  const a = $pointIn(paragraphs[first], Math.max(start, paragraphs[first].getInfo().start));
  const b = $pointIn(paragraphs[last], Math.min(end, paragraphs[last].getInfo().end));
  const selection = $createRangeSelection();
  selection.anchor.set(a.node.getKey(), a.offset, 'text');
  selection.focus.set(b.node.getKey(), b.offset, 'text');
  return selection;
}
