/**
 * gloss:// links, handed to the running app as the operating system hands
 * them (macOS's open-url in Electron; the same check and delivery in
 * Chromium): a link to a highlight in another, long document opens it with
 * the highlight selected and on screen; a link to an orphan selects it under
 * Orphans; a passage link scrolls to the passage and flashes it; a link to a
 * document not in the library is refused with a message, changing nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glossUrl } from '../src/core/links/gloss-url';
import { UNKNOWN_DOCUMENT_MESSAGE } from '../src/main/links/open-link';
import { parseTranscript } from '../src/core/transcript/parse-transcript';
import { plainTextOf } from '../src/core/transcript/plain-text';
import { expect, test, type GlossApp } from './support/fixtures';
import { ROOT } from './support/paths';

const SAMPLE = 'Democracies must maintain the lead in AI';
const FAR_DOWN = 'Let four captains Bear Hamlet, like a soldier, to the stage';

/** Imports Hamlet (a long play) through File → Open; it opens. Gives its id and the sample's. */
async function withHamlet(gloss: GlossApp): Promise<{ hamlet: string; sample: string }> {
  const { ui, page } = gloss;
  await gloss.setFilesToOpen([join(ROOT, 'test-fixtures/plays/shakespeare-hamlet.txt')]);
  await gloss.menu('import');
  await expect(ui.title).toHaveText('shakespeare-hamlet');
  await ui.library.open();
  const idOf = (title: string) => ui.library.row(title).getAttribute('data-id');
  const ids = { hamlet: (await idOf('shakespeare-hamlet'))!, sample: (await idOf(SAMPLE))! };
  await page.getByRole('button', { name: 'Back to “shakespeare-hamlet”' }).click();
  return ids;
}

/** The text of the passage flashed by a reveal (a CSS highlight), or null when none is. */
function flashedText(gloss: GlossApp): Promise<string | null> {
  return gloss.page.evaluate(() => {
    const flashed = CSS.highlights.get('gloss-reveal');
    if (!flashed) return null;
    return [...flashed]
      .map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      })
      .join('');
  });
}

test('a link to a highlight far down another document opens that document with the highlight selected and on screen', async ({ gloss }) => {
  test.slow();
  const { ui, page } = gloss;
  const { hamlet, sample } = await withHamlet(gloss);
  // The whole play is built before selecting near its end.
  await expect(ui.transcript).toHaveAttribute('data-complete', 'true', { timeout: 15_000 });
  await ui.highlight('Let four captains', 'green', 'to the stage');
  const highlightId = (await page.locator('.highlight-item.is-selected').getAttribute('data-id'))!;

  await ui.library.open();
  await ui.library.openDocument(SAMPLE);
  await expect(ui.title).toHaveText(SAMPLE);

  await gloss.openLink(glossUrl({ documentId: hamlet, highlightId }));
  await expect(ui.title).toHaveText('shakespeare-hamlet');
  await expect(page.locator('.highlight-item.is-selected')).toHaveAttribute('data-id', highlightId);
  await expect(page.locator('.highlight-item.is-selected')).toContainText('Let four captains');
  await expect(ui.marksWith('Let four captains').first()).toBeInViewport();
  await expect(ui.transcriptTitle).not.toBeInViewport();
  expect(await gloss.refusedLinks()).toEqual([]);

  // And back: a link to the sample document alone opens it.
  await gloss.openLink(glossUrl({ documentId: sample }));
  await expect(ui.title).toHaveText(SAMPLE);
});

test('a link to a passage opens its document scrolled to the passage, flashed', async ({ gloss }) => {
  test.slow();
  const { ui } = gloss;
  const { hamlet } = await withHamlet(gloss);
  await ui.library.open();
  await ui.library.openDocument(SAMPLE);
  // Where the passage is in the play's plain text, as the link's writer (an export) works it out.
  const text = plainTextOf(parseTranscript(await readFile(join(ROOT, 'test-fixtures/plays/shakespeare-hamlet.txt'), 'utf8'), 'text', 'shakespeare-hamlet'));
  const start = text.indexOf(FAR_DOWN);
  expect(start).toBeGreaterThan(100_000);

  await gloss.openLink(glossUrl({ documentId: hamlet, start, end: start + FAR_DOWN.length }));
  await expect(ui.title).toHaveText('shakespeare-hamlet');
  await expect.poll(() => flashedText(gloss)).toBe(FAR_DOWN);
  await expect(ui.paragraph('Let four captains')).toBeInViewport();
  await expect(ui.transcriptTitle).not.toBeInViewport();
});

test('a link to an orphan opens its document with the orphan selected under Orphans', async ({ gloss }, testInfo) => {
  test.slow();
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'pink');
  const orphanId = (await page.locator('.highlight-item.is-selected').getAttribute('data-id'))!;
  await ui.library.open();
  const sample = (await ui.library.row(SAMPLE).getAttribute('data-id'))!;
  // A corrected text without the highlighted words: the highlight becomes an orphan.
  const corrected = testInfo.outputPath('sample-interview.txt');
  const original = await readFile(join(ROOT, 'resources/sample-interview.txt'), 'utf8');
  const sentence = original.split(/(?<=[.?!])\s+/).find((s) => s.includes('let a gremlin loose'))!;
  await writeFile(corrected, original.replace(sentence, ''));
  await gloss.setFilesToOpen([corrected]);
  await ui.library.openDocument(SAMPLE);
  await gloss.menu('replace-text');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.orphan-item')).toHaveCount(1);
  await withHamlet(gloss);

  await gloss.openLink(glossUrl({ documentId: sample, highlightId: orphanId }));
  await expect(ui.title).toHaveText(SAMPLE);
  const orphan = page.locator(`.orphan-item[data-id="${orphanId}"]`);
  await expect(orphan).toHaveClass(/is-selected/);
  await expect(orphan).toBeInViewport();
});

test('a link to a document not in this library says so, and changes nothing', async ({ gloss }) => {
  const { ui, page } = gloss;
  await expect(ui.title).toHaveText(SAMPLE);
  const highlights = await ui.highlights.count();
  await gloss.openLink('gloss://document/9d3f1a2b-0c4d-4e5f-8a6b-7c8d9e0f1a2b/highlight/00000000-0000-4000-8000-000000000001');
  await expect.poll(() => gloss.refusedLinks()).toEqual([UNKNOWN_DOCUMENT_MESSAGE]);
  await gloss.openLink('gloss://document/not-a-document');
  await expect.poll(async () => (await gloss.refusedLinks()).length).toBe(2);
  expect((await gloss.refusedLinks())[1]).toContain('not a UUID');
  await expect(ui.title).toHaveText(SAMPLE);
  await expect(ui.highlights).toHaveCount(highlights);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
