/**
 * Page object for the library view: its rows, opening transcripts through the
 * Open dialog, renaming and removing a document.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  /** One row per document. */
  readonly rows: Locator;
  /** The note shown when the library holds no document. */
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.library__table tbody tr');
    this.empty = page.locator('.library__empty');
  }

  /** Shows the library from the reader's toolbar. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Library', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Open transcripts…' })).toBeVisible();
  }

  /** The row of the document whose title or source contains `text`. */
  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Opens the document whose row contains `text` in the reader. */
  async openDocument(text: string): Promise<void> {
    await this.row(text).locator('.library__open').click();
    await expect(this.page.getByRole('textbox', { name: 'Transcript' })).toBeVisible();
  }

  /** Clicks "Open transcripts…": the Open dialog answers as the test set it up. */
  async openTranscripts(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open transcripts…' }).click();
  }

  async rename(title: string, newTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${title}`, exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Title' }).fill(newTitle);
    await this.page.keyboard.press('Enter');
    await expect(this.row(newTitle)).toHaveCount(1);
  }

  /** Asks to remove a document, checks the confirmation names it, and confirms. Gives the confirmation's text. */
  async remove(title: string): Promise<string> {
    await this.page.getByRole('button', { name: `Remove ${title}`, exact: true }).click();
    const confirm = this.page.getByRole('alertdialog', { name: `Remove ${title}?` });
    const question = (await confirm.textContent()) ?? '';
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(this.row(title)).toHaveCount(0);
    return question;
  }
}
