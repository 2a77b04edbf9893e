/**
 * The caret of the read-only transcript. The transcript is not editable (so
 * no key, paste, drop or IME composition can change it); the browser's
 * selection in it is driven from here: the caret and the selection's anchor
 * are kept as offsets in the plain text, moved on keys (caret-keys.ts,
 * caret-moves.ts; lines by the browser's Selection.modify; a screenful by
 * scrolling the view and taking the text at the caret's place on screen), written to the
 * page as the window's selection, and drawn as a blinking bar the browser
 * does not draw in text that cannot be edited. Offsets, unlike DOM points,
 * survive the editor rebuilding the text's nodes when a highlight is made.
 */
import type { CaretMove } from './caret-keys';
import { moveCaret, paragraphAt, snapOffset, type CaretDirection } from './caret-moves';
import { caretRectAt, isInText, offsetOfPoint, pointAtScreen, pointIn, shownParagraphs, type ShownParagraphs } from './text-dom';

/** Room kept above and below the caret when the view scrolls to it. */
const REVEAL_MARGIN_PX = 48;

export interface CaretOptions {
  /** The transcript's plain text. */
  text(): string;
  /** Builds the rest of a long transcript now (before going to its end). */
  buildAll(): void;
  /** Where the caret goes when the transcript takes the focus with no place of its own in view (a selected highlight's start); null: none. */
  preferredOffset(): number | null;
}

const controllers = new WeakMap<HTMLElement, TranscriptCaret>();

/** The caret of the transcript whose root element this is, if it has one. */
export function caretOf(root: HTMLElement | null | undefined): TranscriptCaret | undefined {
  return root ? controllers.get(root) : undefined;
}

export class TranscriptCaret {
  private anchor = 0;
  private focus = 0;
  private known = false;
  private shown: ShownParagraphs | null = null;
  private pointerDown = false;
  /** The caret was put at the end of a line (End): where the line wraps, it is drawn there, not at the next line's start. */
  private upstream = false;
  private frame = 0;
  private readonly disposers: (() => void)[] = [];

  constructor(
    readonly root: HTMLElement,
    private readonly bar: HTMLElement,
    private readonly options: CaretOptions,
  ) {
    controllers.set(root, this);
    const listen = (target: EventTarget, type: string, handler: () => void, options?: AddEventListenerOptions) => {
      target.addEventListener(type, handler, options);
      this.disposers.push(() => target.removeEventListener(type, handler, options));
    };
    listen(root, 'focus', () => this.onFocus());
    listen(root, 'blur', () => this.draw());
    listen(root, 'pointerdown', () => (this.pointerDown = true));
    listen(window, 'pointerup', () => (this.pointerDown = false), { capture: true });
    listen(document, 'selectionchange', () => this.onSelectionChange());
    const scroller = this.scroller();
    if (scroller) listen(scroller, 'scroll', () => this.drawSoon(), { passive: true });
    const resize = new ResizeObserver(() => this.drawSoon());
    resize.observe(root);
    this.disposers.push(() => resize.disconnect());
  }

  dispose(): void {
    this.disposers.forEach((d) => d());
    cancelAnimationFrame(this.frame);
    controllers.delete(this.root);
  }

  /** The paragraphs shown changed (a long transcript built further): read them again when next needed. */
  paragraphsChanged(): void {
    this.shown = null;
  }

  /** The caret's offset in the plain text (the selection's moving end). */
  caretOffset(): number | null {
    return this.known ? this.focus : null;
  }

  private paragraphs(): ShownParagraphs {
    this.shown ??= shownParagraphs(this.root);
    return this.shown;
  }

  private scroller(): HTMLElement | null {
    return this.root.closest<HTMLElement>('.reader');
  }

  private hasFocus(): boolean {
    return document.activeElement === this.root;
  }

  /** The window's selection, when both its ends are in the transcript. */
  private selectionHere(): Selection | null {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    return this.root.contains(selection.anchorNode) && this.root.contains(selection.focusNode) ? selection : null;
  }

  /** Takes the window's selection in the transcript as the caret's place; says whether there was one. */
  private readSelection(): boolean {
    const selection = this.selectionHere();
    if (!selection) return false;
    const anchor = offsetOfPoint(this.root, selection.anchorNode, selection.anchorOffset);
    const focus = offsetOfPoint(this.root, selection.focusNode, selection.focusOffset);
    if (anchor === null || focus === null) return false;
    const { spans } = this.paragraphs();
    this.anchor = snapOffset(spans, anchor);
    this.focus = snapOffset(spans, focus);
    this.known = true;
    return true;
  }

  /** Writes the caret's place to the window's selection. */
  private writeSelection(): void {
    const { elements, spans } = this.paragraphs();
    if (elements.length === 0) return;
    const pointOf = (offset: number) => {
      const i = Math.min(paragraphAt(spans, offset), elements.length - 1);
      return pointIn(elements[i], Math.min(Math.max(offset, spans[i].start), spans[i].end));
    };
    const a = pointOf(this.anchor);
    const f = this.anchor === this.focus ? a : pointOf(this.focus);
    window.getSelection()?.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
  }

  /** Puts the caret at `offset` (or selects from `anchor` to it), and scrolls it into view. */
  place(offset: number, anchor: number = offset, options: { reveal?: boolean } = {}): void {
    const { spans } = this.paragraphs();
    this.focus = snapOffset(spans, offset);
    this.anchor = snapOffset(spans, anchor);
    this.known = true;
    this.upstream = false;
    this.writeSelection();
    if (options.reveal ?? true) this.reveal();
    this.draw(true);
  }

  /** Selects the whole transcript, built to its end, from its first paragraph's text to its last's; the view stays where it is. */
  selectAll(): void {
    this.options.buildAll();
    this.paragraphsChanged();
    const { spans } = this.paragraphs();
    if (spans.length === 0) return;
    this.place(spans[spans.length - 1].end, spans[0].start, { reveal: false });
  }

  /** Moves the caret (or extends the selection) as a caret key asks. */
  move({ step, direction, extend }: CaretMove): void {
    if (!this.readSelection() && !this.known) this.placeInView();
    const forward = direction === 'forward';
    this.upstream = step === 'lineboundary' && forward;
    if (step === 'line' || step === 'lineboundary') {
      this.moveByLayout(step, direction, extend);
    } else if (step === 'page') {
      this.moveByPage(direction, extend);
    } else {
      if (step === 'document' && forward) {
        this.options.buildAll();
        this.paragraphsChanged();
      }
      const { spans } = this.paragraphs();
      const start = Math.min(this.anchor, this.focus);
      const end = Math.max(this.anchor, this.focus);
      let to: number;
      if (!extend && start !== end && step === 'character') to = forward ? end : start;
      else to = moveCaret(this.options.text(), spans, extend ? this.focus : forward ? end : start, step, direction);
      this.focus = to;
      if (!extend) this.anchor = to;
      this.writeSelection();
    }
    this.reveal();
    this.draw(true);
  }

  /** Lines are the layout's: the browser moves by them, and the result is taken back onto the text if it left it. */
  private moveByLayout(step: 'line' | 'lineboundary', direction: CaretDirection, extend: boolean): void {
    this.writeSelection();
    const selection = window.getSelection();
    if (!selection) return;
    selection.modify(extend ? 'extend' : 'move', direction, step);
    const inText = isInText(selection.focusNode) && isInText(selection.anchorNode);
    if (!this.readSelection()) return;
    // Outside the text (a cue time, a gap between paragraphs): put it back on the text.
    if (!inText) this.writeSelection();
  }

  /**
   * A screenful: the view scrolls by its height less a line (so the last line read stays in sight), and the caret
   * goes to the text at the same place on screen. Where the view cannot scroll that far (near the transcript's
   * ends), the caret goes the rest of the way down or up the screen, as far as the text's first or last line.
   */
  private moveByPage(direction: CaretDirection, extend: boolean): void {
    const scroller = this.scroller();
    const rect = this.rectOf(this.focus);
    if (!scroller || !rect) return;
    const view = scroller.getBoundingClientRect();
    const line = rect.height > 0 ? rect.height : parseFloat(getComputedStyle(this.root).lineHeight) || 24;
    const page = Math.max(line, scroller.clientHeight - line);
    const sign = direction === 'forward' ? 1 : -1;
    const before = scroller.scrollTop;
    scroller.scrollTop = before + sign * page;
    const scrolled = scroller.scrollTop - before;
    const x = rect.left + 1;
    const y = Math.min(Math.max(rect.top + rect.height / 2 + sign * page - scrolled, view.top + 1), view.bottom - 1);
    const to = this.offsetOnScreen(x, y, direction);
    if (to === null) return;
    this.focus = to;
    if (!extend) this.anchor = to;
    this.writeSelection();
  }

  /** The text offset at a place on screen, snapped onto the text (off it, the nearest paragraph's edge on `direction`'s side). */
  private offsetOnScreen(x: number, y: number, direction: CaretDirection): number | null {
    const { elements, spans } = this.paragraphs();
    if (elements.length === 0) return null;
    const point = pointAtScreen(x, y);
    const offset = point ? offsetOfPoint(this.root, point.node, point.offset) : null;
    if (offset !== null) return snapOffset(spans, offset, direction);
    // Not in the transcript (past its column, beside it): the first paragraph reaching below that height, else the last.
    const i = elements.findIndex((p) => p.getBoundingClientRect().bottom > y);
    return i < 0 ? spans[spans.length - 1].end : spans[i].start;
  }

  /** The caret at the start of the first paragraph in view (where the reader is reading). */
  private placeInView(): void {
    const { elements, spans } = this.paragraphs();
    const view = this.scroller()?.getBoundingClientRect();
    let i = 0;
    if (view) {
      while (i < elements.length - 1 && elements[i].getBoundingClientRect().bottom <= view.top + 1) i++;
    }
    const offset = spans[i]?.start ?? 0;
    this.anchor = this.focus = offset;
    this.known = true;
  }

  /** Whether the plain-text offset is on screen in the reading view. */
  private inView(offset: number): boolean {
    const rect = this.rectOf(offset);
    const view = this.scroller()?.getBoundingClientRect();
    return !!rect && !!view && rect.top >= view.top && rect.bottom <= view.bottom;
  }

  private rectOf(offset: number): DOMRect | null {
    const { elements, spans } = this.paragraphs();
    if (elements.length === 0) return null;
    const i = Math.min(paragraphAt(spans, offset), elements.length - 1);
    const point = pointIn(elements[i], offset);
    return caretRectAt(point.node, point.offset, this.upstream);
  }

  private onFocus(): void {
    // A click puts the caret where it clicks, just after this.
    if (this.pointerDown || this.readSelection()) {
      this.draw(true);
      return;
    }
    const preferred = this.options.preferredOffset();
    if (preferred !== null && this.inView(preferred)) this.place(preferred, preferred, { reveal: false });
    else if (this.known && this.inView(this.focus)) this.place(this.focus, this.anchor, { reveal: false });
    else {
      this.placeInView();
      this.place(this.focus, this.anchor, { reveal: false });
    }
  }

  private onSelectionChange(): void {
    const was = this.focus;
    if (this.readSelection()) {
      // Moved by something else than a caret key (a click): drawn where its offset starts a line, if it wraps there.
      if (this.focus !== was) this.upstream = false;
    } else if (this.hasFocus() && this.known && (window.getSelection()?.rangeCount ?? 0) === 0) {
      // The selection was taken away (a highlight was just made of it): the caret stays at its end.
      this.anchor = this.focus;
      requestAnimationFrame(() => {
        if (this.hasFocus() && (window.getSelection()?.rangeCount ?? 0) === 0) this.writeSelection();
      });
    }
    this.draw();
  }

  /**
   * The editor rebuilt nodes of the text (a highlight made, undone or recoloured): the window's selection may have
   * been moved by it, so the caret's offsets are written back, while the transcript has the focus.
   */
  textRebuilt(): void {
    this.paragraphsChanged();
    if (!this.known || !this.hasFocus() || this.pointerDown) return;
    const selection = window.getSelection();
    if (selection && selection.rangeCount > 0 && this.selectionHere()) {
      const anchor = offsetOfPoint(this.root, selection.anchorNode, selection.anchorOffset);
      const focus = offsetOfPoint(this.root, selection.focusNode, selection.focusOffset);
      if (anchor === this.anchor && focus === this.focus) return;
    } else if (selection && selection.rangeCount === 0) {
      this.anchor = this.focus;
    }
    this.writeSelection();
    this.draw();
  }

  /** Scrolls the reading view so the caret is in it, with a little room. */
  reveal(): void {
    const scroller = this.scroller();
    if (!scroller || !this.known) return;
    const correct = () => {
      const rect = this.rectOf(this.focus);
      if (!rect) return;
      const view = scroller.getBoundingClientRect();
      const margin = Math.min(REVEAL_MARGIN_PX, view.height / 4);
      if (rect.top < view.top + margin) scroller.scrollTop -= view.top + margin - rect.top;
      else if (rect.bottom > view.bottom - margin) scroller.scrollTop += rect.bottom - (view.bottom - margin);
    };
    correct();
    // Paragraphs far away are laid out only once near the window (content-visibility): correct once they are.
    requestAnimationFrame(() => {
      correct();
      this.draw();
    });
  }

  private drawSoon(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  /** Shows the caret where the collapsed selection is, while the transcript has the focus; `moved` restarts its blink. */
  draw(moved = false): void {
    const selection = this.selectionHere();
    const scroller = this.scroller();
    const rect = selection?.isCollapsed && this.hasFocus() && scroller ? caretRectAt(selection.focusNode!, selection.focusOffset, this.upstream) : null;
    if (!rect || !scroller) {
      this.bar.hidden = true;
      return;
    }
    const view = scroller.getBoundingClientRect();
    const left = rect.left - view.left - scroller.clientLeft + scroller.scrollLeft;
    const top = rect.top - view.top - scroller.clientTop + scroller.scrollTop;
    this.bar.hidden = false;
    this.bar.style.transform = `translate(${Math.round(left * 2) / 2}px, ${Math.round(top)}px)`;
    this.bar.style.height = `${Math.round(rect.height)}px`;
    if (moved) {
      // Solid while it moves; the blink starts over.
      this.bar.classList.remove('is-blinking');
      void this.bar.offsetWidth;
      this.bar.classList.add('is-blinking');
    }
  }
}
