/**
 * Page object for the notebooks: the document's notebook in the side panel's
 * "Notebook" tab and the library notebook's view, their formatting buttons,
 * whether they are saved, and the quotes of highlights in them.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class NotebookPage {
  /** The notebook's text, as an editable text box. */
  readonly editor: Locator;
  /** "Saved", "Saving…", "Not saved" or "Read-only", under the notebook. */
  readonly saveState: Locator;
  /** Why the notebook was not saved (absent while nothing failed). */
  readonly problem: Locator;
  /** Every quoted highlight in the notebook, in order. */
  readonly quotes: Locator;
  /** The formatting buttons above the notebook. */
  readonly formatting: Locator;
  /** The quote the caret has selected (reached with the arrow keys), outlined. */
  readonly selectedQuote: Locator;

  constructor(
    readonly page: Page,
    /** Which notebook: the open document's (in the side panel) or the library's (a view of its own). */
    readonly which: 'document' | 'library',
  ) {
    const root = which === 'document' ? page.getByRole('tabpanel', { name: 'Notebook' }) : page.locator('.notebook-page');
    this.editor = which === 'document' ? root.getByRole('textbox', { name: /^Notebook of / }) : root.getByRole('textbox', { name: 'Library notebook' });
    this.saveState = root.locator('.notebook__state');
    this.problem = root.locator('.notebook__problem');
    this.quotes = root.locator('.notebook-quote');
    this.formatting = root.getByRole('toolbar', { name: 'Formatting' });
    this.selectedQuote = root.locator('.nb-highlight-quote.is-selected .notebook-quote');
  }

  /** Shows the notebook: the side panel's Notebook tab, or the library notebook from the reader's or the library's toolbar. */
  async open(): Promise<void> {
    if (this.which === 'document') await this.page.getByRole('tab', { name: 'Notebook' }).click();
    else await this.page.getByRole('button', { name: 'Library notebook', exact: true }).click();
    await expect(this.editor).toBeVisible();
  }

  /** Back to the highlight list in the side panel. */
  async showHighlights(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Highlights' }).click();
  }

  /** Puts the caret at the end of the notebook. */
  async focusEnd(): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('Control+End');
  }

  /** Types as a reader would, a key at a time (Markdown shortcuts act on what is typed). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 15 });
  }

  /**
   * Presses `key` as a reader would, and waits a frame: the editor learns where a key moved the caret from the
   * selection change that follows, which a script pressing the next key at once would outrun.
   */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  /** Presses a formatting button by its name ("Heading 1", "Bulleted list", "Checklist", …). */
  async format(name: string): Promise<void> {
    await this.formatting.getByRole('button', { name, exact: true }).click();
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('Saved');
  }

  /** The quote of the passage starting with `text`. */
  quote(text: string): Locator {
    return this.quotes.filter({ hasText: text });
  }

  headings(level: number): Locator {
    return this.editor.getByRole('heading', { level });
  }

  /** Items of bulleted and numbered lists (not checklists). */
  listItems(): Locator {
    return this.editor.locator('li:not([role="checkbox"])');
  }

  /**
   * Drags the side panel's entry of the highlight starting with `quoteStart` with the mouse, as a reader would:
   * over the Notebook tab until it opens, then over the notebook's text at `at` (a point of one of its lines;
   * its last line when not given), where `whileOver` runs (e.g. a screenshot) before the drop.
   */
  async dragHighlightIn(quoteStart: string, options: { at?: Locator; whileOver?: () => Promise<void> } = {}): Promise<void> {
    const entry = this.page.locator('.highlight-item__open').filter({ hasText: quoteStart });
    const tab = this.page.getByRole('tab', { name: 'Notebook' });
    await entry.hover();
    await this.page.mouse.down();
    const tabBox = (await tab.boundingBox())!;
    await this.page.mouse.move(tabBox.x + tabBox.width / 2, tabBox.y + tabBox.height / 2, { steps: 5 });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(this.editor).toBeVisible();
    const target = options.at ?? this.editor.locator('> *').last();
    const box = (await target.boundingBox())!;
    await this.page.mouse.move(box.x + box.width - 4, box.y + box.height / 2, { steps: 5 });
    await options.whileOver?.();
    await this.page.mouse.up();
  }

  /** Items of checklists, which are checkboxes. */
  checklistItems(): Locator {
    return this.editor.getByRole('checkbox');
  }
}
