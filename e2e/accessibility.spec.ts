/**
 * axe-core over every view of the app, in the light and the dark theme: the
 * reader (a highlight selected in the side panel, its note open), the
 * notebook tab, the find bar, the export dialog, the library, the code
 * manager, the search with results, the overview, the settings dialog, the
 * shortcut reference, both context menus, the replace report, a narrow
 * window with the side panel laid over the text, the highlight filters, the
 * library notebook, a code manager dialog and an import's report. No
 * view may have a serious or critical violation; a failure lists each one
 * with its rule, the element and what is wrong. Also what a screen reader is
 * told: turns by their speakers, a highlight by its colour's name, codes and
 * note, and the status line's messages through a live region.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type GlossApp } from './support/fixtures';
import { describeViolations, seriousViolations } from './support/axe';
import { CodeManagerPage, ColorLegendPart } from './support/code-manager-page';
import { ContextMenuPart, ShortcutReferencePage } from './support/commands-page';
import { ExchangeReportPage } from './support/exchange-report-page';
import { LayoutPage } from './support/layout-page';
import { SAMPLE_PATH } from './support/paths';
import { ReplaceTextPage } from './support/replace-text-page';
import { SettingsPage } from './support/settings-page';
import { ExportPage } from './support/export-page';
import { FindBarPage } from './support/find-bar-page';
import { NotebookPage } from './support/notebook-page';
import { OverviewPage } from './support/overview-page';
import { SearchPage } from './support/search-page';
import { SidePanelPage } from './support/side-panel-page';

const THEMES = ['light', 'dark'] as const;

/** Several views, axe over each (a few seconds a view, its whole DOM): longer than one step of the app. */
const SEVERAL_VIEWS_MS = 180_000;

/** Runs axe on the page as it is and records its serious and critical violations, named after the view, without stopping. */
async function check(gloss: GlossApp, view: string): Promise<void> {
  // Animations and transitions settled, so that colours are measured as they end.
  await gloss.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const problems = await seriousViolations(gloss.page);
  expect.soft(problems, `axe in the ${view}:\n${describeViolations(problems)}`).toEqual([]);
}

/** Annotations from another tool (W3C Web Annotations): one on a passage of the sample, one on a passage it does not have. */
const W3C_PAGE = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationPage',
  items: [
    { type: 'Annotation', bodyValue: 'Agents as gremlins', target: { source: 'https://interviews.example/amodei', selector: { type: 'TextQuoteSelector', exact: 'the scaling laws' } } },
    { type: 'Annotation', target: { source: 'https://interviews.example/amodei', selector: { type: 'TextQuoteSelector', exact: 'words this interview never had' } } },
  ],
};

/** A highlight with a code and a note, selected: the side panel shows its fields. */
async function selectedHighlight(gloss: GlossApp): Promise<void> {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'blue');
  await ui.typeNote('A vivid image');
  await expect(ui.noteState).toHaveText('Saved');
  await new SidePanelPage(page).addCode('theme/risk');
  await ui.leaveNote();
}

for (const theme of THEMES) {
  test.describe(`in the ${theme} theme`, () => {
    test.beforeEach(async ({ gloss }) => {
      await gloss.page.emulateMedia({ colorScheme: theme });
      // The app follows the system's theme until the reader picks one.
      await expect(gloss.page.locator('html')).toHaveAttribute('data-theme', theme);
    });

    test(`the reader, its side panel, notebook, find bar and export dialog have no serious accessibility problem (${theme})`, async ({ gloss }) => {
      test.setTimeout(SEVERAL_VIEWS_MS);
      const { page } = gloss;
      await check(gloss, 'reader as opened');
      await selectedHighlight(gloss);
      await check(gloss, 'reader with a highlight selected');

      const notebook = new NotebookPage(page, 'document');
      await notebook.open();
      await check(gloss, 'notebook tab');
      await notebook.showHighlights();

      const find = new FindBarPage(page);
      await page.locator('main').first().focus();
      await find.open();
      await find.search('the');
      await expect(find.count).toContainText(/of/);
      await check(gloss, 'reader with the find bar open');
      await page.keyboard.press('Escape');

      const exporting = new ExportPage(page);
      await exporting.openFromToolbar();
      await check(gloss, 'export dialog');
      await exporting.cancelButton.click();
    });

    test(`the library, code manager, search and overview have no serious accessibility problem (${theme})`, async ({ gloss }) => {
      test.setTimeout(SEVERAL_VIEWS_MS);
      const { page, ui } = gloss;
      await selectedHighlight(gloss);

      const overview = new OverviewPage(page);
      await overview.openForDocument();
      await check(gloss, 'overview');
      await overview.back.click();

      const codes = new CodeManagerPage(page);
      await codes.open();
      await check(gloss, 'code manager');
      await codes.backToReader();

      const search = new SearchPage(page);
      await search.open();
      await search.search('intelligence');
      await expect(search.hits.first()).toBeVisible();
      await check(gloss, 'search with results');
      await search.back.click();

      await ui.library.open();
      await check(gloss, 'library');
    });

    test(`the settings, the shortcut reference and both context menus have no serious accessibility problem (${theme})`, async ({ gloss }) => {
      test.setTimeout(SEVERAL_VIEWS_MS);
      const { page, ui } = gloss;
      const settings = new SettingsPage(page);
      await settings.openWithKeys();
      await check(gloss, 'settings dialog');
      await settings.close.click();

      const reference = new ShortcutReferencePage(page);
      await ui.leaveNote();
      await page.keyboard.press('?');
      await expect(reference.dialog).toBeVisible();
      await check(gloss, 'shortcut reference');
      await page.keyboard.press('Escape');
      await expect(reference.dialog).toHaveCount(0);

      const menu = new ContextMenuPart(page);
      await ui.select('the scaling laws');
      await menu.openOnSelection();
      await expect(menu.named('Selected words')).toBeVisible();
      await check(gloss, 'context menu on selected words');
      await page.keyboard.press('Escape');
      await expect(menu.menu).toHaveCount(0);

      await ui.highlight('let a gremlin loose', 'orange');
      await ui.leaveNote();
      await menu.openOn(ui.marksWith('gremlin'));
      await expect(menu.named('Highlight')).toBeVisible();
      await check(gloss, 'context menu on a highlight');
      await page.keyboard.press('Escape');
      await expect(menu.menu).toHaveCount(0);
    });

    test(`the replace report and a narrow window have no serious accessibility problem (${theme})`, async ({ gloss }, testInfo) => {
      test.setTimeout(SEVERAL_VIEWS_MS);
      const { page, ui } = gloss;
      await ui.highlight('let a gremlin loose', 'orange');
      await ui.leaveNote();
      // A corrected text in which the highlighted sentence is gone: the report lists an orphan.
      const sample = await readFile(SAMPLE_PATH, 'utf8');
      const corrected = join(gloss.dataDir, '..', `a11y-corrected-${testInfo.testId}-${theme}.txt`);
      await writeFile(corrected, sample.replace('let a gremlin loose', 'let a goblin loose'));
      await gloss.setFilesToOpen([corrected]);
      const replace = new ReplaceTextPage(page);
      await replace.replaceFromReader();
      await expect(replace.report).toBeVisible();
      await check(gloss, 'replace report');
      await replace.closeReport();

      // A narrow window: the side panel opens over the text.
      await page.setViewportSize({ width: 600, height: 800 });
      const layout = new LayoutPage(page);
      await expect(layout.toggle).toBeVisible();
      if (!(await layout.panel.isVisible())) await layout.toggle.click();
      await expect.poll(() => layout.isOverlay()).toBe(true);
      await check(gloss, 'narrow window with the side panel over the text');
    });

    test(`the highlight filters, the library notebook, a code manager dialog and an import's report have no serious accessibility problem (${theme})`, async ({ gloss }, testInfo) => {
      test.setTimeout(SEVERAL_VIEWS_MS);
      const { page } = gloss;
      await selectedHighlight(gloss);
      const panel = new SidePanelPage(page);
      await panel.openFilters();
      await check(gloss, 'side panel with its filters open');

      const file = testInfo.outputPath(`notes-${theme}.jsonld`);
      await writeFile(file, JSON.stringify(W3C_PAGE));
      await gloss.setFilesToOpen([file]);
      await gloss.menu('import-annotations');
      const report = new ExchangeReportPage(page);
      await expect(report.summary).toBeVisible();
      await check(gloss, 'report of an annotation import');
      await report.closeWithEscape();

      const codes = new CodeManagerPage(page);
      await codes.open();
      await page.getByRole('button', { name: 'Rename theme/risk', exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(codes.dialog).toBeVisible();
      await check(gloss, 'code manager’s rename dialog');
      await page.keyboard.press('Escape');
      await expect(codes.dialog).toHaveCount(0);

      await page.getByRole('button', { name: 'Library', exact: true }).click();
      const notebook = new NotebookPage(page, 'library');
      await notebook.open();
      await check(gloss, 'library notebook');
    });
  });
}

test('screen readers hear each turn by its speaker, once, and a highlight by its colour’s name, codes and note', async ({ gloss }) => {
  const { ui, page } = gloss;
  // A turn is a group named by its speaker; the name drawn above it is not read a second time with the words.
  const turn = page.getByRole('group', { name: 'Dario Amodei' }).filter({ hasText: 'In a sense, it shouldn’t be new' });
  await expect(turn).toHaveAttribute('aria-roledescription', 'turn');
  await expect(turn).toMatchAriaSnapshot('- group "Dario Amodei": /^In a sense, it shouldn’t be new/');
  await expect(page.getByRole('group', { name: 'Madhumita Murgia' }).first()).toBeVisible();
  // Words around the talk are a note, apart from what is said.
  await expect(ui.transcript.getByRole('note').first()).toBeVisible();

  await ui.highlight('let a gremlin loose', 'blue');
  const mark = ui.marksWith('let a gremlin loose');
  await expect(mark).toHaveAccessibleDescription('Blue highlight');
  await new SidePanelPage(page).addCode('theme/risk');
  await expect(mark).toHaveAccessibleDescription('Blue highlight, code theme/risk');
  await ui.typeNote('A vivid image');
  await expect(ui.noteState).toHaveText('Saved');
  await expect(mark).toHaveAccessibleDescription('Blue highlight, code theme/risk, has a note');
  // Colours are spoken of by the names the reader gives them.
  await ui.leaveNote();
  await new ColorLegendPart(page).rename('blue', 'Key claim');
  await expect(mark).toHaveAccessibleDescription('Key claim highlight, code theme/risk, has a note');

  // Where two highlights overlap, the shared words tell of both, oldest first.
  await ui.highlight('a gremlin loose in the', 'yellow');
  await expect(ui.marksWith('a gremlin loose').first()).toHaveAccessibleDescription('Key claim highlight, code theme/risk, has a note; Yellow highlight');
});

test('the status line’s messages are heard through a polite live region', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.leaveNote();
  // A colour picked with nothing selected says what to do first.
  await ui.colorButton('green').click();
  await expect(ui.status).toContainText('Select some text in the transcript first');
  const region = page.getByRole('status').filter({ hasText: 'Select some text in the transcript first' });
  await expect(region).toHaveCount(1);
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByRole('alert').filter({ hasText: 'Select some text' })).toHaveCount(0);
});
