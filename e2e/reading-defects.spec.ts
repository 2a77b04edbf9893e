/**
 * The reading view as a new user tries it: cue times in the margin, keys after
 * the mouse was used, overlapping highlights, the status line, highlights that
 * carry a note, and the seven colours. Each test checks what the reader sees
 * (boxes, colours, text on screen) or what is on disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation } from '../src/shared/model';
import { expect, test } from './support/fixtures';
import { ROOT } from './support/paths';

const WIDTHS = [1280, 900] as const;

/** The highlights saved for the document titled `title` (the sample transcript unless said). */
async function annotationsOnDisk(dataDir: string, title = 'Democracies must maintain the lead in AI'): Promise<Annotation[]> {
  const library = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as { documents: { id: string; title: string }[] };
  const document = library.documents.find((d) => d.title === title);
  if (!document) return [];
  const file = join(dataDir, 'documents', document.id, 'annotations.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')).annotations;
  } catch {
    return [];
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** A caption file of `cues` cues, the first at 1:02:03, so every time is past an hour; two speakers take turns. */
function captionsPastAnHour(cues: number): string {
  const stamp = (s: number) =>
    `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < cues; i++) {
    const at = 3723 + i * 37;
    lines.push(`${stamp(at)} --> ${stamp(at + 30)}`, `<v ${i % 3 === 0 ? 'Ana Ruiz' : 'Ben Okafor'}>Cue number ${i} tells of the river and the mud it carries down.</v>`, '');
  }
  return lines.join('\n');
}

test.describe('cue times', () => {
  for (const width of WIDTHS) {
    test(`a caption file's times stand in the margin, on one line, beside their text, at ${width} px`, async ({ gloss }) => {
      const { page, ui } = gloss;
      await page.setViewportSize({ width, height: 800 });
      // Times past an hour, over several chunks of the transcript (each skips painting while off screen).
      await ui.dropFiles([{ name: 'river.vtt', content: captionsPastAnHour(150) }]);
      await expect(ui.title).toHaveText('river');
      for (const [start, time] of [
        ['Cue number 0 tells', '1:02:03'],
        ['Cue number 1 tells', '1:02:40'],
        ['Cue number 149 tells', '2:33:56'],
      ] as const) {
        expect(await ui.cueTimeSeen(start), start).toEqual({ text: time, lines: 1, shown: true, clearOfText: true, inView: true });
      }
      await ui.paragraph('Cue number 0 tells').scrollIntoViewIfNeeded();
      await shoot(page, `cue-times-past-an-hour-${width}`);

      await ui.dropFiles([{ name: 'zoom-meeting.vtt', content: await readFile(join(ROOT, 'test-fixtures/captions/zoom-meeting.vtt'), 'utf8') }]);
      await expect(ui.title).toHaveText('zoom-meeting');
      expect(await ui.cueTimeSeen('Okay, I think everyone')).toEqual({ text: '0:01', lines: 1, shown: true, clearOfText: true, inView: true });
      expect(await ui.cueTimeSeen('First item is the budget.')).toEqual({ text: '0:05', lines: 1, shown: true, clearOfText: true, inView: true });
      await shoot(page, `cue-times-vtt-${width}`);

      await ui.dropFiles([{ name: 'door.srt', content: await readFile(join(ROOT, 'test-fixtures/captions/crlf-bom.srt'), 'utf8') }]);
      await expect(ui.title).toHaveText('door');
      expect(await ui.cueTimeSeen('They had not locked the door.')).toEqual({ text: '0:02', lines: 1, shown: true, clearOfText: true, inView: true });
    });
  }

  test('cue times are not part of the text: selecting, copying and highlighting across them leaves them out', async ({ gloss }) => {
    const { ui } = gloss;
    await ui.dropFiles([{ name: 'river.vtt', content: captionsPastAnHour(4) }]);
    await expect(ui.title).toHaveText('river');
    await ui.select('carries down.', 'Cue number 1');
    expect(await ui.selectedText()).not.toMatch(/\d:\d\d/);
    await ui.highlight('the mud it carries down.', 'green', 'Cue number 1');
    await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir, 'river'))[0]?.selectors.quote.exact).toBe('the mud it carries down.\n\nCue number 1');
    expect(await ui.transcriptText()).not.toMatch(/\d:\d\d/);
  });
});

test.describe('overlapping highlights', () => {
  for (const width of WIDTHS) {
    test(`both colours show where a yellow and a green highlight overlap, and the selected one has one outline, at ${width} px`, async ({ gloss }) => {
      const { page, ui } = gloss;
      await page.setViewportSize({ width, height: 800 });
      await ui.highlight('Do you want to let a gremlin loose', 'yellow');
      await ui.highlight('gremlin loose in the internals of your computer', 'green');
      const [yellow, green] = await ui.highlightIds();
      const [yellowPaint, greenPaint] = [await ui.paintOf('yellow'), await ui.paintOf('green')];

      const yellowPieces = await ui.piecesOf(yellow);
      expect(yellowPieces.map((p) => p.text)).toEqual(['Do you want to let a ', 'gremlin loose']);
      // The shared words show both colours; the rest of each highlight its own.
      expect(yellowPieces[1].bands).toEqual([yellowPaint, greenPaint]);
      expect(yellowPieces[0].paint).toContain(yellowPaint);
      expect(yellowPieces[0].paint).not.toContain(greenPaint);
      const greenPieces = await ui.piecesOf(green);
      expect(greenPieces.at(-1)!.paint).toContain(greenPaint);
      expect(greenPieces.at(-1)!.paint).not.toContain(yellowPaint);

      // Selected: every piece draws the top and bottom of one outline, the ends only at the ends.
      await ui.marksWith('Do you want').click();
      await expect(ui.marksWith('Do you want')).toHaveClass(/is-selected/);
      expect((await ui.piecesOf(yellow)).map((p) => p.edges)).toEqual([
        { top: true, bottom: true, start: true, end: false },
        { top: true, bottom: true, start: false, end: true },
      ]);
      await ui.paragraph('Do you want to let a gremlin loose').screenshot({ path: test.info().outputPath(`overlap-yellow-selected-${width}.png`) });

      // The same for the green one, which the overlap starts.
      await ui.marksWith('in the internals').click();
      await expect(ui.marksWith('in the internals')).toHaveClass(/is-selected/);
      expect((await ui.piecesOf(green)).map((p) => p.edges)).toEqual([
        { top: true, bottom: true, start: true, end: false },
        { top: true, bottom: true, start: false, end: true },
      ]);
      expect((await ui.piecesOf(yellow))[0].edges).toEqual({ top: false, bottom: false, start: false, end: false });
      await ui.paragraph('Do you want to let a gremlin loose').screenshot({ path: test.info().outputPath(`overlap-green-selected-${width}.png`) });
    });
  }

  test('three highlights over the same words, two of them the same colour, show three distinct bands', async ({ gloss }) => {
    const { ui } = gloss;
    await ui.highlight('Do you want to let a gremlin loose', 'yellow');
    await ui.highlight('let a gremlin loose in the internals', 'yellow');
    await ui.highlight('gremlin loose in the internals of your computer', 'blue');
    const [first] = await ui.highlightIds();
    const shared = (await ui.piecesOf(first)).find((p) => p.text === 'gremlin loose')!;
    // Two yellow bands and a blue one, a line between each.
    // Three bands, oldest on top: yellow, a deeper yellow (else the two yellow ones would look like one), blue.
    const [yellow, blue] = [await ui.paintOf('yellow'), await ui.paintOf('blue')];
    expect(shared.bands).toHaveLength(3);
    expect(shared.bands[0]).toBe(yellow);
    expect(shared.bands[1]).not.toBe(yellow);
    expect(shared.bands[2]).toBe(blue);
    await ui.paragraph('Do you want to let a gremlin loose').screenshot({ path: test.info().outputPath('overlap-three.png') });
  });
});

test('a highlight with a note is underlined in the text; one without is not', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.highlight('the scaling laws', 'green');
  const [gremlin, scaling] = await ui.highlightIds();
  expect((await ui.piecesOf(gremlin)).map((p) => p.noted)).toEqual([false]);
  await ui.highlights.filter({ hasText: 'gremlin' }).locator('.highlight-item__open').click();
  await ui.note.fill('Agents acting on their own.');
  await expect.poll(async () => (await ui.piecesOf(gremlin)).map((p) => p.noted)).toEqual([true]);
  expect((await ui.piecesOf(scaling)).map((p) => p.noted)).toEqual([false]);
  await ui.paragraph('Do you want to let a gremlin loose').screenshot({ path: test.info().outputPath('has-note.png') });
  // A note emptied again: no longer underlined.
  await ui.clearNote();
  await expect.poll(async () => (await ui.piecesOf(gremlin)).map((p) => p.noted)).toEqual([false]);
  await page.keyboard.press('Tab');
});

test('seven colours: Alt+6 and Alt+7 highlight in orange and red, each painted in its own colour', async ({ gloss }) => {
  const { page, ui } = gloss;
  const paints = new Set<string>();
  for (const color of ['yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'red'] as const) paints.add(await ui.paintOf(color));
  expect(paints.size).toBe(7);
  await ui.select('the scaling laws');
  await page.keyboard.press('Alt+6');
  await expect(ui.marksWith('the scaling laws')).toHaveAttribute('data-color', 'orange');
  await ui.select('let a gremlin loose');
  await page.keyboard.press('Alt+7');
  await expect(ui.marksWith('let a gremlin loose')).toHaveAttribute('data-color', 'red');
  const [orange, red] = await ui.highlightIds().then(async (ids) => Promise.all(ids.map((id) => ui.piecesOf(id))));
  expect([orange[0].paint, red[0].paint].sort()).toEqual([`${await ui.paintOf('orange')} none`, `${await ui.paintOf('red')} none`].sort());
  // The toolbar's swatches and the side panel's dots are coloured too.
  await expect(ui.colorButton('orange')).toHaveCSS('background-color', await ui.paintOf('orange'));
  await expect(ui.colorButton('red')).toHaveCSS('background-color', await ui.paintOf('red'));
  await shoot(page, 'seven-colours');
});

test.describe('keys after the mouse', () => {
  test('a highlight made with the mouse and the toolbar is deleted by the Delete key, on screen and on disk', async ({ gloss }) => {
    const { ui, page } = gloss;
    await ui.highlight('let a gremlin loose', 'yellow');
    await expect(ui.selectedHighlight).toHaveCount(1);
    // Its note is open in the side panel, but the focus stayed in the text.
    await expect(ui.note).toBeVisible();
    expect(await ui.noteHasFocus()).toBe(false);
    await page.keyboard.press('Delete');
    await expect(ui.marksWith('gremlin')).toHaveCount(0);
    await expect(ui.highlights).toHaveCount(0);
    await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir)).length).toBe(0);
    await gloss.restart();
    await expect(gloss.ui.transcript).toHaveAttribute('data-complete', 'true');
    await expect(gloss.ui.highlights).toHaveCount(0);
    await expect(gloss.ui.transcript.locator('mark')).toHaveCount(0);
    expect(await annotationsOnDisk(gloss.dataDir)).toEqual([]);
  });

  test('a highlight clicked in the text is deselected by Escape', async ({ gloss }) => {
    const { ui, page } = gloss;
    await ui.highlight('let a gremlin loose', 'yellow');
    await ui.highlight('the scaling laws', 'green');
    await ui.marksWith('let a gremlin loose').click();
    await expect(ui.marksWith('let a gremlin loose')).toHaveClass(/is-selected/);
    await expect(ui.selectedHighlight).toContainText('gremlin');
    await page.keyboard.press('Escape');
    await expect(ui.marksWith('let a gremlin loose')).not.toHaveClass(/is-selected/);
    await expect(ui.selectedHighlight).toHaveCount(0);
  });

  test('the note takes the focus when asked (N, Enter, the side panel); Escape in it goes back to the text, and Delete there deletes characters', async ({ gloss }) => {
    const { ui, page } = gloss;
    const mark = ui.marksWith('let a gremlin loose');
    await ui.highlight('let a gremlin loose', 'yellow');
    expect(await ui.noteHasFocus()).toBe(false);
    await page.keyboard.press('n');
    await expect.poll(() => ui.noteHasFocus()).toBe(true);
    // The N that opened the note is not written in it.
    await page.keyboard.type('Gremlins!');
    await page.keyboard.press('Backspace');
    await expect.poll(() => ui.noteText()).toBe('Gremlins');
    await page.keyboard.press('ArrowLeft');
    // The editor learns of the caret's move from the browser's selectionchange, which comes after the key.
    await page.waitForTimeout(100);
    await page.keyboard.press('Delete');
    await expect.poll(() => ui.noteText()).toBe('Gremlin');
    await expect(ui.highlights).toHaveCount(1);

    // Escape: back to the text, the highlight still selected; Escape again deselects it.
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.noteHasFocus()).toBe(false);
    await expect(mark).toHaveClass(/is-selected/);
    await page.keyboard.press('Escape');
    await expect(mark).not.toHaveClass(/is-selected/);
    await expect.poll(async () => (await annotationsOnDisk(gloss.dataDir))[0]?.note).toBe('Gremlin');

    // Picked in the side panel's list, the highlight opens with the focus in its note.
    await ui.highlights.first().locator('.highlight-item__open').click();
    await expect.poll(() => ui.noteHasFocus()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.noteHasFocus()).toBe(false);
    // Clicked in the text, it does not take the focus; Enter opens the note for writing.
    await page.keyboard.press('Escape');
    await mark.click();
    await expect(mark).toHaveClass(/is-selected/);
    expect(await ui.noteHasFocus()).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => ui.noteHasFocus()).toBe(true);
  });
});

test.describe('the status line', () => {
  test('"Select some text first" goes at the next highlight made, and a message goes when the view changes', async ({ gloss }) => {
    const { ui } = gloss;
    await ui.colorButton('yellow').click();
    await expect(ui.status).toContainText('Select some text');
    await ui.highlight('let a gremlin loose', 'yellow');
    await expect(ui.status).not.toContainText('Select some text');

    await gloss.page.keyboard.press('Escape');
    await ui.colorButton('green').click();
    await expect(ui.status).toContainText('Select some text');
    await ui.library.open();
    await expect(ui.status).not.toContainText('Select some text');
  });

  test('an import that opens its document leaves no message behind; one that opens nothing says what it did', async ({ gloss }) => {
    const { ui } = gloss;
    await ui.dropFiles([{ name: 'river.vtt', content: captionsPastAnHour(3) }]);
    await expect(ui.title).toHaveText('river');
    await expect(ui.transcript).toHaveAttribute('data-complete', 'true');
    await expect(ui.status).toHaveText('');

    await ui.dropFiles([
      { name: 'one.txt', content: 'Ada Lovelace: The engine weaves algebraic patterns.\n' },
      { name: 'two.txt', content: 'Charles Babbage: The engine computes.\n' },
    ]);
    await expect(ui.status).toContainText('Imported 2 transcripts.');
    await ui.library.open();
    await expect(ui.status).not.toContainText('Imported');
  });

  test('an error stays through later highlights until it is dismissed', async ({ gloss }) => {
    const { ui, page } = gloss;
    await ui.dropFiles([{ name: 'quotes.md', content: `${'> '.repeat(40)}deep\n` }]);
    await expect(ui.status).toContainText('Could not open quotes.md');
    await ui.highlight('let a gremlin loose', 'yellow');
    await ui.highlight('the scaling laws', 'green');
    await page.keyboard.press('Delete');
    await expect(ui.highlights).toHaveCount(1);
    await expect(ui.status).toContainText('Could not open quotes.md');
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(ui.status).toHaveText('');
  });
});
