/**
 * Page object for the reading view: the tests speak of transcripts, turns,
 * highlights and notes; the selectors live here.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { HighlightColor } from '../../src/shared/model';
import { LibraryPage } from './library-page';
import { StoreNoticesPanel } from './store-notices-panel';

export class GlossPage {
  readonly transcript: Locator;
  readonly highlights: Locator;
  readonly note: Locator;
  readonly status: Locator;
  /** Whether the open note is saved ("Saved") or still being written. */
  readonly noteState: Locator;
  /** The title of the open document in the toolbar. */
  readonly title: Locator;
  readonly library: LibraryPage;
  /** What the app says about its files (notices) and what cannot be changed (read-only). */
  readonly storeNotices: StoreNoticesPanel;
  /** Why the open note was not saved, beside it (absent while nothing failed). */
  readonly noteProblem: Locator;
  /** The transcript's title line, at the top of the reading view. */
  readonly transcriptTitle: Locator;
  /** Each highlight's quote as the side panel lists it. */
  readonly highlightQuotes: Locator;
  /** Each highlight's note as the side panel lists it (a selected highlight shows its note in the editor instead). */
  readonly highlightNotes: Locator;

  constructor(readonly page: Page) {
    this.transcript = page.getByRole('textbox', { name: 'Transcript' });
    this.highlights = page.locator('.highlight-item');
    // The note is a rich-text field (contenteditable), named "Note"; type into it with typeNote, read it with noteText.
    this.note = page.getByRole('textbox', { name: 'Note', exact: true });
    this.status = page.locator('.statusbar__message');
    this.noteState = page.locator('.note-editor__state');
    this.title = page.locator('.toolbar__title');
    this.library = new LibraryPage(page);
    this.storeNotices = new StoreNoticesPanel(page);
    this.noteProblem = page.locator('.note-editor__problem');
    this.transcriptTitle = this.transcript.locator('.para--title');
    this.highlightQuotes = page.locator('.highlight-item__quote');
    this.highlightNotes = page.locator('.highlight-item__note');
  }

  /**
   * Elements in the app that only injected markup would make: the app draws
   * no script, image, frame, SVG, object or embed, no javascript: link, and
   * sets no inline event handler. Each is given as the start of its HTML.
   */
  async injectedElements(): Promise<string[]> {
    return this.page.evaluate(() => {
      const root = document.getElementById('root')!;
      const found = Array.from(root.querySelectorAll('script, img, iframe, frame, svg, math, object, embed, link, meta, style, base, form, [href^="javascript:" i], [src^="javascript:" i]'));
      for (const element of root.querySelectorAll('*')) {
        if (element.getAttributeNames().some((name) => name.startsWith('on'))) found.push(element);
      }
      return found.map((element) => element.outerHTML.slice(0, 120));
    });
  }

  /** Takes the last annotation action back (Ctrl/Cmd+Z), from outside any text field. */
  async undo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+z');
  }

  /** Does the last undone action again (Shift+Ctrl/Cmd+Z). */
  async redo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Shift+z');
  }

  /** Moves the focus out of the note (to the reading view), so that it is saved and keys go to the app. */
  async leaveNote(): Promise<void> {
    await this.page.locator('main').first().focus();
  }

  /** Waits for the first screen: a transcript, or the library when no document is open. */
  async waitUntilOpen(): Promise<void> {
    await expect(this.page.locator('.transcript .para, .library').first()).toBeVisible();
  }

  /** The paragraph whose text starts with `start`. */
  paragraph(start: string): Locator {
    return this.transcript.locator('.para').filter({ hasText: start }).first();
  }

  /** Drops files on the window the way a file manager does. */
  async dropFiles(files: { name: string; content: string }[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.content], f.name, { type: 'text/plain' }));
      return dt;
    }, files);
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer });
  }

  /** The speaker name shown above the turn that opens with `start` (drawn by CSS). */
  async speakerOf(start: string): Promise<string | null> {
    return this.paragraph(start).getAttribute('data-speaker');
  }

  /**
   * Selects text with the mouse, from the first character of `from` to the
   * last character of `to` (default: `from` itself), as a reader would.
   */
  async select(from: string, to: string = from): Promise<void> {
    // Twice: paragraphs scrolled into view are laid out only then (content-visibility), which can move the text.
    await this.pointsOf(from, to);
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const points = await this.pointsOf(from, to);
    await this.page.mouse.move(points.x1, points.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
    await this.page.mouse.move(points.x2, points.y2, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Scrolls the text into view and gives the screen points of its first and last characters. */
  private async pointsOf(from: string, to: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
    return this.page.evaluate(
      ([fromText, toText]) => {
        const root = document.querySelector('.transcript')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: { node: Text; at: number }[] = [];
        let all = '';
        while (walker.nextNode()) {
          const node = walker.currentNode as Text;
          nodes.push({ node, at: all.length });
          all += node.data;
        }
        const locate = (index: number) => {
          const hit = [...nodes].reverse().find((n) => n.at <= index)!;
          return { node: hit.node, offset: index - hit.at };
        };
        const startIndex = all.indexOf(fromText);
        const endIndex = all.indexOf(toText, startIndex) + toText.length - 1;
        if (startIndex < 0 || endIndex < startIndex) throw new Error(`text not in transcript: ${fromText} … ${toText}`);
        const first = locate(startIndex);
        first.node.parentElement!.scrollIntoView({ block: 'center' });
        const rectOf = (index: number) => {
          const { node, offset } = locate(index);
          const r = document.createRange();
          r.setStart(node, offset);
          r.setEnd(node, offset + 1);
          return r.getBoundingClientRect();
        };
        const a = rectOf(startIndex);
        const b = rectOf(endIndex);
        return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
      },
      [from, to],
    );
  }

  async selectedText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }

  /** The palette's button for a colour, whatever the reader named it ("Highlight yellow — key claim"). */
  colorButton(color: HighlightColor): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Highlight ${color}( — |$)`) });
  }

  /** Selects `from`…`to` with the mouse and clicks a colour. */
  async highlight(from: string, color: HighlightColor = 'yellow', to?: string): Promise<void> {
    const known = new Set(await this.highlightIds());
    await this.select(from, to);
    await this.colorButton(color).click();
    await expect(this.highlights).toHaveCount(known.size + 1);
    // Done when the new highlight is the selected one, its note open: the app gets there a frame or two after the
    // entry appears, and a note typed before then would go to the previous highlight's field.
    await expect
      .poll(async () => {
        const selected = await this.page.locator('.highlight-item.is-selected').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.id!));
        return selected.length === 1 && !known.has(selected[0]);
      }, { message: 'the new highlight becomes the selected one' })
      .toBe(true);
  }

  /** Mark elements of the transcript containing `text`. */
  marksWith(text: string): Locator {
    return this.transcript.locator('mark').filter({ hasText: text });
  }

  /** The text of every mark belonging to the highlight with this id, joined. */
  async textOfHighlight(id: string): Promise<string> {
    return this.page.evaluate(
      (hid) =>
        Array.from(document.querySelectorAll<HTMLElement>('.transcript mark'))
          .filter((m) => (m.dataset.ids ?? '').split(' ').includes(hid))
          .map((m) => m.textContent)
          .join(''),
      id,
    );
  }

  async highlightIds(): Promise<string[]> {
    return this.highlights.evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.id!));
  }

  /** The whole transcript's text, once all of it is built (a long one shows its first screen first). */
  async transcriptText(): Promise<string> {
    await expect(this.transcript).toHaveAttribute('data-complete', 'true');
    // Not innerText: it leaves out paragraphs off screen, which are not rendered (content-visibility).
    // Without the cue times in the margin, which are not part of the text.
    return this.transcript.evaluate((el) =>
      Array.from(el.querySelectorAll('.para'), (p) => Array.from(p.childNodes, (c) => (c instanceof Element && c.matches('.para__time') ? '' : c.textContent)).join('')).join('\n\n'),
    );
  }

  /** Types into the open note at its end, key by key, as a reader does (Markdown shortcuts such as `**` and `- ` apply). */
  async typeNote(text: string, options: { delay?: number } = {}): Promise<void> {
    await this.note.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.note.pressSequentially(text, options);
  }

  /**
   * Empties the open note as a reader does: all of it selected (Ctrl/Cmd+A), then deleted. (`fill('')` presses Delete
   * straight after selecting in the page, before the editor has taken in that selection, and may delete nothing.)
   */
  async clearNote(): Promise<void> {
    await this.note.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Backspace');
  }

  /** The open note's text as shown, a line for each paragraph or list item. */
  async noteText(): Promise<string> {
    return this.note.evaluate((el) => Array.from(el.children, (block) => (block as HTMLElement).innerText.replace(/\n$/, '')).join('\n'));
  }

  /** Whether the focus is in the open note (whatever kind of field the note is written in). */
  async noteHasFocus(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.closest('.note-editor') != null);
  }

  /** The selected highlight in the side panel (none, or one). */
  get selectedHighlight(): Locator {
    return this.page.locator('.highlight-item.is-selected');
  }

  /** How the browser paints highlight colour `color` (`rgb(…)`), to look for in what a mark shows. */
  async paintOf(color: HighlightColor): Promise<string> {
    return this.page.evaluate((c) => {
      const probe = document.createElement('span');
      probe.style.backgroundColor = `var(--hl-${c})`;
      document.body.append(probe);
      const paint = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return paint;
    }, color);
  }

  /**
   * The pieces (marks) of highlight `id` in the text, in order, as drawn: their text, the paint on them (background
   * colour and image, as computed) and the colours of its bands where highlights overlap, whether they are underlined as having a note, and which edges of the selection
   * outline each draws (in the ink colour).
   */
  async piecesOf(
    id: string,
  ): Promise<{ text: string; paint: string; bands: string[]; noted: boolean; edges: { top: boolean; bottom: boolean; start: boolean; end: boolean } }[]> {
    return this.page.evaluate((hid) => {
      const pieces = Array.from(document.querySelectorAll<HTMLElement>('.transcript mark')).filter((m) => (m.dataset.ids ?? '').split(' ').includes(hid));
      const ink = getComputedStyle(document.body).color;
      return pieces.map((m) => {
        const style = getComputedStyle(m);
        const shadows = Array.from(style.boxShadow.matchAll(/(rgba?\([^)]*\)) (-?[\d.]+)px (-?[\d.]+)px/g), ([, color, x, y]) => ({ color, x: Number(x), y: Number(y) })).filter((s) => s.color === ink);
        return {
          text: m.textContent ?? '',
          paint: `${style.backgroundColor} ${style.backgroundImage}`,
          // The colours of the bands an overlap is painted in, top to bottom: the last gradient, two stops a band.
          bands: Array.from(style.backgroundImage.split('linear-gradient').at(-1)!.matchAll(/(?:rgba?|color|oklch)\([^)]*\)/g), ([c]) => c).filter((_, i) => i % 2 === 0),
          noted: style.textDecorationLine.includes('underline') && style.textDecorationStyle === 'dotted',
          edges: {
            top: shadows.some((s) => s.x === 0 && s.y < 0),
            bottom: shadows.some((s) => s.x === 0 && s.y > 0),
            start: shadows.some((s) => s.x < 0),
            end: shadows.some((s) => s.x > 0),
          },
        };
      });
    }, id);
  }

  /** The cue time shown in the margin beside the paragraph that starts with `start`. */
  cueTime(start: string): Locator {
    return this.paragraph(start).locator('.para__time');
  }

  /**
   * What a reader sees of the cue time beside paragraph `start`, scrolled into view: its text, the lines it takes,
   * whether it is what the window shows at its centre (not clipped away or covered), whether it stays clear of the
   * paragraph's text (left of it), and whether it lies inside the reading view.
   */
  async cueTimeSeen(start: string): Promise<{ text: string; lines: number; shown: boolean; clearOfText: boolean; inView: boolean }> {
    await this.cueTime(start).evaluate((time) => time.parentElement!.scrollIntoView({ block: 'center' }));
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return this.cueTime(start).evaluate((time) => {
      const p = time.parentElement!;
      const box = time.getBoundingClientRect();
      const words = document.createRange();
      words.selectNodeContents(time);
      const lines = words.getClientRects().length;
      const text = document.createRange();
      text.setStart(p, 0);
      text.setEndBefore(time);
      const textBox = text.getBoundingClientRect();
      const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const view = p.closest('.reader')!.getBoundingClientRect();
      return {
        text: time.textContent ?? '',
        lines,
        shown: at !== null && time.contains(at),
        clearOfText: box.right <= textBox.left && box.bottom > textBox.top && box.top < textBox.bottom,
        inView: box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom,
      };
    });
  }
}
