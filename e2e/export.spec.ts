/**
 * The Export dialog and copying as Markdown: options that change the file
 * written (read back with a CommonMark parser), options remembered across a
 * restart, what a format leaves out said before exporting, the library to a
 * folder, the clipboard read back, and the dialog used by keyboard alone.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Blockquote, Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { parseGlossUrl } from '../src/core/links/gloss-url';
import { expect, test, type GlossApp } from './support/fixtures';
import { ExportPage } from './support/export-page';
import { SidePanelPage } from './support/side-panel-page';

const DA = 'Dario Amodei';
const MM = 'Madhumita Murgia';

/** Three highlights in turns of both speakers: colours, codes and notes a reader would give them. */
async function highlightThree(gloss: GlossApp): Promise<SidePanelPage> {
  const { ui } = gloss;
  const side = new SidePanelPage(gloss.page);
  await ui.highlight('I want to kick off by talking about your essay', 'green');
  await side.addCode('method/interview');
  await ui.note.fill('The opening question.');
  await ui.highlight('let a gremlin loose', 'pink');
  await side.addCode('theme/risk');
  await ui.note.fill('Agents need supervision.');
  await ui.highlight('No one is more tired of it than me', 'yellow');
  await ui.leaveNote();
  await expect(side.count).toHaveText('3 highlights');
  return side;
}

/** The file's Markdown without its front matter, parsed by a CommonMark parser. */
function parsed(markdown: string): { front: Record<string, unknown>; tree: Root } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  return { front: match ? (parseYaml(match[1]) as Record<string, unknown>) : {}, tree: fromMarkdown(match ? markdown.slice(match[0].length) : markdown) };
}

/** The text of each blockquote: a highlight's quote with its attribution. */
function quotes(tree: Root): string[] {
  return tree.children.filter((n): n is Blockquote => n.type === 'blockquote').map((q) => toString(q));
}

function headings(tree: Root, depth: number): string[] {
  return tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === depth).map((h) => toString(h));
}

test('the Export dialog opens from the toolbar, File > Export… and Ctrl+E; Escape closes it and the focus goes back; Tab stays inside', async ({ gloss }) => {
  const { page } = gloss;
  const dialog = new ExportPage(page);
  const button = page.locator('.toolbar').getByRole('button', { name: 'Export…', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.dialog).toBeVisible();
  // The chosen format has the focus; the preview says what would go.
  await expect(dialog.format('Markdown')).toBeFocused();
  await expect(dialog.preview).toHaveText(/^0 highlights from 1 document: nothing is highlighted yet\. Select a passage/);
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  await expect(button).toBeFocused();

  await gloss.menu('export');
  await expect(dialog.dialog).toBeVisible();
  // Tab from the last control comes back to the first; Shift+Tab from the first goes to the last.
  await dialog.exportButton.focus();
  await page.keyboard.press('Tab');
  await expect(dialog.format('Markdown')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.exportButton).toBeFocused();
  await dialog.cancelButton.click();
  await expect(dialog.dialog).toBeHidden();

  await page.locator('main').first().focus();
  await page.keyboard.press('ControlOrMeta+e');
  await expect(dialog.dialog).toBeVisible();
  // Keyboard alone: arrow keys change the format, Space ticks an option.
  await page.keyboard.press('ArrowDown');
  await expect(dialog.format('W3C Web Annotations')).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(dialog.format('Markdown')).toBeChecked();
  await dialog.option('Notes').focus();
  await page.keyboard.press('Space');
  await expect(dialog.option('Notes')).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
});

test('Times cannot be chosen for a transcript without media times, and the dialog says why', async ({ gloss }) => {
  const dialog = new ExportPage(gloss.page);
  await dialog.openFromToolbar();
  await expect(dialog.option('Times')).toBeDisabled();
  await expect(dialog.option('Times')).toHaveAccessibleDescription('This transcript has no media times');
  await expect(dialog.option('Notes')).toBeEnabled();
});

test('grouped by speaker, notes off, codes off: the file written says so', async ({ gloss }, testInfo) => {
  await highlightThree(gloss);
  const dialog = new ExportPage(gloss.page);
  await dialog.openFromToolbar();
  await expect(dialog.preview).toHaveText('3 highlights from 1 document');
  await dialog.groupByName('Speaker');
  await dialog.setOption('Notes', false);
  await dialog.setOption('Codes', false);
  const path = testInfo.outputPath('by speaker.md');
  await gloss.setExportPath(path);
  // The outcome's polite live region is there, empty, before the export, so that a screen reader says what goes into it.
  const spoken = dialog.outcome.locator('[role="status"]');
  await expect(spoken).toBeAttached();
  await expect(spoken).toBeEmpty();
  expect(await dialog.run()).toContain(`Exported 3 highlights to ${path}`);
  await expect(spoken).toContainText(`Exported 3 highlights to ${path}`);
  await expect(gloss.ui.status).toContainText(`Exported 3 highlights to ${path}`);

  const markdown = await readFile(path, 'utf8');
  const { front, tree } = parsed(markdown);
  expect(front.title).toBe('Democracies must maintain the lead in AI');
  // One heading per speaker, in the order they speak, each over its own quotes.
  expect(headings(tree, 2)).toEqual(expect.arrayContaining([MM, DA]));
  expect(headings(tree, 2).indexOf(MM)).toBeLessThan(headings(tree, 2).indexOf(DA));
  const all = quotes(tree);
  expect(all).toHaveLength(3);
  expect(all.find((q) => q.includes('let a gremlin loose'))).toContain(DA);
  // No note, no code.
  expect(markdown).not.toContain('The opening question.');
  expect(markdown).not.toContain('supervision');
  expect(markdown).not.toMatch(/#theme|#method/);
});

test('notes and codes on (the defaults): each highlight carries its note, its codes as tags and a link back', async ({ gloss }, testInfo) => {
  await highlightThree(gloss);
  const dialog = new ExportPage(gloss.page);
  await dialog.openFromToolbar();
  const path = testInfo.outputPath('with notes.md');
  await gloss.setExportPath(path);
  await dialog.run();
  const markdown = await readFile(path, 'utf8');
  const { tree } = parsed(markdown);
  expect(quotes(tree)).toHaveLength(3);
  expect(markdown).toContain('The opening question.');
  expect(markdown).toContain('Agents need supervision.');
  expect(markdown).toContain('#theme/risk');
  expect(markdown).toContain('#method/interview');
  const links = [...markdown.matchAll(/gloss:\/\/[^\s)>]+/g)].map((m) => parseGlossUrl(m[0]));
  expect(links.length).toBeGreaterThanOrEqual(3);
  expect(links.every((l) => l.ok)).toBe(true);
});

test('only the highlights matching the side panel’s filter go, when asked', async ({ gloss }, testInfo) => {
  const side = await highlightThree(gloss);
  await side.openFilters();
  await side.toggle('Speaker', DA);
  await expect(side.count).toHaveText('2 of 3 highlights');
  const dialog = new ExportPage(gloss.page);
  await dialog.openFromToolbar();
  await expect(dialog.onlyFiltered).toBeChecked();
  await expect(dialog.dialog).toContainText(DA);
  await expect(dialog.preview).toHaveText('2 highlights from 1 document');
  await dialog.onlyFiltered.uncheck();
  await expect(dialog.preview).toHaveText('3 highlights from 1 document');
  await dialog.onlyFiltered.check();
  await expect(dialog.preview).toHaveText('2 highlights from 1 document');
  const path = testInfo.outputPath('filtered.md');
  await gloss.setExportPath(path);
  expect(await dialog.run()).toContain('Exported 2 highlights');
  const all = quotes(parsed(await readFile(path, 'utf8')).tree);
  expect(all).toHaveLength(2);
  expect(all.some((q) => q.includes('I want to kick off'))).toBe(false);
});

test('the Markdown options are remembered after a restart', async ({ gloss }, testInfo) => {
  await highlightThree(gloss);
  let dialog = new ExportPage(gloss.page);
  await dialog.openFromToolbar();
  await dialog.groupByName('Code');
  await dialog.setOption('Colour names', false);
  await dialog.setOption('Links back to Gloss', false);
  await gloss.setExportPath(testInfo.outputPath('first.md'));
  await dialog.run();

  await gloss.restart();
  dialog = new ExportPage(gloss.page);
  await dialog.openFromToolbar();
  await expect(dialog.groupBy).toHaveValue('code');
  await expect(dialog.option('Colour names')).not.toBeChecked();
  await expect(dialog.option('Links back to Gloss')).not.toBeChecked();
  await expect(dialog.option('Notes')).toBeChecked();
  // And the copy to the clipboard uses them too: no link back.
  await dialog.cancelButton.click();
  await gloss.page.locator('.highlight-item__open').first().click();
  await gloss.page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(gloss.ui.status).toContainText('Copied 1 highlight as Markdown');
  expect(await dialog.clipboard()).not.toContain('gloss://');
});

test('REFI-QDA says what it cannot carry before anything is exported', async ({ gloss }) => {
  await highlightThree(gloss);
  const dialog = new ExportPage(gloss.page);
  await dialog.openFromToolbar();
  await expect(dialog.leftOut).toHaveCount(0);
  await dialog.chooseFormat('REFI-QDA project');
  // The Markdown options go: they are Markdown's.
  await expect(dialog.groupBy).toBeHidden();
  await expect(dialog.leftOut.first()).toBeVisible();
  await expect(dialog.dialog.locator('.export-dialog__left-out')).toContainText('Left out of this REFI-QDA project export:');
  await expect(dialog.leftOut.filter({ hasText: /colou?r/i })).not.toHaveCount(0);
  // Nothing was written to say it: no export ran.
  await expect(dialog.outcome).toBeHidden();
});

test('the library goes to a folder: one file per document and an index linking them', async ({ gloss }, testInfo) => {
  const { page, ui } = gloss;
  await ui.highlight('let a gremlin loose', 'pink');
  const vtt = testInfo.outputPath('hopper.vtt');
  await writeFile(vtt, 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Grace Hopper>Humans are allergic to change.\n');
  await gloss.setFilesToOpen([vtt]);
  await ui.library.open();
  await ui.library.openTranscripts();
  // A single file imported opens in the reader.
  await expect(ui.title).toHaveText('hopper');
  await ui.library.open();
  await expect(ui.library.row('hopper.vtt')).toBeVisible();
  await page.getByRole('button', { name: 'Export library…' }).click();
  const dialog = new ExportPage(page);
  await expect(dialog.scope('library')).toBeChecked();
  await expect(dialog.preview).toHaveText('1 highlight from 2 documents');
  const folder = testInfo.outputPath('library export');
  await mkdir(folder, { recursive: true });
  await gloss.setExportFolder(folder);
  expect(await dialog.run()).toContain(`Exported 1 highlight from 2 documents to ${folder} (3 files)`);
  const files = (await readdir(folder)).sort();
  expect(files).toEqual(['Democracies must maintain the lead in AI.md', 'Gloss index.md', 'hopper.md']);
  // The index links each document's file, as a notes app follows the link.
  const { front, tree } = parsed(await readFile(join(folder, 'Gloss index.md'), 'utf8'));
  expect(front.documents).toBe(2);
  const links: string[] = [];
  const visit = (node: { type: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'link' && node.url) links.push(decodeURI(node.url));
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree);
  expect(links.sort()).toEqual(['Democracies must maintain the lead in AI.md', 'hopper.md']);
  expect(quotes(parsed(await readFile(join(folder, 'Democracies must maintain the lead in AI.md'), 'utf8')).tree)[0]).toContain('let a gremlin loose');
  expect(parsed(await readFile(join(folder, 'hopper.md'), 'utf8')).front).toMatchObject({ title: 'hopper', format: 'webvtt', speakers: ['Grace Hopper'] });
});

test('a library row exports that document; a cancelled place chooser writes nothing and says so', async ({ gloss }) => {
  const { page, ui } = gloss;
  await ui.library.open();
  await ui.library.row('Democracies').getByRole('button', { name: /^Export Democracies/ }).click();
  const dialog = new ExportPage(page);
  await expect(dialog.scope('document')).toBeChecked();
  await expect(dialog.dialog).toContainText('“Democracies must maintain the lead in AI”');
  await gloss.setExportPath(null);
  expect(await dialog.run()).toContain('Nothing was exported: no place was chosen');
  await expect(dialog.dialog).toBeVisible();
});

test('copy one highlight, the listed ones, and a passage with its citation, to the clipboard', async ({ gloss }) => {
  const { page, ui } = gloss;
  const side = await highlightThree(gloss);
  const dialog = new ExportPage(page);
  await dialog.clearClipboard();

  // One highlight, from its actions in the side panel.
  await page.locator('.highlight-item__open').filter({ hasText: 'let a gremlin loose' }).click();
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(ui.status).toContainText('Copied 1 highlight as Markdown');
  let copied = await dialog.clipboard();
  expect(quotes(fromMarkdown(copied))).toHaveLength(1);
  expect(quotes(fromMarkdown(copied))[0]).toContain('let a gremlin loose');
  expect(copied).toContain('Agents need supervision.');
  expect(copied).toContain('#theme/risk');

  // The selected one again, by keyboard: Ctrl/Cmd+Shift+C from the text.
  await dialog.clearClipboard();
  await page.locator('main').first().focus();
  await page.keyboard.press('ControlOrMeta+Shift+C');
  await expect.poll(() => dialog.clipboard()).toContain('let a gremlin loose');

  // The listed ones: the side panel's filter says which.
  await side.openFilters();
  await side.toggle('Speaker', DA);
  await page.getByRole('button', { name: 'Copy 2 listed highlights as Markdown' }).click();
  await expect(ui.status).toContainText('Copied 2 highlights as Markdown');
  copied = await dialog.clipboard();
  expect(quotes(fromMarkdown(copied))).toHaveLength(2);
  expect(copied).not.toContain('I want to kick off');

  // A passage selected in the text, with its citation and a link that opens that passage.
  await ui.select('this dichotomy between', 'the benefits of AI');
  const selected = (await ui.selectedText()).trim();
  await page.locator('.toolbar').getByRole('button', { name: 'Copy quote' }).click();
  await expect(ui.status).toContainText('Copied the quote with its citation');
  copied = await dialog.clipboard();
  const cited = quotes(fromMarkdown(copied)).join('\n');
  expect(cited.replace(/\s+/g, ' ')).toContain(selected.replace(/\s+/g, ' ').slice(0, 40));
  expect(copied).toContain(DA);
  expect(copied).toContain('Democracies must maintain the lead in AI');
  const link = /gloss:\/\/[^\s)>]+/.exec(copied)?.[0];
  expect(link && parseGlossUrl(link)).toMatchObject({ ok: true, place: { start: expect.any(Number), end: expect.any(Number) } });
});

test('Copy in the Export dialog puts the document’s whole Markdown on the clipboard', async ({ gloss }) => {
  await highlightThree(gloss);
  const dialog = new ExportPage(gloss.page);
  await dialog.clearClipboard();
  await dialog.openFromToolbar();
  await dialog.setOption('Notes', false);
  await dialog.copyButton.click();
  await expect(dialog.outcome).toContainText('Copied 3 highlights as Markdown');
  const { front, tree } = parsed(await dialog.clipboard());
  expect(front.title).toBe('Democracies must maintain the lead in AI');
  expect(quotes(tree)).toHaveLength(3);
  expect(await dialog.clipboard()).not.toContain('The opening question.');
});

test('a timed transcript: Times can be chosen, and the file and a copied quote say when each passage is said', async ({ gloss }, testInfo) => {
  const { page, ui } = gloss;
  const vtt = testInfo.outputPath('hopper-kay.vtt');
  await writeFile(
    vtt,
    'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Grace Hopper>Humans are allergic to change.\n\n00:01:05.000 --> 00:01:09.000\n<v Alan Kay>The best way to predict the future is to invent it.\n',
  );
  await gloss.setFilesToOpen([vtt]);
  await ui.library.open();
  await ui.library.openTranscripts();
  await expect(ui.title).toHaveText('hopper-kay');
  await ui.highlight('predict the future', 'blue');
  await ui.leaveNote();

  const dialog = new ExportPage(page);
  await dialog.openFromToolbar();
  await expect(dialog.option('Times')).toBeEnabled();
  await dialog.setOption('Times', true);
  const withTimes = testInfo.outputPath('with times.md');
  await gloss.setExportPath(withTimes);
  await dialog.run();
  expect(quotes(parsed(await readFile(withTimes, 'utf8')).tree)[0]).toMatch(/Alan Kay \(1:05\)/);
  await dialog.setOption('Times', false);
  const withoutTimes = testInfo.outputPath('without times.md');
  await gloss.setExportPath(withoutTimes);
  await dialog.run();
  expect(quotes(parsed(await readFile(withoutTimes, 'utf8')).tree)[0]).not.toMatch(/1:05/);
  await dialog.cancelButton.click();

  await dialog.clearClipboard();
  await ui.select('Humans are allergic');
  await page.keyboard.press('ControlOrMeta+Shift+C');
  await expect(ui.status).toContainText('Copied the quote with its citation');
  const copied = await dialog.clipboard();
  expect(copied).toContain('Humans are allergic');
  expect(copied).toContain('Grace Hopper');
  expect(copied).toMatch(/0:01/);
  expect(copied).toContain('hopper-kay');
});

test('keys pressed in the dialog stay in it: Delete and Escape leave the selected highlight alone', async ({ gloss }) => {
  const { page, ui } = gloss;
  await ui.highlight('let a gremlin loose', 'pink');
  await ui.leaveNote();
  await expect(page.locator('.highlight-item.is-selected')).toHaveCount(1);
  const dialog = new ExportPage(page);
  await dialog.openFromToolbar();
  await dialog.cancelButton.focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  await expect(ui.highlights).toHaveCount(1);
  await expect(page.locator('.highlight-item.is-selected')).toHaveCount(1);
  await expect(page.locator('.highlight-item')).toHaveAttribute('data-color', 'pink');
});
