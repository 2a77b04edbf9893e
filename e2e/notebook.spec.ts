/**
 * The study notebooks: a document's notebook beside its highlights and the
 * library's notebook, written in as rich text and kept across a restart;
 * highlights quoted into them link back to their passage, and say so once
 * their highlight is gone.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { NotebookPage } from './support/notebook-page';

const SAMPLE_TITLE = 'Democracies must maintain the lead in AI';
const SECOND = {
  name: 'second-interview.txt',
  content: 'A second conversation\n\nAlice Smith: We spoke about archives and memory.\n\nBob Jones: And about how little of it survives.\n',
};

/** What main has saved of a notebook (the open document's, or the library's with null): its Markdown. */
async function savedMarkdown(page: Page, documentId: string | null): Promise<string> {
  return page.evaluate(async (id) => {
    const answer = await window.gloss!.invoke('notebook:open', { documentId: id });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value.markdown;
  }, documentId);
}

async function sampleId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const answer = await window.gloss!.invoke('library:list', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value.find((d) => d.source === 'Sample transcript')!.id;
  });
}

test('a document’s notebook keeps its headings, lists and checklists across a restart', async ({ gloss }) => {
  // Typed a key at a time, and a restart: about 25 s on a busy two-core machine.
  test.setTimeout(60_000);
  const { page } = gloss;
  const notebook = new NotebookPage(page, 'document');
  // The tabs are reached with the keyboard: arrow keys move between them.
  await page.getByRole('tab', { name: 'Highlights' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Notebook' })).toHaveAttribute('aria-selected', 'true');
  await expect(notebook.editor).toBeVisible();

  await notebook.focusEnd();
  // Markdown shortcuts as typed…
  await notebook.type('# Themes\nWhat the interview keeps coming back to.\n- supervision of agents\nthe scaling laws\n\n[ ] check the record\nask about Claude\n');
  // …and the toolbar.
  await page.keyboard.press('Backspace');
  await notebook.type('\n');
  await notebook.format('Checklist');
  await notebook.format('Heading 2');
  await notebook.type('Open questions');
  await notebook.waitUntilSaved();

  await expect(notebook.headings(1)).toHaveText('Themes');
  await expect(notebook.headings(2)).toHaveText('Open questions');
  await expect(notebook.listItems()).toHaveText(['supervision of agents', 'the scaling laws']);
  await expect(notebook.checklistItems()).toHaveText(['check the record', 'ask about Claude']);
  // A click on its box checks an item.
  const box = await notebook.checklistItems().first().boundingBox();
  await page.mouse.click(box!.x + 8, box!.y + box!.height / 2);
  await expect(notebook.checklistItems().first()).toHaveAttribute('aria-checked', 'true');
  await notebook.waitUntilSaved();

  const markdown = await savedMarkdown(page, await sampleId(page));
  expect(markdown).toContain('# Themes');
  expect(markdown).toContain('- supervision of agents');
  // A list right after another takes the other bullet (`*`), so that Markdown keeps them apart.
  expect(markdown).toMatch(/^[-*] \[x\] check the record$/m);
  expect(markdown).toMatch(/^[-*] \[ \] ask about Claude$/m);
  expect(markdown).toContain('## Open questions');

  await gloss.restart();
  const again = new NotebookPage(gloss.page, 'document');
  await again.open();
  await expect(again.headings(1)).toHaveText('Themes');
  await expect(again.headings(2)).toHaveText('Open questions');
  await expect(again.listItems()).toHaveText(['supervision of agents', 'the scaling laws']);
  await expect(again.checklistItems()).toHaveText(['check the record', 'ask about Claude']);
  await expect(again.checklistItems().first()).toHaveAttribute('aria-checked', 'true');
  await expect(again.saveState).toHaveText('Saved');
});

test('a quote in the library notebook opens its document at the passage', async ({ gloss }) => {
  const { page, ui } = gloss;
  const documentNotebook = new NotebookPage(page, 'document');
  const libraryNotebook = new NotebookPage(page, 'library');
  await ui.highlight('let a gremlin loose', 'pink');
  // Alt+N: into this document's notebook; the button: into the library's.
  await page.keyboard.press('Alt+N');
  await expect(ui.status).toContainText('Quoted in this document’s notebook');
  await page.getByRole('button', { name: 'To library notebook', exact: true }).click();
  await expect(ui.status).toContainText('Quoted in the library notebook');

  await documentNotebook.open();
  await expect(documentNotebook.quotes).toHaveCount(1);
  await expect(documentNotebook.quote('let a gremlin loose')).toContainText('Dario Amodei');

  // Another document is open when the quote is followed.
  await ui.dropFiles([SECOND]);
  await expect(ui.title).toHaveText('A second conversation');
  await libraryNotebook.open();
  const quote = libraryNotebook.quote('let a gremlin loose');
  await expect(quote).toContainText('Dario Amodei');
  await expect(quote).toContainText(SAMPLE_TITLE);
  await libraryNotebook.waitUntilSaved();
  expect(await savedMarkdown(page, null)).toContain(`> let a gremlin loose\n>\n> — Dario Amodei, in “${SAMPLE_TITLE}”`);

  await quote.click();
  await expect(ui.title).toHaveText(SAMPLE_TITLE);
  await expect(ui.marksWith('let a gremlin loose')).toBeInViewport();
  await expect(page.locator('.highlight-item.is-selected')).toContainText('let a gremlin loose');
});

test('a quote whose highlight is deleted stays, marked as no longer linked', async ({ gloss }) => {
  const { page, ui } = gloss;
  const documentNotebook = new NotebookPage(page, 'document');
  await ui.highlight('let a gremlin loose', 'yellow');
  await page.getByRole('button', { name: 'To library notebook', exact: true }).click();
  await expect(ui.status).toContainText('Quoted in the library notebook');
  await documentNotebook.open();
  await page.getByRole('tab', { name: 'Highlights' }).click();
  await page.getByRole('button', { name: 'To notebook', exact: true }).click();
  await documentNotebook.open();
  await expect(documentNotebook.quote('let a gremlin loose')).not.toContainText('No longer linked');

  // Deleted while its quote is on screen: marked at once.
  await page.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(ui.highlights).toHaveCount(0);
  await expect(documentNotebook.quote('let a gremlin loose')).toContainText('No longer linked');
  // Clicking it says why nothing opens.
  await documentNotebook.quote('let a gremlin loose').click();
  await expect(ui.status).toContainText('was deleted');

  // The library notebook, opened after a restart, hears it from main.
  await gloss.restart();
  const libraryNotebook = new NotebookPage(gloss.page, 'library');
  await libraryNotebook.open();
  await expect(libraryNotebook.quote('let a gremlin loose')).toContainText('No longer linked');
  await expect(libraryNotebook.quote('let a gremlin loose')).toContainText('Dario Amodei');
});

test('the notebooks as a reader sees them, in a wide and a 900 px window', async ({ gloss }, testInfo) => {
  const { page, ui } = gloss;
  const documentNotebook = new NotebookPage(page, 'document');
  const libraryNotebook = new NotebookPage(page, 'library');
  await ui.highlight('let a gremlin loose', 'yellow');
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+Shift+N');
  await ui.highlight('I want to kick off by talking about your essay', 'green');
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+Shift+N');
  await page.getByRole('button', { name: 'Delete highlight' }).click();
  await documentNotebook.open();
  await documentNotebook.focusEnd();
  await documentNotebook.type('# Agents\nWhat autonomy means here.\n- reliability first\ntrust comes later\n\n[ ] compare with the 2023 interview\n');
  await documentNotebook.waitUntilSaved();
  const folder = '/tmp/notebook-shots';
  await mkdir(folder, { recursive: true });
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(documentNotebook.editor).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`document-notebook-${width}.png`) });
    await page.screenshot({ path: `${folder}/document-notebook-${width}.png` });
  }
  await libraryNotebook.open();
  await expect(libraryNotebook.quotes).toHaveCount(2);
  await expect(libraryNotebook.quote('I want to kick off')).toContainText('No longer linked');
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: testInfo.outputPath(`library-notebook-${width}.png`) });
    await page.screenshot({ path: `${folder}/library-notebook-${width}.png` });
  }
});

test('what is typed in a notebook just before leaving the document is kept', async ({ gloss }) => {
  const { page, ui } = gloss;
  const notebook = new NotebookPage(page, 'document');
  await notebook.open();
  await notebook.focusEnd();
  await notebook.type('Written right before leaving');
  // No pause for the save: the library is opened at once.
  await ui.library.open();
  await ui.library.openDocument(SAMPLE_TITLE);
  await notebook.open();
  await expect(notebook.editor).toContainText('Written right before leaving');
  await expect(notebook.saveState).toHaveText('Saved');
});

test('a quote is reached with the arrow keys, and Enter shows its passage', async ({ gloss }) => {
  const { page, ui } = gloss;
  const notebook = new NotebookPage(page, 'document');
  await ui.highlight('let a gremlin loose', 'pink');
  await page.keyboard.press('Alt+N');
  await notebook.open();
  await notebook.focusEnd();
  await notebook.type('after');
  await expect(notebook.editor).toContainText('after');
  await notebook.press('Home');
  await notebook.press('ArrowLeft');
  await expect(notebook.selectedQuote).toContainText('let a gremlin loose');
  await page.locator('.reader').evaluate((el) => (el.scrollTop = 0));
  await expect(ui.marksWith('let a gremlin loose')).not.toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(ui.marksWith('let a gremlin loose')).toBeInViewport();
  // Enter opened the passage; it did not split the notebook.
  await expect(notebook.quotes).toHaveCount(1);
  await expect(notebook.editor).toContainText('after');
});

test('“- [ ] ” and “* [x] ” typed as on GitHub start checklist items, not bullets', async ({ gloss }) => {
  const { page } = gloss;
  const notebook = new NotebookPage(page, 'document');
  await notebook.open();
  await notebook.focusEnd();
  await notebook.type('- [ ] check the record\n\n* [x] asked about Claude');
  await expect(notebook.checklistItems()).toHaveText(['check the record', 'asked about Claude']);
  await expect(notebook.checklistItems().nth(0)).toHaveAttribute('aria-checked', 'false');
  await expect(notebook.checklistItems().nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(notebook.listItems()).toHaveCount(0);
  await notebook.waitUntilSaved();
  const markdown = await savedMarkdown(page, await sampleId(page));
  expect(markdown).toMatch(/^[-*] \[ \] check the record$/m);
  expect(markdown).toMatch(/^[-*] \[x\] asked about Claude$/m);
});
