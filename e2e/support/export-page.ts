/**
 * Page object for the Export dialog and the copy actions: the tests speak of
 * formats, scopes, Markdown options, the preview and the clipboard; the
 * selectors live here.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type FormatName = 'Markdown' | 'W3C Web Annotations' | 'REFI-QDA project' | 'REFI-QDA codebook';
export type GroupName = 'Document order' | 'Speaker' | 'Colour' | 'Code';
export type OptionName = 'Notes' | 'Codes' | 'Colour names' | 'Times' | 'Notebook' | 'Orphaned highlights' | 'Links back to Gloss';

export class ExportPage {
  readonly dialog: Locator;
  /** "142 highlights from 1 document", or what a codebook holds. */
  readonly preview: Locator;
  /** What the format cannot carry, one line each. */
  readonly leftOut: Locator;
  /** What the last export (or copy) did, or why it failed. */
  readonly outcome: Locator;
  readonly exportButton: Locator;
  readonly cancelButton: Locator;
  readonly copyButton: Locator;
  readonly groupBy: Locator;
  readonly onlyFiltered: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Export' });
    this.preview = this.dialog.locator('.export-dialog__count');
    this.leftOut = this.dialog.locator('.export-dialog__left-out li');
    this.outcome = this.dialog.locator('.export-dialog__outcome');
    this.exportButton = this.dialog.getByRole('button', { name: /^Export…$|^Exporting…$/ });
    this.cancelButton = this.dialog.getByRole('button', { name: /^(Cancel|Close)$/ });
    this.copyButton = this.dialog.getByRole('button', { name: 'Copy Markdown' });
    this.groupBy = this.dialog.getByLabel('Group by');
    this.onlyFiltered = this.dialog.getByRole('checkbox', { name: /Only highlights matching the side panel’s filter/ });
  }

  /** Opens the dialog with the reader's Export button. */
  async openFromToolbar(): Promise<void> {
    await this.page.locator('.toolbar').getByRole('button', { name: 'Export…', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  format(name: FormatName): Locator {
    return this.dialog.getByRole('radio', { name: new RegExp(`^${name}\\b`) });
  }

  async chooseFormat(name: FormatName): Promise<void> {
    await this.format(name).check();
  }

  /** "“Title”" (the document offered) or "The whole library (…)". */
  scope(name: 'document' | 'library'): Locator {
    return this.dialog.getByRole('radio', { name: name === 'library' ? /^The whole library/ : /^“|^The \d+ documents chosen/ });
  }

  option(name: OptionName): Locator {
    return this.dialog.getByRole('group', { name: 'Include' }).getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });
  }

  async setOption(name: OptionName, on: boolean): Promise<void> {
    await this.option(name).setChecked(on);
  }

  async groupByName(name: GroupName): Promise<void> {
    await this.groupBy.selectOption({ label: name });
  }

  /** Presses Export and waits for what it did (a report, an error, or nothing chosen). */
  async run(): Promise<string> {
    await this.exportButton.click();
    await expect(this.outcome).toBeVisible();
    return (await this.outcome.textContent()) ?? '';
  }

  /**
   * Exports the open document as Markdown with the options as they are (the place chooser answers as the test set
   * it), then closes the dialog; answers what the dialog reported.
   */
  async exportMarkdown(): Promise<string> {
    await this.openFromToolbar();
    await this.chooseFormat('Markdown');
    const said = await this.run();
    await this.cancelButton.click();
    await expect(this.dialog).toBeHidden();
    return said;
  }

  /** What is on the clipboard now. */
  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Clears the clipboard, so that a test sees what its copy put there. */
  async clearClipboard(): Promise<void> {
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
  }
}
