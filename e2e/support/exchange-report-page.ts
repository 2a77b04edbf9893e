/**
 * Page object for the report of an annotation import, a backup or a restore
 * (a modal dialog), and the library's "Import & back up" menu.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ExchangeReportPage {
  readonly dialog: Locator;
  readonly title: Locator;
  readonly summary: Locator;
  /** The restore's counts, one line each. */
  readonly counts: Locator;
  /** What the file could not carry over, one line each. */
  readonly notCarried: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.locator('dialog.exchange-report');
    this.title = this.dialog.locator('.exchange-report__title');
    this.summary = this.dialog.locator('.exchange-report__summary');
    this.counts = this.dialog.locator('.exchange-report__counts li');
    this.notCarried = this.dialog.getByRole('region', { name: 'Not carried over' }).getByRole('listitem');
  }

  /** Closes the report with Escape, as a keyboard user would. */
  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toHaveCount(0);
  }

  /** Picks an item ("Import annotations…", "Back up library…", "Restore from backup…") of the library's menu. */
  async chooseFromLibraryMenu(item: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Import & back up' }).click();
    await this.page.getByRole('menu', { name: 'Import and back up' }).getByRole('menuitem', { name: item }).click();
  }
}
