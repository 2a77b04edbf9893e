/**
 * Page object for the transcript used from the keyboard: reaching it with
 * Tab, where its caret stands (the words on either side, the bar drawn
 * there), what is selected, and the focus ring around the reading view.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The words on either side of the caret, within its paragraph. */
export interface CaretPlace {
  before: string;
  after: string;
}

export class TranscriptKeysPage {
  readonly transcript: Locator;
  /** The caret bar drawn in the transcript. */
  readonly caret: Locator;

  constructor(readonly page: Page) {
    this.transcript = page.getByRole('textbox', { name: 'Transcript' });
    this.caret = page.locator('.transcript-caret');
  }

  /** Whether the transcript has the focus. */
  async hasFocus(): Promise<boolean> {
    return this.transcript.evaluate((el) => document.activeElement === el);
  }

  /** Presses Tab from the top of the window until the transcript has the focus; gives how many presses that took. */
  async tabToTranscript(limit = 80): Promise<number> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let presses = 1; presses <= limit; presses++) {
      await this.page.keyboard.press('Tab');
      if (await this.hasFocus()) return presses;
    }
    throw new Error(`Tab did not reach the transcript in ${limit} presses`);
  }

  /**
   * From the transcript, Tab round the whole window back to it: what took the focus on the way (tag and name), so a
   * test can see the transcript (or the reading view around it) is not met a second time.
   */
  async tabRound(limit = 120): Promise<string[]> {
    const met: string[] = [];
    for (let n = 0; n < limit; n++) {
      await this.page.keyboard.press('Tab');
      if (await this.hasFocus()) return met;
      met.push(
        await this.page.evaluate(() => {
          const a = document.activeElement;
          if (!a) return 'nothing';
          const inReader = a.closest('.reader') ? ' (in the reading view)' : '';
          return `${a.tagName.toLowerCase()} ${a.getAttribute('aria-label') ?? a.textContent?.trim().slice(0, 30) ?? ''}${inReader}`;
        }),
      );
    }
    throw new Error(`Tab did not come back to the transcript in ${limit} presses: ${met.join(' | ')}`);
  }

  /** Presses a key `times` times, as a reader holding it down would (each press taken in before the next). */
  async press(key: string, times = 1): Promise<void> {
    for (let n = 0; n < times; n++) await this.page.keyboard.press(key);
  }

  /** The text around the caret (the selection's moving end), within its paragraph, without the cue time. */
  async caretPlace(chars = 24): Promise<CaretPlace> {
    return this.page.evaluate((n) => {
      const selection = window.getSelection()!;
      const node = selection.focusNode!;
      const p = (node instanceof Element ? node : node.parentElement)!.closest('.para')!;
      const text = Array.from(p.childNodes, (c) => (c instanceof Element && c.matches('.para__time') ? '' : c.textContent)).join('');
      const range = document.createRange();
      range.setStart(p, 0);
      range.setEnd(node, selection.focusOffset);
      const at = range.toString().length;
      return { before: text.slice(Math.max(0, at - n), at), after: text.slice(at, at + n) };
    }, chars);
  }

  /** The selected text, as copying it would give. */
  async selectedText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }

  /** The caret bar's box, once it is shown. */
  async caretBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    await expect(this.caret).toBeVisible();
    return (await this.caret.boundingBox())!;
  }

  /**
   * Whether the caret bar stands where the selection's moving end is (within two pixels): before the letter after it,
   * or after the letter before it (the two differ where a line wraps).
   */
  async caretMatchesSelection(): Promise<boolean> {
    const box = await this.caretBox();
    const places = await this.page.evaluate(() => {
      const selection = window.getSelection()!;
      const node = selection.focusNode!;
      const at = selection.focusOffset;
      const found: { x: number; y: number; height: number }[] = [];
      const letter = (from: number, to: number, edge: 'left' | 'right') => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        const rects = range.getClientRects();
        const r = edge === 'left' ? rects[0] : rects[rects.length - 1];
        if (r) found.push({ x: r[edge], y: r.top, height: r.height });
      };
      if (node instanceof Text && at < node.length) letter(at, at + 1, 'left');
      if (node instanceof Text && at > 0) letter(at - 1, at, 'right');
      return found;
    });
    return places.some((p) => Math.abs(box.x + box.width / 2 - p.x) <= 2 && Math.abs(box.y - p.y) <= 2 && Math.abs(box.height - p.height) <= 2);
  }

  /** The outline drawn around the reading view while the transcript has the keyboard focus ('none' without). */
  async focusRing(): Promise<string> {
    return this.transcript.evaluate((el) => {
      const style = getComputedStyle(el.closest('.reader')!);
      return style.outlineStyle === 'none' ? 'none' : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
    });
  }
}
