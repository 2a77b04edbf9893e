/**
 * Importing annotations made elsewhere (a W3C Web Annotation file written by
 * another tool, a REFI-QDA project), backing the library up and restoring it,
 * from the File menu and the library's menu, each with its report: what was
 * added, updated, orphaned and not carried over, in words; a file that cannot
 * be imported says why and changes nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSelectors } from '../src/core/anchoring/selectors';
import { plainTextOf } from '../src/core/transcript/plain-text';
import { runExport } from '../src/main/exchange/export-service';
import { LibraryStore } from '../src/main/store/library-store';
import { ExchangeReportPage } from './support/exchange-report-page';
import { expect, test } from './support/fixtures';

const SAMPLE = 'Democracies must maintain the lead in AI';
const SHOTS = process.env.GLOSS_SHOTS_DIR;

/** Annotations as another tool writes them (a page of two, each on a web copy of the interview), plus one on a whole web page. */
const OTHER_TOOL = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'https://notes.example/pages/1',
  type: 'AnnotationPage',
  items: [
    {
      id: 'https://notes.example/anno/gremlin',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-03-01T10:00:00Z',
      body: [
        { type: 'TextualBody', value: 'Agents as *gremlins*', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'theme/risk', purpose: 'tagging' },
      ],
      target: { source: 'https://interviews.example/amodei', selector: { type: 'TextQuoteSelector', exact: 'let a gremlin loose' } },
    },
    // Its code's parent ("theme") joins the code tree too: two codes added.
    {
      id: 'https://notes.example/anno/lost',
      type: 'Annotation',
      target: { source: 'https://interviews.example/amodei', selector: { type: 'TextQuoteSelector', exact: 'a sentence that this interview never had in it at all' } },
    },
    { id: 'https://notes.example/anno/page', type: 'Annotation', bodyValue: 'Read later', target: 'https://elsewhere.example/whole-page' },
  ],
};

const SECOND = 'Second interview\n\nAnn Lee: We met on a Tuesday and talked about the flood.\n\nBo Chen: It rained all week.\n';

/** A REFI-QDA project written by Gloss's own exporter from another library: one interview, one coded highlight with a note. */
async function qdpxFromAnotherLibrary(path: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-other-library-'));
  const store = await LibraryStore.open(dir);
  try {
    const doc = await store.importText({ text: SECOND, source: 'second.txt', fallbackTitle: 'second' });
    const text = plainTextOf((await store.open(doc.id)).transcript);
    const start = text.indexOf('talked about the flood');
    await store.createAnnotation({
      documentId: doc.id,
      id: '00000000-0000-4000-8000-000000000042',
      color: 'blue',
      selectors: createSelectors(text, start, start + 'talked about the flood'.length),
      note: 'The flood comes up unprompted',
      codes: ['weather/flood'],
    });
    await runExport(store, { format: 'qdpx', documentIds: [doc.id] }, path, new Date('2026-03-01T10:00:00Z'));
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

test('a W3C annotation file from another tool is imported into the open document through the menu; the report says what came and what did not', async ({ gloss }, testInfo) => {
  test.slow();
  const { ui, page } = gloss;
  const report = new ExchangeReportPage(page);
  await expect(ui.title).toHaveText(SAMPLE);
  const file = testInfo.outputPath('notes.jsonld');
  await writeFile(file, JSON.stringify(OTHER_TOOL, null, 2));
  await gloss.setFilesToOpen([file]);

  await gloss.menu('import-annotations');
  await expect(report.title).toHaveText('Annotations imported (W3C Web Annotations)');
  await expect(report.summary).toHaveText(`Added 2 highlights to “${SAMPLE}”, 1 orphaned (see Orphans); 2 codes added.`);
  await expect(report.notCarried).toHaveText([/^1 annotation points at no passage of a text/, /^2 annotations had no Gloss colour/]);
  await expect(report.dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  if (SHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/import-report-1280.png` });
  }
  await report.closeWithEscape();

  // The open document shows them at once: the placed one with its note and code, the other under Orphans.
  await expect(ui.highlights.filter({ hasText: 'let a gremlin loose' })).toContainText('theme/risk');
  await expect(ui.marksWith('let a gremlin loose')).not.toHaveCount(0);
  await expect(page.locator('.orphan-item')).toHaveCount(1);
  await expect(page.locator('.orphan-item')).toContainText('never had in it');

  // The same file again: merged by id, nothing doubled.
  await gloss.menu('import-annotations');
  await expect(report.summary).toHaveText('No highlights to add: its 2 highlights were already here, as new.');
  await report.closeWithEscape();
  await expect(ui.highlights.filter({ hasText: 'let a gremlin loose' })).toHaveCount(1);
  await expect(page.locator('.orphan-item')).toHaveCount(1);
});

test('a file that is not annotations is refused with the reason, and nothing changes', async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;
  const report = new ExchangeReportPage(page);
  const file = testInfo.outputPath('broken.json');
  await writeFile(file, JSON.stringify({ type: 'Annotation', body: { type: 'TextualBody', value: 'no target' } }));
  await gloss.setFilesToOpen([file]);
  await gloss.menu('import-annotations');
  await expect(report.title).toHaveText('Import failed');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expect(report.summary).toContainText('has no target');
  await expect(report.summary).toContainText('Nothing was imported.');
  await report.closeWithEscape();
  await expect(ui.highlights).toHaveCount(0);

  // Cancelling the dialog shows nothing.
  await gloss.setFilesToOpen([]);
  await gloss.menu('import-annotations');
  await page.waitForTimeout(300);
  await expect(report.dialog).toHaveCount(0);
});

test('a REFI-QDA project from the library page brings its document, its coded highlight and its note', async ({ gloss }, testInfo) => {
  test.slow();
  const { ui, page } = gloss;
  const report = new ExchangeReportPage(page);
  const file = testInfo.outputPath('study.qdpx');
  await qdpxFromAnotherLibrary(file);
  await gloss.setFilesToOpen([file]);
  await ui.library.open();

  await report.chooseFromLibraryMenu('Import annotations…');
  await expect(report.title).toHaveText('Annotations imported (REFI-QDA project)');
  await expect(report.summary).toHaveText('Added 1 highlight to “Second interview”; 2 codes added.');
  await expect(report.dialog.getByText('New', { exact: true })).toBeVisible();
  // The library behind the report already lists the new document.
  await expect(ui.library.row('Second interview')).toHaveCount(1);

  await report.dialog.getByRole('button', { name: 'Open “Second interview”' }).click();
  await expect(report.dialog).toHaveCount(0);
  await expect(ui.title).toHaveText('Second interview');
  await expect(ui.highlights.filter({ hasText: 'talked about the flood' })).toContainText('weather/flood');
  await expect(ui.highlights.filter({ hasText: 'talked about the flood' })).toContainText('The flood comes up unprompted');
});

test('the library backed up, then restored into itself: the restore has nothing to change; a highlight deleted since comes back', async ({ gloss }, testInfo) => {
  test.slow();
  const { ui, page } = gloss;
  const report = new ExchangeReportPage(page);
  await ui.highlight('let a gremlin loose', 'green');
  await ui.typeNote('Agents as gremlins');
  await expect(ui.noteState).toHaveText('Saved');
  await ui.highlight('No one is more tired of it than me', 'yellow');
  await ui.leaveNote();

  const archive = testInfo.outputPath('Gloss backup.zip');
  await gloss.setExportPath(archive);
  await gloss.menu('backup');
  await expect(report.title).toHaveText('Library backed up');
  await expect(report.summary).toContainText(`Backed up 1 document, 2 highlights and 0 notebooks to ${archive} (`);
  await expect(report.summary).toHaveText(/ \(\d[\d,.]* (KB|MB|bytes)\)\.$/);
  await report.closeWithEscape();

  await gloss.setFilesToOpen([archive]);
  await gloss.menu('restore');
  await expect(report.title).toHaveText('Backup restored');
  await expect(report.summary).toHaveText('Nothing to change: this library already has everything in the backup, as new or newer.');
  await expect(report.counts).toHaveText([
    "Documents: 0 added, 1 merged with the library's.",
    'Highlights: 0 added, 0 updated from the backup, 2 kept as the library had them (as new or newer).',
    /^Notebooks: 0 restored, \d+ kept as the library had them\.$/,
    /^Codes: 0 added, \d+ updated\.$/,
    'Settings: kept as they were.',
  ]);
  await report.closeWithEscape();

  // A highlight deleted after the backup comes back with its note, in the open document, from the library's menu.
  await ui.marksWith('let a gremlin loose').click();
  await page.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(ui.highlights).toHaveCount(1);
  await ui.library.open();
  await report.chooseFromLibraryMenu('Restore from backup…');
  await expect(report.summary).toHaveText('Restored: 1 highlight added or updated.');
  await expect(report.counts.nth(1)).toHaveText('Highlights: 1 added, 0 updated from the backup, 1 kept as the library had them (as new or newer).');
  if (SHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/restore-report-1280.png` });
  }
  await report.closeWithEscape();
  await ui.library.openDocument(SAMPLE);
  await expect(ui.highlights.filter({ hasText: 'let a gremlin loose' })).toContainText('Agents as gremlins');
});

test('the library’s Import & back up menu works from the keyboard', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.library.open();
  const button = page.getByRole('button', { name: 'Import & back up' });
  const menu = page.getByRole('menu', { name: 'Import and back up' });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^Import annotations…/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^Back up library…/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: /^Restore from backup…/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^Import annotations…/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  // A click outside closes it too.
  await button.click();
  await expect(menu).toBeVisible();
  await page.locator('.library__hint').click();
  await expect(menu).toHaveCount(0);
});
