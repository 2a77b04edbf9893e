/**
 * Page object for what the app says about its files: the notices panel under
 * the toolbar (damaged, restored, recovered files, grouped by document) and
 * the read-only line that says what cannot be changed and why.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class StoreNoticesPanel {
  /** The notices panel; absent when there is nothing to tell or it was dismissed. */
  readonly panel: Locator;
  /** The panel's one-line summary. */
  readonly headline: Locator;
  /** Each notice shown, with its kind and its whole message. */
  readonly notices: Locator;
  /** The line saying what cannot be changed now, and why. */
  readonly readOnly: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('.store-notices');
    this.headline = this.panel.getByRole('heading', { level: 2 });
    this.notices = this.panel.locator('.store-notice');
    this.readOnly = page.locator('.read-only-banner');
  }

  /** The notices about one document, under its title ("The library" for the library's own files). */
  about(title: string): Locator {
    return this.panel.locator('.store-notices__group').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  async showAll(): Promise<void> {
    await this.panel.getByRole('button', { name: /^Show all \d+ notices$/ }).click();
  }

  /** Dismisses the panel from the keyboard (Escape inside it), as a reader who never touches the mouse would. */
  async dismissWithKeyboard(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Dismiss', exact: true }).focus();
    await this.page.keyboard.press('Escape');
    await expect(this.panel).toHaveCount(0);
    // The focus is not lost with the panel: it goes to the page's main content (in the reader, on into the transcript).
    await expect.poll(() => this.page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  }

  async dismiss(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect(this.panel).toHaveCount(0);
  }
}
