/**
 * Page object for the side panel's list of highlights and its filter bar:
 * the count ("2 of 5 highlights"), the filter chips by kind, the order, and
 * adding a code to the selected highlight.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type FilterKind = 'Colour' | 'Code' | 'Speaker' | 'Note';
export type SortName = 'Document order' | 'Time created' | 'Colour';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class SidePanelPage {
  readonly panel: Locator;
  /** "5 highlights", or "2 of 5 highlights" while filtered (a live status). */
  readonly count: Locator;
  readonly filterButton: Locator;
  readonly clearButton: Locator;
  readonly sort: Locator;
  /** The quotes listed (those the filters let through), in the order shown. */
  readonly quotes: Locator;
  /** The selected highlight shown above the list while the filters hide it. */
  readonly hiddenSelected: Locator;
  /** Said when no highlight passes the filters. */
  readonly noneMatch: Locator;
  /** The filter bar: the part of the panel above the list. */
  readonly filterBar: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('complementary', { name: 'Highlights' });
    this.count = this.panel.getByRole('status').filter({ hasText: /highlights?$/ });
    this.filterButton = this.panel.getByRole('button', { name: /^Filter/ });
    this.clearButton = this.panel.getByRole('button', { name: 'Clear filters' });
    this.sort = this.panel.getByLabel('Sort');
    this.quotes = this.panel.locator('.highlight-list .highlight-item__quote');
    this.hiddenSelected = this.panel.getByRole('group', { name: 'Selected, hidden by the filters' }).locator('.highlight-item');
    this.noneMatch = this.panel.getByText('No highlights match these filters.');
    this.filterBar = this.panel.locator('.highlight-filters');
  }

  /** Unfolds the filter choices (if folded). */
  async openFilters(): Promise<void> {
    if ((await this.filterButton.getAttribute('aria-expanded')) !== 'true') await this.filterButton.click();
    await expect(this.filterButton).toHaveAttribute('aria-expanded', 'true');
  }

  /** The chip for `label` among the filters of one kind (a code by its whole path, "No speaker" for text no one says). */
  chip(kind: FilterKind, label: string): Locator {
    return this.panel.getByRole('group', { name: kind, exact: true }).getByRole('button', { name: new RegExp(`^${escapeRegExp(label)} [\\d,]+$`) });
  }

  /** Presses a filter chip with the mouse and checks it says it is pressed (or no longer). */
  async toggle(kind: FilterKind, label: string): Promise<void> {
    const chip = this.chip(kind, label);
    const was = (await chip.getAttribute('aria-pressed')) === 'true';
    await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', String(!was));
  }

  async sortBy(name: SortName): Promise<void> {
    await this.sort.selectOption({ label: name });
  }

  /** Adds a code to the selected highlight through its code field, typed and entered. */
  async addCode(code: string): Promise<void> {
    const field = this.panel.getByRole('combobox', { name: 'Add a code' });
    await field.fill(code);
    await field.press('Enter');
    await expect(this.panel.locator('.highlight-item.is-selected').getByRole('button', { name: `Remove code ${code}`, exact: true })).toBeVisible();
  }
}
