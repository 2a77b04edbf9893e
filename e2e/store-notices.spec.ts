/**
 * The reader is told what the store found wrong with its files and what it did: a damaged highlights file restored
 * from its backup, or set aside when it has none (which document, and where the damaged file went); highlights from
 * a newer Gloss, and a library from one, shown read-only with the reason; a change the disk refuses. Each state is
 * photographed for a look by eye.
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { ANNOTATIONS_FILE, DOCUMENT_FILE, Layout } from '../src/main/store/layout';
import { expect, test } from './support/fixtures';

const SAMPLE_TITLE = 'Democracies must maintain the lead in AI';

/** The one document in a fresh library: the sample. */
async function sampleId(layout: Layout): Promise<string> {
  const ids = (await readdir(layout.documents)).filter((name) => !name.startsWith('.'));
  expect(ids).toHaveLength(1);
  return ids[0];
}

async function backupsOf(layout: Layout, id: string, file: string): Promise<string[]> {
  return (await readdir(layout.documentBackups(id)).catch(() => [])).filter((n) => n.startsWith(`${file}-`));
}

const annotationsBackups = (layout: Layout, id: string) => backupsOf(layout, id, ANNOTATIONS_FILE);

async function photograph(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a damaged highlights file is set aside and its backup restored; the reader is told which document and where the damaged file is', async ({ gloss }, testInfo) => {
  const layout = new Layout(gloss.dataDir);
  await expect(gloss.ui.title).toHaveText(SAMPLE_TITLE);
  const id = await sampleId(layout);
  const annotations = join(layout.documentDir(id), ANNOTATIONS_FILE);

  // The first write of the highlights takes a backup; the next one, within the hour, does not.
  await gloss.ui.highlight('let a gremlin loose', 'yellow');
  await expect.poll(() => annotationsBackups(layout, id)).toHaveLength(1);
  await gloss.ui.highlight('the scaling laws', 'green');
  await expect.poll(async () => readFile(annotations, 'latin1')).toContain('the scaling laws');

  // Cut short, as a crash of the disk or a sync tool might leave it.
  await writeFile(annotations, '{"schemaVersion":2,"documentId":"');
  await gloss.restart();
  const { ui } = gloss;

  const panel = ui.storeNotices;
  await expect(panel.headline).toHaveText('A damaged file was restored');
  const [aside] = (await readdir(layout.documentDir(id))).filter((n) => n.startsWith(`${ANNOTATIONS_FILE}.damaged-`));
  expect(aside, 'the damaged file is kept beside the restored one').toBeTruthy();
  const notice = panel.about(SAMPLE_TITLE);
  await expect(notice).toContainText('Restored from backup');
  await expect(notice).toContainText(`The data file ${annotations} was damaged`);
  await expect(notice).toContainText(`It was moved to ${join(layout.documentDir(id), aside)}`);
  // The highlight from the backup is back; the one made after it is lost, as the notice warns.
  await expect(ui.marksWith('let a gremlin loose')).toHaveCount(1);
  await expect(ui.highlights).toHaveCount(1);
  await expect(ui.marksWith('the scaling laws')).toHaveCount(0);
  await expect(notice).toContainText('changes made after that backup may be missing');
  await expect(panel.readOnly).toHaveCount(0);
  await photograph(gloss.page, testInfo, 'restored-from-backup');

  // Restored, the document takes changes again.
  await ui.highlight('the scaling laws', 'blue');
  await expect(ui.highlights).toHaveCount(2);

  // Dismissed from the keyboard, the notice does not come back in this session, though main still lists it.
  await panel.dismissWithKeyboard();
  await ui.library.open();
  await ui.library.row(SAMPLE_TITLE).getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  await expect(ui.marksWith('let a gremlin loose')).toHaveCount(1);
  await expect(panel.panel).toHaveCount(0);
});

test('several notices are grouped by document, the library’s own first; the first show at once, all on asking', async ({ gloss }, testInfo) => {
  const layout = new Layout(gloss.dataDir);
  const id = await sampleId(layout);
  await gloss.ui.highlight('let a gremlin loose', 'yellow');
  await expect.poll(() => annotationsBackups(layout, id)).toHaveLength(1);
  await expect.poll(() => backupsOf(layout, id, DOCUMENT_FILE)).not.toHaveLength(0);
  await writeFile(layout.library, '{"schemaVersion":2,"documents":[');
  await writeFile(join(layout.documentDir(id), DOCUMENT_FILE), '{"schemaVersion":2}');
  await writeFile(join(layout.documentDir(id), ANNOTATIONS_FILE), '[]');
  await gloss.restart();
  const { ui, page } = gloss;

  const panel = ui.storeNotices;
  await expect(panel.headline).toHaveText('2 damaged files were restored');
  await expect(panel.notices).toHaveCount(2);
  await expect(panel.about('The library')).toContainText(`The library index ${layout.library} was damaged`);
  await expect(panel.about(SAMPLE_TITLE)).toContainText(`The data file ${join(layout.documentDir(id), DOCUMENT_FILE)} was damaged`);
  await panel.showAll();
  await expect(panel.notices).toHaveCount(3);
  await expect(panel.about(SAMPLE_TITLE).getByRole('listitem')).toHaveCount(2);
  await expect(panel.about(SAMPLE_TITLE)).toContainText(`The data file ${join(layout.documentDir(id), ANNOTATIONS_FILE)} was damaged`);
  await expect(ui.marksWith('let a gremlin loose')).toHaveCount(1);
  await photograph(page, testInfo, 'several-notices');
  await panel.dismiss();
});

test('a damaged highlights file with no backup is set aside, never deleted; the reader is told where it is, and the document starts again', async ({ gloss }, testInfo) => {
  const layout = new Layout(gloss.dataDir);
  await expect(gloss.ui.title).toHaveText(SAMPLE_TITLE);
  const id = await sampleId(layout);
  const annotations = join(layout.documentDir(id), ANNOTATIONS_FILE);
  expect(await annotationsBackups(layout, id)).toEqual([]);
  await writeFile(annotations, 'not JSON at all');
  await gloss.restart();
  const { ui, page } = gloss;

  const panel = ui.storeNotices;
  await expect(panel.headline).toHaveText('A damaged file could not be restored');
  // Damage that lost something is urgent: it is announced as an alert.
  await expect(page.getByRole('alert').filter({ hasText: 'A damaged file could not be restored' })).toBeVisible();
  const [aside] = (await readdir(layout.documentDir(id))).filter((n) => n.startsWith(`${ANNOTATIONS_FILE}.damaged-`));
  expect(await readFile(join(layout.documentDir(id), aside), 'utf8'), 'the damaged file is kept as it was found').toBe('not JSON at all');
  const notice = panel.about(SAMPLE_TITLE);
  await expect(notice).toContainText('Damaged');
  await expect(notice).toContainText(`The data file ${annotations} was damaged`);
  await expect(notice).toContainText(`It was moved to ${join(layout.documentDir(id), aside)}`);
  await expect(notice).toContainText('there was no good backup of it');
  await photograph(page, testInfo, 'damaged-without-backup');

  // Set aside, it no longer stands in the way: the document takes highlights again.
  await expect(panel.readOnly).toHaveCount(0);
  await ui.highlight('let a gremlin loose', 'yellow');
  await expect.poll(async () => readFile(annotations, 'latin1').catch(() => '')).toContain('let a gremlin loose');
});

test('highlights written by a newer Gloss show, read-only with the reason, and highlighting is refused with that reason', async ({ gloss }, testInfo) => {
  const layout = new Layout(gloss.dataDir);
  const id = await sampleId(layout);
  const annotations = join(layout.documentDir(id), ANNOTATIONS_FILE);
  await gloss.ui.highlight('let a gremlin loose', 'pink');
  await expect.poll(async () => readFile(annotations, 'latin1').catch(() => '')).toContain('let a gremlin loose');
  const written = JSON.parse(await readFile(annotations, 'utf8'));
  await writeFile(annotations, JSON.stringify({ ...written, schemaVersion: 99 }));
  await gloss.restart();
  const { ui, page } = gloss;

  const reason = `The data file ${annotations} was written by a newer Gloss (schema 99`;
  const banner = ui.storeNotices.readOnly;
  await expect(banner).toContainText('The highlights and notes of this document cannot be changed.');
  await expect(banner).toContainText(reason);
  // The transcript still reads, and the highlights it has still show.
  await expect(ui.paragraph('Do you want to let a gremlin loose')).toBeVisible();
  await expect(ui.marksWith('let a gremlin loose')).toHaveAttribute('data-color', 'pink');
  await expect(ui.colorButton('yellow')).toHaveAttribute('aria-disabled', 'true');

  await ui.select('the scaling laws');
  // Marked unavailable, the button still answers a press: with the reason.
  await ui.colorButton('yellow').click({ force: true });
  await expect(ui.status).toContainText(`The passage was not highlighted. ${reason}`);
  await page.keyboard.press('Alt+2');
  await expect(ui.highlights).toHaveCount(1);
  await expect(ui.marksWith('the scaling laws')).toHaveCount(0);
  await photograph(page, testInfo, 'document-read-only');
  // The newer Gloss's file is left exactly as it was.
  expect(JSON.parse(await readFile(annotations, 'utf8')).schemaVersion).toBe(99);
});

test('a library written by a newer Gloss opens read-only: highlights still show, and changes, imports, rename and remove say why not', async ({ gloss }, testInfo) => {
  const layout = new Layout(gloss.dataDir);
  await gloss.ui.highlight('let a gremlin loose', 'pink');
  await expect.poll(async () => (await readdir(layout.documentDir(await sampleId(layout)))).includes(ANNOTATIONS_FILE)).toBe(true);
  const index = JSON.parse(await readFile(layout.library, 'utf8'));
  await writeFile(layout.library, JSON.stringify({ ...index, schemaVersion: 99 }));
  await gloss.restart();
  const { ui, page } = gloss;

  const banner = ui.storeNotices.readOnly;
  await expect(banner).toContainText('Nothing in this library can be changed.');
  await expect(banner).toContainText(`This library was last written by a newer Gloss, so this one only reads it: The data file ${layout.library}`);
  await expect(ui.marksWith('let a gremlin loose')).toHaveAttribute('data-color', 'pink');

  // The highlight can be selected and its note read, not changed; recolouring and deleting say why not.
  await ui.marksWith('let a gremlin loose').click();
  await expect(ui.noteState).toHaveText('Read-only');
  await expect(ui.note).not.toBeEditable();
  await ui.colorButton('green').click({ force: true });
  await expect(ui.status).toContainText('The colour was not changed. This library was last written by a newer Gloss');
  await expect(ui.marksWith('let a gremlin loose')).toHaveAttribute('data-color', 'pink');
  await page.getByRole('button', { name: 'Delete highlight' }).click({ force: true });
  await expect(ui.status).toContainText('The highlight was not deleted. This library was last written by a newer Gloss');
  await expect(ui.highlights).toHaveCount(1);
  await photograph(page, testInfo, 'read-only-library');

  await ui.library.open();
  await expect(banner).toContainText('Nothing in this library can be changed.');
  await page.getByRole('button', { name: 'Open transcripts…' }).click({ force: true });
  await expect(ui.status).toContainText('Nothing was imported. This library was last written by a newer Gloss');
  await ui.dropFiles([{ name: 'dropped.txt', content: 'Ada Lovelace: The engine weaves algebraic patterns.\n' }]);
  await expect(ui.status).toContainText('Nothing was imported.');
  await page.getByRole('button', { name: `Rename ${SAMPLE_TITLE}`, exact: true }).click({ force: true });
  await expect(ui.status).toContainText('The document cannot be renamed. This library was last written by a newer Gloss');
  await page.getByRole('button', { name: `Remove ${SAMPLE_TITLE}`, exact: true }).click({ force: true });
  await expect(ui.status).toContainText('The document cannot be removed.');
  await expect(ui.library.rows).toHaveCount(1);
  await photograph(page, testInfo, 'read-only-library-list');
  // Nothing was written: the newer Gloss's index is as it left it.
  expect(JSON.parse(await readFile(layout.library, 'utf8')).schemaVersion).toBe(99);
});

test('a change the disk refuses names the cause, and the screen goes back to what is saved', async ({ gloss }, testInfo) => {
  const layout = new Layout(gloss.dataDir);
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.note.fill('Saved before the folder went.');
  await expect(ui.noteState).toHaveText('Saved');
  const dir = layout.documentDir(await sampleId(layout));
  await expect.poll(async () => readFile(join(dir, ANNOTATIONS_FILE), 'latin1')).toContain('Saved before the folder went.');

  // The document's folder disappears under the app (a sync tool, an unplugged drive): every write now fails.
  const away = `${dir}-away`;
  await rename(dir, away);
  try {
    await ui.select('the scaling laws');
    await ui.colorButton('green').click();
    await expect(ui.status).toContainText('The highlight was not saved. Could not save: a folder it needs has disappeared (ENOENT).');
    // The painted highlight goes again: mark, list entry and all.
    await expect(ui.marksWith('the scaling laws')).toHaveCount(0);
    await expect(ui.highlights).toHaveCount(1);

    await ui.highlights.first().click();
    await ui.note.fill('Typed while the folder was gone.');
    await expect(ui.noteState).toHaveText('Not saved');
    await expect(ui.noteProblem).toContainText('Could not save: a folder it needs has disappeared (ENOENT). Nothing was changed.');
    await expect(ui.status).toContainText('The note was not saved.');
    await photograph(page, testInfo, 'save-refused');

    // What the reader typed is kept, still unsaved, when they come back to it.
    await ui.note.blur();
    await page.keyboard.press('Escape');
    await expect(ui.note).toHaveCount(0);
    await ui.highlights.first().click();
    await expect(ui.note).toHaveText('Typed while the folder was gone.');
    await expect(ui.noteState).toHaveText('Not saved');
  } finally {
    await rename(away, dir);
  }
  await page.getByRole('button', { name: 'Try again', exact: true }).click();
  await expect(ui.noteState).toHaveText('Saved');
  await expect(ui.noteProblem).toHaveCount(0);
  await expect.poll(async () => readFile(join(dir, ANNOTATIONS_FILE), 'latin1')).toContain('Typed while the folder was gone.');
  // Nothing of the refused highlight reached the disk.
  expect(await readFile(join(dir, ANNOTATIONS_FILE), 'latin1')).not.toContain('the scaling laws');
});
