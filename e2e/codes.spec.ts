/**
 * Codes and colour names: codes added to a highlight with the keyboard alone
 * (autocomplete, a new code, chips), the code manager's operations across
 * the library (rename with children following, merge, move, delete after a
 * confirmation that counts), and a colour named for the whole library
 * (toolbar, legend, side panel, after a restart). Screenshots of each at
 * 1280 and 900 pixels wide.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CODEBOOK_FILE } from '../src/main/store/layout';
import { CodeFieldPart, CodeManagerPage, ColorLegendPart, codesInList } from './support/code-manager-page';
import { highlightsOnDisk } from './support/data-folder';
import { expect, test } from './support/fixtures';
import type { GlossPage } from './support/gloss-page';

const codesOnDisk = async (dataDir: string) =>
  Object.fromEntries((await highlightsOnDisk(dataDir)).map((a) => [a.selectors.quote.exact, [...a.codes].sort()]));

/** Types codes into the selected highlight's field, each ended with Enter (new ones are created). */
async function addCodes(page: Page, ...codes: string[]): Promise<void> {
  const field = new CodeFieldPart(page);
  await field.tabTo();
  for (const code of codes) {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect(field.input).toHaveValue('');
  }
  await expect.poll(() => field.codes()).toEqual(expect.arrayContaining(codes));
}

/** Highlights a passage and gives it codes. */
async function highlightWithCodes(ui: GlossPage, quote: string, ...codes: string[]): Promise<void> {
  await ui.highlight(quote, 'yellow');
  await addCodes(ui.page, ...codes);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
  }
}

test('codes are added to a highlight with the keyboard alone: a new one on Enter, one chosen from the suggestions, the last taken off with Backspace', async ({ gloss }) => {
  const { ui, page } = gloss;
  const field = new CodeFieldPart(page);
  await ui.highlight('let a gremlin loose', 'yellow');
  await field.tabTo();
  // A code the library does not have yet: Enter makes it.
  await page.keyboard.type('theme / risk');
  await expect(field.hint).toHaveText('Enter adds the new code “theme / risk”.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('method/interview');
  await page.keyboard.press('Enter');
  await expect.poll(() => field.codes()).toEqual(['theme/risk', 'method/interview']);
  await expect.poll(() => codesOnDisk(gloss.dataDir)).toEqual({ 'let a gremlin loose': ['method/interview', 'theme/risk'] });

  // Another highlight: its field suggests the library's codes, by the start of any part of the path.
  await ui.highlight('the scaling laws', 'blue');
  await field.tabTo();
  await page.keyboard.type('ri');
  await expect(field.input).toHaveAttribute('aria-expanded', 'true');
  await expect(field.suggestions).toHaveText(['theme/risk1']);
  await page.keyboard.press('ArrowDown');
  expect(await field.activeSuggestion()).toBe('theme/risk');
  await expect(field.suggestions.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  // Nothing typed: Down shows the codes in use, most used first (theme/risk, on it already, is not offered), and chooses the first.
  await page.keyboard.press('ArrowDown');
  await expect(field.suggestions).toHaveText(['theme2', 'method1', 'method/interview1']);
  expect(await field.activeSuggestion()).toBe('theme');
  await page.keyboard.press('ArrowUp');
  expect(await field.activeSuggestion()).toBeNull();
  await page.keyboard.press('Escape');
  await expect(field.input).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.type('method/in');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => field.codes()).toEqual(['theme/risk', 'method/interview']);
  // Backspace in the empty field takes off the last code.
  await page.keyboard.press('Backspace');
  await expect.poll(() => field.codes()).toEqual(['theme/risk']);
  await expect.poll(() => codesOnDisk(gloss.dataDir)).toEqual({
    'let a gremlin loose': ['method/interview', 'theme/risk'],
    'the scaling laws': ['theme/risk'],
  });

  // Highlights not selected show their codes as small chips.
  await ui.leaveNote();
  await page.keyboard.press('Escape');
  await expect.poll(() => codesInList(page)).toEqual([['theme/risk', 'method/interview'], ['theme/risk']]);
  await ui.highlights.first().locator('.highlight-item__open').click();
  await shoot(page, 'side-panel-codes');
});

test('the code manager renames a parent (its children follow), merges, moves and deletes after saying how much it touches; the reader sees the new codes', async ({ gloss }) => {
  const { ui, page } = gloss;
  await highlightWithCodes(ui, 'let a gremlin loose', 'theme/risk', 'method/interview');
  await highlightWithCodes(ui, 'the scaling laws', 'theme/risk/misuse', 'theme/benefit');
  await highlightWithCodes(ui, 'democracies', 'theme/benefit');

  const manager = new CodeManagerPage(page);
  await manager.open();
  await expect.poll(() => manager.tree()).toEqual([
    { path: 'method', count: 0, total: 1 },
    { path: 'method/interview', count: 1, total: 1 },
    { path: 'theme', count: 0, total: 3 },
    { path: 'theme/benefit', count: 2, total: 2 },
    { path: 'theme/risk', count: 1, total: 2 },
    { path: 'theme/risk/misuse', count: 1, total: 1 },
  ]);
  expect(await manager.shownTree()).toEqual(['method', '  interview', 'theme', '  benefit', '  risk', '    misuse']);
  await shoot(page, 'code-manager');
  expect(await manager.askToDelete('theme')).toBe('Delete theme from 3 highlights in 1 document? The 3 codes under it go with it.');
  await shoot(page, 'code-manager-delete');
  await manager.cancel();
  // The focus is back where it was.
  await expect(manager.row('theme').getByRole('button', { name: 'Delete theme', exact: true })).toBeFocused();

  await manager.rename('theme', 'topic');
  await expect(manager.status).toHaveText(/^Renamed theme to topic: 3 highlights changed in 1 document\./);
  await expect.poll(() => manager.tree().then((t) => t.map((c) => c.path))).toEqual([
    'method',
    'method/interview',
    'topic',
    'topic/benefit',
    'topic/risk',
    'topic/risk/misuse',
  ]);
  // The focus is back on the renamed code's row.
  await expect(manager.row('topic').getByRole('button', { name: 'Rename topic', exact: true })).toBeFocused();

  await manager.merge('topic/benefit', 'topic/risk');
  await expect(manager.status).toHaveText(/^Merged topic\/benefit into topic\/risk: 2 highlights changed in 1 document\./);
  await expect.poll(() => manager.tree()).toContainEqual({ path: 'topic/risk', count: 3, total: 3 });

  await manager.move('topic/risk/misuse', '');
  await expect(manager.status).toHaveText(/^Moved topic\/risk\/misuse to the top \(now misuse\): 1 highlight changed in 1 document\./);

  // Cancelled, nothing changes; confirmed, the code goes from every highlight.
  expect(await manager.delete('topic/risk', 'Escape')).toBe('Delete topic/risk from 3 highlights in 1 document?');
  await expect(manager.row('topic/risk')).toHaveCount(1);
  expect(await manager.delete('topic/risk')).toBe('Delete topic/risk from 3 highlights in 1 document?');
  await expect(manager.status).toHaveText(/^Deleted topic\/risk: 3 highlights changed in 1 document\./);
  await expect.poll(() => manager.tree().then((t) => t.map((c) => c.path))).toEqual(['method', 'method/interview', 'misuse']);
  await expect.poll(() => codesOnDisk(gloss.dataDir)).toEqual({
    'let a gremlin loose': ['method/interview'],
    'the scaling laws': ['misuse'],
    democracies: [],
  });

  // Back in the reader, the side panel shows the codes as they are now.
  await manager.backToReader();
  await expect.poll(() => codesInList(page)).toEqual(expect.arrayContaining([['method/interview'], ['misuse']]));
});

test('a colour named in the legend is named in the toolbar, the legend and the side panel, and after a restart', async ({ gloss }) => {
  const { ui, page } = gloss;
  const legend = new ColorLegendPart(page);
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.leaveNote();
  await expect.poll(() => legend.names()).toEqual(['Yellow', 'Green', 'Blue', 'Pink', 'Purple', 'Orange', 'Red']);

  // Escape leaves the name as it was; Enter saves it.
  await legend.rename('yellow', 'not this', 'Escape');
  await legend.rename('yellow', 'key claim');
  await legend.rename('red', 'disagree');
  // Asked of the page running now: a restart starts another.
  const named = async () => {
    const { page, ui } = gloss;
    const legend = new ColorLegendPart(page);
    await expect.poll(() => legend.names()).toEqual(['key claim', 'Green', 'Blue', 'Pink', 'Purple', 'Orange', 'disagree']);
    const yellow = page.getByRole('button', { name: 'Highlight yellow — key claim', exact: true });
    await expect(yellow).toHaveAttribute('title', 'Highlight yellow — key claim (Alt+1)');
    await expect(page.getByRole('button', { name: 'Highlight red — disagree', exact: true })).toHaveAttribute('title', 'Highlight red — disagree (Alt+7)');
    await expect(ui.highlights.first().getByRole('img', { name: 'Yellow: key claim' })).toBeVisible();
  };
  await named();
  await shoot(page, 'color-legend');

  await gloss.restart();
  await gloss.ui.waitUntilOpen();
  await named();
  // On disk for the whole library, not only in this window.
  expect(JSON.stringify(JSON.parse(await readFile(join(gloss.dataDir, CODEBOOK_FILE), 'utf8')))).toContain('key claim');
});

test('the codebook: a code added in the manager, and a code’s colour and description, are kept for the library; the colour shows on its chips', async ({ gloss }) => {
  const { ui, page } = gloss;
  await highlightWithCodes(ui, 'let a gremlin loose', 'theme/risk');
  const manager = new CodeManagerPage(page);
  await manager.open();
  await manager.addCode('method / interview');
  await expect.poll(() => manager.tree()).toContainEqual({ path: 'method/interview', count: 0, total: 0 });
  await manager.describe('theme/risk', { color: 'red', description: 'Harm the speaker foresees' });
  await manager.find('ris');
  await expect.poll(() => manager.tree().then((t) => t.map((c) => c.path))).toEqual(['theme', 'theme/risk']);
  await expect.poll(() => readFile(join(gloss.dataDir, CODEBOOK_FILE), 'utf8').catch(() => '')).toContain('Harm the speaker foresees');

  await gloss.restart();
  await gloss.ui.waitUntilOpen();
  const again = new CodeManagerPage(gloss.page);
  await again.open();
  await expect(again.row('method/interview')).toHaveCount(1);
  await expect(again.row('theme/risk').getByRole('combobox', { name: 'Colour of theme/risk' })).toHaveValue('red');
  await expect(again.row('theme/risk').getByRole('textbox', { name: 'Description of theme/risk' })).toHaveValue('Harm the speaker foresees');
  await again.backToReader();
  await expect(gloss.page.locator('.code-chip[data-code="theme/risk"] .dot--red')).toHaveCount(1);
});
