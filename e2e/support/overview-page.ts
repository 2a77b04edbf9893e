/**
 * Page object for the overview (one document's or the library's): the counts
 * by speaker × code and speaker × colour, the highlights a count lists, and
 * going back.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type OverviewTable = 'code' | 'colour';

export class OverviewPage {
  readonly heading: Locator;
  readonly back: Locator;
  readonly codeTable: Locator;
  readonly colourTable: Locator;
  /** The highlights listed for the chosen count: their heading and items. */
  readonly listHeading: Locator;
  readonly listed: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.back = page.getByRole('button', { name: /^Back to/ });
    this.codeTable = page.getByRole('table', { name: 'Highlights by speaker and code' });
    this.colourTable = page.getByRole('table', { name: 'Highlights by speaker and colour' });
    this.listHeading = page.locator('#overview-highlights-title');
    this.listed = page.getByRole('region', { name: /highlights?$/ }).getByRole('listitem');
    this.summary = page.locator('.overview__summary');
  }

  /** Opens the open document's overview from the reader's toolbar. */
  async openForDocument(): Promise<void> {
    await this.page.getByRole('button', { name: 'Overview', exact: true }).click();
    await expect(this.heading).toHaveText(/^Overview: /);
  }

  /** Opens the library's overview from the library view. */
  async openForLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Library overview', exact: true }).click();
    await expect(this.heading).toHaveText('Library overview');
  }

  private table(which: OverviewTable): Locator {
    return which === 'code' ? this.codeTable : this.colourTable;
  }

  /** The column headers after "Speaker", as shown (a code by its whole path). */
  async columns(which: OverviewTable): Promise<string[]> {
    const headers = await this.table(which).locator('thead th').allTextContents();
    return headers.slice(1).map((h) => h.trim());
  }

  /** The row headers, speakers then the totals row. */
  async rows(which: OverviewTable): Promise<string[]> {
    return (await this.table(which).getByRole('rowheader').allTextContents()).map((r) => r.trim());
  }

  /** The count in row `speaker` ('All speakers' for the totals) and column `column` ('All highlights' for the row's total). */
  async count(which: OverviewTable, speaker: string, column: string): Promise<number> {
    const at = (await this.columns(which)).indexOf(column);
    if (at < 0) throw new Error(`no column ${column}`);
    const row = this.table(which).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: speaker, exact: true }) });
    return Number((await row.getByRole('cell').nth(at).textContent())?.replace(/,/g, ''));
  }

  /** Every count of a table as rows of numbers, speaker first. */
  async grid(which: OverviewTable): Promise<Record<string, Record<string, number>>> {
    const columns = await this.columns(which);
    const out: Record<string, Record<string, number>> = {};
    for (const speaker of await this.rows(which)) {
      out[speaker] = {};
      for (const column of columns) out[speaker][column] = await this.count(which, speaker, column);
    }
    return out;
  }

  /** Clicks the count for `speaker` × `column` and waits for its highlights to be listed. */
  async choose(speaker: string, column: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${escape(speaker)}, ${escape(column)}: \\d+ highlights?$`) }).click();
    await expect(this.listHeading).toHaveText(new RegExp(`^${escape(speaker)} · `));
  }

  /** The quotes listed, in order. */
  listedQuotes(): Locator {
    return this.listed.locator('.overview-highlight__quote');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
