/** The overview: speakers × codes and speakers × colours for a document and for the library; a count lists its highlights, one opens its passage. */
import { expect, test, type GlossApp } from './support/fixtures';
import { CodeManagerPage } from './support/code-manager-page';
import { OverviewPage } from './support/overview-page';
import { SidePanelPage } from './support/side-panel-page';

const DA = 'Dario Amodei';
const MM = 'Madhumita Murgia';

/** Highlights in turns of both speakers and one in the introduction (no speaker), with codes given in the side panel. */
async function highlightSample(gloss: GlossApp): Promise<void> {
  const { ui } = gloss;
  const side = new SidePanelPage(gloss.page);
  const made: [string, Parameters<typeof ui.highlight>[1], string[]][] = [
    ['I want to kick off', 'yellow', ['method/interview']],
    ['No one is more tired of it than me', 'yellow', ['theme/risk']],
    ['the upside is being explained', 'green', ['theme']],
    ['What are some of the challenges?', 'yellow', ['theme/risk']],
    ['let a gremlin loose', 'blue', ['theme/risk', 'method']],
    ['came to artificial intelligence from biophysics', 'pink', []],
  ];
  for (const [quote, color, codes] of made) {
    await ui.highlight(quote, color);
    for (const code of codes) await side.addCode(code);
  }
}

test('the overview counts each speaker’s highlights by code (a parent counting its children) and by colour, with totals', async ({ gloss }) => {
  test.slow();
  await highlightSample(gloss);
  const overview = new OverviewPage(gloss.page);
  await overview.openForDocument();
  await expect(overview.heading).toHaveText('Overview: Democracies must maintain the lead in AI');

  // Columns in tree order, every code's parents included.
  expect(await overview.columns('code')).toEqual(['method', 'method/interview', 'theme', 'theme/risk', 'All highlights']);
  expect(await overview.grid('code')).toEqual({
    [MM]: { method: 1, 'method/interview': 1, theme: 1, 'theme/risk': 1, 'All highlights': 2 },
    [DA]: { method: 1, 'method/interview': 0, theme: 3, 'theme/risk': 2, 'All highlights': 3 },
    'No speaker': { method: 0, 'method/interview': 0, theme: 0, 'theme/risk': 0, 'All highlights': 1 },
    'All speakers': { method: 2, 'method/interview': 1, theme: 4, 'theme/risk': 3, 'All highlights': 6 },
  });
  // The colours in use, by the names they have.
  expect(await overview.grid('colour')).toEqual({
    [MM]: { Yellow: 2, Green: 0, Blue: 0, Pink: 0, 'All highlights': 2 },
    [DA]: { Yellow: 1, Green: 1, Blue: 1, Pink: 0, 'All highlights': 3 },
    'No speaker': { Yellow: 0, Green: 0, Blue: 0, Pink: 1, 'All highlights': 1 },
    'All speakers': { Yellow: 3, Green: 1, Blue: 1, Pink: 1, 'All highlights': 6 },
  });

  await overview.back.click();
  await expect(gloss.ui.title).toHaveText('Democracies must maintain the lead in AI');
  await expect(gloss.ui.highlights).toHaveCount(6);
  // Back in the reader, the highlights are painted in the text again, not only listed.
  await expect(gloss.ui.transcript.locator('mark').first()).toBeVisible();
  const painted = await gloss.page.evaluate(() => new Set(Array.from(document.querySelectorAll<HTMLElement>('.transcript mark')).flatMap((m) => (m.dataset.ids ?? '').split(' ').filter(Boolean))).size);
  expect(painted).toBe(6);
});

test('a count lists its highlights, and one of them opens at its passage', async ({ gloss }) => {
  test.slow();
  const { ui, page } = gloss;
  await highlightSample(gloss);
  const overview = new OverviewPage(page);
  await overview.openForDocument();

  await overview.choose(DA, 'theme');
  await expect(overview.listHeading).toHaveText(`${DA} · theme: 3 highlights`);
  await expect(overview.listedQuotes()).toHaveText(['No one is more tired of it than me', 'the upside is being explained', 'let a gremlin loose']);
  await expect(overview.listed.filter({ hasText: 'let a gremlin loose' })).toContainText('theme/risk');

  await overview.choose(MM, 'Yellow');
  await expect(overview.listedQuotes()).toHaveText(['I want to kick off', 'What are some of the challenges?']);
  await overview.choose('All speakers', 'theme/risk');
  await expect(overview.listedQuotes()).toHaveText(['No one is more tired of it than me', 'What are some of the challenges?', 'let a gremlin loose']);

  // Far down the transcript: opened there, selected, on screen.
  await overview.listed.filter({ hasText: 'let a gremlin loose' }).getByRole('button').click();
  await expect(ui.title).toHaveText('Democracies must maintain the lead in AI');
  const selected = page.locator('.highlight-item.is-selected');
  await expect(selected).toContainText('let a gremlin loose');
  await expect(ui.marksWith('let a gremlin loose').first()).toBeInViewport();
});

test('the library overview counts across documents, names each highlight’s document and opens it at the passage', async ({ gloss }) => {
  test.slow();
  const { ui, page } = gloss;
  const side = new SidePanelPage(page);
  await ui.highlight('No one is more tired of it than me', 'yellow');
  await side.addCode('theme/risk');
  await ui.dropFiles([{ name: 'second.txt', content: 'Second interview\n\nAnn Lee: We met on a Tuesday and talked about the flood.\n\nBo Chen: It rained all week.\n' }]);
  await expect(ui.title).toHaveText('Second interview');
  await ui.highlight('talked about the flood', 'green');
  await side.addCode('theme');

  await ui.library.open();
  const overview = new OverviewPage(page);
  await overview.openForLibrary();
  // Every speaker of the library has a row, highlighted or not.
  expect(await overview.grid('code')).toEqual({
    [MM]: { theme: 0, 'theme/risk': 0, 'All highlights': 0 },
    [DA]: { theme: 1, 'theme/risk': 1, 'All highlights': 1 },
    'Ann Lee': { theme: 1, 'theme/risk': 0, 'All highlights': 1 },
    'Bo Chen': { theme: 0, 'theme/risk': 0, 'All highlights': 0 },
    'All speakers': { theme: 2, 'theme/risk': 1, 'All highlights': 2 },
  });
  await overview.choose('All speakers', 'theme');
  await expect(overview.listed).toHaveCount(2);
  await expect(overview.listed.filter({ hasText: 'talked about the flood' })).toContainText('Second interview');
  await expect(overview.listed.filter({ hasText: 'No one is more tired' })).toContainText('Democracies must maintain the lead in AI');

  await overview.listed.filter({ hasText: 'No one is more tired' }).getByRole('button').click();
  await expect(ui.title).toHaveText('Democracies must maintain the lead in AI');
  await expect(page.locator('.highlight-item.is-selected')).toContainText('No one is more tired of it than me');
  await expect(ui.marksWith('No one is more tired of it than me').first()).toBeInViewport();

  // Back from the library's overview goes to the library.
  await ui.library.open();
  await overview.openForLibrary();
  await overview.back.click();
  await expect(ui.library.row('Second interview')).toHaveCount(1);
});

test('an open overview counts again when the library changes under it (a gloss command beside the app), keeping the chosen count listed', async ({ gloss }) => {
  const { ui, page } = gloss;
  const side = new SidePanelPage(page);
  await ui.highlight('No one is more tired of it than me', 'yellow');
  await side.addCode('theme/risk');
  await ui.highlight('let a gremlin loose', 'blue');
  await side.addCode('method');
  const gremlin = await side.panel.locator('.highlight-item.is-selected').getAttribute('data-id');
  const overview = new OverviewPage(page);
  await overview.openForDocument();
  await overview.choose('All speakers', 'theme/risk');
  await expect(overview.listedQuotes()).toHaveText(['No one is more tired of it than me']);

  // What the command line does: main changes the highlight, then tells the window the library changed.
  await page.evaluate(async (id) => {
    const listed = await window.gloss.invoke('library:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const updated = await window.gloss.invoke('annotations:update', { documentId: listed.value[0].id, id: id!, codes: ['theme/risk'], color: 'yellow' });
    if (!updated.ok) throw new Error(updated.error.message);
    window.__glossLibraryChanged?.(null);
  }, gremlin);

  await expect.poll(() => overview.columns('code')).toEqual(['theme', 'theme/risk', 'All highlights']);
  expect(await overview.grid('code')).toEqual({
    [MM]: { theme: 0, 'theme/risk': 0, 'All highlights': 0 },
    [DA]: { theme: 2, 'theme/risk': 2, 'All highlights': 2 },
    'All speakers': { theme: 2, 'theme/risk': 2, 'All highlights': 2 },
  });
  expect(await overview.count('colour', 'All speakers', 'Yellow')).toBe(2);
  await expect(overview.listHeading).toHaveText('All speakers · theme/risk: 2 highlights');
  await expect(overview.listedQuotes()).toHaveText(['No one is more tired of it than me', 'let a gremlin loose']);
});

test('an open overview counts again when a code rename is undone from the keyboard while it shows', async ({ gloss }) => {
  const { ui, page } = gloss;
  const side = new SidePanelPage(page);
  await ui.highlight('No one is more tired of it than me', 'yellow');
  await side.addCode('theme/risk');
  await ui.highlight('let a gremlin loose', 'blue');
  await side.addCode('theme/risk');
  const manager = new CodeManagerPage(page);
  await manager.open();
  await manager.rename('theme/risk', 'theme/danger');
  await expect(manager.status).toHaveText(/^Renamed theme\/risk to theme\/danger/);
  await manager.backToReader();

  const overview = new OverviewPage(page);
  await overview.openForDocument();
  expect(await overview.columns('code')).toEqual(['theme', 'theme/danger', 'All highlights']);
  await overview.choose('All speakers', 'theme/danger');
  await expect(overview.listed).toHaveCount(2);

  await ui.undo();
  await expect.poll(() => overview.columns('code')).toEqual(['theme', 'theme/risk', 'All highlights']);
  expect(await overview.count('code', 'All speakers', 'theme/risk')).toBe(2);
  // The code chosen is gone: its list is empty now.
  await expect(overview.listHeading).toHaveText('All speakers · theme/danger: 0 highlights');
});
