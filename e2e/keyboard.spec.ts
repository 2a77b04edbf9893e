/**
 * The transcript from the keyboard alone: Tab reaches it, a caret moves by
 * character, word, sentence, line and paragraph, Shift selects, a colour key
 * makes the highlight, ] and [ go from highlight to highlight (only matching
 * ones while the side panel filters), N opens the note and Escape comes back;
 * nothing typed, pasted, cut, dropped or composed changes the text.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { highlightsOnDisk } from './support/data-folder';
import { SidePanelPage } from './support/side-panel-page';
import { TranscriptKeysPage } from './support/transcript-keys-page';

/** Paragraphs of the sample from its top, as Ctrl+Down counts them: the title, an aside ("0"), then the introduction. */
const P = { title: 0, amodeiWorked: 2, afterQuitting: 3, anthropicValued: 4, amodeiCofounded: 5 } as const;

/**
 * Selects `count` words of paragraph `paragraph` (counted from the top) from its word number `skip` (0: the first),
 * with the keys alone: to the top, down by paragraphs, on by words, then Shift+Ctrl+Right.
 */
async function selectWords(keys: TranscriptKeysPage, paragraph: number, skip: number, count: number): Promise<void> {
  await keys.press('Control+Home');
  await keys.press('Control+ArrowDown', paragraph);
  if (skip > 0) {
    await keys.press('Control+ArrowRight', skip + 1);
    await keys.press('Control+ArrowLeft');
  }
  await keys.press('Shift+Control+ArrowRight', count);
}

/** Makes a highlight of the words with a colour key, and waits until it is made and selected. */
async function highlightWords(page: Page, keys: TranscriptKeysPage, paragraph: number, skip: number, count: number, colorKey: string): Promise<string> {
  await selectWords(keys, paragraph, skip, count);
  const words = await keys.selectedText();
  await page.keyboard.press(colorKey);
  await expect(page.locator('.highlight-item.is-selected .highlight-item__quote')).toContainText(words.trim());
  return words.trim();
}

test.beforeEach(async ({ gloss }) => {
  await gloss.page.setViewportSize({ width: 1280, height: 900 });
});

test('Tab reaches the transcript, once in the tab order, and shows a focus ring and the caret', async ({ gloss }) => {
  // Once round the whole window, a key press at a time.
  test.slow();
  const { page } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  // The caret is at the start of what is in view (the title, at the top), and drawn there.
  expect(await keys.caretPlace()).toEqual({ before: '', after: 'Democracies must maintai' });
  expect(await keys.caretMatchesSelection()).toBe(true);
  expect(await keys.focusRing()).toMatch(/^2px solid/);
  // Once round the window: nothing else in the reading view takes the focus, and the transcript comes round again.
  const round = await keys.tabRound();
  expect(round.filter((met) => met.includes('(in the reading view)'))).toEqual([]);
  expect(await keys.hasFocus()).toBe(true);
});

test('the caret moves by character, word, line edge, paragraph, sentence, line and to the ends of the transcript', async ({ gloss }) => {
  const { page } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  await keys.press('ArrowRight', 2);
  expect((await keys.caretPlace()).before).toBe('De');
  await keys.press('ArrowLeft');
  expect((await keys.caretPlace()).before).toBe('D');
  await keys.press('Control+ArrowRight');
  expect((await keys.caretPlace()).before).toBe('Democracies');
  await keys.press('Control+ArrowRight', 2);
  expect((await keys.caretPlace(40)).before).toBe('Democracies must maintain');
  await keys.press('Control+ArrowLeft');
  expect((await keys.caretPlace()).after).toMatch(/^maintain the lead/);
  await keys.press('End');
  expect(await keys.caretPlace(60)).toEqual({ before: 'Democracies must maintain the lead in AI', after: '' });
  await keys.press('Home');
  expect((await keys.caretPlace()).before).toBe('');

  // By paragraph: past the aside to the introduction; by sentence, to the end of each.
  await keys.press('Control+ArrowDown', P.amodeiWorked);
  expect((await keys.caretPlace()).after).toMatch(/^Dario Amodei has worked/);
  await keys.press('Alt+ArrowRight');
  expect((await keys.caretPlace()).before).toMatch(/and now Anthropic\.$/);
  await keys.press('Alt+ArrowRight');
  expect((await keys.caretPlace()).before).toMatch(/launch of ChatGPT\.$/);
  await keys.press('Alt+ArrowLeft');
  expect((await keys.caretPlace()).after).toMatch(/^At OpenAI, Amodei drove/);
  await keys.press('Control+ArrowUp');
  expect((await keys.caretPlace()).after).toMatch(/^Dario Amodei has worked/);

  // By line: down a line of the same paragraph, the caret drawn a line lower.
  const top = (await keys.caretBox()).y;
  await keys.press('ArrowDown');
  expect((await keys.caretPlace()).after).toMatch(/^Google, OpenAI/);
  expect((await keys.caretBox()).y).toBeGreaterThan(top + 20);
  expect(await keys.caretMatchesSelection()).toBe(true);

  // The ends of the transcript, the end scrolled to and drawn there.
  await keys.press('Control+End');
  expect(await keys.caretPlace()).toMatchObject({ after: '' });
  expect(await keys.caretMatchesSelection()).toBe(true);
  await expect(keys.caret).toBeInViewport();
  await keys.press('Control+Home');
  expect(await keys.caretPlace()).toEqual({ before: '', after: 'Democracies must maintai' });
  await expect(keys.caret).toBeInViewport();
});

test('Page Down moves the caret a screenful on with the view, and Shift+Page Down selects that screenful', async ({ gloss }) => {
  const { page } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  /** The view's scroll, the caret's place in the text (characters before it) and its height on screen. */
  const where = () =>
    page.evaluate(() => {
      const reader = document.querySelector('.reader')!;
      const selection = window.getSelection()!;
      const range = document.createRange();
      range.setStart(document.querySelector('.transcript')!, 0);
      range.setEnd(selection.focusNode!, selection.focusOffset);
      return { scrollTop: reader.scrollTop, offset: range.toString().length };
    });
  const start = await where();
  const startY = (await keys.caretBox()).y;
  await keys.press('PageDown');
  const after = await where();
  expect(after.scrollTop).toBeGreaterThan(start.scrollTop + 400);
  expect(after.offset).toBeGreaterThan(start.offset + 500);
  // Drawn near where it stood on screen, and on the text.
  expect(Math.abs((await keys.caretBox()).y - startY)).toBeLessThan(120);
  expect(await keys.caretMatchesSelection()).toBe(true);
  await keys.press('Shift+PageDown');
  const selected = await keys.selectedText();
  expect(selected.length).toBeGreaterThan(500);
  expect((await where()).scrollTop).toBeGreaterThan(after.scrollTop + 400);
  // Page Up without Shift closes the selection and goes back a screenful.
  await keys.press('PageUp');
  expect(await keys.selectedText()).toBe('');
  expect((await where()).offset).toBeLessThan(after.offset + selected.length);
});

test('Shift extends the selection by word, sentence and paragraph, and back', async ({ gloss }) => {
  const { page } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  await keys.press('Control+ArrowDown', P.afterQuitting);
  await keys.press('Shift+Control+ArrowRight', 2);
  expect(await keys.selectedText()).toBe('After quitting');
  await keys.press('Shift+Control+ArrowLeft');
  expect(await keys.selectedText()).toBe('After ');
  await keys.press('Shift+Alt+ArrowRight');
  expect(await keys.selectedText()).toBe('After quitting over differences about the future of the technology, he founded Anthropic, the AI start-up now known for its industry-leading chatbot, Claude.');
  // With a selection, the caret bar is not drawn: the selection shows instead.
  await expect(keys.caret).toBeHidden();
  await keys.press('Shift+Control+ArrowDown');
  expect(await keys.selectedText()).toMatch(/Claude\.\n\n$/);
  await keys.press('Shift+ArrowRight', 3);
  expect(await keys.selectedText()).toMatch(/Claude\.\n\nAnt$/);
  // Left without Shift: the selection closes at its start, and the caret shows again.
  await keys.press('ArrowLeft');
  expect(await keys.selectedText()).toBe('');
  expect((await keys.caretPlace()).after).toMatch(/^After quitting/);
  await expect(keys.caret).toBeVisible();
});

test('Ctrl/Cmd+A in the transcript selects the whole transcript and nothing else in the window', async ({ gloss }) => {
  const { page } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  await keys.press('ControlOrMeta+a');
  const selected = await keys.selectedText();
  expect(selected.startsWith('Democracies must maintain the lead in AI')).toBe(true);
  // To the end of the last paragraph, built even if it was not yet.
  const lastWords = (await page.locator('.para').last().innerText()).trim().slice(-40);
  expect(selected.trimEnd().endsWith(lastWords)).toBe(true);
  for (const label of ['Library notebook', 'Replace text', 'Copy quote', 'Export…', 'Highlights', 'Notebook', 'Yellow']) {
    expect(selected, `the toolbar, palette or side panel's "${label}" is not selected`).not.toContain(label);
  }
  expect(await keys.hasFocus()).toBe(true);
  await expect(keys.caret).toBeHidden();
});

test('Alt+2 makes a green highlight of exactly the words selected with the keys; the focus stays in the text with the highlight selected', async ({ gloss }) => {
  const { page, ui } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  // "After quitting over differences about the future…": three words from the third.
  await selectWords(keys, P.afterQuitting, 2, 3);
  expect(await keys.selectedText()).toBe('over differences about');
  await page.keyboard.press('Alt+2');

  await expect(ui.highlightQuotes).toHaveText(['over differences about']);
  await expect(ui.marksWith('over differences about')).toHaveAttribute('data-color', 'green');
  await expect(ui.selectedHighlight).toHaveCount(1);
  await expect(ui.marksWith('over differences about')).toHaveClass(/is-selected/);
  expect(await keys.hasFocus()).toBe(true);
  expect(await ui.noteHasFocus()).toBe(false);
  const [id] = await ui.highlightIds();
  expect(await ui.textOfHighlight(id)).toBe('over differences about');
  await expect
    .poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => [a.color, a.selectors.quote.exact]))
    .toEqual([['green', 'over differences about']]);
  // The caret stands at the end of the words highlighted, and goes on from there.
  await expect(keys.caret).toBeVisible();
  expect((await keys.caretPlace(40)).before).toBe('After quitting over differences about');
  await keys.press('Control+ArrowRight');
  expect((await keys.caretPlace()).before).toMatch(/differences about the$/);
  await page.screenshot({ path: test.info().outputPath('keyboard-highlight.png') });
});

test('] and [ go to the next and previous highlight in document order, wrap round with a message, and with a filter on visit only matching ones', async ({ gloss }) => {
  // Three highlights made with the keys, word by word.
  test.slow();
  const { page, ui } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  // Made out of order: the second in the text first.
  const second = await highlightWords(page, keys, P.anthropicValued, 0, 3, 'Alt+1');
  const first = await highlightWords(page, keys, P.afterQuitting, 2, 3, 'Alt+2');
  const third = await highlightWords(page, keys, P.amodeiCofounded, 0, 2, 'Alt+2');
  expect([first, second, third]).toEqual(['over differences about', 'Anthropic was valued', 'Amodei, who']);

  await page.keyboard.press('Escape');
  await expect(ui.selectedHighlight).toHaveCount(0);
  await keys.press('Control+Home');
  const selectedQuote = page.locator('.highlight-item.is-selected .highlight-item__quote');
  await page.keyboard.press(']');
  await expect(selectedQuote).toHaveText(first);
  await expect(ui.marksWith(first)).toHaveClass(/is-selected/);
  // The caret follows, to the highlight's start.
  expect((await keys.caretPlace()).after).toMatch(/^over differences about/);
  await page.keyboard.press(']');
  await expect(selectedQuote).toHaveText(second);
  await page.keyboard.press(']');
  await expect(selectedQuote).toHaveText(third);
  await expect(ui.marksWith(third)).toBeInViewport();
  await page.keyboard.press(']');
  await expect(selectedQuote).toHaveText(first);
  await expect(ui.status).toContainText('No more highlights after this one: back to the first.');
  await page.keyboard.press('[');
  await expect(selectedQuote).toHaveText(third);
  await expect(ui.status).toContainText('No more highlights before this one: on to the last.');
  await page.keyboard.press('[');
  await expect(selectedQuote).toHaveText(second);
  await expect(ui.status).not.toContainText('No more');
  expect(await keys.hasFocus()).toBe(true);

  // Green only: from the yellow one, the next green is the third; then round to the first.
  const side = new SidePanelPage(page);
  await side.openFilters();
  await side.toggle('Colour', 'Green');
  await keys.transcript.focus();
  await page.keyboard.press(']');
  await expect(selectedQuote).toHaveText(third);
  await page.keyboard.press(']');
  await expect(selectedQuote).toHaveText(first);
  await expect(ui.status).toContainText('No more matching highlights after this one: back to the first.');
  await page.keyboard.press('[');
  await expect(selectedQuote).toHaveText(third);
  await page.keyboard.press('[');
  await expect(selectedQuote).toHaveText(first);
  // Yellow only: the one yellow highlight, and again, round from itself.
  await side.toggle('Colour', 'Green');
  await side.toggle('Colour', 'Yellow');
  await keys.transcript.focus();
  await page.keyboard.press(']');
  await expect(selectedQuote).toHaveText(second);
  await page.keyboard.press(']');
  await expect(selectedQuote).toHaveText(second);
  await expect(ui.status).toContainText('No more matching highlights after this one: back to the first.');
});

test('N opens the note of the highlight reached with ], what is typed goes into it, and Escape comes back to the text at the highlight', async ({ gloss }) => {
  const { page, ui } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  const quote = await highlightWords(page, keys, P.afterQuitting, 2, 3, 'Alt+2');
  await page.keyboard.press('Escape');
  await keys.press('Control+End');
  await page.keyboard.press(']');
  await expect(ui.marksWith(quote)).toHaveClass(/is-selected/);
  await expect(ui.status).toContainText('No more highlights after this one: back to the first.');
  await page.keyboard.press('n');
  await expect.poll(() => ui.noteHasFocus()).toBe(true);
  await page.keyboard.type('Why he left OpenAI');
  await expect.poll(() => ui.noteText()).toBe('Why he left OpenAI');
  await page.keyboard.press('Escape');
  await expect.poll(() => keys.hasFocus()).toBe(true);
  await expect(ui.marksWith(quote)).toHaveClass(/is-selected/);
  expect((await keys.caretPlace()).after).toMatch(/^over differences about/);
  await expect(keys.caret).toBeVisible();
  await expect.poll(async () => (await highlightsOnDisk(gloss.dataDir)).map((a) => a.note)).toEqual(['Why he left OpenAI']);
  // Enter opens it again.
  await page.keyboard.press('Enter');
  await expect.poll(() => ui.noteHasFocus()).toBe(true);
});

test('typing, Backspace, Delete, Enter, paste, cut, drop and IME composition in the focused transcript change nothing', async ({ gloss }) => {
  const { page, ui } = gloss;
  const keys = new TranscriptKeysPage(page);
  const before = await ui.transcriptText();
  await keys.tabToTranscript();
  await keys.press('Control+ArrowDown', P.amodeiWorked);
  await keys.press('Control+ArrowRight', 2);
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await page.evaluate(() => navigator.clipboard.writeText('pasted words'));
  await page.keyboard.press('ControlOrMeta+V');
  await keys.press('Shift+Control+ArrowRight', 2);
  await page.keyboard.press('ControlOrMeta+X');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('inserted text');
  // An input method's composition, as the browser gets it from the system.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '日本' });
  await keys.transcript.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'dropped words');
    const target = el.querySelector('.para:nth-of-type(3)') ?? el;
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  expect(await ui.transcriptText()).toBe(before);
  await expect(ui.highlights).toHaveCount(0);
  expect(await keys.hasFocus()).toBe(true);
  // Still moves and selects.
  await keys.press('Control+Home');
  await keys.press('Shift+Control+ArrowRight');
  expect(await keys.selectedText()).toBe('Democracies');
});

test("the caret never lands on a caption's time in the margin, and a selection made with the keys leaves the times out", async ({ gloss }) => {
  const { page, ui } = gloss;
  const keys = new TranscriptKeysPage(page);
  const cues = ['WEBVTT', ''];
  for (let i = 0; i < 12; i++) {
    const s = 3723 + i * 37;
    const stamp = (t: number) => `${String(Math.floor(t / 3600)).padStart(2, '0')}:${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}.000`;
    cues.push(`${stamp(s)} --> ${stamp(s + 30)}`, `<v ${i % 3 === 0 ? 'Ana Ruiz' : 'Ben Okafor'}>Cue number ${i} tells of the river and the mud it carries down.</v>`, '');
  }
  await ui.dropFiles([{ name: 'river.vtt', content: cues.join('\n') }]);
  await expect(ui.title).toHaveText('river');
  await keys.tabToTranscript();
  const inTime = () => page.evaluate(() => !!window.getSelection()?.focusNode?.parentElement?.closest('.para__time'));
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'Home', 'ArrowLeft', 'ArrowDown', 'Control+ArrowDown', 'ArrowLeft', 'Control+ArrowLeft', 'End', 'ArrowRight']) {
    await page.keyboard.press(key);
    expect(await inTime(), key).toBe(false);
    expect(await keys.caretMatchesSelection(), key).toBe(true);
  }
  // A caption file has no title line: its first cue is the first paragraph.
  await keys.press('Control+Home');
  await keys.press('Shift+Control+ArrowDown', 3);
  const selected = await keys.selectedText();
  expect(selected).toMatch(/^Cue number 0 tells/);
  expect(selected).not.toMatch(/\d:\d\d/);
  await page.keyboard.press('Alt+3');
  await expect(ui.highlightQuotes.first()).toContainText('Cue number 0 tells');
  await expect(ui.highlightQuotes.first()).not.toContainText('1:02');
});

test('the caret blinks (not for readers who ask for less motion) and is hidden while the focus is elsewhere', async ({ gloss }) => {
  const { page } = gloss;
  const keys = new TranscriptKeysPage(page);
  await keys.tabToTranscript();
  await keys.press('Control+ArrowDown', P.amodeiWorked);
  await keys.press('Control+ArrowRight', 3);
  await expect(keys.caret).toHaveCSS('animation-name', 'transcript-caret-blink');
  await page.locator('.reader').screenshot({ path: test.info().outputPath('caret.png') });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(keys.caret).toHaveCSS('animation-name', 'none');
  await page.keyboard.press('Shift+Tab');
  expect(await keys.hasFocus()).toBe(false);
  await expect(keys.caret).toBeHidden();
  await expect.poll(() => keys.focusRing()).toBe('none');
  // Back with Tab: the caret where it was.
  await page.keyboard.press('Tab');
  expect(await keys.hasFocus()).toBe(true);
  expect((await keys.caretPlace()).before).toMatch(/Dario Amodei has$/);
  await expect(keys.caret).toBeVisible();
});
