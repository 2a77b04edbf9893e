/**
 * Keeps the DOM of every highlight mark in step with the highlight data that
 * lives outside the editor: colour, selection, overlap, whether it has a note.
 * Where highlights overlap, the mark shows every one of them as a band of its
 * colour, oldest on top. Each mark also tells screen readers what it is
 * (aria-description): each highlight on it by its colour's name, its codes,
 * and whether it has a note (written at once for a few marks, at idle time
 * for a book's thousands). Also knows which mark nodes belong to which highlight.
 */
import { $isMarkNode } from '@lexical/mark';
import { $getNodeByKey, type LexicalEditor, type NodeKey, type NodeMutation } from 'lexical';
import { DEFAULT_COLOR_NAMES, type Annotation, type HighlightColor } from '../../../../../shared/model';
import type { ReadingState } from '../../../state/reading-store';

/**
 * The background of a mark shared by highlights of these colours (oldest first): one horizontal band each. A band of
 * the same colour as the one above it is a shade deeper (as highlighter ink is where two strokes cross), so that two
 * highlights of one colour still show as two (--hl-<colour>-deep, set for each theme). Colours come from styles.css.
 */
export function bandsImage(colors: readonly HighlightColor[]): string {
  const n = colors.length;
  const at = (i: number) => `${((100 * i) / n).toFixed(3)}%`;
  const bands = colors.map((c, i) => {
    const paint = i > 0 && colors[i - 1] === c ? `var(--hl-${c}-deep)` : `var(--hl-${c})`;
    return `${paint} ${at(i)} ${at(i + 1)}`;
  });
  return `linear-gradient(to bottom, ${bands.join(', ')})`;
}

/**
 * What a screen reader hears of a mark, after its text: each highlight on it, oldest first, as
 * "Key claim highlight, codes theme/risk, method, has a note" (the colour by the name the reader gave it).
 */
export function markDescription(here: readonly Annotation[], colorName: (color: HighlightColor) => string): string {
  let description = '';
  for (const a of here) {
    if (description) description += '; ';
    description += `${colorName(a.color)} highlight`;
    if (a.codes.length) description += `, ${a.codes.length === 1 ? 'code' : 'codes'} ${a.codes.join(', ')}`;
    if (a.note.trim() !== '') description += ', has a note';
  }
  return description;
}

/**
 * A paint of more marks than this (a book opening, every mark repainted) leaves their descriptions to idle time:
 * Chromium takes about twice as long to write an aria-* attribute as a data-* one (5,000 marks: about 45 ms more).
 */
const DESCRIBE_AT_ONCE = 64;

export class MarkPainter {
  private readonly keysById = new Map<string, Set<NodeKey>>();
  private readonly idsByKey = new Map<NodeKey, string[]>();
  /** Each highlight's description, made once per version of it (a change replaces the highlight's object). */
  private descriptions = new WeakMap<Annotation, string>();
  /** Marks painted whose description is still to be written, at idle time. */
  private readonly undescribed = new Set<NodeKey>();
  private idle: number | null = null;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly state: () => ReadingState,
    /** The name the reader gave a colour (the codebook's), for screen readers. */
    private readonly colorName: (color: HighlightColor) => string = (color) => DEFAULT_COLOR_NAMES[color],
  ) {}

  keysOf(id: string): NodeKey[] {
    return [...(this.keysById.get(id) ?? [])];
  }

  /** Mark elements of a highlight, in document order. */
  elementsOf(id: string): HTMLElement[] {
    const elements: HTMLElement[] = [];
    for (const key of this.keysById.get(id) ?? []) {
      const el = this.editor.getElementByKey(key);
      if (el) elements.push(el);
    }
    return elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  readonly onMutation = (mutations: Map<NodeKey, NodeMutation>): void => {
    const describeNow = mutations.size <= DESCRIBE_AT_ONCE;
    this.editor.getEditorState().read(() => {
      for (const [key, mutation] of mutations) {
        for (const id of this.idsByKey.get(key) ?? []) this.keysById.get(id)?.delete(key);
        this.idsByKey.delete(key);
        if (mutation === 'destroyed') continue;
        const node = $getNodeByKey(key);
        if (!$isMarkNode(node)) continue;
        const ids = node.getIDs();
        this.idsByKey.set(key, ids);
        for (const id of ids) {
          let keys = this.keysById.get(id);
          if (!keys) this.keysById.set(id, (keys = new Set()));
          keys.add(key);
        }
        this.paintKey(key, describeNow);
      }
    });
  };

  /** The highlights a mark shows, oldest first; the most recent gives the mark its colour (and the top of the stack when printed). */
  private highlightsOn(ids: readonly string[]): Annotation[] {
    const { annotations } = this.state();
    const here: Annotation[] = [];
    for (const id of ids) {
      const a = annotations.get(id);
      // An orphan is never painted, whatever marks still carry its id.
      if (a && !a.orphaned) here.push(a);
    }
    return here.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  private paintKey(key: NodeKey, describeNow: boolean): void {
    const el = this.editor.getElementByKey(key);
    const ids = this.idsByKey.get(key);
    if (!el || !ids) return;
    const { selectedId } = this.state();
    const here = this.highlightsOn(ids);
    // Thousands of marks are painted when a book opens: attributes written only when they change.
    const joined = ids.join(' ');
    if (el.getAttribute('data-ids') !== joined) el.setAttribute('data-ids', joined);
    const color = here.at(-1)?.color ?? 'yellow';
    if (el.getAttribute('data-color') !== color) el.setAttribute('data-color', color);
    const bands = here.length > 1 ? here.map((a) => a.color).join(' ') : null;
    if (el.getAttribute('data-bands') !== bands) {
      if (bands === null) {
        el.removeAttribute('data-bands');
        el.style.removeProperty('background-image');
      } else {
        el.setAttribute('data-bands', bands);
        el.style.backgroundImage = bandsImage(here.map((a) => a.color));
      }
    }
    const hasNote = here.some((a) => a.note.trim() !== '');
    if (hasNote !== el.hasAttribute('data-has-note')) el.toggleAttribute('data-has-note', hasNote);
    if (describeNow) this.writeDescription(el, here);
    else this.describeLater(key);
    const selected = selectedId !== null && ids.includes(selectedId);
    if (selected || el.classList.contains('is-selected')) el.classList.toggle('is-selected', selected);
  }

  private writeDescription(el: HTMLElement, here: readonly Annotation[]): void {
    const description = here.length === 1 ? this.describe(here[0]) : here.map((a) => this.describe(a)).join('; ');
    if (el.getAttribute('aria-description') !== description) el.setAttribute('aria-description', description);
  }

  private describeLater(key: NodeKey): void {
    this.undescribed.add(key);
    this.idle ??= requestIdleCallback(this.describeSome);
  }

  /** Writes waiting descriptions while the browser is idle, the marks of the current state. */
  private readonly describeSome = (deadline: IdleDeadline): void => {
    this.idle = null;
    for (const key of this.undescribed) {
      if (deadline.timeRemaining() < 1) break;
      this.undescribed.delete(key);
      const el = this.editor.getElementByKey(key);
      const ids = this.idsByKey.get(key);
      if (el && ids) this.writeDescription(el, this.highlightsOn(ids));
    }
    if (this.undescribed.size) this.idle = requestIdleCallback(this.describeSome);
  };

  /** Stops writing descriptions (the editor is going away). */
  dispose(): void {
    if (this.idle !== null) cancelIdleCallback(this.idle);
    this.idle = null;
    this.undescribed.clear();
  }

  private describe(annotation: Annotation): string {
    let description = this.descriptions.get(annotation);
    if (description === undefined) this.descriptions.set(annotation, (description = markDescription([annotation], this.colorName)));
    return description;
  }

  /** Repaints the marks of the given highlights. */
  repaint(ids: Iterable<string>): void {
    const keys = new Set<NodeKey>();
    for (const id of ids) for (const key of this.keysById.get(id) ?? []) keys.add(key);
    for (const key of keys) this.paintKey(key, keys.size <= DESCRIBE_AT_ONCE);
  }

  /** Repaints every mark (another document's highlights arrived, or a colour was renamed). */
  repaintAll(): void {
    this.descriptions = new WeakMap();
    const describeNow = this.idsByKey.size <= DESCRIBE_AT_ONCE;
    for (const key of this.idsByKey.keys()) this.paintKey(key, describeNow);
  }
}
