/** Highlighting with the mouse: create, overlap, span turns, select, recolour, delete; all kept on disk. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation } from '../src/shared/model';
import { expect, test } from './support/fixtures';

async function annotationsOnDisk(dataDir: string): Promise<Annotation[]> {
  const library = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'));
  const file = join(dataDir, 'documents', library.documents[0].id, 'annotations.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')).annotations;
  } catch {
    return [];
  }
}

test('a passage selected with the mouse becomes a highlight, listed and saved', async ({ gloss }) => {
  const { ui } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await expect(ui.marksWith('let a gremlin loose')).toHaveAttribute('data-color', 'yellow');
  const item = ui.highlights.first();
  // Screen readers hear where the entry stands in the whole list.
  await expect(gloss.page.getByRole('list', { name: 'Highlights 1 to 1 of 1' }).getByRole('listitem')).toHaveCount(1);
  await expect(item).toContainText('Dario Amodei');
  await expect(item).toContainText('let a gremlin loose');
  await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir)).map((a) => a.selectors.quote.exact)).toEqual(['let a gremlin loose']);
  const [saved] = await annotationsOnDisk(gloss.dataDir);
  expect(saved.selectors.quote.prefix).toMatch(/Do you want to $/);
  expect(saved.color).toBe('yellow');
});

test('the colour is on screen before the mark is built, and the preview goes once the mark is there', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.select('the scaling laws');
  // Read in the same task as the click: the preview is there before any frame, the mark is not.
  const atClick = await page.evaluate(() => {
    document.querySelector<HTMLButtonElement>('button[aria-label="Highlight pink"]')!.click();
    const preview = [...(CSS.highlights.get('gloss-pending-pink') ?? [])].map((shown) => {
      const range = document.createRange();
      range.setStart(shown.startContainer, shown.startOffset);
      range.setEnd(shown.endContainer, shown.endOffset);
      return range.toString();
    });
    return { preview, marks: document.querySelectorAll('.transcript mark').length };
  });
  expect(atClick).toEqual({ preview: ['the scaling laws'], marks: 0 });
  await expect(ui.marksWith('the scaling laws')).toHaveAttribute('data-color', 'pink');
  expect(await page.evaluate(() => CSS.highlights.get('gloss-pending-pink')?.size)).toBe(0);
  await expect(ui.highlights).toHaveCount(1);
});

test('a keyboard shortcut highlights the selection', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.select('the scaling laws');
  await page.keyboard.press('Alt+3');
  await expect(ui.highlights).toHaveCount(1);
  await expect(ui.marksWith('the scaling laws')).toHaveAttribute('data-color', 'blue');
});

test('overlapping highlights both show, and the shared words belong to both', async ({ gloss }) => {
  const { ui } = gloss;
  await ui.highlight('Do you want to let a gremlin loose', 'yellow');
  await ui.highlight('gremlin loose in the internals of your computer', 'green');
  const [first, second] = await ui.highlightIds();
  expect(await ui.textOfHighlight(first)).toBe('Do you want to let a gremlin loose');
  expect(await ui.textOfHighlight(second)).toBe('gremlin loose in the internals of your computer');
  const shared = ui.transcript.locator('mark.hl--overlap');
  await expect(shared).toHaveText('gremlin loose');
  await expect(shared).toHaveAttribute('data-ids', new RegExp(`${first}.*${second}|${second}.*${first}`));
  await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir)).length).toBe(2);
});

test('a highlight can span paragraphs and turns', async ({ gloss }) => {
  const { ui } = gloss;
  await ui.highlight('What are some of the challenges?', 'pink', 'As a thought experiment');
  await expect(ui.highlights.first()).toContainText('Madhumita Murgia, Dario Amodei');
  const [id] = await ui.highlightIds();
  expect(await ui.textOfHighlight(id)).toBe('What are some of the challenges?As a thought experiment');
  await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir))[0]?.selectors.quote.exact).toBe(
    'What are some of the challenges?\n\nAs a thought experiment',
  );
});

test('a highlight can span the seam between two chunks of the transcript, and comes back whole after a restart', async ({ gloss }) => {
  const { ui, page } = gloss;
  await expect(ui.transcript).toHaveAttribute('data-complete', 'true');
  // The last words of the first chunk and the first words of the second (chunks are how the reader lays out a long text).
  const [before, after] = await page.evaluate(() => {
    const [first, second] = Array.from(document.querySelectorAll('.transcript-chunk'));
    const words = (el: Element | null | undefined, from: 'start' | 'end') => {
      const text = (el?.textContent ?? '').trim().split(/\s+/);
      return (from === 'end' ? text.slice(-3) : text.slice(0, 3)).join(' ');
    };
    return [words(first?.lastElementChild, 'end'), words(second?.firstElementChild, 'start')];
  });
  expect(before).not.toBe('');
  expect(after).not.toBe('');
  await ui.highlight(before, 'blue', after);
  const [id] = await ui.highlightIds();
  expect(await ui.textOfHighlight(id)).toBe(`${before}${after}`);
  await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir))[0]?.selectors.quote.exact).toBe(`${before}\n\n${after}`);
  await gloss.restart();
  await expect(gloss.ui.transcript).toHaveAttribute('data-complete', 'true');
  expect(await gloss.ui.textOfHighlight(id)).toBe(`${before}${after}`);
});

test('clicking a highlight selects it; it can then be recoloured and deleted', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.highlight('the scaling laws', 'green');
  await page.keyboard.press('Escape');
  await ui.marksWith('let a gremlin loose').click();
  await expect(ui.marksWith('let a gremlin loose')).toHaveClass(/is-selected/);
  await expect(ui.highlights.filter({ hasText: 'gremlin' })).toHaveClass(/is-selected/);

  await ui.colorButton('blue').click();
  await expect(ui.marksWith('let a gremlin loose')).toHaveAttribute('data-color', 'blue');
  await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir)).find((a) => a.selectors.quote.exact.includes('gremlin'))?.color).toBe('blue');

  await page.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(ui.marksWith('gremlin')).toHaveCount(0);
  await expect(ui.highlights).toHaveCount(1);
  await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir)).map((a) => a.selectors.quote.exact)).toEqual(['the scaling laws']);
  // The text is intact where the mark was.
  await expect(ui.paragraph('Do you want to let a gremlin loose')).toContainText('Do you want to let a gremlin loose in the internals');
});

test('clicking an entry in the side panel scrolls to the passage and flashes it', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('I think innovation is going to coexist', 'purple');
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  const mark = ui.marksWith('I think innovation is going to coexist');
  await expect(mark).not.toBeInViewport();
  await ui.highlights.first().locator('.highlight-item__open').click();
  await expect(mark).toBeInViewport();
  await expect(mark).toHaveClass(/is-flashing/);
  await expect(mark).not.toHaveClass(/is-flashing/, { timeout: 3000 });
});

test('highlights and notes are exactly where they were after a restart', async ({ gloss }, testInfo) => {
  const { page } = gloss;
  await gloss.ui.highlight('Do you want to let a gremlin loose', 'yellow');
  await gloss.ui.note.fill('Vivid image: agents acting unpredictably.');
  await gloss.ui.highlight('gremlin loose in the internals', 'pink');
  await gloss.ui.note.pressSequentially('Overlaps the first one.');
  await gloss.ui.highlight('the scaling laws', 'green');
  // Both notes saved (the new highlight's empty note says nothing about saving).
  await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir)).map((a) => a.note).sort()).toEqual(['', 'Overlaps the first one.', 'Vivid image: agents acting unpredictably.']);
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('before-restart.png') });
  const before = {
    ids: await gloss.ui.highlightIds(),
    marks: await gloss.ui.transcript.locator('mark').evaluateAll((ms) => ms.map((m) => [m.textContent, (m as HTMLElement).dataset.ids?.split(' ').sort().join(' '), (m as HTMLElement).dataset.color])),
  };

  await gloss.restart();
  const ui = gloss.ui;
  await expect(ui.highlights).toHaveCount(3);
  expect(await ui.highlightIds()).toEqual(before.ids);
  expect(await ui.transcript.locator('mark').evaluateAll((ms) => ms.map((m) => [m.textContent, (m as HTMLElement).dataset.ids?.split(' ').sort().join(' '), (m as HTMLElement).dataset.color]))).toEqual(before.marks);
  await expect(ui.highlights.nth(0)).toContainText('Vivid image: agents acting unpredictably.');
  await expect(ui.highlights.nth(1)).toContainText('Overlaps the first one.');
  await ui.highlights.nth(1).locator('.highlight-item__open').click();
  await expect(ui.note).toHaveText('Overlaps the first one.');
});
