/**
 * The library search (Ctrl/Cmd+Shift+F): hits across documents grouped and
 * counted, a note's words found and opened at its highlight, phrases, the
 * speaker: filter, a transcript hit far down opened scrolled to, and the
 * search's own keys (arrows, Enter, Escape, the query kept, a bad query).
 */
import { expect, test, type GlossApp } from './support/fixtures';
import { NotebookPage } from './support/notebook-page';
import { SearchPage } from './support/search-page';

const SAMPLE = 'Democracies must maintain the lead in AI';

const ENGINES = `A conversation about engines

Ada Lovelace: The engine weaves algebraic patterns, as artificial intelligence may one day.

Charles Babbage: Intelligence is a pattern too, and the loom weaves it.
`;

const SHOTS = process.env.GLOSS_SHOTS_DIR;

/** The sample with a highlight whose note says "zeppelin", and a second document (open when done); gives its title. */
async function twoDocuments(gloss: GlossApp): Promise<string> {
  const { ui } = gloss;
  await ui.waitUntilOpen();
  await ui.highlight('let a gremlin loose', 'blue');
  await ui.typeNote('A zeppelin of an image');
  await expect(ui.noteState).toHaveText('Saved');
  await ui.dropFiles([{ name: 'engines.txt', content: ENGINES }]);
  await expect(ui.paragraph('The engine weaves')).toBeVisible();
  return (await ui.title.textContent()) ?? '';
}

test('a word in two documents is listed by document and counted; the arrow keys move through the hits', async ({ gloss }) => {
  test.slow();
  const engines = await twoDocuments(gloss);
  const search = new SearchPage(gloss.page);
  await search.open();
  await expect(search.help).toContainText('speaker:');
  await search.search('intelligence');

  const groups = await search.groups();
  expect(groups.map((g) => g.title).sort()).toEqual([SAMPLE, engines].sort());
  expect(groups.find((g) => g.title === engines)?.hits).toBe(2);
  const total = groups.reduce((n, g) => n + g.hits, 0);
  await expect(search.count).toHaveText(`${total} hits in 2 documents`);
  expect(new Set(await search.kinds())).toEqual(new Set(['Transcript']));
  // Every hit marks the word found (or a longer one it begins).
  for (const marked of await search.markedWords()) expect(marked.some((w) => /^intelligen/i.test(w))).toBe(true);
  // Who speaks is said beside a turn's hit.
  expect(await search.hitsIn(engines).locator('.search-hit__speaker').allTextContents()).toEqual(expect.arrayContaining(['Ada Lovelace', 'Charles Babbage']));

  // The first hit is the one Enter opens; Down moves on, Up comes back.
  await expect(search.active()).toHaveCount(1);
  const first = await search.active().textContent();
  await search.field.press('ArrowDown');
  await expect(search.active()).not.toHaveText(first ?? '');
  await search.field.press('ArrowUp');
  await expect(search.active()).toHaveText(first ?? '');

  if (SHOTS) {
    for (const width of [1280, 900]) {
      await gloss.page.setViewportSize({ width, height: 800 });
      await gloss.page.screenshot({ path: `${SHOTS}/search-${width}.png` });
    }
  }
});

test('a word only in a note is a Note hit, and opening it selects its highlight', async ({ gloss }) => {
  test.slow();
  const { ui } = gloss;
  await twoDocuments(gloss);
  const search = new SearchPage(gloss.page);
  await search.open();
  await search.search('zeppelin');
  await expect(search.count).toHaveText('1 hit in 1 document');
  expect(await search.kinds()).toEqual(['Note']);
  expect(await search.groups()).toEqual([{ title: SAMPLE, hits: 1 }]);
  await expect(search.hits.first().getByRole('img', { name: /highlight$/ })).toBeVisible();

  await search.field.press('Enter');
  await expect(ui.title).toHaveText(SAMPLE);
  await expect(gloss.page.locator('.highlight-item.is-selected')).toContainText('let a gremlin loose');
  await expect(ui.marksWith('gremlin').first()).toBeInViewport();

  // From inside the note, the search comes back with its query and hit.
  await ui.note.click();
  await search.open();
  await expect(search.field).toHaveValue('zeppelin');
  await expect(search.hits).toHaveCount(1);
  await expect(search.active()).toHaveAccessibleName(/^Note, Dario Amodei: .*zeppelin.* \(.+ highlight\)$/);
});

test('a phrase in quotes finds the words together; speaker: keeps one speaker’s words', async ({ gloss }) => {
  test.slow();
  const engines = await twoDocuments(gloss);
  const search = new SearchPage(gloss.page);
  await search.open();

  await search.search('artificial intelligence');
  const apart = await search.hits.count();
  await search.search('"artificial intelligence"');
  const together = await search.hits.count();
  expect(together).toBeGreaterThan(0);
  // "artificial general intelligence" has both words, not the phrase.
  expect(together).toBeLessThan(apart);
  for (const marked of await search.markedWords()) expect(marked.join(' ').toLowerCase()).toContain('artificial intelligence');

  await search.search('intelligence speaker:Ada');
  expect(await search.groups()).toEqual([{ title: engines, hits: 1 }]);
  expect(await search.speakers()).toEqual(['Ada Lovelace']);
  await expect(search.count).toHaveText('1 hit in 1 document');
});

test('a transcript hit far down opens its document scrolled to the passage', async ({ gloss }) => {
  test.slow();
  const { ui } = gloss;
  await twoDocuments(gloss);
  const search = new SearchPage(gloss.page);
  await search.open();
  await search.search('doomsday');
  expect(await search.kinds()).toEqual(['Transcript']);
  await search.hits.first().click();
  await expect(ui.title).toHaveText(SAMPLE);
  await expect(ui.paragraph('including doomsday weapons')).toBeInViewport();
  await expect(ui.transcriptTitle).not.toBeInViewport();

  // Searching from there and going back (Escape) comes back to the same place, not to the top.
  const top = () => ui.paragraph('including doomsday weapons').evaluate((p) => Math.round(p.getBoundingClientRect().top));
  const before = await top();
  await search.open();
  await expect(search.field).toHaveValue('doomsday');
  await search.field.press('Escape');
  await expect(ui.title).toHaveText(SAMPLE);
  await expect.poll(top).toBe(before);
  await expect(ui.transcriptTitle).not.toBeInViewport();
});

test('a word in a document’s notebook opens that notebook, scrolled to the words', async ({ gloss }) => {
  test.slow();
  const { ui, page } = gloss;
  await ui.waitUntilOpen();
  const notebook = new NotebookPage(page, 'document');
  await notebook.open();
  await notebook.focusEnd();
  // More than the panel shows, the words searched for at the end.
  for (let i = 1; i <= 30; i++) {
    await page.keyboard.insertText(`Line ${i} of what the interview says about scale.`);
    await notebook.press('Enter');
  }
  await notebook.type('The zanzibar question comes last.');
  await notebook.waitUntilSaved();
  await notebook.showHighlights();

  const search = new SearchPage(page);
  await search.open();
  await search.search('zanzibar');
  expect(await search.kinds()).toEqual(['Notebook']);
  await expect(search.count).toHaveText('1 hit in 1 document');
  await search.field.press('Enter');
  await expect(page.getByRole('tab', { name: 'Notebook' })).toHaveAttribute('aria-selected', 'true');
  await expect(notebook.editor.getByText('The zanzibar question comes last.')).toBeInViewport();
  await expect(notebook.editor.getByText('Line 1 of what')).not.toBeInViewport();
});

test('Escape goes back, the query is kept for next time, a bad query says why, and the scope can be this document', async ({ gloss }) => {
  test.slow();
  const { ui } = gloss;
  const engines = await twoDocuments(gloss);
  const search = new SearchPage(gloss.page);

  await ui.paragraph('The engine weaves').click();
  await search.open();
  await search.search('kind:speech');
  await expect(search.error).toContainText('is not a kind of hit');
  await expect(search.field).toHaveAttribute('aria-invalid', 'true');
  if (SHOTS) {
    await gloss.page.setViewportSize({ width: 900, height: 700 });
    await gloss.page.screenshot({ path: `${SHOTS}/search-error-900.png` });
  }

  await search.search('intelligence');
  await gloss.page.getByRole('radio', { name: 'This document' }).check();
  await expect(gloss.page.locator('main.search')).toHaveAttribute('data-answered', 'intelligence');
  await expect.poll(() => search.groups()).toEqual([{ title: engines, hits: 2 }]);

  await search.field.press('Escape');
  await expect(ui.title).toHaveText(engines);
  await expect(ui.paragraph('The engine weaves')).toBeVisible();

  await search.open();
  await expect(search.field).toHaveValue('intelligence');
  await expect(gloss.page.getByRole('radio', { name: 'This document' })).toBeChecked();
  await expect(search.count).toHaveText('2 hits in 1 document');

  // From the menu as well; a query with no hits explains what can be typed.
  await search.back.click();
  await gloss.menu('search-library');
  await expect(search.field).toBeFocused();
  await search.search('xylophone');
  await expect(search.count).toHaveText('No hits');
  await expect(search.help).toContainText('Nothing in this document matches');
  if (SHOTS) await gloss.page.screenshot({ path: `${SHOTS}/search-empty.png` });

  // The library page offers it too; opened from there, there is no "this document".
  await search.back.click();
  await ui.library.open();
  await gloss.page.getByRole('button', { name: 'Search…', exact: true }).click();
  await expect(search.field).toBeFocused();
  await expect(search.field).toHaveValue('xylophone');
  await expect(gloss.page.getByRole('radio', { name: 'This document' })).toHaveCount(0);
  await expect(search.help).toContainText('Nothing in the library matches');
});
