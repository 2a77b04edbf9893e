/**
 * Commands from the application menu (as if an item of the native menu were
 * picked), the context menus on selected words and on a highlight (right-click
 * and Shift+F10), and the shortcut reference, checked against the command
 * table they are all built from.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { COMMAND_IDS, commandKeys, commandSpec, describeKey } from '../src/shared/commands';
import { CodeFieldPart } from './support/code-manager-page';
import { ContextMenuPart, ShortcutReferencePage } from './support/commands-page';
import { FindBarPage } from './support/find-bar-page';
import { highlightsOnDisk } from './support/data-folder';
import { expect, test } from './support/fixtures';

const SHOTS = '/tmp/commands-shots';

/** A picture of the window at 1280×900 in both themes. */
async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`) });
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
}

test.beforeEach(async ({ gloss }) => {
  await gloss.page.setViewportSize({ width: 1280, height: 900 });
});

test('File and View menu commands open the library, the Export dialog, the code manager, the library notebook and the overview', async ({ gloss }) => {
  const { page, ui } = gloss;
  await gloss.menu('export');
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await expect(exportDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(exportDialog).toBeHidden();

  await gloss.menu('code-manager');
  await expect(page.getByRole('main', { name: 'Codes' })).toBeVisible();
  await gloss.menu('library-notebook');
  await expect(page.getByRole('textbox', { name: 'Library notebook' })).toBeVisible();
  await gloss.menu('show-library');
  await expect(ui.library.rows).toHaveCount(1);
  await gloss.menu('overview');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library overview');
});

test('Edit menu: Find opens the find bar, Find next steps, Undo and Redo take back and redo a highlight', async ({ gloss }) => {
  const { page, ui } = gloss;
  const find = new FindBarPage(page);
  await gloss.menu('find');
  await expect(find.field).toBeFocused();
  await find.field.fill('the');
  await expect(find.count).toHaveText(/^1 of \d+$/);
  await gloss.menu('find-next');
  await expect(find.count).toHaveText(/^2 of \d+$/);
  await gloss.menu('find-previous');
  await expect(find.count).toHaveText(/^1 of \d+$/);
  await find.field.press('Escape');

  await ui.highlight('let a gremlin loose', 'pink');
  await ui.leaveNote();
  await gloss.menu('undo');
  await expect(ui.highlights).toHaveCount(0);
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).length).toBe(0);
  await gloss.menu('redo');
  await expect(ui.highlights).toHaveCount(1);
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => a.color)).toEqual(['pink']);
});

test('Edit > Undo while typing a note takes back the typing, not the highlight', async ({ gloss }) => {
  const { ui } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.typeNote('A first thought');
  await expect.poll(() => ui.noteText()).toBe('A first thought');
  await gloss.menu('undo');
  await expect.poll(() => ui.noteText()).toBe('');
  await expect(ui.highlights).toHaveCount(1);
  await gloss.menu('redo');
  await expect.poll(() => ui.noteText()).toBe('A first thought');
});

test('Highlight menu commands: a colour highlights the selected words, Add a code puts the focus in the code field, Delete removes it', async ({ gloss }) => {
  const { page, ui } = gloss;
  await ui.select('the scaling laws');
  await gloss.menu('highlight-green');
  await expect(ui.marksWith('the scaling laws')).toHaveAttribute('data-color', 'green');
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => a.color)).toEqual(['green']);
  await ui.leaveNote();
  await gloss.menu('add-code');
  await expect(new CodeFieldPart(page).input).toBeFocused();
  await ui.leaveNote();
  await gloss.menu('delete-highlight');
  await expect(ui.highlights).toHaveCount(0);
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).length).toBe(0);
});

test('right-click on selected words: the colours by their names with their keys, and a colour makes the highlight', async ({ gloss }) => {
  const { page, ui } = gloss;
  const menu = new ContextMenuPart(page);
  await ui.select('let a gremlin loose');
  await menu.openOnSelection();
  await expect(menu.named('Selected words')).toBeVisible();
  expect(await menu.items()).toEqual([
    { label: 'Yellow', keys: 'Alt+1', disabled: false },
    { label: 'Green', keys: 'Alt+2', disabled: false },
    { label: 'Blue', keys: 'Alt+3', disabled: false },
    { label: 'Pink', keys: 'Alt+4', disabled: false },
    { label: 'Purple', keys: 'Alt+5', disabled: false },
    { label: 'Orange', keys: 'Alt+6', disabled: false },
    { label: 'Red', keys: 'Alt+7', disabled: false },
    { label: 'Add a code…', keys: 'C', disabled: false },
    { label: 'Quote in notebook', keys: 'Alt+N', disabled: false },
    { label: 'Copy', keys: 'Ctrl+C', disabled: false },
    { label: 'Copy quote with citation', keys: 'Ctrl+Shift+C', disabled: false },
  ]);
  // The first item has the focus; the menu is inside the window.
  expect(await menu.focusedLabel()).toBe('Yellow');
  const box = (await menu.menu.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  await shoot(page, 'context-menu-selection');

  await menu.item('Purple').click();
  await expect(menu.menu).toBeHidden();
  await expect(ui.marksWith('let a gremlin loose')).toHaveAttribute('data-color', 'purple');
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => [a.selectors.quote.exact, a.color])).toEqual([['let a gremlin loose', 'purple']]);
});

test('Shift+F10 on selected words opens their menu: arrows move, Enter picks; Escape closes it and gives the focus back', async ({ gloss }) => {
  const { page, ui } = gloss;
  const menu = new ContextMenuPart(page);
  await ui.select('the scaling laws');
  const before = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60));
  await page.keyboard.press('Shift+F10');
  await expect(menu.named('Selected words')).toBeVisible();
  await page.keyboard.press('End');
  expect(await menu.focusedLabel()).toBe('Copy quote with citation');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  expect(await menu.focusedLabel()).toBe('Copy quote with citation');
  await page.keyboard.press('Escape');
  await expect(menu.menu).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60))).toBe(before);
  // The words are still selected, for the next try.
  expect(await ui.selectedText()).toBe('the scaling laws');

  // The ContextMenu key is the same command.
  await page.keyboard.press('ContextMenu');
  await expect(menu.named('Selected words')).toBeVisible();
  // Type-ahead: "b" goes to Blue.
  await page.keyboard.press('b');
  expect(await menu.focusedLabel()).toBe('Blue');
  await page.keyboard.press('Enter');
  await expect(menu.menu).toBeHidden();
  await expect(ui.marksWith('the scaling laws')).toHaveAttribute('data-color', 'blue');
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => a.color)).toEqual(['blue']);
});

test('on selected words, Add a code… and Quote in notebook first highlight them, then act on the new highlight', async ({ gloss }) => {
  const { page, ui } = gloss;
  const menu = new ContextMenuPart(page);
  await ui.select('let a gremlin loose');
  await menu.openOnSelection();
  await menu.item('Add a code…').click();
  await expect(ui.highlights).toHaveCount(1);
  await expect(new CodeFieldPart(page).input).toBeFocused();
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => [a.selectors.quote.exact, a.color])).toEqual([['let a gremlin loose', 'yellow']]);

  await ui.leaveNote();
  await ui.select('the scaling laws');
  await menu.openOnSelection();
  await menu.item('Quote in notebook').click();
  await expect(ui.status).toContainText('Quoted in this document’s notebook');
  await expect(ui.highlights).toHaveCount(2);
});

test('Edit > Undo in a text field takes back what was typed there', async ({ gloss }) => {
  const { page } = gloss;
  const find = new FindBarPage(page);
  await find.open();
  await find.field.pressSequentially('gremlin');
  await expect(find.field).toHaveValue('gremlin');
  await gloss.menu('undo');
  await expect(find.field).not.toHaveValue('gremlin');
});

test('right-click on a highlight: its colour ticked, Copy highlight as Markdown, a new colour, Delete', async ({ gloss }) => {
  const { page, ui } = gloss;
  const menu = new ContextMenuPart(page);
  await ui.highlight('let a gremlin loose', 'orange');
  await ui.leaveNote();
  await page.mouse.click(5, 450);
  await menu.openOn(ui.marksWith('gremlin'));
  await expect(menu.named('Highlight')).toBeVisible();
  await expect(menu.item('Orange')).toHaveAttribute('aria-checked', 'true');
  await expect(menu.item('Yellow')).toHaveAttribute('aria-checked', 'false');
  expect((await menu.items()).slice(7).map((i) => `${i.label} ${i.keys}`)).toEqual([
    'Add a code… C',
    'Edit note N',
    'Quote in notebook Alt+N',
    'Copy highlight as Markdown Ctrl+Shift+C',
    'Delete highlight Delete',
  ]);
  await shoot(page, 'context-menu-highlight');

  await page.evaluate(() => navigator.clipboard.writeText(''));
  await menu.item('Copy highlight as Markdown').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('let a gremlin loose');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^> .*let a gremlin loose/m);

  await menu.openOn(ui.marksWith('gremlin'));
  await menu.item('Red').click();
  await expect(ui.marksWith('gremlin')).toHaveAttribute('data-color', 'red');
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => a.color)).toEqual(['red']);

  // From the keyboard too: Shift+F10 with the highlight selected, then Delete highlight.
  await page.keyboard.press('Shift+F10');
  await expect(menu.named('Highlight')).toBeVisible();
  await page.keyboard.press('End');
  expect(await menu.focusedLabel()).toBe('Delete highlight');
  await page.keyboard.press('Enter');
  await expect(ui.highlights).toHaveCount(0);
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).length).toBe(0);
});

test('in a 600 px window the context menu and the shortcut reference stay inside it', async ({ gloss }) => {
  const { page, ui } = gloss;
  await page.setViewportSize({ width: 600, height: 700 });
  const menu = new ContextMenuPart(page);
  await ui.select('let a gremlin loose');
  const words = await page.evaluate(() => window.getSelection()!.getRangeAt(0).getClientRects()[0].toJSON());
  // Right-clicked at the end of the words, further right than the menu's width allows.
  await page.mouse.click(words.right - 2, words.top + words.height / 2, { button: 'right' });
  await expect(menu.named('Selected words')).toBeVisible();
  const box = (await menu.menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(600);
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  await page.screenshot({ path: join(SHOTS, 'context-menu-600.png') });
  await page.keyboard.press('Escape');

  await page.keyboard.press('F1');
  const reference = new ShortcutReferencePage(page);
  await expect(reference.dialog).toBeVisible();
  const dialog = (await reference.dialog.boundingBox())!;
  expect(dialog.x).toBeGreaterThanOrEqual(0);
  expect(dialog.x + dialog.width).toBeLessThanOrEqual(600);
  expect(dialog.y + dialog.height).toBeLessThanOrEqual(700);
  expect(await reference.dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  await page.screenshot({ path: join(SHOTS, 'shortcut-reference-600.png') });
});

test('the shortcut reference lists exactly the commands of the table that have keys, with their keys, and closes with Escape', async ({ gloss }) => {
  const { page } = gloss;
  const reference = new ShortcutReferencePage(page);
  await page.locator('main').first().focus();
  const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60));
  const before = await focused();
  await page.keyboard.press('?');
  await expect(reference.dialog).toBeVisible();
  await expect(reference.dialog.getByRole('heading', { level: 2 })).toHaveText('Keyboard shortcuts');
  const rows = await reference.rows();
  const expected = COMMAND_IDS.filter((id) => commandKeys(id, false).length > 0).map((id) => ({
    label: commandSpec(id).label,
    keys: commandKeys(id, false).map((k) => describeKey(k, false)),
  }));
  expect(rows.map(({ label, keys }) => ({ label, keys })).sort((a, b) => a.label.localeCompare(b.label))).toEqual(expected.sort((a, b) => a.label.localeCompare(b.label)));
  expect([...new Set(rows.map((r) => r.section))]).toEqual(['File', 'Edit', 'Highlight', 'Transcript caret', 'View', 'Help']);
  expect(rows.find((r) => r.label === 'Search the library…')).toEqual({ section: 'File', label: 'Search the library…', keys: ['Ctrl+Shift+F'] });
  await shoot(page, 'shortcut-reference');

  // It narrows to what is typed.
  await reference.filter.fill('notebook');
  expect((await reference.rows()).map((r) => r.label)).toEqual(['Quote in notebook', 'Quote in library notebook']);
  // As in any search field, Escape first empties it; then it closes the dialog.
  await page.keyboard.press('Escape');
  await expect(reference.filter).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(reference.dialog).toBeHidden();
  expect(await focused()).toBe(before);

  // Help > Keyboard shortcuts and F1 open it too.
  await gloss.menu('shortcuts');
  await expect(reference.dialog).toBeVisible();
  await reference.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(reference.dialog).toBeHidden();
  await page.keyboard.press('F1');
  await expect(reference.dialog).toBeVisible();
});
