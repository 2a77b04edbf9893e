/**
 * The library: import by the Open dialog and by drag and drop, duplicates, rename, remove; sorting by each column,
 * filtering by title and speaker, choosing several documents to export or remove, the keyboard, a long library
 * drawn as it scrolls, and a narrow window.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExportPage } from './support/export-page';
import { expect, test, type GlossApp } from './support/fixtures';
import { addGeneratedDocuments, type GeneratedDocument } from './support/generated-library';
import type { LibraryColumn } from './support/library-page';

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

const SAMPLE = 'Democracies must maintain the lead in AI';

/** Five documents whose every column sorts them differently. */
const FIVE: GeneratedDocument[] = [
  { title: 'Archive of the river', format: 'srt', speakers: ['Tomás Ferreira'], words: 150, highlights: 5, notes: 2, addedAt: '2026-01-05T09:00:00.000Z', openedAt: '2026-03-01T09:00:00.000Z' },
  { title: 'Budget hearing 2', format: 'webvtt', speakers: ['Helen Park', 'Amara Nwosu'], words: 20, paragraphs: 2, highlights: 0, addedAt: '2026-01-01T09:00:00.000Z' },
  { title: 'Budget hearing 10', format: 'markdown', speakers: ['Kwame Mensah'], words: 400, highlights: 2, notes: 1, addedAt: '2026-01-03T09:00:00.000Z', openedAt: '2026-02-01T09:00:00.000Z' },
  { title: 'Évora interview', format: 'text', speakers: ['Amara Nwosu'], words: 900, highlights: 9, notes: 3, addedAt: '2026-01-02T09:00:00.000Z' },
  { title: 'Winter school', format: 'webvtt', speakers: ['Priya Raman', 'Jonas Lindqvist'], words: 60, highlights: 1, addedAt: '2026-01-04T09:00:00.000Z', openedAt: '2026-04-01T09:00:00.000Z' },
];

/** Adds `docs` beside the running app (as `gloss add` would) and shows the library; gives their ids. */
async function libraryOf(gloss: GlossApp, docs: GeneratedDocument[]): Promise<string[]> {
  const ids = await addGeneratedDocuments(gloss.dataDir, docs, { mode: 'guest' });
  await gloss.ui.library.open();
  await expect(gloss.ui.library.count).toHaveText(`${(docs.length + 1).toLocaleString('en')} documents`);
  return ids;
}

/** The titles shown, the sample aside (its numbers are the sample's own). */
async function generatedTitles(gloss: GlossApp): Promise<string[]> {
  return (await gloss.ui.library.titles()).filter((t) => t !== SAMPLE);
}

test('sorts by every column, the other way round on a second click, and remembers the sort', async ({ gloss }) => {
  const { library } = gloss.ui;
  await libraryOf(gloss, FIVE);
  // At first: the most recently opened (never opened: added) first.
  await expect(library.header('Last opened')).toHaveAttribute('aria-sort', 'descending');
  const orders: [LibraryColumn, 'ascending' | 'descending', string[]][] = [
    ['Title', 'ascending', ['Archive of the river', 'Budget hearing 2', 'Budget hearing 10', 'Évora interview', 'Winter school']],
    ['Format', 'ascending', ['Budget hearing 10', 'Archive of the river', 'Évora interview', 'Budget hearing 2', 'Winter school']],
    ['Speakers', 'ascending', ['Évora interview', 'Budget hearing 2', 'Budget hearing 10', 'Winter school', 'Archive of the river']],
    ['Words', 'descending', ['Évora interview', 'Budget hearing 10', 'Archive of the river', 'Winter school', 'Budget hearing 2']],
    ['Highlights', 'descending', ['Évora interview', 'Archive of the river', 'Budget hearing 10', 'Winter school', 'Budget hearing 2']],
    ['Added', 'descending', ['Archive of the river', 'Winter school', 'Budget hearing 10', 'Évora interview', 'Budget hearing 2']],
    ['Last opened', 'descending', ['Winter school', 'Archive of the river', 'Budget hearing 10', 'Évora interview', 'Budget hearing 2']],
  ];
  for (const [column, direction, titles] of orders) {
    await library.sortBy(column);
    await expect(library.header(column)).toHaveAttribute('aria-sort', direction);
    // Only the column that sorts says so.
    await expect(library.table.locator('th[aria-sort]')).toHaveCount(1);
    expect(await generatedTitles(gloss), `sorted by ${column}`).toEqual(titles);
    await library.sortBy(column);
    await expect(library.header(column)).toHaveAttribute('aria-sort', direction === 'ascending' ? 'descending' : 'ascending');
    expect(await generatedTitles(gloss), `sorted by ${column}, the other way`).toEqual([...titles].reverse());
  }
  // The sample was shown all along, in its place.
  await library.sortBy('Title');
  expect(await library.titles()).toEqual(['Archive of the river', 'Budget hearing 2', 'Budget hearing 10', SAMPLE, 'Évora interview', 'Winter school']);
  // The page loaded afresh (as at the next start) sorts as it was left.
  await gloss.page.reload();
  await library.open();
  await expect(library.header('Title')).toHaveAttribute('aria-sort', 'ascending');
  expect(await library.titles()).toEqual(['Archive of the river', 'Budget hearing 2', 'Budget hearing 10', SAMPLE, 'Évora interview', 'Winter school']);
});

test('filters by title and by speaker, without regard to case or accents, and says what to do when nothing matches', async ({ gloss }) => {
  const { library } = gloss.ui;
  await libraryOf(gloss, FIVE);
  await library.sortBy('Title');
  await library.filter.fill('BUDGET');
  await expect(library.count).toHaveText('2 of 6 documents');
  expect(await library.titles()).toEqual(['Budget hearing 2', 'Budget hearing 10']);
  // A speaker's name, its accent left out.
  await library.filter.fill('tomas');
  expect(await library.titles()).toEqual(['Archive of the river']);
  // A title's accent left out; a speaker of two documents.
  await library.filter.fill('evora');
  expect(await library.titles()).toEqual(['Évora interview']);
  await library.filter.fill('amara');
  await expect(library.count).toHaveText('2 of 6 documents');
  expect(await library.titles()).toEqual(['Budget hearing 2', 'Évora interview']);
  // Every word must match, each in the title or a speaker.
  await library.filter.fill('amara hearing');
  expect(await library.titles()).toEqual(['Budget hearing 2']);

  await library.filter.fill('zebra');
  await expect(library.count).toHaveText('0 of 6 documents');
  await expect(library.table).toHaveCount(0);
  await expect(library.noMatch).toContainText('No document’s title or speakers match “zebra”. Try fewer letters or another spelling, or clear the filter');
  await library.noMatch.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(library.filter).toBeFocused();
  await expect(library.count).toHaveText('6 documents');
  await expect(library.rows).toHaveCount(6);
  // Escape in the field clears it too.
  await library.filter.fill('winter');
  await expect(library.rows).toHaveCount(1);
  await library.filter.press('Escape');
  await expect(library.rows).toHaveCount(6);
});

test('several documents chosen by click, Shift-click and the header checkbox are exported together, and only they', async ({ gloss }, testInfo) => {
  const { library } = gloss.ui;
  const { page } = gloss;
  await libraryOf(gloss, FIVE);
  await library.sortBy('Title');
  await library.select('Archive of the river');
  await library.select('Budget hearing 10', { shift: true });
  await library.select('Winter school');
  expect(await library.selectedTitles()).toEqual(['Archive of the river', 'Budget hearing 2', 'Budget hearing 10', 'Winter school']);
  await expect(library.selection).toContainText('4 selected');
  // Some shown are chosen: the header checkbox is mixed.
  await expect(library.selectAll).toBeChecked({ indeterminate: true });

  await library.selection.getByRole('button', { name: 'Export selected…' }).click();
  const dialog = new ExportPage(page);
  await expect(dialog.scope('document')).toBeChecked();
  await expect(dialog.scope('document')).toHaveAccessibleName(/^The 4 documents chosen/);
  await dialog.chooseFormat('Markdown');
  await expect(dialog.preview).toHaveText('8 highlights from 4 documents');
  const folder = testInfo.outputPath('chosen');
  await mkdir(folder, { recursive: true });
  await gloss.setExportFolder(folder);
  expect(await dialog.run()).toContain(`Exported 8 highlights from 4 documents to ${folder} (5 files)`);
  expect((await readdir(folder)).sort()).toEqual(['Archive of the river.md', 'Budget hearing 10.md', 'Budget hearing 2.md', 'Gloss index.md', 'Winter school.md']);
  expect(await readFile(join(folder, 'Archive of the river.md'), 'utf8')).toContain('Note 1 on Archive of the river');
  await dialog.cancelButton.click();

  // The header checkbox chooses every document shown (here, those the filter keeps), and lets go of them.
  await library.filter.fill('budget');
  await expect(library.selectAll).toBeChecked();
  await library.selectAll.uncheck();
  await expect(library.selection).toBeHidden();
  await library.selectAll.check();
  expect(await library.selectedTitles()).toEqual(['Budget hearing 2', 'Budget hearing 10']);
  await library.filter.fill('');
  await expect(library.selection).toContainText('2 selected');
  await expect(library.selectAll).toBeChecked({ indeterminate: true });
});

test('removing several documents asks once, counting their highlights and notes, moves their folders to removed/ and says which could not be', async ({ gloss }) => {
  const { library } = gloss.ui;
  const ids = await libraryOf(gloss, FIVE);
  await library.sortBy('Title');
  await library.select('Budget hearing 2');
  await library.select('Budget hearing 10', { shift: true });
  let confirm = await library.removeSelected();
  await expect(confirm).toHaveAccessibleName('Remove 2 documents?');
  await expect(confirm).toContainText('Remove 2 documents with their 2 highlights and 1 note?');
  // Cancel leaves everything as it was.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(library.rows).toHaveCount(6);

  confirm = await library.removeSelected();
  await confirm.getByRole('button', { name: 'Remove 2 documents' }).click();
  await expect(gloss.ui.status).toContainText('Removed 2 documents (“Budget hearing 2”, “Budget hearing 10”) with 2 highlights and 1 note.');
  expect(await library.titles()).toEqual(['Archive of the river', SAMPLE, 'Évora interview', 'Winter school']);
  const removed = await readdir(join(gloss.dataDir, 'removed'));
  for (const id of [ids[1], ids[2]]) expect(removed.some((name) => name.startsWith(`${id}-`))).toBe(true);
  expect(await readdir(join(gloss.dataDir, 'documents'))).not.toContain(ids[1]);

  // One of three goes missing underneath (a sync tool took its folder): the other two are removed, and it is named.
  await library.select('Archive of the river');
  await library.select('Winter school', { shift: true });
  await expect(library.selection).toContainText('4 selected');
  await library.select(SAMPLE);
  await rm(join(gloss.dataDir, 'documents', ids[3]), { recursive: true });
  confirm = await library.removeSelected();
  await expect(confirm).toContainText('Remove 3 documents with their 15 highlights and 5 notes?');
  await confirm.getByRole('button', { name: 'Remove 3 documents' }).click();
  await expect(gloss.ui.status).toContainText('Removed 2 documents (“Archive of the river”, “Winter school”) with 6 highlights and 2 notes. Not removed: “Évora interview” (');
  expect(await library.titles()).toEqual([SAMPLE]);
});

test('the list works from the keyboard: arrows move, Space and Shift choose, Ctrl+A chooses all shown, Escape none, Enter opens', async ({ gloss }) => {
  const { library } = gloss.ui;
  const { page } = gloss;
  await libraryOf(gloss, FIVE);
  await library.sortBy('Title');
  // From the header checkbox, Tab goes into the rows: to the first row's checkbox (one tab stop for all the rows).
  await library.selectAll.focus();
  // Past the seven sort buttons.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  await expect(library.checkbox('Archive of the river')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(library.checkbox('Budget hearing 2')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(library.checkbox(SAMPLE)).toBeFocused();
  expect(await library.selectedTitles()).toEqual(['Budget hearing 2', 'Budget hearing 10', SAMPLE]);
  // Tab reaches the active row's own buttons, then leaves the rows.
  await page.keyboard.press('Tab');
  await expect(library.row(SAMPLE).getByRole('button', { name: SAMPLE, exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('End');
  await expect(library.checkbox('Winter school')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  expect(await library.selectedTitles()).toHaveLength(6);
  await page.keyboard.press('Escape');
  expect(await library.selectedTitles()).toEqual([]);
  await page.keyboard.press('Home');
  await expect(library.checkbox('Archive of the river')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(gloss.ui.title).toHaveText('Archive of the river');
});

test('a library of 300 documents draws the rows in view, says how many rows there are, and reaches the last by keyboard', async ({ gloss }) => {
  test.slow();
  const { library } = gloss.ui;
  const docs = Array.from({ length: 300 }, (_, i) => ({
    title: `Interview ${String(i + 1).padStart(3, '0')}`,
    speakers: ['Helen Park', `Speaker ${i + 1}`],
    words: 40,
    paragraphs: 2,
    highlights: i % 4,
    addedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  }));
  await libraryOf(gloss, docs);
  await library.sortBy('Title');
  await expect(library.table).toHaveAttribute('aria-rowcount', '302');
  const drawn = await library.rows.count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(60);
  await expect(library.rows.first()).toHaveAttribute('aria-rowindex', '2');
  await library.checkbox(SAMPLE).focus();
  await gloss.page.keyboard.press('End');
  await expect(library.checkbox('Interview 300')).toBeFocused();
  await expect(library.row('Interview 300')).toHaveAttribute('aria-rowindex', '302');
  await expect(library.row('Interview 300')).toBeInViewport();
  await expect(library.row(SAMPLE)).toHaveCount(0);
  // The header stays in view over the rows.
  await expect(library.header('Title')).toBeInViewport();
  await gloss.page.keyboard.press('ArrowUp');
  await expect(library.checkbox('Interview 299')).toBeFocused();
  // Ctrl+A chooses every row shown, drawn or not.
  await gloss.page.keyboard.press('ControlOrMeta+A');
  await expect(library.selection).toContainText('301 selected');
});

test('the library of thirty documents, sorted, filtered and with several chosen, fits 1280 and 600 px windows without sideways scrolling', async ({ gloss }, testInfo) => {
  const { library } = gloss.ui;
  const { page } = gloss;
  const names = ['Amara Nwosu', 'Jonas Lindqvist', 'Priya Raman', 'Tomás Ferreira', 'Helen Park', 'Kwame Mensah'];
  const topics = ['river archive', 'budget hearing', 'village school', 'winter harvest', 'court record', 'hospital night shift'];
  const formats = ['text', 'markdown', 'webvtt', 'srt'] as const;
  const docs: GeneratedDocument[] = Array.from({ length: 30 }, (_, i) => ({
    title: `${topics[i % topics.length][0].toUpperCase()}${topics[i % topics.length].slice(1)}, session ${Math.floor(i / topics.length) + 1}`,
    format: formats[i % formats.length],
    speakers: [names[i % names.length], names[(i + 2) % names.length]],
    words: 200 + ((i * 137) % 3000),
    highlights: (i * 7) % 23,
    notes: i % 4,
    addedAt: new Date(Date.UTC(2026, 0, 1 + i, 10)).toISOString(),
    openedAt: i % 3 === 0 ? new Date(Date.UTC(2026, 2, 1 + i, 15)).toISOString() : null,
  }));
  await libraryOf(gloss, docs);
  await library.sortBy('Highlights');
  await page.screenshot({ path: testInfo.outputPath('library-1280-sorted.png') });
  await library.filter.fill('session 2');
  await library.select('River archive, session 2');
  await library.select('Budget hearing, session 2');
  await library.select('Court record, session 2');
  await expect(library.selection).toContainText('3 selected');
  await page.screenshot({ path: testInfo.outputPath('library-1280-filtered-chosen.png') });
  for (const width of [900, 600]) {
    await page.setViewportSize({ width, height: 800 });
    await library.filter.fill(width === 600 ? 'session 2' : '');
    const scroller = page.locator('.library__scroll');
    const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth, `${width} px wide`).toBeLessThanOrEqual(clientWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // What the hidden columns held is said under each title.
    if (width === 600) await expect(library.row('River archive, session 2').locator('.library__meta')).toContainText('Amara Nwosu, Priya Raman');
    await page.screenshot({ path: testInfo.outputPath(`library-${width}.png`) });
  }
});
