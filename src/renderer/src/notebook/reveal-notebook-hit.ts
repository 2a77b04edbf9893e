/**
 * A library search hit in a notebook, shown there: once the notebook is on
 * screen with its text, the words the hit marks (with as much of their
 * context as is found as written) are scrolled into view and flashed. A hit
 * carries no place in a notebook, only its snippet, so the text is looked for.
 */
import type { SearchHit } from '../../../shared/model';

/** The name the flash's style goes by (editor/reveal-range.css): the same as a revealed passage's. */
const FLASH_HIGHLIGHT = 'gloss-reveal';
const FLASH_MS = 1200;
/** How long the notebook may take to open before the hit is given up on (it is open all the same). */
const WAIT_MS = 4000;
/** Characters of the snippet kept either side of the marked word when looking for it. */
const CONTEXT = 24;

/** What to look for, most precise first: the first marked word with its context either side, then less. */
export function needlesFor(hit: Pick<SearchHit, 'snippet' | 'marks'>): string[] {
  const [mark] = hit.marks;
  if (!mark) return [];
  const [start, end] = mark;
  // The snippet is the notebook's Markdown: the marks that make a heading, a list item or emphasis are not on screen.
  const shown = (markdown: string) => markdown.replace(/^\s*(#{1,6}|>|[-*+](\s\[[ xX]\])?|\d+[.)])\s+/, '').replace(/[*_`]/g, '');
  const before = shown(hit.snippet.slice(Math.max(0, start - CONTEXT), start).replace(/^.*…/s, ''));
  const after = shown(hit.snippet.slice(end, end + CONTEXT).replace(/….*$/s, ''));
  const word = hit.snippet.slice(start, end);
  const needles = [before + word + after, word + after, before + word, word].map((n) => n.trim().toLowerCase());
  return [...new Set(needles)].filter(Boolean);
}

/** The DOM range over the first place in `root`'s text where one of `needles` is (the more precise found first). */
function findText(root: HTMLElement, needles: readonly string[]): Range | null {
  const nodes: { node: Text; at: number }[] = [];
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, at: text.length });
    text += node.data;
  }
  const lower = text.toLowerCase();
  // toLowerCase can change a text's length (rarely): then the offsets would not hold, and the hit is not looked for.
  if (lower.length !== text.length) return null;
  const locate = (index: number) => {
    let i = nodes.length - 1;
    while (i > 0 && nodes[i].at > index) i--;
    return { node: nodes[i].node, offset: index - nodes[i].at };
  };
  for (const needle of needles) {
    const index = lower.indexOf(needle);
    if (index < 0) continue;
    const a = locate(index);
    const b = locate(index + needle.length);
    const range = document.createRange();
    range.setStart(a.node, Math.min(a.offset, a.node.length));
    range.setEnd(b.node, Math.min(b.offset, b.node.length));
    return range;
  }
  return null;
}

function flash(range: Range): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return;
  CSS.highlights.set(FLASH_HIGHLIGHT, new Highlight(new StaticRange(range)));
  window.setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
}

/** Waits for the notebook of `scope` to show its text, then scrolls to the hit in it and flashes it. */
export function revealNotebookHit(scope: 'library' | 'document', hit: Pick<SearchHit, 'snippet' | 'marks'>): void {
  const needles = needlesFor(hit);
  if (needles.length === 0) return;
  const until = performance.now() + WAIT_MS;
  const look = () => {
    const editor = document.querySelector<HTMLElement>(`.notebook--${scope} .notebook__editor`);
    const range = editor?.textContent ? findText(editor, needles) : null;
    if (range) {
      const block = range.startContainer.parentElement;
      block?.scrollIntoView({ block: 'center' });
      flash(range);
    } else if (performance.now() < until) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
