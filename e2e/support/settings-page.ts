/** The Settings dialog and what it changes on the page: the theme on <html> and the transcript's reading style. */
import type { Locator, Page } from '@playwright/test';

export type ThemeName = 'System' | 'Light' | 'Dark';
export type FontName = 'Serif' | 'Sans serif';

export interface ReadingStyle {
  fontFamily: string;
  fontSize: number;
  lineHeight: number;
  /** The width of the transcript's text column, in px. */
  columnWidth: number;
  /** The width of `chars` zeros in the transcript's font, in px (what a column `chars` characters wide measures). */
  zeros: number;
}

export class SettingsPage {
  readonly dialog: Locator;
  readonly textSize: Locator;
  readonly lineHeight: Locator;
  readonly columnWidth: Locator;
  readonly reset: Locator;
  readonly close: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Settings' });
    this.textSize = this.dialog.getByRole('slider', { name: 'Text size' });
    this.lineHeight = this.dialog.getByRole('slider', { name: 'Line height' });
    this.columnWidth = this.dialog.getByRole('slider', { name: 'Column width' });
    this.reset = this.dialog.getByRole('button', { name: 'Reset to defaults' });
    this.close = this.dialog.getByRole('button', { name: 'Close' });
  }

  /** Opens the dialog with its keys (Ctrl+, or Cmd+,). */
  async openWithKeys(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Comma');
    await this.dialog.waitFor();
  }

  /** Opens the dialog from the toolbar's button. */
  async openFromToolbar(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await this.dialog.waitFor();
  }

  async chooseTheme(name: ThemeName): Promise<void> {
    await this.dialog.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: name, exact: true }).check();
  }

  async chooseFont(name: FontName): Promise<void> {
    await this.dialog.getByRole('group', { name: 'Reading font' }).getByRole('radio', { name: new RegExp(`^${name}\\b`) }).check();
  }

  /** Moves a slider with the keyboard, `steps` steps (negative: down). */
  async step(slider: Locator, steps: number): Promise<void> {
    await slider.focus();
    for (let i = 0; i < Math.abs(steps); i++) await this.page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  }

  /** The value shown beside a slider ("20 px"). */
  shownValue(slider: Locator): Promise<string> {
    return slider.locator('xpath=following-sibling::output').innerText();
  }

  /** The theme the page shows ('light' or 'dark') and the page's background colour. */
  async shownTheme(): Promise<{ theme: string | null; background: string }> {
    return this.page.evaluate(() => ({ theme: document.documentElement.getAttribute('data-theme'), background: getComputedStyle(document.documentElement).backgroundColor }));
  }

  /** The transcript's reading style as laid out, and 'chars' zeros measured in its font. */
  async readingStyle(chars: number): Promise<ReadingStyle> {
    return this.page.evaluate(async (n) => {
      // Measured once the fonts in use have loaded (a layout first, so the transcript's font is asked for): before,
      // the fallback font's metrics would be measured.
      const transcript = document.querySelector<HTMLElement>('.transcript')!;
      void transcript.offsetHeight;
      await document.fonts.ready;
      const style = getComputedStyle(transcript);
      const probe = document.createElement('span');
      probe.textContent = '0'.repeat(n);
      Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'nowrap', font: style.font });
      document.body.append(probe);
      const zeros = probe.getBoundingClientRect().width;
      probe.remove();
      const column = transcript.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { fontFamily: style.fontFamily, fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), columnWidth: column, zeros };
    }, chars);
  }

  /** Whether the browser has the face loaded and in use for the transcript's text. */
  async fontLoaded(family: string): Promise<boolean> {
    return this.page.evaluate(async (f) => {
      await document.fonts.ready;
      return [...document.fonts].some((face) => face.family.replace(/"/g, '') === f && face.status === 'loaded');
    }, family);
  }
}
