/**
 * Page objects for codes and colour names: the selected highlight's code
 * field (chips and autocomplete), the colour legend under the toolbar, and
 * the code manager view with its dialogs. The tests speak of codes, counts
 * and names; the selectors live here.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { HighlightColor } from '../../src/shared/model';

/** The selected highlight's codes in the side panel. */
export class CodeFieldPart {
  /** The field codes are typed into (an ARIA combobox). */
  readonly input: Locator;
  /** Its suggestions. */
  readonly suggestions: Locator;
  /** What Enter would do, or what is wrong with what was typed. */
  readonly hint: Locator;

  constructor(readonly page: Page) {
    const detail = page.locator('.highlight-item.is-selected .highlight-item__detail');
    this.input = detail.getByRole('combobox', { name: 'Add a code' });
    this.suggestions = detail.getByRole('listbox', { name: 'Suggested codes' }).getByRole('option');
    this.hint = detail.locator('.code-field__hint');
  }

  /** Reaches the code field as a keyboard user does: Tab until it has the focus (from the note, it is the next stop). */
  async tabTo(): Promise<void> {
    for (let i = 0; i < 40; i++) {
      if (await this.input.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.page.keyboard.press('Tab');
    }
    await expect(this.input, 'Tab reaches the code field').toBeFocused();
  }

  /** The selected highlight's codes, as its chips show them. */
  async codes(): Promise<string[]> {
    return this.page.locator('.highlight-item.is-selected .code-field .code-chip').evaluateAll((chips) => chips.map((c) => (c as HTMLElement).dataset.code!));
  }

  /** The text of the suggestion the keyboard has chosen, as a screen reader is told it (aria-activedescendant). */
  async activeSuggestion(): Promise<string | null> {
    const id = await this.input.getAttribute('aria-activedescendant');
    if (!id) return null;
    return this.page.locator(`[id="${id}"]`).locator('.code-path').textContent();
  }

  removeButton(code: string): Locator {
    return this.page.getByRole('button', { name: `Remove code ${code}`, exact: true });
  }
}

/** The codes each highlight shows in the side panel list (highlights not selected), in list order. */
export async function codesInList(page: Page): Promise<string[][]> {
  return page
    .locator('.highlight-item')
    .evaluateAll((items) => items.map((i) => Array.from(i.querySelectorAll<HTMLElement>('.code-chips--small .code-chip'), (c) => c.dataset.code!)));
}

/** The colour legend under the toolbar. */
export class ColorLegendPart {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Colour legend' });
  }

  /** Each colour's name, in toolbar order. */
  async names(): Promise<string[]> {
    return this.root.locator('.color-legend__name').allTextContents();
  }

  /** Renames a colour with the keyboard: focus its name, Enter opens the field, type, then Enter (saves) or Escape (cancels). */
  async rename(color: HighlightColor, name: string, end: 'Enter' | 'Escape' = 'Enter'): Promise<void> {
    await this.root.locator(`[data-color="${color}"] .color-legend__name`).focus();
    await this.page.keyboard.press('Enter');
    const field = this.root.getByRole('textbox', { name: `Name for ${color}` });
    await expect(field).toBeFocused();
    await field.fill(name);
    await this.page.keyboard.press(end);
    await expect(field).toHaveCount(0);
  }
}

/** The code manager view. */
export class CodeManagerPage {
  readonly rows: Locator;
  readonly dialog: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.code-manager__table tbody tr');
    this.dialog = page.getByRole('dialog');
    this.status = page.locator('.statusbar__message');
  }

  /** Opens the code manager from the reader's toolbar (or the library's). */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Codes', exact: true }).click();
    await expect(this.page.getByRole('main', { name: 'Codes' })).toBeVisible();
  }

  async backToReader(): Promise<void> {
    await this.page.getByRole('button', { name: /^Back to / }).click();
  }

  /** Every code listed, in tree order, with how many highlights carry it itself and with the codes under it. */
  async tree(): Promise<{ path: string; count: number; total: number }[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((r) => {
        const cells = r.querySelectorAll('td.num');
        return { path: (r as HTMLElement).dataset.code!, count: Number(cells[0].textContent!.replace(/,/g, '')), total: Number(cells[1].textContent!.replace(/,/g, '')) };
      }),
    );
  }

  /** The visible name of each code in the tree, indented by its depth (two spaces a level): what a reader sees. */
  async shownTree(): Promise<string[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((r) => {
        const path = (r as HTMLElement).dataset.code!;
        const leaf = r.querySelector('.code-manager__leaf')!.textContent;
        return `${'  '.repeat(path.split('/').length - 1)}${leaf}`;
      }),
    );
  }

  /** Adds a code to the codebook with the "New code" field. */
  async addCode(code: string): Promise<void> {
    const field = this.page.getByRole('textbox', { name: 'New code' });
    await field.fill(code);
    await field.press('Enter');
    await expect(field).toHaveValue('');
  }

  /** Gives a code a colour and a description in its row (the description is saved with Enter). */
  async describe(code: string, { color, description }: { color?: HighlightColor | ''; description?: string }): Promise<void> {
    const row = this.row(code);
    if (color !== undefined) await row.getByRole('combobox', { name: `Colour of ${code}` }).selectOption({ value: color });
    if (description !== undefined) {
      const field = row.getByRole('textbox', { name: `Description of ${code}` });
      await field.fill(description);
      await field.press('Enter');
    }
  }

  /** Shows only the codes containing `text` (and their parents). */
  async find(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Find' }).fill(text);
  }

  row(code: string): Locator {
    return this.page.locator(`.code-manager__table tbody tr[data-code="${code}"]`);
  }

  /** Presses an action of a code's row with the keyboard and waits for its dialog, which has the focus. */
  private async ask(code: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeVisible();
  }

  async rename(code: string, to: string): Promise<void> {
    await this.ask(code, `Rename ${code}`);
    const field = this.dialog.getByRole('textbox', { name: 'New name' });
    await expect(field).toBeFocused();
    await field.fill(to);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toHaveCount(0);
  }

  async merge(code: string, into: string): Promise<void> {
    await this.ask(code, `Merge ${code} into another code`);
    const field = this.dialog.getByRole('combobox', { name: 'Merge into' });
    await expect(field).toBeFocused();
    await field.selectOption(into);
    await this.dialog.getByRole('button', { name: 'Merge', exact: true }).press('Enter');
    await expect(this.dialog).toHaveCount(0);
  }

  /** Moves a code under `parent` ('' for the top of the tree). */
  async move(code: string, parent: string): Promise<void> {
    await this.ask(code, `Move ${code}`);
    const field = this.dialog.getByRole('combobox', { name: 'Move under' });
    await expect(field).toBeFocused();
    await field.selectOption({ value: parent });
    await this.dialog.getByRole('button', { name: 'Move', exact: true }).press('Enter');
    await expect(this.dialog).toHaveCount(0);
  }

  /** Opens the confirmation for deleting a code and waits for its question (it counts the documents first); gives the question. */
  async askToDelete(code: string): Promise<string> {
    await this.ask(code, `Delete ${code}`);
    await expect(this.dialog.getByRole('button', { name: 'Delete', exact: true })).toBeEnabled();
    return (await this.dialog.locator('.code-dialog__question').textContent()) ?? '';
  }

  /** Closes the open dialog with Escape; nothing is changed. */
  async cancel(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toHaveCount(0);
  }

  /** Asks to delete a code; gives the question the dialog asks, then confirms it (or cancels with Escape). */
  async delete(code: string, answer: 'Delete' | 'Escape' = 'Delete'): Promise<string> {
    const question = await this.askToDelete(code);
    if (answer === 'Escape') return this.cancel().then(() => question);
    await this.dialog.getByRole('button', { name: 'Delete', exact: true }).press('Enter');
    await expect(this.dialog).toHaveCount(0);
    return question;
  }
}
