/**
 * Replacing a document's text with a corrected version: the report of what
 * became of each highlight, orphans listed and re-attached, undo of the
 * replace, the library's action, and an imported file taken as a new version.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { highlightsOnDisk } from './support/data-folder';
import { SAMPLE_PATH } from './support/paths';
import { ReplaceTextPage } from './support/replace-text-page';
import { SidePanelPage } from './support/side-panel-page';

const CHANGED = 'a year before the launch of ChatGPT';
const CHANGED_AFTER = 'a year before the release of ChatGPT';
const KEPT = 'the so-called scaling laws';
const MOVED = 'he founded Anthropic';
const ORPHANED = 'No one is more tired of it than me.';
const ADDED = 'This paragraph was added to the corrected transcript by its editor.';

/** Paragraph of `text` that starts with `start`, whole. */
function paragraphOf(text: string, start: string): string {
  const at = text.indexOf(start);
  if (at < 0) throw new Error(`not in the sample: ${start}`);
  const end = text.indexOf('\n\n', at);
  return text.slice(at, end < 0 ? undefined : end);
}

/**
 * The sample, corrected: a word fixed inside one highlight (changed), a paragraph added before another (kept), the
 * paragraph of a third moved further down (moved), and the sentence of a fourth deleted (orphaned).
 */
function corrected(sample: string): string {
  const quitting = paragraphOf(sample, 'After quitting over differences');
  const cofounded = paragraphOf(sample, 'Amodei, who co-founded Anthropic');
  let text = sample.replace(CHANGED, CHANGED_AFTER).replace(`${ORPHANED} `, '');
  text = text.replace(`${quitting}\n\n`, '');
  text = text.replace(cofounded, `${ADDED}\n\n${cofounded}\n\n${quitting}`);
  for (const gone of [CHANGED, ORPHANED]) if (text.includes(gone)) throw new Error(`still in the corrected text: ${gone}`);
  return text;
}

const byQuote = async (dataDir: string) => new Map((await highlightsOnDisk(dataDir)).map((a) => [a.selectors.quote.exact, a]));

test('replacing the text reports each highlight, lists the orphan to re-attach, and is undone with Ctrl+Z', async ({ gloss }, testInfo) => {
  // One reader's whole session, two replaces and two re-attaches: longer than one step of the app.
  test.setTimeout(90_000);
  const { ui, page } = gloss;
  const replace = new ReplaceTextPage(page);
  const panel = new SidePanelPage(page);
  const sample = await readFile(SAMPLE_PATH, 'utf8');
  const file = join(gloss.dataDir, '..', `corrected-${testInfo.testId}.txt`);
  await writeFile(file, corrected(sample));

  await ui.highlight(CHANGED, 'yellow');
  await ui.note.pressSequentially('Timeline.');
  await ui.leaveNote();
  await ui.highlight(KEPT, 'green');
  await ui.highlight(MOVED, 'blue');
  await ui.highlight(ORPHANED, 'pink');
  await ui.note.pressSequentially('Weary.');
  await ui.leaveNote();
  await panel.addCode('tone/weary');
  await ui.leaveNote();
  await expect.poll(async () => (await byQuote(gloss.dataDir)).get(ORPHANED)?.codes).toEqual(['tone/weary']);
  const orphanId = (await byQuote(gloss.dataDir)).get(ORPHANED)!.id;

  await gloss.setFilesToOpen([file]);
  await replace.replaceFromReader();
  await expect(replace.report).toBeVisible();
  await expect(replace.summary).toHaveText('1 highlight kept, 1 moved, 1 changed, 1 orphaned');
  await expect(replace.report).toContainText('The old text is kept in');
  expect(await replace.listed()).toEqual([
    ['changed', CHANGED, CHANGED_AFTER],
    ['moved', MOVED, MOVED],
  ]);
  // The corrected word is marked on each side.
  await expect(replace.movedOrChanged.first().locator('del')).toHaveText('launch');
  await expect(replace.movedOrChanged.first().locator('ins')).toHaveText('release');
  await expect(replace.reportOrphans).toHaveCount(1);
  await expect(replace.reportOrphans).toContainText(ORPHANED);
  await page.screenshot({ path: testInfo.outputPath('report-1280.png') });
  await page.setViewportSize({ width: 900, height: 760 });
  await page.screenshot({ path: testInfo.outputPath('report-900.png') });
  await page.setViewportSize({ width: 1280, height: 860 });

  // A listed highlight, pressed, is shown in the text: the report closes on the corrected text, that highlight selected.
  const changedId = (await byQuote(gloss.dataDir)).get(CHANGED_AFTER)!.id;
  await replace.movedOrChanged.filter({ hasText: 'release' }).getByRole('button').click();
  await expect(replace.report).toHaveCount(0);
  await expect(ui.selectedHighlight).toHaveAttribute('data-id', changedId);
  await expect(ui.paragraph(ADDED)).toBeVisible();
  await expect(ui.highlights).toHaveCount(3);
  await expect(ui.marksWith(CHANGED_AFTER)).toHaveAttribute('data-color', 'yellow');
  await expect(ui.marksWith(KEPT)).toHaveAttribute('data-color', 'green');
  await expect(ui.marksWith(MOVED)).toHaveAttribute('data-color', 'blue');
  // Its note went with it (open, as it is the selected one).
  await expect.poll(() => ui.noteText()).toBe('Timeline.');
  // The orphan: listed apart with its old quote, note and code, and painted nowhere.
  await expect(replace.orphans).toHaveCount(1);
  await expect(replace.orphan(ORPHANED)).toContainText('Weary.');
  await expect(replace.orphan(ORPHANED)).toContainText('weary');
  await expect(page.locator(`.transcript mark[data-ids~="${orphanId}"]`)).toHaveCount(0);
  await expect(panel.count).toHaveText('3 highlights');
  await expect(replace.counts).toHaveText('3 highlights · 1 orphan');
  await expect.poll(async () => (await byQuote(gloss.dataDir)).get(ORPHANED)?.orphaned).toBe(true);
  await replace.orphansSection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('orphans-1280.png') });
  await page.setViewportSize({ width: 900, height: 760 });
  await replace.orphansSection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('orphans-900.png') });
  await page.setViewportSize({ width: 1280, height: 860 });

  // Re-attached to a passage selected in the new text: painted there, out of the orphans, and so on disk.
  await ui.select(ADDED);
  await replace.reattach(ORPHANED);
  await expect(replace.orphansSection).toHaveCount(0);
  await expect(ui.highlights).toHaveCount(4);
  await expect(ui.marksWith('This paragraph was added')).toHaveAttribute('data-color', 'pink');
  await expect
    .poll(async () => {
      const a = (await highlightsOnDisk(gloss.dataDir)).find((h) => h.id === orphanId);
      return [a?.selectors.quote.exact, a?.orphaned ?? false, a?.note, a?.codes];
    })
    .toEqual([ADDED, false, 'Weary.', ['tone/weary']]);

  // Ctrl+Z takes the re-attach back (an orphan again, painted nowhere), then the replace: the old text, every
  // highlight where it was, no orphan.
  await ui.leaveNote();
  await ui.undo();
  await expect(ui.status).toContainText('Undone: re-attach highlight.');
  await expect(replace.orphan(ORPHANED)).toContainText('Weary.');
  await expect(ui.marksWith('This paragraph was added')).toHaveCount(0);
  await ui.undo();
  await expect(ui.status).toContainText('Undone: replace text.');
  await expect(ui.paragraph(ADDED)).toHaveCount(0);
  await expect(ui.marksWith(CHANGED)).toHaveAttribute('data-color', 'yellow');
  await expect(ui.marksWith(ORPHANED)).toHaveAttribute('data-color', 'pink');
  await expect(ui.highlights).toHaveCount(4);
  await expect(replace.orphansSection).toHaveCount(0);
  await expect
    .poll(async () => [...(await byQuote(gloss.dataDir)).entries()].map(([quote, a]) => [quote, a.orphaned ?? false]).sort())
    .toEqual([CHANGED, KEPT, MOVED, ORPHANED].sort().map((q) => [q, false]));

  // Redo puts the corrected text back without asking for the file again (the orphan with it), then re-attaches it.
  await gloss.setFilesToOpen([]);
  await ui.redo();
  await expect(ui.status).toContainText('Redone: replace text.');
  await expect(ui.paragraph(ADDED)).toBeVisible();
  await expect(replace.orphans).toHaveCount(1);
  await ui.redo();
  await expect(ui.status).toContainText('Redone: re-attach highlight.');
  await expect(ui.marksWith('This paragraph was added')).toHaveAttribute('data-color', 'pink');
  await expect(replace.orphansSection).toHaveCount(0);
});

test("the report's Undo replace gives the old text back; from the library, the focus comes back to the row's button", async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;
  const replace = new ReplaceTextPage(page);
  const file = join(gloss.dataDir, '..', `corrected-${testInfo.testId}.txt`);
  await writeFile(file, corrected(await readFile(SAMPLE_PATH, 'utf8')));
  await ui.highlight(CHANGED, 'yellow');
  await ui.leaveNote();
  const title = (await ui.title.textContent())!;

  await ui.library.open();
  await page.setViewportSize({ width: 900, height: 760 });
  await page.screenshot({ path: testInfo.outputPath('library-900.png') });
  await page.setViewportSize({ width: 1280, height: 860 });
  await gloss.setFilesToOpen([file]);
  await replace.replaceFromLibrary(title);
  await expect(replace.summary).toHaveText('0 highlights kept, 0 moved, 1 changed, 0 orphaned');
  await replace.report.getByRole('button', { name: 'Undo replace' }).click();
  await expect(replace.report).toHaveAccessibleName(/^Replace undone:/);
  await expect(replace.report).toContainText('the old text is back');
  await page.keyboard.press('Escape');
  await expect(replace.report).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Replace text of ${title} with a corrected version…` })).toBeFocused();
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => a.selectors.quote.exact)).toEqual([CHANGED]);

  await ui.library.openDocument(title);
  await expect(ui.marksWith(CHANGED)).toHaveAttribute('data-color', 'yellow');
  await expect(ui.paragraph(ADDED)).toHaveCount(0);
});

test('a replace main refuses says why in the status line and changes nothing', async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;
  const replace = new ReplaceTextPage(page);
  const file = join(gloss.dataDir, '..', `empty-${testInfo.testId}.txt`);
  await writeFile(file, '');
  await ui.highlight(KEPT, 'green');
  await ui.leaveNote();

  await gloss.setFilesToOpen([file]);
  await replace.replaceFromReader();
  await expect(ui.status).toHaveClass(/is-error/);
  await expect(ui.status).toContainText('The text was not replaced');
  await expect(replace.report).toHaveCount(0);
  await expect(ui.marksWith(KEPT)).toHaveAttribute('data-color', 'green');
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => [a.selectors.quote.exact, a.orphaned ?? false])).toEqual([[KEPT, false]]);
});

test('a file imported under the name of a document already here, with other text, is offered as its new version', async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;
  const replace = new ReplaceTextPage(page);
  // A title line of its own, so that it is not the sample already in the library.
  const sample = `Interview with Dario Amodei\n\n${await readFile(SAMPLE_PATH, 'utf8')}`;
  await ui.dropFiles([{ name: 'interview.txt', content: sample }]);
  await expect(ui.title).toHaveText('interview');
  await ui.highlight(CHANGED, 'purple');
  await ui.leaveNote();
  const interviewId = (await page.locator('.highlight-item').first().getAttribute('data-id'))!;

  await ui.dropFiles([{ name: 'interview.txt', content: corrected(sample) }]);
  await expect(replace.newVersionPrompt).toBeVisible();
  await expect(replace.newVersionPrompt).toContainText('Your highlights will be moved onto the new text.');
  await page.screenshot({ path: testInfo.outputPath('new-version-1280.png') });
  await replace.newVersionPrompt.getByRole('button', { name: 'Replace text' }).click();
  await expect(replace.summary).toHaveText('0 highlights kept, 0 moved, 1 changed, 0 orphaned');
  await replace.closeReport();
  // The document it is a version of is open, its highlight on the new text; the imported copy is not kept.
  await expect(ui.title).toHaveText('interview');
  await expect(ui.marksWith(CHANGED_AFTER)).toHaveAttribute('data-color', 'purple');
  await expect(page.locator('.highlight-item').first()).toHaveAttribute('data-id', interviewId);
  await ui.library.open();
  await expect(ui.library.rows).toHaveCount(2);
});

test('File > Replace Text with a Corrected Version… replaces the text of the document open in the reader', async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;
  const replace = new ReplaceTextPage(page);
  const file = join(gloss.dataDir, '..', `menu-${testInfo.testId}.txt`);
  await writeFile(file, corrected(await readFile(SAMPLE_PATH, 'utf8')));
  await ui.highlight(KEPT, 'green');
  await ui.leaveNote();

  await gloss.setFilesToOpen([file]);
  await gloss.menu('replace-text');
  await expect(replace.summary).toHaveText('1 highlight kept, 0 moved, 0 changed, 0 orphaned');
  await page.keyboard.press('Escape');
  await expect(ui.paragraph(ADDED)).toHaveCount(1);
  await expect(ui.marksWith(KEPT)).toHaveAttribute('data-color', 'green');
});
