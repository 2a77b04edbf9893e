/**
 * Page object for the library view: its rows, opening transcripts through the
 * Open dialog, renaming and removing a document; sorting by a column,
 * filtering, choosing several documents and what is done to them.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The table's sortable columns, by the names on their headers. */
export type LibraryColumn = 'Title' | 'Format' | 'Speakers' | 'Words' | 'Highlights' | 'Added' | 'Last opened';

export class LibraryPage {
  /** One row per document (drawn: a long library draws the rows in view). */
  readonly rows: Locator;
  /** The note shown when the library holds no document. */
  readonly empty: Locator;
  readonly table: Locator;
  /** Filters by title or speaker. */
  readonly filter: Locator;
  /** "30 documents", or "3 of 30 documents" while filtering. */
  readonly count: Locator;
  /** Selects (or lets go of) every document shown. */
  readonly selectAll: Locator;
  /** What can be done to the documents chosen; shown while any is. */
  readonly selection: Locator;
  /** What the page says when the filter keeps no document. */
  readonly noMatch: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.library__table tbody tr:not(.library__spacer)');
    this.empty = page.locator('.library__empty');
    this.table = page.getByRole('table', { name: 'Documents' });
    this.filter = page.getByRole('searchbox', { name: 'Filter by title or speaker' });
    this.count = page.locator('.library__count');
    this.selectAll = page.getByRole('checkbox', { name: 'Select all shown documents' });
    this.selection = page.getByRole('group', { name: 'Chosen documents' });
    this.noMatch = page.locator('.library__no-match');
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

  /** The titles of the rows drawn, top to bottom. */
  async titles(): Promise<string[]> {
    return this.rows.locator('.library__open').allTextContents();
  }

  /** A column's header, whose aria-sort says whether and which way it sorts. */
  header(column: LibraryColumn): Locator {
    return this.table.getByRole('columnheader', { name: column, exact: true });
  }

  /** Clicks a column's header to sort by it (again: the other way round). */
  async sortBy(column: LibraryColumn): Promise<void> {
    await this.header(column).getByRole('button').click();
  }

  /** The checkbox that chooses the document titled `title`. */
  checkbox(title: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${title}`, exact: true });
  }

  /** Clicks a document's checkbox; with Shift, every row from the last one clicked is chosen. */
  async select(title: string, { shift = false }: { shift?: boolean } = {}): Promise<void> {
    await this.checkbox(title).click({ modifiers: shift ? ['Shift'] : [] });
  }

  /** The titles of the rows chosen, top to bottom. */
  async selectedTitles(): Promise<string[]> {
    return this.rows.filter({ has: this.page.locator('.library__select:checked') }).locator('.library__open').allTextContents();
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

  /** Asks to remove the documents chosen; gives the confirmation, not yet answered. */
  async removeSelected(): Promise<Locator> {
    await this.selection.getByRole('button', { name: 'Remove selected…' }).click();
    const confirm = this.page.getByRole('alertdialog', { name: /^Remove \d+ documents?\?$/ });
    await expect(confirm).toBeVisible();
    return confirm;
  }
}
