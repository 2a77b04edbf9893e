/**
 * Takes the README's screenshots of the real renderer over the sample
 * transcript: the reading view with coded, overlapping highlights and a note
 * (docs/screenshot.png), the study notebook beside the text with quotes of
 * both speakers (docs/notebook.png), the overview of speakers × codes
 * (docs/overview.png), the library search (docs/search.png), the find bar
 * stepping through matches (docs/find.png), and the report after replacing
 * the text with the hand-corrected sample of test-fixtures/reanchor/
 * (docs/replace.png). Run with `npm run screenshot`; GLOSS_DOCS_DIR writes
 * them elsewhere than docs/.
 */
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { CodeFieldPart, ColorLegendPart } from '../e2e/support/code-manager-page';
import { FindBarPage } from '../e2e/support/find-bar-page';
import { test } from '../e2e/support/fixtures';
import { NotebookPage } from '../e2e/support/notebook-page';
import { OverviewPage } from '../e2e/support/overview-page';
import { ROOT } from '../e2e/support/paths';
import { ReplaceTextPage } from '../e2e/support/replace-text-page';
import { SearchPage } from '../e2e/support/search-page';

const DOCS = process.env.GLOSS_DOCS_DIR ?? join(ROOT, 'docs');

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
  await page.screenshot({ path: join(DOCS, 'screenshot.png') });

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
  // library, so that it shows its top (the find bar starts at the first match below the view).
  await search.field.press('Escape');
  await notebook.showHighlights();
  const title = (await ui.title.textContent())!;
  await ui.library.open();
  await ui.library.openDocument(title);
  await expect(ui.marksWith('pretty ordinary')).toHaveCount(1);
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
});
