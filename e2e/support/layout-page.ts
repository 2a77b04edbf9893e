/**
 * Page object for the reading view's layout: the side panel (shown, hidden,
 * laid over the transcript), its splitter and the toolbar's button for it;
 * and a check that nothing on screen needs horizontal scrolling.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class LayoutPage {
  /** The side panel: its tabs, the highlights and the notebook. */
  readonly panel: Locator;
  /** The toolbar's button that shows or hides it. */
  readonly toggle: Locator;
  /** The panel's left edge, to resize it. */
  readonly splitter: Locator;
  /** The panel's own button that hides it. */
  readonly close: Locator;
  readonly reader: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('#side-panel');
    this.toggle = page.locator('.side-panel-toggle');
    this.splitter = page.getByRole('separator', { name: 'Resize the side panel' });
    this.close = page.getByRole('button', { name: 'Hide the side panel' });
    this.reader = page.locator('main.reader');
  }

  /** The panel's width on screen, in CSS pixels. */
  async panelWidth(): Promise<number> {
    return (await this.panel.boundingBox())!.width;
  }

  /** The transcript's scroll area's width on screen. */
  async readerWidth(): Promise<number> {
    return (await this.reader.boundingBox())!.width;
  }

  /** Whether the panel lies over the transcript (an overlay) rather than beside it. */
  async isOverlay(): Promise<boolean> {
    return this.panel.evaluate((el) => getComputedStyle(el).position === 'fixed');
  }

  async splitterValue(): Promise<number> {
    return Number(await this.splitter.getAttribute('aria-valuenow'));
  }

  /** Drags the splitter by `dx` pixels (negative: to the left, widening the panel). */
  async dragSplitter(dx: number): Promise<void> {
    const box = (await this.splitter.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y, { steps: 4 });
    await this.page.mouse.move(x + dx, y, { steps: 4 });
    await this.page.mouse.up();
  }

  /** The element that has the focus, described (its role or tag, and its name). */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return 'nothing';
      return `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`.trim();
    });
  }

  /**
   * What sticks out sideways: the page itself if it can scroll sideways, each scroll area that holds more than its
   * width, and each visible element whose box reaches past the window's right edge without a clipping box around
   * it. Empty when nothing needs horizontal scrolling.
   */
  async horizontalOverflow(): Promise<string[]> {
    return this.page.evaluate(() => {
      const found: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) found.push(`the page: ${root.scrollWidth} px in a ${root.clientWidth} px window`);
      const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
      const clipped = (el: Element) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          const style = getComputedStyle(up);
          if (style.overflowX !== 'visible' || style.contain.includes('paint') || style.contain === 'strict' || style.contain === 'content') {
            return up.getBoundingClientRect().right <= window.innerWidth + 1;
          }
        }
        return false;
      };
      for (const el of document.querySelectorAll('#root *')) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
          found.push(`${describe(el)} scrolls sideways: ${el.scrollWidth} px in ${el.clientWidth} px`);
          continue;
        }
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > window.innerWidth + 1 && !clipped(el)) found.push(`${describe(el)} reaches ${Math.round(box.right)} px in a ${window.innerWidth} px window`);
      }
      return found.slice(0, 10);
    });
  }

  async expectNoHorizontalScrolling(where: string): Promise<void> {
    expect(await this.horizontalOverflow(), `nothing needs horizontal scrolling in ${where}`).toEqual([]);
  }
}
