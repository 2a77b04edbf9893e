/** Opening the sample transcript: a clean reading view of speaker turns that cannot be edited. */
import { expect, test } from './support/fixtures';

test('shows the sample interview as turns under the speakers’ full names', async ({ gloss }) => {
  const { ui } = gloss;
  await expect(gloss.page.locator('.para--title')).toHaveText('Democracies must maintain the lead in AI');
  await expect(gloss.page.locator('.toolbar__title')).toHaveText('Democracies must maintain the lead in AI');
  expect(await ui.speakerOf('I want to kick off by talking about your essay')).toBe('Madhumita Murgia');
  expect(await ui.speakerOf('In a sense, it shouldn’t be new')).toBe('Dario Amodei');
  // Later turns are labelled "MM:" / "DA:" in the file; the reader sees the names, never the initials.
  expect(await ui.speakerOf('What drew you to the areas')).toBe('Madhumita Murgia');
  expect(await ui.speakerOf('I looked at the places')).toBe('Dario Amodei');
  const text = await ui.transcriptText();
  expect(text).not.toMatch(/^(MM|DA):/m);
  // Paragraphs without a label continue the turn: no name above them.
  expect(await ui.speakerOf('And the second would be applications')).toBeNull();
  // A photo caption is an aside, not speech.
  await expect(ui.paragraph('The Anthropic website and mobile phone app © AP')).toHaveClass(/para--aside/);
  await expect(gloss.page.locator('.para[data-speaker]')).toHaveCount(38);
});

test('the transcript cannot be changed by typing, paste, drop, cut or IME input', async ({ gloss }) => {
  const { ui, page } = gloss;
  const before = await ui.transcriptText();
  await ui.select('let a gremlin loose');
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+X');
  await page.keyboard.insertText('composed text');
  await ui.transcript.evaluate((el) => {
    const target = el.querySelector('p')!;
    const data = new DataTransfer();
    data.setData('text/plain', 'pasted words');
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
    target.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertCompositionText', data: 'ime', bubbles: true, cancelable: true }));
    target.dispatchEvent(new CompositionEvent('compositionend', { data: 'ime', bubbles: true }));
  });
  expect(await ui.transcriptText()).toBe(before);
  await expect(ui.transcript).toHaveAttribute('contenteditable', 'false');
  // It can still be selected and copied from.
  await ui.select('let a gremlin loose');
  expect(await ui.selectedText()).toBe('let a gremlin loose');
});
