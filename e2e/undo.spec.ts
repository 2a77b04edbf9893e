/** Undo and redo of annotation actions: on screen and on disk, across documents, a note as a whole. */
import { expect, test } from './support/fixtures';
import { documentIdsOnDisk, highlightsOnDisk } from './support/data-folder';

const quotesOnDisk = async (dataDir: string, documentId?: string) => (await highlightsOnDisk(dataDir, documentId)).map((a) => a.selectors.quote.exact).sort();

test('undoing a delete brings the highlight back with its note, on screen and on disk; redo deletes it again', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'green');
  await ui.note.pressSequentially('Vivid image.');
  await ui.leaveNote();
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir))[0]?.note).toBe('Vivid image.');

  await page.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(ui.highlights).toHaveCount(0);
  await expect(ui.status).toContainText('Deleted.');
  await expect.poll(() => quotesOnDisk(gloss.dataDir)).toEqual([]);

  await ui.status.getByRole('button', { name: 'Undo' }).click();
  await expect(ui.highlights).toHaveCount(1);
  await expect(ui.marksWith('let a gremlin loose')).toHaveAttribute('data-color', 'green');
  await expect(ui.highlightNotes.first()).toHaveText('Vivid image.');
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => [a.selectors.quote.exact, a.color, a.note])).toEqual([
    ['let a gremlin loose', 'green', 'Vivid image.'],
  ]);

  await ui.redo();
  await expect(ui.highlights).toHaveCount(0);
  await expect(ui.marksWith('let a gremlin loose')).toHaveCount(0);
  await expect.poll(() => quotesOnDisk(gloss.dataDir)).toEqual([]);
});

test('undo takes back a recolour, then the highlight itself; redo (Ctrl+Y as well) does both again', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('the scaling laws', 'yellow');
  await ui.colorButton('blue').click();
  await expect(ui.marksWith('the scaling laws')).toHaveAttribute('data-color', 'blue');
  await ui.leaveNote();

  await ui.undo();
  await expect(ui.marksWith('the scaling laws')).toHaveAttribute('data-color', 'yellow');
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir))[0]?.color).toBe('yellow');
  await expect(ui.status).toContainText('Undone: recolour.');

  await ui.undo();
  await expect(ui.highlights).toHaveCount(0);
  await expect.poll(() => quotesOnDisk(gloss.dataDir)).toEqual([]);

  await page.keyboard.press('Control+y');
  await expect(ui.highlights).toHaveCount(1);
  await ui.redo();
  await expect(ui.marksWith('the scaling laws')).toHaveAttribute('data-color', 'blue');
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => a.color)).toEqual(['blue']);
});

test('a note is undone as a whole, not keystroke by keystroke', async ({ gloss }) => {
  const { ui } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.note.pressSequentially('First thoughts');
  await ui.leaveNote();
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir))[0]?.note).toBe('First thoughts');
  await ui.highlights.first().getByRole('button').first().click();
  await ui.note.press('End');
  // Typed slowly enough to be saved several times on the way.
  for (const word of [' and', ' second', ' thoughts']) {
    await ui.note.pressSequentially(word);
    await expect(ui.noteState).toHaveText('Saved');
  }
  await ui.leaveNote();
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir))[0]?.note).toBe('First thoughts and second thoughts');

  await ui.undo();
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir))[0]?.note).toBe('First thoughts');
  // The highlight is still selected: its note shows the text undone to.
  await expect(ui.note).toHaveText('First thoughts');
  await ui.undo();
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir))[0]?.note).toBe('');
});

test('the history lasts across documents: undo in another document changes the one the action was in', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'pink');
  await ui.leaveNote();
  const [sampleId] = await documentIdsOnDisk(gloss.dataDir);
  await ui.dropFiles([{ name: 'second.txt', content: 'Ann Lee: A second interview, short.\n\nBob Ray: Indeed it is.' }]);
  await expect(ui.title).toHaveText(/second/i);
  await expect(ui.highlights).toHaveCount(0);

  await ui.undo();
  await expect.poll(() => quotesOnDisk(gloss.dataDir, sampleId)).toEqual([]);
  await ui.redo();
  await expect.poll(() => quotesOnDisk(gloss.dataDir, sampleId)).toEqual(['let a gremlin loose']);
  await ui.undo();

  await ui.library.open();
  await ui.library.openDocument('Sample transcript');
  await expect(page.locator('.transcript mark')).toHaveCount(0);
});

test('keys typed in a note undo the note text, not the last highlight action', async ({ gloss }) => {
  const { ui } = gloss;
  await ui.highlight('the scaling laws', 'yellow');
  await ui.note.pressSequentially('abc');
  await expect.poll(() => ui.noteText()).toBe('abc');
  await ui.note.press('Control+z');
  // The note's own undo took the typing back; the highlight it belongs to stays.
  await expect.poll(() => ui.noteText()).toBe('');
  await expect(ui.highlights).toHaveCount(1);
  await expect(ui.marksWith('the scaling laws')).toHaveCount(1);
});
