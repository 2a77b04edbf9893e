/**
 * Takes the README's screenshots of the real renderer over the sample
 * transcript: the reading view with coded, overlapping highlights and a note
 * (docs/screenshot.png), the study notebook beside the text with quotes of
 * both speakers (docs/notebook.png), the overview of speakers × codes
 * (docs/overview.png), the library search (docs/search.png), the find bar
 * stepping through matches (docs/find.png), and the report after replacing
 * the text with the hand-corrected sample of test-fixtures/reanchor/
 * (docs/replace.png). Also the same reading view in the dark theme
 * (docs/screenshot-dark.png), the context menu on selected words
 * (docs/context-menu.png), the Settings dialog (docs/settings.png), the
 * shortcut reference (docs/shortcuts.png), a 600 px window with the side panel
 * laid over the text (docs/narrow.png) and a library of several documents,
 * sorted, a few chosen (docs/library.png). Run with `npm run screenshot`;
 * GLOSS_DOCS_DIR writes them elsewhere than docs/.
 */
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { CodeFieldPart, ColorLegendPart } from '../e2e/support/code-manager-page';
import { ContextMenuPart, ShortcutReferencePage } from '../e2e/support/commands-page';
import { FindBarPage } from '../e2e/support/find-bar-page';
import { test } from '../e2e/support/fixtures';
import { addGeneratedDocuments, type GeneratedDocument } from '../e2e/support/generated-library';
import { LayoutPage } from '../e2e/support/layout-page';
import { NotebookPage } from '../e2e/support/notebook-page';
import { OverviewPage } from '../e2e/support/overview-page';
import { ROOT } from '../e2e/support/paths';
import { ReplaceTextPage } from '../e2e/support/replace-text-page';
import { SearchPage } from '../e2e/support/search-page';
import { SettingsPage } from '../e2e/support/settings-page';

const DOCS = process.env.GLOSS_DOCS_DIR ?? join(ROOT, 'docs');

/** A few documents beside the sample, for the library's screenshot. */
const LIBRARY: GeneratedDocument[] = [
  { title: 'Archive of the river', format: 'srt', speakers: ['Tomás Ferreira'], words: 1500, highlights: 12, notes: 4, addedAt: '2026-01-05T09:00:00.000Z', openedAt: '2026-03-01T09:00:00.000Z' },
  { title: 'Budget hearing, second session', format: 'webvtt', speakers: ['Helen Park', 'Amara Nwosu'], words: 4200, highlights: 3, addedAt: '2026-01-01T09:00:00.000Z' },
  { title: 'Budget hearing, tenth session', format: 'markdown', speakers: ['Kwame Mensah', 'Helen Park'], words: 3800, highlights: 7, notes: 1, addedAt: '2026-01-03T09:00:00.000Z', openedAt: '2026-02-01T09:00:00.000Z' },
  { title: 'Oral history, tape 3', format: 'text', speakers: ['Amara Nwosu'], words: 9000, highlights: 21, notes: 6, addedAt: '2026-01-02T09:00:00.000Z' },
  { title: 'Winter school focus group', format: 'webvtt', speakers: ['Priya Raman', 'Jonas Lindqvist', 'Sofia Marić'], words: 6000, highlights: 9, addedAt: '2026-01-04T09:00:00.000Z', openedAt: '2026-04-01T09:00:00.000Z' },
  { title: 'Village council, March', format: 'srt', speakers: ['Jonas Lindqvist'], words: 2400, highlights: 0, addedAt: '2026-01-06T09:00:00.000Z' },
];

/** Waits until the page shows `theme` (the appearance code sets it on <html>). */
async function expectTheme(page: import('@playwright/test').Page, theme: 'light' | 'dark'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('README screenshots', async ({ gloss }) => {
  test.setTimeout(180_000);
  const { ui, page } = gloss;
  const codes = new CodeFieldPart(page);
  const legend = new ColorLegendPart(page);
  await legend.rename('yellow', 'key claim');
  await legend.rename('green', 'evidence');
  await legend.rename('pink', 'disagree');

  const code = async (...paths: string[]) => {
    for (const path of paths) {
      await codes.input.click();
      await codes.input.fill(path);
      await page.keyboard.press('Enter');
      await expect.poll(() => codes.codes()).toContain(path);
    }
  };
  await ui.highlight('I want to kick off by talking about your essay, Machines of Loving Grace', 'blue');
  await code('theme/upside');
  await ui.highlight('there’s been a real lack of concreteness in the positive benefits', 'yellow');
  await ui.typeNote('His core complaint about **AI optimism**.');
  await code('theme/upside', 'rhetoric');
  await ui.highlight('the upside is being explained in either very vague, emotive terms, or really extreme', 'green');
  await code('rhetoric/vague');
  await ui.highlight('very vague, emotive terms', 'pink');
  await ui.typeNote('Compare with the "build, build, build" posts.');
  await ui.highlight('I think the thing we’re seeing is in many ways pretty ordinary', 'yellow');
  await code('theme/scaling');
  await ui.highlight('There’s been talk recently about how these capabilities are perhaps plateauing', 'green');
  await code('theme/scaling', 'method/question');
  await ui.leaveNote();
  await ui.paragraph('I want to kick off by talking').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.locator('.reader').evaluate((el) => el.scrollBy(0, -40));
  // Without the reading area's focus outline (the note left with Escape gives the focus back to the text).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(DOCS, 'screenshot.png') });

  // The same view in the dark theme, which follows the system's setting unless Settings overrides it.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectTheme(page, 'dark');
  await page.screenshot({ path: join(DOCS, 'screenshot-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await expectTheme(page, 'light');

  // The context menu on selected words.
  const menu = new ContextMenuPart(page);
  await ui.select('this dichotomy between the risks of AI and the benefits of AI');
  await menu.openOnSelection();
  await page.screenshot({ path: join(DOCS, 'context-menu.png') });
  await page.keyboard.press('Escape');
  await expect(menu.menu).toBeHidden();

  // Settings (Ctrl/Cmd+,) and the shortcut reference (?).
  const settings = new SettingsPage(page);
  await settings.openWithKeys();
  await page.screenshot({ path: join(DOCS, 'settings.png') });
  await page.keyboard.press('Escape');
  await expect(settings.dialog).toBeHidden();
  const shortcuts = new ShortcutReferencePage(page);
  await page.locator('main').first().focus();
  await page.keyboard.press('?');
  await expect(shortcuts.dialog).toBeVisible();
  await page.screenshot({ path: join(DOCS, 'shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(shortcuts.dialog).toBeHidden();

  // A 600 px window in the dark theme: the side panel laid over the text.
  const layout = new LayoutPage(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectTheme(page, 'dark');
  await page.setViewportSize({ width: 600, height: 860 });
  await expect(layout.panel).toBeHidden();
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await ui.paragraph('I want to kick off by talking').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await layout.toggle.click();
  await expect(layout.panel).toBeVisible();
  await page.screenshot({ path: join(DOCS, 'narrow.png') });
  await page.keyboard.press('Escape');
  await expect(layout.panel).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.emulateMedia({ colorScheme: 'light' });
  await expectTheme(page, 'light');
  await expect(layout.panel).toBeVisible();

  const notebook = new NotebookPage(page, 'document');
  await notebook.open();
  await notebook.focusEnd();
  await notebook.type('# What he means by the upside\n');
  await notebook.type('Two moves: name the benefits, then scale them.\n');
  await notebook.showHighlights();
  for (const quote of ['there’s been a real lack of concreteness', 'There’s been talk recently about how']) {
    await ui.highlights.filter({ hasText: quote }).locator('.highlight-item__open').click();
    await page.getByRole('button', { name: 'To notebook', exact: true }).click();
  }
  await notebook.open();
  await expect(notebook.quotes).toHaveCount(2);
  await notebook.focusEnd();
  await notebook.type('[ ] Check the essay for the list of benefits');
  await notebook.waitUntilSaved();
  await page.screenshot({ path: join(DOCS, 'notebook.png') });

  const overview = new OverviewPage(page);
  await overview.openForDocument();
  await overview.choose('Dario Amodei', 'theme');
  await page.screenshot({ path: join(DOCS, 'overview.png') });

  // Searched from the reader, so that "this document" is offered too.
  await overview.back.click();
  const search = new SearchPage(page);
  await search.open();
  await search.search('upside');
  await search.field.press('ArrowDown');
  await page.screenshot({ path: join(DOCS, 'search.png') });

  // The find bar stepped to a match further down, others painted around it. The document is opened again from the
  // library and scrolled to its top (the find bar starts at the first match below the view).
  await search.field.press('Escape');
  await notebook.showHighlights();
  const title = (await ui.title.textContent())!;
  await ui.library.open();
  await ui.library.openDocument(title);
  await expect(ui.marksWith('pretty ordinary')).toHaveCount(1);
  // It reopens where the reader left it: back to the top.
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await expect.poll(() => page.locator('.reader').evaluate((el) => el.scrollTop)).toBe(0);
  const find = new FindBarPage(page);
  await find.open();
  await find.search('scaling');
  await expect(find.count).toHaveText(/^1 of \d+$/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(find.count).toHaveText(/^3 of \d+$/);
  await expect.poll(async () => (await find.current())?.onScreen).toBe(true);
  await page.screenshot({ path: join(DOCS, 'find.png') });

  // The hand-corrected sample: words fixed, a sentence deleted, the photo caption moved down.
  await page.keyboard.press('Escape');
  await ui.highlight('I looked at the places that could make the most difference to human life', 'orange');
  await code('theme/upside');
  await ui.highlight('A man wearing glasses and a blue shirt speaking on stage', 'purple');
  await ui.highlight('I’ve been in this field for 10 years', 'blue');
  await ui.highlight('it absolutely was not a funding decision', 'red');
  await ui.typeNote('Why the defence work is not about money.');
  await ui.highlight('No one is more tired of it than me.', 'pink');
  await ui.typeNote('Weary of the debate.');
  await code('tone/weary');
  await ui.leaveNote();
  const replace = new ReplaceTextPage(page);
  await gloss.setFilesToOpen([join(ROOT, 'test-fixtures/reanchor/sample-corrected.txt')]);
  await replace.replaceFromReader();
  await expect(replace.summary).toHaveText(/kept, \d+ moved, \d+ changed, 1 orphaned$/);
  await page.screenshot({ path: join(DOCS, 'replace.png') });

  // The library with several documents, sorted by their highlights (most first), three chosen.
  await replace.closeReport();
  await addGeneratedDocuments(gloss.dataDir, LIBRARY, { mode: 'guest' });
  await ui.library.open();
  await expect(ui.library.count).toHaveText(`${LIBRARY.length + 1} documents`);
  await ui.library.sortBy('Highlights');
  if ((await ui.library.header('Highlights').getAttribute('aria-sort')) !== 'descending') await ui.library.sortBy('Highlights');
  await expect(ui.library.header('Highlights')).toHaveAttribute('aria-sort', 'descending');
  await ui.library.select('Oral history, tape 3');
  await ui.library.select('Budget hearing, tenth session');
  await ui.library.select('Winter school focus group');
  await expect(ui.library.selection).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(DOCS, 'library.png') });
});
