/**
 * Find in the transcript: Ctrl/Cmd+F opens a bar over the reading view;
 * matches are painted, counted, stepped through and scrolled to, even far
 * down a long transcript; a colour key highlights the current match.
 */
import { highlightsOnDisk } from './support/data-folder';
import { expect, test } from './support/fixtures';
import { FindBarPage } from './support/find-bar-page';

test('Ctrl+F opens the find bar; matches are counted and stepped through with Enter and Shift+Enter, wrapping', async ({ gloss }) => {
  const { page } = gloss;
  const find = new FindBarPage(page);
  await find.open();
  await find.search('scaling laws');
  await expect(find.count).toHaveText('1 of 4');
  // Painted near the view (a book can have thousands of matches): the current one at least, and nothing else.
  await expect.poll(async () => (await find.paintedMatches()).length).toBeGreaterThan(0);
  expect(new Set(await find.paintedMatches())).toEqual(new Set(['scaling laws']));
  await page.keyboard.press('Enter');
  await expect(find.count).toHaveText('2 of 4');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(find.count).toHaveText('4 of 4');
  await page.keyboard.press('Enter');
  await expect(find.count).toHaveText('1 of 4');
  await expect.poll(async () => (await find.current())?.onScreen).toBe(true);
  // F3 and Ctrl/Cmd+G step too, from the text as well.
  await page.locator('main.reader').focus();
  await page.keyboard.press('F3');
  await expect(find.count).toHaveText('2 of 4');
  await page.keyboard.press('ControlOrMeta+Shift+g');
  await expect(find.count).toHaveText('1 of 4');
  await find.field.focus();
  await find.search('gremlins everywhere');
  await expect(find.count).toHaveText('No matches');
  expect(await find.paintedMatches()).toEqual([]);
});

test('finds regardless of case and of curly or straight apostrophes; the toggles make case and whole words count', async ({ gloss }) => {
  const { page } = gloss;
  const find = new FindBarPage(page);
  await find.open();
  // The transcript has a curly apostrophe; the keyboard types a straight one.
  await find.search("the world's most advanced");
  await expect(find.count).toHaveText('1 of 1');
  await expect.poll(async () => (await find.current())?.text).toBe('the world’s most advanced');

  await find.search('claude');
  await expect(find.count).toHaveText('1 of 6');
  await expect(find.toggle('Match case')).toHaveAttribute('aria-pressed', 'false');
  await find.toggle('Match case').click();
  await expect(find.toggle('Match case')).toHaveAttribute('aria-pressed', 'true');
  await expect(find.count).toHaveText('No matches');
  await find.search('Claude');
  await expect(find.count).toHaveText('1 of 6');
  await find.toggle('Match case').click();

  await find.search('law');
  await expect(find.count).toHaveText('1 of 5');
  await find.toggle('Whole words').click();
  await expect(find.toggle('Whole words')).toHaveAttribute('aria-pressed', 'true');
  await expect(find.count).toHaveText('1 of 1');
  await expect.poll(async () => (await find.current())?.text).toBe('law');
  // The field keeps the focus after a toggle, so typing goes on.
  await expect(find.field).toBeFocused();
});

test('speaker names are matches of their own when included, and left out when not', async ({ gloss }) => {
  const { page, ui } = gloss;
  const find = new FindBarPage(page);
  const labels = await page.locator('.para[data-speaker="Dario Amodei"]').count();
  await find.open();
  await find.search('amodei');
  await expect(find.toggle('Speaker names')).toHaveAttribute('aria-pressed', 'true');
  const withNames = Number((await find.count.textContent())!.split(' of ')[1]);
  await find.toggle('Speaker names').click();
  await expect(find.toggle('Speaker names')).toHaveAttribute('aria-pressed', 'false');
  const without = Number((await find.count.textContent())!.split(' of ')[1]);
  expect(labels).toBeGreaterThan(5);
  expect(withNames - without).toBe(labels);
  expect(await find.paintedNames()).toEqual([]);
  await find.toggle('Speaker names').click();
  await expect.poll(async () => (await find.paintedNames()).length).toBeGreaterThan(0);
  expect((await find.paintedNames()).every(([name]) => name === 'Dario Amodei')).toBe(true);
  // Stepping reaches a name: it is the current match, painted as such, and a colour key says it cannot be highlighted.
  await find.search('dario amodei');
  for (let i = 0; i < 10 && !(await find.paintedNames()).some(([, kind]) => kind === 'current'); i++) await page.keyboard.press('Enter');
  expect((await find.paintedNames()).filter(([, kind]) => kind === 'current')).toEqual([['Dario Amodei', 'current']]);
  expect(await find.current()).toBeNull();
  await page.keyboard.press('Alt+1');
  await expect(ui.status).toContainText('cannot be highlighted');
  await expect(ui.highlights).toHaveCount(0);
});

test('Escape closes the bar, takes the paint away and leaves the current match selected in the text', async ({ gloss }) => {
  const { page, ui } = gloss;
  const find = new FindBarPage(page);
  await find.open();
  await find.search('gremlin');
  await expect(find.count).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(find.bar).toBeHidden();
  expect(await find.paintedMatches()).toEqual([]);
  expect(await ui.selectedText()).toBe('gremlin');
  // The focus is back in the transcript (the reading view hands it on), where the caret keys go on from the match.
  await expect(ui.transcript).toBeFocused();
  // Opened again, it shows the same search, selected so that typing replaces it.
  await find.open();
  await expect(find.field).toHaveValue('gremlin');
  await expect(find.count).toHaveText('1 of 1');
});

test('a colour key while a match is current highlights it in one step, kept on disk', async ({ gloss }) => {
  const { page, ui, dataDir } = gloss;
  const find = new FindBarPage(page);
  await find.open();
  await find.search('let a gremlin loose');
  await expect(find.count).toHaveText('1 of 1');
  await expect(find.bar).toContainText('Alt+1…7');
  await page.keyboard.press('Alt+2');
  await expect(ui.highlightQuotes.filter({ hasText: 'let a gremlin loose' })).toHaveCount(1);
  await expect(ui.marksWith('let a gremlin loose').first()).toBeVisible();
  await expect.poll(async () => (await highlightsOnDisk(dataDir)).map((h) => h.color)).toContain('green');
  // The field keeps the focus, and the match is still painted over the new highlight.
  await expect(find.field).toBeFocused();
  await expect.poll(async () => (await find.current())?.text).toBe('let a gremlin loose');
  // Made as any highlight is: undo takes it back.
  await page.keyboard.press('Escape');
  await ui.undo();
  await expect(ui.highlightQuotes).toHaveCount(0);
  await expect.poll(async () => (await highlightsOnDisk(dataDir)).length).toBe(0);
});

test('a match far down a long transcript, not laid out yet, is scrolled to and shown on screen', async ({ gloss }) => {
  const { page, ui } = gloss;
  const turns: string[] = ['A long hearing', ''];
  for (let i = 0; i < 900; i++) {
    const words = i === 880 ? 'and then the zeppelin rose over the harbour at last' : `turn ${i} goes on about the weather, the roads and the harvest of the year`;
    turns.push(`${i % 2 ? 'Ann Lee' : 'Bo Chen'}: ${words}`, '');
  }
  // The bar stays open when another document opens, and searches it.
  const find = new FindBarPage(page);
  await find.open();
  await find.search('harvest');
  await expect(find.count).toHaveText('No matches');
  await ui.dropFiles([{ name: 'hearing.txt', content: turns.join('\n') }]);
  await expect(ui.title).toHaveText('A long hearing');
  await expect(find.count).toHaveText('1 of 899');
  await find.open();
  await find.search('zeppelin');
  await expect(find.count).toHaveText('1 of 1');
  await expect.poll(async () => find.current()).toEqual({ text: 'zeppelin', onScreen: true });
  await expect(ui.paragraph('and then the zeppelin rose')).toBeInViewport();
  // Back to the start and down again, with Enter: the same match, on screen again.
  await page.locator('.reader').evaluate((el) => (el.scrollTop = 0));
  await expect(ui.paragraph('and then the zeppelin rose')).not.toBeInViewport();
  await page.keyboard.press('Enter');
  await expect.poll(async () => find.current()).toEqual({ text: 'zeppelin', onScreen: true });
  // A word in every turn: wherever the reader scrolls, the matches on screen are painted.
  await find.search('weather');
  await expect(find.count).toHaveText(/ of 899$/);
  for (const at of [0.2, 0.6]) {
    await page.locator('.reader').evaluate((el, at) => (el.scrollTop = el.scrollHeight * at), at);
    await expect.poll(() => find.paintedOnScreen()).toBeGreaterThan(3);
  }
});
