/** The side panel's filters: by colour, code (with children), speaker and note, combined and counted; sorted; kept per document. */
import { expect, test, type GlossApp } from './support/fixtures';
import { SidePanelPage } from './support/side-panel-page';

const DA = 'Dario Amodei';
const MM = 'Madhumita Murgia';

/** Five highlights in turns of both speakers, with codes given through each highlight's code field. */
async function highlightFive(gloss: GlossApp): Promise<SidePanelPage> {
  const { ui } = gloss;
  const side = new SidePanelPage(gloss.page);
  const made: [string, Parameters<typeof ui.highlight>[1], string][] = [
    ['I want to kick off', 'yellow', 'method/interview'],
    ['No one is more tired of it than me', 'yellow', 'theme/risk'],
    ['the upside is being explained', 'green', 'theme'],
    ['What are some of the challenges?', 'yellow', 'theme/risk'],
    ['let a gremlin loose', 'blue', 'method'],
  ];
  for (const [quote, color, code] of made) {
    await ui.highlight(quote, color);
    await side.addCode(code);
    if (quote.startsWith('What are')) await ui.note.fill('She turns to the risks here.');
  }
  await expect(side.count).toHaveText('5 highlights');
  return side;
}

test('filters combine (all kinds must hold, any value within a kind), count what they show, and clear', async ({ gloss }) => {
  const side = await highlightFive(gloss);
  await side.openFilters();

  await side.toggle('Speaker', DA);
  await expect(side.count).toHaveText('3 of 5 highlights');
  await side.toggle('Code', 'theme');
  // Dario Amodei's highlights under theme, theme/risk included.
  await expect(side.count).toHaveText('2 of 5 highlights');
  await expect(side.quotes).toHaveText(['No one is more tired of it than me', 'the upside is being explained']);
  await expect(side.filterButton).toHaveText(/Filter \(2\)/);

  await side.toggle('Colour', 'Yellow');
  await expect(side.count).toHaveText('1 of 5 highlights');
  await expect(side.quotes).toHaveText(['No one is more tired of it than me']);

  // Either speaker: any value within a kind.
  await side.toggle('Speaker', MM);
  await expect(side.count).toHaveText('2 of 5 highlights');
  await expect(side.quotes).toHaveText(['No one is more tired of it than me', 'What are some of the challenges?']);

  await side.toggle('Note', 'Has a note');
  await expect(side.quotes).toHaveText(['What are some of the challenges?']);
  await side.toggle('Colour', 'Yellow');
  await side.toggle('Code', 'theme');
  await side.toggle('Code', 'method');
  await expect(side.count).toHaveText('0 of 5 highlights');
  await expect(side.noneMatch).toBeVisible();

  await side.clearButton.click();
  await expect(side.count).toHaveText('5 highlights');
  await expect(side.quotes).toHaveCount(5);
  await expect(side.clearButton).toHaveCount(0);
  await expect(side.chip('Speaker', DA)).toHaveAttribute('aria-pressed', 'false');
});

test('a parent code takes in its children, a child not its parent; the chips show the code tree with counts', async ({ gloss }) => {
  const side = await highlightFive(gloss);
  await side.openFilters();
  const codes = side.panel.getByRole('group', { name: 'Code', exact: true }).getByRole('button');
  // In tree order, each with how many highlights it lists (its children's included); seen under its parent, heard by its whole path.
  await expect(codes).toHaveText(['method 2', 'interview 1', 'theme 3', 'risk 2']);
  for (const [i, name] of ['method 2', 'method/interview 1', 'theme 3', 'theme/risk 2'].entries()) await expect(codes.nth(i)).toHaveAccessibleName(name);
  await side.toggle('Code', 'theme/risk');
  await expect(side.quotes).toHaveText(['No one is more tired of it than me', 'What are some of the challenges?']);
  await side.toggle('Code', 'theme/risk');
  await side.toggle('Code', 'method');
  await expect(side.quotes).toHaveText(['I want to kick off', 'let a gremlin loose']);
});

test('the filters can be worked from the keyboard alone', async ({ gloss }) => {
  const side = await highlightFive(gloss);
  const { page } = gloss;
  await side.filterButton.focus();
  await page.keyboard.press('Enter');
  await expect(side.filterButton).toHaveAttribute('aria-expanded', 'true');
  await side.chip('Colour', 'Green').focus();
  await page.keyboard.press('Space');
  await expect(side.count).toHaveText('1 of 5 highlights');
  await page.keyboard.press('Tab');
  await expect(side.chip('Colour', 'Blue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(side.count).toHaveText('2 of 5 highlights');
  await side.clearButton.focus();
  await page.keyboard.press('Enter');
  await expect(side.count).toHaveText('5 highlights');
});

test('the list sorts by place in the document, time created or colour', async ({ gloss }) => {
  const { ui } = gloss;
  const side = new SidePanelPage(gloss.page);
  await ui.highlight('let a gremlin loose', 'blue');
  await ui.highlight('I want to kick off', 'green');
  await ui.highlight('No one is more tired of it than me', 'yellow');
  await expect(side.quotes).toHaveText(['I want to kick off', 'No one is more tired of it than me', 'let a gremlin loose']);
  await side.sortBy('Time created');
  await expect(side.quotes).toHaveText(['let a gremlin loose', 'I want to kick off', 'No one is more tired of it than me']);
  await side.sortBy('Colour');
  await expect(side.quotes).toHaveText(['No one is more tired of it than me', 'I want to kick off', 'let a gremlin loose']);
  await side.sortBy('Document order');
  await expect(side.quotes).toHaveText(['I want to kick off', 'No one is more tired of it than me', 'let a gremlin loose']);
});

test('each document keeps its own filters, across switching documents and a restart', async ({ gloss }) => {
  const { ui, page } = gloss;
  const side = new SidePanelPage(page);
  await ui.highlight('I want to kick off', 'yellow');
  await ui.highlight('let a gremlin loose', 'blue');
  await side.openFilters();
  await side.toggle('Colour', 'Blue');
  await side.sortBy('Colour');
  await expect(side.count).toHaveText('1 of 2 highlights');

  // Another document: its own filters, none yet.
  await ui.dropFiles([{ name: 'second.txt', content: 'Second interview\n\nAnn Lee: We met on a Tuesday.\n\nBo Chen: It rained all week.\n' }]);
  await expect(ui.title).toHaveText('Second interview');
  await ui.highlight('We met on a Tuesday', 'green');
  await expect(side.count).toHaveText('1 highlight');
  await expect(side.sort).toHaveValue('document');

  await ui.library.open();
  await ui.library.row('Sample transcript').getByRole('button').first().click();
  await expect(side.count).toHaveText('1 of 2 highlights');
  await expect(side.quotes).toHaveText(['let a gremlin loose']);
  await expect(side.sort).toHaveValue('color');

  // A restart (the page loaded afresh over the same data): the filters come back from the window's storage.
  await page.reload();
  await ui.waitUntilOpen();
  await expect(ui.title).toHaveText('Democracies must maintain the lead in AI');
  await expect(side.count).toHaveText('1 of 2 highlights');
  await expect(side.quotes).toHaveText(['let a gremlin loose']);
});

test('the selected highlight stays at hand above the list while the filters hide it, outside their count', async ({ gloss }) => {
  const { ui } = gloss;
  const side = new SidePanelPage(gloss.page);
  await ui.highlight('I want to kick off', 'yellow');
  await ui.highlight('let a gremlin loose', 'blue');
  await side.openFilters();
  // A filter pressed after selecting: the selected highlight is shown on its own, with its note and codes.
  await side.toggle('Colour', 'Yellow');
  await expect(side.count).toHaveText('1 of 2 highlights');
  await expect(side.quotes).toHaveText(['I want to kick off']);
  await expect(side.hiddenSelected).toHaveCount(1);
  await expect(side.hiddenSelected).toContainText('let a gremlin loose');
  await side.addCode('theme/risk');
  await ui.note.fill('A gremlin, kept out of the list.');
  await expect(ui.noteState).toHaveText('Saved');
  await expect(side.count).toHaveText('1 of 2 highlights');

  // Another one selected from the list: nothing is hidden any more.
  await side.panel.getByRole('button', { name: /I want to kick off/ }).click();
  await expect(side.hiddenSelected).toHaveCount(0);

  // Selected by a click in the text: shown again, with what was written.
  await ui.marksWith('let a gremlin loose').click();
  await expect(side.hiddenSelected).toContainText('let a gremlin loose');
  await expect(ui.note).toHaveText('A gremlin, kept out of the list.');
  await expect(side.hiddenSelected.getByRole('button', { name: 'Remove code theme/risk', exact: true })).toBeVisible();

  // Recoloured to pass the filters: it joins the list in its place, and the count.
  await side.hiddenSelected.getByRole('button', { name: 'Change colour to yellow' }).click();
  await expect(side.hiddenSelected).toHaveCount(0);
  await expect(side.count).toHaveText('2 of 2 highlights');
  await expect(side.quotes).toHaveText(['I want to kick off', 'let a gremlin loose']);
});
