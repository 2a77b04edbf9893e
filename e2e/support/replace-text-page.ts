/**
 * Page object for replacing a document's text with a corrected version: the
 * reader's and the library's "Replace text…" actions, the report dialog, the
 * side panel's Orphans (re-attaching one to a selection) and the question
 * asked when an imported file looks like a new version of a document.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ReplaceTextPage {
  /** The report shown after a replace (or its undo). */
  readonly report: Locator;
  /** Its one line: "412 highlights kept, 3 moved, 1 changed, 1 orphaned". */
  readonly summary: Locator;
  /** The moved and changed highlights listed, each with its old and new quote. */
  readonly movedOrChanged: Locator;
  /** The orphaned highlights the report lists. */
  readonly reportOrphans: Locator;
  /** The side panel's Orphans section, and its entries. */
  readonly orphansSection: Locator;
  readonly orphans: Locator;
  /** The question about an imported new version. */
  readonly newVersionPrompt: Locator;
  /** The status line's count: "3 highlights · 1 orphan". */
  readonly counts: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByRole('dialog', { name: /^(Text replaced|Replace undone):/ });
    this.summary = this.report.locator('.replace-report__summary');
    this.movedOrChanged = this.report.getByRole('region', { name: 'Moved or changed' }).getByRole('listitem');
    this.reportOrphans = this.report.getByRole('region', { name: 'Orphaned' }).getByRole('listitem');
    this.orphansSection = page.getByRole('complementary', { name: 'Highlights' }).getByRole('region', { name: /^Orphans/ });
    this.orphans = this.orphansSection.getByRole('listitem').filter({ has: page.locator('.orphan-item__quote') });
    this.newVersionPrompt = page.getByRole('dialog', { name: /looks like a new version of/ });
    this.counts = page.locator('.statusbar__counts');
  }

  /** Presses the reader's "Replace text…": the Open dialog answers with the file the test set up. */
  async replaceFromReader(): Promise<void> {
    await this.page.getByRole('button', { name: 'Replace text with a corrected version…' }).click();
  }

  /** Presses "Replace text…" on the library row of `title`. */
  async replaceFromLibrary(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Replace text of ${title} with a corrected version…` }).click();
  }

  /** A moved or changed highlight in the report, by its new quote: [status, before, after]. */
  async listed(): Promise<[string, string, string][]> {
    return this.movedOrChanged.evaluateAll((items) =>
      items.map((item) => [
        (item as HTMLElement).dataset.status ?? '',
        item.querySelector('.replace-report__quote--before')?.textContent ?? '',
        item.querySelector('.replace-report__quote--after')?.textContent ?? '',
      ]),
    );
  }

  /** The orphan whose old quote contains `quote`. */
  orphan(quote: string): Locator {
    return this.orphans.filter({ hasText: quote });
  }

  /** Presses "Re-attach to selection" on the orphan quoting `quote` (the passage is selected in the transcript before). */
  async reattach(quote: string): Promise<void> {
    await this.orphan(quote).getByRole('button', { name: /^Re-attach to selection/ }).click();
  }

  async closeReport(): Promise<void> {
    await this.report.getByRole('button', { name: 'Close' }).click();
    await expect(this.report).toHaveCount(0);
  }
}
