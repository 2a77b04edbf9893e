/**
 * Dragging a highlight from the side panel's list into the document's
 * notebook: over the Notebook tab it opens, and dropped on the notebook it is
 * quoted there, where it was dropped, and kept.
 */
import { expect, test } from './support/fixtures';
import { NotebookPage } from './support/notebook-page';

test('a highlight dragged from the list onto the notebook is quoted where it is dropped, and kept', async ({ gloss }) => {
  test.setTimeout(60_000);
  const { page, ui } = gloss;
  const notebook = new NotebookPage(page, 'document');
  await notebook.open();
  await notebook.focusEnd();
  await notebook.type('First thought\nSecond thought');
  await notebook.waitUntilSaved();
  await notebook.showHighlights();
  await ui.highlight('let a gremlin loose', 'pink');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Dropped on the end of the first line: the quote goes between the two.
  await notebook.dragHighlightIn('let a gremlin loose', {
    at: notebook.editor.getByText('First thought'),
    whileOver: async () => {
      await expect(page.locator('.notebook.is-drop-target')).toBeVisible();
      await page.screenshot({ path: '/tmp/notebook-shots/drag-over-1280.png' });
    },
  });
  await expect(notebook.quotes).toHaveCount(1);
  await expect(notebook.quote('let a gremlin loose')).toContainText('Dario Amodei');
  await expect(page.locator('.notebook.is-drop-target')).toHaveCount(0);
  const blocks = await notebook.editor.locator('> *').allInnerTexts();
  const at = (text: string) => blocks.findIndex((b) => b.includes(text));
  expect(at('First thought')).toBeLessThan(at('let a gremlin loose'));
  expect(at('let a gremlin loose')).toBeLessThan(at('Second thought'));
  // Only the quote went in: not its plain text as well.
  await expect(notebook.editor).not.toContainText('“let a gremlin loose');
  await notebook.waitUntilSaved();

  await gloss.restart();
  const again = new NotebookPage(gloss.page, 'document');
  await again.open();
  await expect(again.quote('let a gremlin loose')).toContainText('Dario Amodei');
  await expect(again.editor).toContainText('Second thought');
});
