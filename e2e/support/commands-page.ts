/**
 * Page objects for commands given other than by a toolbar button: the
 * reading view's context menus (on selected words, on a highlight) and the
 * shortcut reference dialog. The tests speak of menus, items and keys; the
 * selectors live here.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ContextMenuPart {
  /** The open context menu (either kind). */
  readonly menu: Locator;

  constructor(readonly page: Page) {
    this.menu = page.getByRole('menu');
  }

  /** The menu as it opens on selected words, or on a highlight. */
  named(kind: 'Selected words' | 'Highlight'): Locator {
    return this.page.getByRole('menu', { name: kind });
  }

  /** An item by its label (a colour by its name), whether a plain item or a colour to choose. */
  item(label: string | RegExp): Locator {
    return this.menu.locator('[role="menuitem"], [role="menuitemradio"]').filter({ hasText: label });
  }

  /** Each item's label and the key shown beside it, in order. */
  async items(): Promise<{ label: string; keys: string; disabled: boolean }[]> {
    return this.menu.locator('[role="menuitem"], [role="menuitemradio"]').evaluateAll((items) =>
      items.map((i) => ({
        label: i.querySelector('.context-menu__label')?.textContent ?? '',
        keys: i.querySelector('.context-menu__keys')?.textContent ?? '',
        disabled: i.getAttribute('aria-disabled') === 'true',
      })),
    );
  }

  /** The label of the item that has the focus. */
  async focusedLabel(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.querySelector('.context-menu__label')?.textContent ?? '');
  }

  /** Right-clicks in the middle of the first element matching `target`. */
  async openOn(target: Locator): Promise<void> {
    await target.first().click({ button: 'right' });
    await expect(this.menu).toBeVisible();
  }

  /** Right-clicks on the words selected in the transcript. */
  async openOnSelection(): Promise<void> {
    const point = await this.page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await this.page.mouse.click(point.x, point.y, { button: 'right' });
    await expect(this.menu).toBeVisible();
  }
}

export class ShortcutReferencePage {
  readonly dialog: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.filter = this.dialog.getByRole('searchbox', { name: 'Find a shortcut' });
  }

  /** Every row: its section, the command's label and its keys as shown ("Ctrl+Shift+F or …"). */
  async rows(): Promise<{ section: string; label: string; keys: string[] }[]> {
    return this.dialog.locator('section').evaluateAll((sections) =>
      sections.flatMap((s) =>
        Array.from(s.querySelectorAll('tbody tr')).map((tr) => ({
          section: s.getAttribute('aria-label') ?? '',
          label: tr.querySelector('.shortcuts__label')?.textContent ?? '',
          keys: Array.from(tr.querySelectorAll('kbd')).map((k) => k.textContent ?? ''),
        })),
      ),
    );
  }
}
