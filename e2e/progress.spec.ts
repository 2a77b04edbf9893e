/**
 * Long work shows its progress and can be cancelled, leaving nothing
 * half-done: importing many transcripts (a bar counting the files, Cancel,
 * then only whole documents in the library and a status line saying how many
 * came in and how many did not) and exporting the library (cancelled, no file
 * written). Screenshots of the bar in the middle of an import go to
 * /tmp/progress-shots.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { TaskProgress } from '../src/shared/model';
import { checkDataFolder } from '../src/main/store/testing/check-data-folder';
import { ExportPage } from './support/export-page';
import { expect, test } from './support/fixtures';
import { addGeneratedDocuments, type GeneratedDocument } from './support/generated-library';

const SHOTS = '/tmp/progress-shots';

/** `count` transcripts of a few hundred turns each, every one different: enough for an import to take seconds. */
async function transcripts(folder: string, count: number): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const paths: string[] = [];
  for (let n = 1; n <= count; n++) {
    const turns = Array.from({ length: 300 }, (_, i) => `${i % 2 ? 'Ada Lovelace' : 'Charles Babbage'}: Interview ${n}, turn ${i}: the engine weaves algebraic patterns as the loom weaves flowers.`);
    const path = join(folder, `interview-${String(n).padStart(3, '0')}.txt`);
    await writeFile(path, `${turns.join('\n\n')}\n`);
    paths.push(path);
  }
  return paths;
}

/** Keeps every progress message the page hears, in window.__progressSeen. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: TaskProgress[] = [];
    (window as unknown as { __progressSeen: TaskProgress[] }).__progressSeen = seen;
    window.gloss.onTaskProgress((p) => seen.push(p));
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progressSeen: TaskProgress[] }).__progressSeen);

test('importing many files shows a bar counting them; Cancel stops before the next file, and the library holds only whole documents', async ({ gloss }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = gloss;
  await page.setViewportSize({ width: 1280, height: 900 });
  const paths = await transcripts(testInfo.outputPath('many'), 150);
  await recordProgress(page);
  await gloss.setFilesToOpen(paths);
  await gloss.ui.library.open();
  await page.getByRole('button', { name: 'Open transcripts…' }).click();

  const bar = page.getByRole('progressbar', { name: 'Importing 150 files' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuemax', '150');
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d+ of 150 files$/);
  await expect(page.locator('.task-progress')).toContainText(/\d+ of 150 files/);
  await expect(page.locator('.task-progress')).toContainText(/interview-\d{3}\.txt/);
  // The label is announced politely, once.
  await expect(page.locator('.task-progress [role="status"]')).toHaveText('Importing 150 files');
  await page.screenshot({ path: join(SHOTS, 'import-progress-light.png') });
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await page.screenshot({ path: join(SHOTS, 'import-progress-dark.png') });
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await page.setViewportSize({ width: 600, height: 900 });
  await page.screenshot({ path: join(SHOTS, 'import-progress-600.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Cancel: Importing 150 files' }).click();
  await expect(bar).toBeHidden();
  const status = gloss.ui.status;
  await expect(status).toContainText(/^Import cancelled: \d+ of 150 files imported, each whole; \d+ not imported \(open them again to import them\)\./);
  const [, imported, left] = /(\d+) of 150 files imported, each whole; (\d+) not imported/.exec((await status.textContent()) ?? '')!.map(Number);
  expect(imported).toBeGreaterThan(0);
  expect(left).toBeGreaterThan(0);
  expect(imported + left).toBe(150);
  await page.screenshot({ path: join(SHOTS, 'import-cancelled.png') });

  // Only whole documents: the sample and those imported, every data file valid, nothing half-written left behind.
  await expect(gloss.ui.library.count).toHaveText(`${imported + 1} documents`);
  const folder = await checkDataFolder(gloss.dataDir);
  expect(folder.problems).toEqual([]);
  expect(folder.leftovers).toEqual([]);
  // The page heard the counts go up, and the end: cancelled.
  const seen = (await progressSeen(page)).filter((p) => p.kind === 'import');
  expect(seen.at(-1)).toMatchObject({ state: 'cancelled', total: 150, cancellable: false });
  const counts = seen.filter((p) => p.state === 'running' && p.total !== null).map((p) => p.done);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
});

test('exporting the library shows its progress; cancelled, it writes nothing and says so', async ({ gloss }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = gloss;
  const docs: GeneratedDocument[] = Array.from({ length: 120 }, (_, i) => ({
    title: `Hearing ${i + 1}`,
    speakers: ['Helen Park', 'Amara Nwosu'],
    words: 600,
    highlights: 4,
    notes: 2,
    addedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  }));
  await addGeneratedDocuments(gloss.dataDir, docs, { mode: 'guest' });
  await gloss.ui.library.open();
  await expect(gloss.ui.library.count).toHaveText('121 documents');
  await recordProgress(page);
  // The reader presses Cancel as soon as the export shows (from the page, so it happens at a known point, long before the end).
  await page.evaluate(() => {
    let asked = false;
    window.gloss.onTaskProgress((p) => {
      if (p.kind !== 'export' || p.state !== 'running' || asked) return;
      asked = true;
      void window.gloss.invoke('tasks:cancel', { taskId: p.taskId });
    });
  });
  const folder = testInfo.outputPath('export');
  await mkdir(folder, { recursive: true });
  await gloss.setExportFolder(folder);
  await page.getByRole('button', { name: 'Export library…' }).click();
  const dialog = new ExportPage(page);
  await dialog.chooseFormat('Markdown');
  expect(await dialog.run()).toContain('Nothing was exported');
  expect(await readdir(folder)).toEqual([]);
  await dialog.cancelButton.click();
  await expect(gloss.ui.status).toHaveText(/Export cancelled: nothing was written\./);

  const seen = (await progressSeen(page)).filter((p) => p.kind === 'export');
  expect(seen[0]).toMatchObject({ label: 'Exporting the library', state: 'running' });
  // Counted in steps: a document read or a file written (121 documents, 121 files and the index).
  for (const p of seen) if (p.total !== null) expect(p.total).toBe(121 + 122);
  expect(seen.at(-1)).toMatchObject({ state: 'cancelled', detail: 'Export cancelled: nothing was written.' });
});
