/**
 * The layout at any window size: the side panel collapsed, resized (pointer
 * and keys) and, in a narrow window, laid over the transcript; its width
 * remembered across a restart; long titles cut short in the toolbars; and
 * nothing that needs horizontal scrolling in any view, from 600 px to 4K.
 */
import { expect, test, type GlossApp } from './support/fixtures';
import { LayoutPage } from './support/layout-page';

const SHOTS = process.env.GLOSS_SHOTS_DIR;

async function shot(gloss: GlossApp, name: string): Promise<void> {
  if (SHOTS) await gloss.page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Renames the open document (through the same call the library's rename makes) and shows it again. */
async function retitleOpenDocument(gloss: GlossApp, title: string): Promise<void> {
  await gloss.page.evaluate(async (newTitle) => {
    const listed = await window.gloss!.invoke('library:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const renamed = await window.gloss!.invoke('documents:rename', { documentId: listed.value[0].id, title: newTitle });
    if (!renamed.ok) throw new Error(renamed.error.message);
  }, title);
  await gloss.restart();
  await expect(gloss.ui.title).toHaveText(title);
}

test.describe('a narrow window (600 px)', () => {
  test('opens on the text; the side panel opens over it, takes the focus, and gives it back on Escape or a click outside', async ({ gloss }) => {
    const { page } = gloss;
    const layout = new LayoutPage(page);
    await page.setViewportSize({ width: 600, height: 800 });
    await expect(layout.panel).toBeHidden();
    await expect(layout.toggle).toHaveAttribute('aria-expanded', 'false');
    // The text has the whole width, less the scroll bar at most.
    expect(await layout.readerWidth()).toBeGreaterThan(580);
    await shot(gloss, 'reader-600-panel-closed');

    await layout.toggle.click();
    await expect(layout.panel).toBeVisible();
    expect(await layout.isOverlay()).toBe(true);
    expect(await layout.readerWidth(), 'the panel does not squeeze the text').toBeGreaterThan(580);
    await expect(page.getByRole('tab', { name: 'Highlights' })).toBeFocused();
    await expect(layout.toggle).toHaveAttribute('aria-expanded', 'true');
    await shot(gloss, 'reader-600-panel-overlay');

    await page.keyboard.press('Escape');
    await expect(layout.panel).toBeHidden();
    expect(await layout.focused()).toMatch(/^(main|textbox Transcript)/);

    // The command's key opens it too; a click on the text closes it.
    await page.keyboard.press('ControlOrMeta+\\');
    await expect(layout.panel).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Highlights' })).toBeFocused();
    await gloss.ui.paragraph('Dario Amodei has worked').click({ position: { x: 20, y: 10 } });
    await expect(layout.panel).toBeHidden();

    // Its own button closes it as well.
    await layout.toggle.click();
    await layout.close.click();
    await expect(layout.panel).toBeHidden();
    expect(await layout.focused()).toMatch(/^(main|textbox Transcript)/);
    await layout.expectNoHorizontalScrolling('the reader at 600 px');
  });
});

test('in a narrow window, N on a highlight opens the panel over the text with its note to write; Escape gives the text back', async ({ gloss }) => {
  const { page, ui } = gloss;
  const layout = new LayoutPage(page);
  await page.setViewportSize({ width: 600, height: 800 });
  await ui.highlight('Dario Amodei has worked');
  // Making a highlight leaves the reader in the text.
  await expect(layout.panel).toBeHidden();
  await page.keyboard.press('n');
  await expect(layout.panel).toBeVisible();
  await expect.poll(() => ui.noteHasFocus()).toBe(true);
  await page.keyboard.type('Read at 600 px');
  await expect.poll(() => ui.noteText()).toBe('Read at 600 px');
  await page.keyboard.press('Escape');
  await expect(layout.panel).toBeHidden();
  expect(await ui.noteHasFocus()).toBe(false);
  expect(await layout.focused()).toMatch(/^(main|textbox Transcript)/);
});

test.describe('a wide window', () => {
  test('the side panel collapses and comes back, by its button and by Ctrl/Cmd+\\', async ({ gloss }) => {
    const { page } = gloss;
    const layout = new LayoutPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await layout.isOverlay()).toBe(false);
    expect(Math.round(await layout.panelWidth())).toBe(360);
    const beside = await layout.readerWidth();
    await shot(gloss, 'reader-1280-panel-open');

    await layout.toggle.click();
    await expect(layout.panel).toBeHidden();
    await expect(layout.toggle).toHaveAttribute('aria-expanded', 'false');
    expect(await layout.readerWidth()).toBeGreaterThan(beside + 300);
    await shot(gloss, 'reader-1280-panel-collapsed');

    await page.keyboard.press('ControlOrMeta+\\');
    await expect(layout.panel).toBeVisible();
    await page.keyboard.press('ControlOrMeta+\\');
    await expect(layout.panel).toBeHidden();
    await layout.toggle.click();
    await expect(layout.panel).toBeVisible();
    // The panel's own button hides it, and the keys go back to the text.
    await layout.close.click();
    await expect(layout.panel).toBeHidden();
    expect(await layout.focused()).toMatch(/^(main|textbox Transcript)/);
  });

  test('the splitter resizes the panel with the keys and by dragging, within limits, and the width survives a restart', async ({ gloss }) => {
    test.slow(); // A restart.
    const { page } = gloss;
    const layout = new LayoutPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '360');
    await expect(layout.splitter).toHaveAttribute('aria-valuemin', '240');
    await expect(layout.splitter).toHaveAttribute('aria-valuemax', '880');

    await layout.splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '392');
    expect(Math.round(await layout.panelWidth())).toBe(392);
    await page.keyboard.press('Shift+ArrowRight');
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '328');
    await page.keyboard.press('Home');
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '240');
    await page.keyboard.press('ArrowRight');
    await expect(layout.splitter, 'not narrower than the least width').toHaveAttribute('aria-valuenow', '240');
    await page.keyboard.press('End');
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '880');
    expect(await layout.readerWidth(), 'the transcript keeps 400 px').toBeGreaterThanOrEqual(399);
    await page.keyboard.press('Enter');
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '360');

    await layout.dragSplitter(-120);
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '480');
    expect(Math.round(await layout.panelWidth())).toBe(480);
    await layout.dragSplitter(2000);
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '240');
    await layout.dragSplitter(-210);
    await expect(layout.splitter).toHaveAttribute('aria-valuenow', '450');

    // Remembered, with the panel collapsed, across a restart.
    await layout.toggle.click();
    await expect(layout.panel).toBeHidden();
    await gloss.restart();
    const again = new LayoutPage(gloss.page);
    await gloss.page.setViewportSize({ width: 1280, height: 800 });
    await expect(again.panel).toBeHidden();
    await again.toggle.click();
    await expect(again.splitter).toHaveAttribute('aria-valuenow', '450');
    expect(Math.round(await again.panelWidth())).toBe(450);
  });

  test('at 900 px the panel stays beside the text, and leaves the text 400 px', async ({ gloss }) => {
    const { page } = gloss;
    const layout = new LayoutPage(page);
    await page.setViewportSize({ width: 900, height: 800 });
    expect(await layout.isOverlay()).toBe(false);
    await expect(layout.splitter).toHaveAttribute('aria-valuemax', '500');
    await layout.splitter.focus();
    await page.keyboard.press('End');
    expect(Math.round(await layout.panelWidth())).toBe(500);
    await page.keyboard.press('Enter');
    await shot(gloss, 'reader-900-panel-open');
    await page.setViewportSize({ width: 899, height: 800 });
    await expect(layout.panel).toBeHidden();
    await layout.expectNoHorizontalScrolling('the reader at 899 px');
  });
});

test.describe('long titles', () => {
  for (const [kind, title] of [
    ['without spaces', `Interview_${'x'.repeat(280)}_end-of-title`],
    ['with spaces', Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ').padEnd(300, ' tail')],
  ] as const) {
    test(`a 300-character title ${kind} is cut short in the toolbars, whole in their tooltips`, async ({ gloss }) => {
      test.slow(); // A restart, and three window widths in two views.
      expect(title.length).toBeGreaterThanOrEqual(300);
      await retitleOpenDocument(gloss, title);
      const { page } = gloss;
      const layout = new LayoutPage(page);
      for (const width of [600, 900, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const shown = gloss.ui.title;
        await expect(shown).toHaveAttribute('title', title);
        const { cut, inside } = await shown.evaluate((el) => {
          const bar = el.closest('.toolbar')!.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return { cut: el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis', inside: box.left >= bar.left && box.right <= bar.right };
        });
        expect(cut, `the title is cut short with an ellipsis at ${width} px`).toBe(true);
        expect(inside, `the title stays in its toolbar at ${width} px`).toBe(true);
        await layout.expectNoHorizontalScrolling(`the reader at ${width} px`);
        if (kind === 'with spaces') await shot(gloss, `reader-${width}-long-title`);

        await gloss.ui.library.open();
        const back = page.getByRole('button', { name: `Back to “${title}”` }).or(page.getByRole('button', { name: title }));
        if ((await back.count()) > 0) {
          const fits = await back.first().evaluate((el) => el.getBoundingClientRect().right <= el.closest('.toolbar')!.getBoundingClientRect().right);
          expect(fits, `the library's button back to the document stays in its toolbar at ${width} px`).toBe(true);
        }
        await layout.expectNoHorizontalScrolling(`the library at ${width} px`);
        if (kind === 'with spaces') await shot(gloss, `library-${width}-long-title`);
        await gloss.ui.library.openDocument(title.slice(0, 30));
      }
    });
  }
});

test.describe('no horizontal scrolling', () => {
  for (const [width, height] of [
    [600, 700],
    [900, 800],
    [1280, 900],
    [3840, 2160],
  ] as const) {
    test(`in every view at ${width}×${height}`, async ({ gloss }) => {
      const { page } = gloss;
      const layout = new LayoutPage(page);
      await page.setViewportSize({ width, height });
      await layout.expectNoHorizontalScrolling('the reader');
      if (width < 900) await layout.toggle.click();
      await page.getByRole('tab', { name: 'Notebook' }).click();
      await expect(page.getByRole('textbox', { name: /^Notebook of/ })).toBeVisible();
      await layout.expectNoHorizontalScrolling("the document's notebook");
      if (width < 900) await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Overview', exact: true }).click();
      await expect(page.locator('.overview')).toBeVisible();
      await layout.expectNoHorizontalScrolling('the overview');
      await page.getByRole('button', { name: /^Back to/ }).click();

      await page.getByRole('button', { name: 'Codes', exact: true }).click();
      await expect(page.locator('.code-manager')).toBeVisible();
      await layout.expectNoHorizontalScrolling('the code manager');

      await gloss.ui.library.open();
      await layout.expectNoHorizontalScrolling('the library');

      await page.getByRole('button', { name: 'Library notebook', exact: true }).click();
      await expect(page.getByRole('textbox', { name: 'Library notebook' })).toBeVisible();
      await layout.expectNoHorizontalScrolling('the library notebook');

      await page.keyboard.press('ControlOrMeta+Shift+F');
      const field = page.getByRole('searchbox').or(page.getByLabel('Search the library'));
      await field.first().fill('coffee');
      await expect(page.locator('.search[data-answered]')).toBeVisible();
      await layout.expectNoHorizontalScrolling('the search');
    });
  }
});
