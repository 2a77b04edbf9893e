/** The library: import by the Open dialog and by drag and drop, duplicates, rename, remove. */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Grace Hopper>It's easier to ask forgiveness than it is to get permission.

00:00:04.500 --> 00:00:07.000
<v Grace Hopper>Humans are allergic to change.

00:00:07.500 --> 00:00:09.000
<v Alan Kay>The best way to predict the future is to invent it.
`;

const TXT = `A conversation about compilers

Ada Lovelace: The engine weaves algebraic patterns.

Charles Babbage: As the loom weaves flowers and leaves.
`;

test('imports a WebVTT and a text file through the Open dialog and lists them in the library', async ({ gloss }, testInfo) => {
  const { page } = gloss;
  const vtt = testInfo.outputPath('hopper-kay.vtt');
  const txt = testInfo.outputPath('engines.txt');
  await writeFile(vtt, VTT);
  await writeFile(txt, TXT);
  await gloss.setFilesToOpen([vtt, txt]);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Open transcripts…' }).click();
  await expect(gloss.ui.status).toContainText('Imported 2 transcripts.');
  const rows = page.locator('.library__table tbody tr');
  await expect(rows).toHaveCount(3);
  const vttRow = rows.filter({ hasText: 'hopper-kay.vtt' });
  await expect(vttRow).toContainText('WebVTT');
  await expect(vttRow).toContainText('Grace Hopper, Alan Kay');
  const txtRow = rows.filter({ hasText: 'engines.txt' });
  await expect(txtRow).toContainText('A conversation about compilers');
  await expect(txtRow).toContainText('Ada Lovelace, Charles Babbage');

  // Open the WebVTT document and highlight in it.
  await vttRow.getByRole('button', { name: 'hopper-kay', exact: true }).click();
  await expect(gloss.ui.paragraph('Humans are allergic to change.')).toBeVisible();
  await expect(gloss.page.locator('.toolbar__title')).toHaveText('hopper-kay');
  // Cue start times stand in the margin.
  await expect(gloss.ui.paragraph('Humans are allergic to change.')).toHaveAttribute('data-time', '0:04');
  expect(await gloss.ui.speakerOf('It’s easier to ask forgiveness'.replace('’', "'"))).toBe('Grace Hopper');
  await gloss.ui.highlight('allergic to change', 'green');
  await expect(gloss.ui.highlights.first()).toContainText('Grace Hopper');
});

test('imports files dropped on the window and opens a single one', async ({ gloss }) => {
  await gloss.ui.dropFiles([{ name: 'engines.txt', content: TXT }]);
  await expect(gloss.page.locator('.para--title')).toHaveText('A conversation about compilers');
  expect(await gloss.ui.speakerOf('The engine weaves')).toBe('Ada Lovelace');
  await gloss.ui.highlight('algebraic patterns', 'blue');
  await expect(gloss.ui.highlights).toHaveCount(1);
});

test('importing the same text again opens the existing document instead of adding a copy', async ({ gloss }) => {
  await gloss.ui.dropFiles([{ name: 'engines.txt', content: TXT }]);
  await expect(gloss.page.locator('.para--title')).toHaveText('A conversation about compilers');
  await gloss.ui.highlight('algebraic patterns', 'blue');
  await gloss.ui.dropFiles([{ name: 'engines-copy.txt', content: TXT.replace(/\n/g, '\r\n') }]);
  await expect(gloss.ui.status).toHaveText(/This transcript was already in the library\./);
  await expect(gloss.ui.highlights).toHaveCount(1);
  await gloss.page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(gloss.page.locator('.library__table tbody tr')).toHaveCount(2);
});

test('a file that is not a transcript is refused with its name and the reason, and nothing is imported', async ({ gloss }) => {
  await gloss.ui.dropFiles([{ name: 'broken.vtt', content: 'just some words' }, { name: 'empty.txt', content: '' }]);
  await expect(gloss.ui.status).toContainText('Could not open broken.vtt: not a WebVTT file');
  await expect(gloss.ui.status).toContainText('Could not open empty.txt: it is empty.');
  await gloss.page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(gloss.page.locator('.library__table tbody tr')).toHaveCount(1);
});

test('a document can be renamed, and removed after a confirmation that counts its highlights and notes', async ({ gloss }) => {
  const { page, ui } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.note.fill('A note that goes with it');
  await page.keyboard.press('Tab');
  await expect(page.locator('.note-editor__state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const row = page.locator('.library__table tbody tr').first();
  // The Highlights column.
  await expect(row.locator('td').nth(4)).toHaveText('1');

  await row.getByRole('button', { name: /^Rename/ }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Amodei interview (FT)');
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Amodei interview (FT)');
  await gloss.restart();
  await expect(gloss.page.locator('.toolbar__title')).toHaveText('Amodei interview (FT)');

  await gloss.page.getByRole('button', { name: 'Library', exact: true }).click();
  await gloss.page.getByRole('button', { name: /^Remove Amodei/ }).click();
  const confirm = gloss.page.getByRole('alertdialog');
  await expect(confirm).toContainText('Remove “Amodei interview (FT)” with its 1 highlight and 1 note?');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(gloss.page.locator('.library__empty')).toBeVisible();
  const library = JSON.parse(await readFile(`${gloss.dataDir}/library.json`, 'utf8'));
  expect(library.documents).toEqual([]);
});
