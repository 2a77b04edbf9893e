/**
 * Themes and reading comfort, as a reader meets them: the theme follows the
 * system until the reader picks one, which then wins and is remembered; the
 * reading font, text size, line height and column width change the transcript
 * at once and are remembered over a restart; the fonts come from the app's
 * own files (the fixture refuses and reports any other request).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { SettingsPage } from './support/settings-page';
import { SETTINGS_FILE } from '../src/main/store/layout';

/** The reading and theme settings as kept on disk. */
async function keptSettings(dataDir: string): Promise<Record<string, unknown>> {
  try {
    const file = JSON.parse(await readFile(join(dataDir, SETTINGS_FILE), 'utf8')) as { ui?: Record<string, unknown> };
    return file.ui ?? {};
  } catch {
    return {};
  }
}

test('the theme follows the system, live, until the reader picks one', async ({ gloss }) => {
  const settings = new SettingsPage(gloss.page);
  await gloss.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => settings.shownTheme()).toEqual({ theme: 'light', background: 'rgb(251, 250, 247)' });
  await gloss.page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => settings.shownTheme()).toEqual({ theme: 'dark', background: 'rgb(23, 24, 27)' });

  // The reader picks Light: it wins over the dark system.
  await settings.openWithKeys();
  await expect(settings.dialog.getByRole('radio', { name: 'System', exact: true })).toBeChecked();
  await settings.chooseTheme('Light');
  await expect.poll(() => settings.shownTheme()).toEqual({ theme: 'light', background: 'rgb(251, 250, 247)' });
  await gloss.page.emulateMedia({ colorScheme: 'light' });
  await gloss.page.emulateMedia({ colorScheme: 'dark' });
  expect((await settings.shownTheme()).theme).toBe('light');

  // Back to System: dark again, as the system is.
  await settings.chooseTheme('System');
  await expect.poll(() => settings.shownTheme()).toEqual({ theme: 'dark', background: 'rgb(23, 24, 27)' });
});

test('a chosen theme is remembered over a restart, whatever the system prefers', async ({ gloss }) => {
  let settings = new SettingsPage(gloss.page);
  await settings.openFromToolbar();
  await settings.chooseTheme('Dark');
  await expect.poll(() => settings.shownTheme()).toEqual({ theme: 'dark', background: 'rgb(23, 24, 27)' });
  await expect.poll(() => keptSettings(gloss.dataDir)).toMatchObject({ theme: 'dark' });

  await gloss.restart();
  await gloss.ui.waitUntilOpen();
  settings = new SettingsPage(gloss.page);
  await gloss.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => settings.shownTheme()).toEqual({ theme: 'dark', background: 'rgb(23, 24, 27)' });
  await settings.openWithKeys();
  await expect(settings.dialog.getByRole('radio', { name: 'Dark', exact: true })).toBeChecked();
});

test('font, text size, line height and column width change the transcript at once and are remembered over a restart', async ({ gloss }) => {
  const { page } = gloss;
  let settings = new SettingsPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  const before = await settings.readingStyle(72);
  expect(before.fontFamily).toMatch(/^Literata,/);
  expect(before.fontSize).toBe(17);
  expect(before.lineHeight).toBeCloseTo(17 * 1.6, 1);
  // The column is 72 characters wide (zeros, as CSS's ch unit measures them).
  expect(Math.abs(before.columnWidth - before.zeros)).toBeLessThan(2);
  expect(await settings.fontLoaded('Literata')).toBe(true);

  await settings.openWithKeys();
  await settings.chooseFont('Sans serif');
  await settings.step(settings.textSize, 3);
  await settings.step(settings.lineHeight, 2);
  await settings.step(settings.columnWidth, -10);
  await expect(settings.textSize).toHaveValue('20');
  expect(await settings.shownValue(settings.textSize)).toBe('20 px');
  expect(await settings.shownValue(settings.lineHeight)).toBe('1.8 × text size');
  expect(await settings.shownValue(settings.columnWidth)).toBe('52 characters');

  const after = await settings.readingStyle(52);
  expect(after.fontFamily).toMatch(/^"Atkinson Hyperlegible",/);
  expect(after.fontSize).toBe(20);
  expect(after.lineHeight).toBeCloseTo(36, 1);
  expect(Math.abs(after.columnWidth - after.zeros)).toBeLessThan(2);
  expect(await settings.fontLoaded('Atkinson Hyperlegible')).toBe(true);
  await expect.poll(() => keptSettings(gloss.dataDir)).toMatchObject({ font: 'sans', textSize: 20, lineHeight: 1.8, columnWidth: 52 });

  // Escape closes the dialog, and the focus is back where it was.
  await page.keyboard.press('Escape');
  await expect(settings.dialog).toBeHidden();

  await gloss.restart();
  await gloss.ui.waitUntilOpen();
  settings = new SettingsPage(gloss.page);
  const restarted = await settings.readingStyle(52);
  expect(restarted).toEqual(after);

  // Reset to defaults: the transcript is as it was at first.
  await settings.openWithKeys();
  await settings.reset.click();
  await expect(settings.reset).toBeDisabled();
  expect(await settings.readingStyle(72)).toEqual(before);
  await expect.poll(() => keptSettings(gloss.dataDir)).toMatchObject({ font: 'serif', textSize: 17, lineHeight: 1.6, columnWidth: 72 });
});

test('the dialog is labelled, Escape closes it and the focus goes back to the button that opened it', async ({ gloss }) => {
  const settings = new SettingsPage(gloss.page);
  await settings.openFromToolbar();
  await expect(settings.dialog.getByRole('heading', { name: 'Settings' })).toBeVisible();
  for (const group of ['Theme', 'Reading font']) await expect(settings.dialog.getByRole('group', { name: group })).toBeVisible();
  for (const slider of [settings.textSize, settings.lineHeight, settings.columnWidth]) await expect(slider).toBeVisible();
  // The focus starts on the theme chosen.
  await expect(settings.dialog.getByRole('radio', { name: 'System', exact: true })).toBeFocused();
  await gloss.page.keyboard.press('Escape');
  await expect(settings.dialog).toBeHidden();
  await expect(gloss.page.getByRole('banner').getByRole('button', { name: 'Settings' })).toBeFocused();
});

test('the reading fonts are the app’s own files: no font is asked of any other place', async ({ gloss }) => {
  const settings = new SettingsPage(gloss.page);
  await settings.openWithKeys();
  await settings.chooseFont('Sans serif');
  expect(await settings.fontLoaded('Atkinson Hyperlegible')).toBe(true);
  await settings.chooseFont('Serif');
  expect(await settings.fontLoaded('Literata')).toBe(true);
  const requests = await gloss.requests();
  const fonts = requests.filter((url) => /\.(woff2?|ttf|otf)(\?|$)/.test(url));
  expect(fonts.some((url) => /literata-latin-400-normal/.test(url))).toBe(true);
  expect(fonts.some((url) => /atkinson-hyperlegible-latin-400-normal/.test(url))).toBe(true);
  for (const url of fonts) expect(url.startsWith(gloss.appOrigin)).toBe(true);
});
