/**
 * Each document reopens where the reader left it: deep in a long play, after
 * a visit to the library and after a restart, the same paragraph is at the
 * top of the reading view; and the app reopens the document read last.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SETTINGS_FILE } from '../src/main/store/layout';
import { expect, test, type GlossApp } from './support/fixtures';
import { ROOT } from './support/paths';

const HAMLET = 'shakespeare-hamlet';

/** The paragraph at the top of the reading view: where its text starts in the document, how far below the top it begins, and its first words. */
function topParagraph(page: Page): Promise<{ start: number; top: number; text: string } | null> {
  return page.evaluate(() => {
    const reader = document.querySelector('main.reader')!;
    const view = reader.getBoundingClientRect();
    const transcript = reader.querySelector('.transcript')!.getBoundingClientRect();
    for (let y = view.top + 2; y < view.bottom; y += 4) {
      const p = document.elementsFromPoint(transcript.left + transcript.width / 2, y).map((e) => e.closest<HTMLElement>('.transcript [data-start]')).find(Boolean);
      if (p) return { start: Number(p.dataset.start), top: p.getBoundingClientRect().top - view.top, text: p.textContent!.slice(0, 60) };
    }
    return null;
  });
}

/** Scrolls the reading view until the paragraph with `text` is at its top, as a reader would get there. */
async function scrollTo(page: Page, text: string): Promise<void> {
  const paragraph = page.locator('.transcript .para').filter({ hasText: text }).first();
  // Twice, a frame apart: paragraphs laid out only as they come into view (content-visibility) move the rest.
  for (let i = 0; i < 3; i++) {
    await paragraph.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  // A little further, as a wheel would leave it: the place need not be a paragraph's top.
  await page.locator('main.reader').evaluate((el) => el.scrollBy(0, 37));
}

/** The reading position main keeps for `documentId` in the data folder's settings file (null: none yet). */
async function keptPosition(gloss: GlossApp, documentId: string): Promise<{ offset: number; top: number } | null> {
  const settings = JSON.parse(await readFile(join(gloss.dataDir, SETTINGS_FILE), 'utf8').catch(() => '{}')) as { reading?: Record<string, { offset: number; top: number }> };
  return settings.reading?.[documentId] ?? null;
}

async function openHamlet(gloss: GlossApp): Promise<string> {
  await gloss.setFilesToOpen([join(ROOT, 'test-fixtures/plays/shakespeare-hamlet.txt')]);
  await gloss.menu('import');
  // A long play: importing it takes a while on a busy machine.
  await expect(gloss.ui.title).toHaveText(HAMLET, { timeout: 20_000 });
  await expect(gloss.ui.transcript).toHaveAttribute('data-complete', 'true', { timeout: 20_000 });
  return gloss.page.evaluate(async () => {
    const listed = await window.gloss!.invoke('library:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value.find((d) => d.title === 'shakespeare-hamlet')!.id;
  });
}

test('a long play reopens at the same paragraph after a visit to the library and after a restart', async ({ gloss }) => {
  // A long play, opened three times (a restart among them).
  test.slow();
  const hamlet = await openHamlet(gloss);
  await scrollTo(gloss.page, 'To be, or not to be, that is the question');
  const left = (await topParagraph(gloss.page))!;
  expect(left.start, 'deep in the play').toBeGreaterThan(50_000);

  // Remembered on disk a moment after scrolling stops.
  await expect.poll(() => keptPosition(gloss, hamlet), { timeout: 5000 }).toMatchObject({ offset: left.start });

  await gloss.ui.library.open();
  await gloss.ui.library.openDocument(HAMLET);
  await expect.poll(async () => (await topParagraph(gloss.page))?.start).toBe(left.start);
  const back = (await topParagraph(gloss.page))!;
  expect(back.text).toBe(left.text);
  expect(Math.abs(back.top - left.top), 'the same distance from the top').toBeLessThan(2);

  // The app reopens the document read last, at the same place.
  await gloss.restart();
  await expect(gloss.ui.title).toHaveText(HAMLET);
  await expect.poll(async () => (await topParagraph(gloss.page))?.start).toBe(left.start);
  const restarted = (await topParagraph(gloss.page))!;
  expect(restarted.text).toBe(left.text);
  expect(Math.abs(restarted.top - left.top)).toBeLessThan(2);
});

test('leaving for the library right after scrolling keeps the new place, and each document keeps its own', async ({ gloss }) => {
  test.slow();
  const hamlet = await openHamlet(gloss);
  await scrollTo(gloss.page, 'Enter Ghost');
  const inHamlet = (await topParagraph(gloss.page))!;
  // No pause: the place is kept as the reading view is left.
  await gloss.ui.library.open();
  await expect.poll(() => keptPosition(gloss, hamlet), { timeout: 5000 }).toMatchObject({ offset: inHamlet.start });

  // The sample, never scrolled, opens at its top.
  await gloss.ui.library.openDocument('Democracies');
  expect(await gloss.page.locator('main.reader').evaluate((el) => el.scrollTop)).toBe(0);
  await gloss.ui.library.open();
  await gloss.ui.library.openDocument(HAMLET);
  await expect.poll(async () => (await topParagraph(gloss.page))?.start).toBe(inHamlet.start);
});
