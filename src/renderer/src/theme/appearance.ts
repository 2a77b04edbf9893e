/**
 * Puts the reading and theme settings on the page: the resolved theme as
 * data-theme on <html> ('light' or 'dark'; 'system' follows the operating
 * system's setting, live), and the reading typography as custom properties
 * on <html> (--reading-font, --reading-size, --reading-line-height,
 * --reading-measure), which the transcript's styles use. What was applied is
 * also kept in localStorage, so that the next start can apply it before its
 * first paint (public/appearance-boot.js), before main has answered.
 */
import type { ReadingFont, ThemeChoice, UiSettings } from '../../../shared/model';

/** The key appearance-boot.js reads: { theme, properties }. */
export const APPEARANCE_STORAGE_KEY = 'gloss.appearance';

/** Each reading font's CSS stack: the bundled face first, then near relatives installed on most systems. */
export const READING_FONT_STACKS: Record<ReadingFont, string> = {
  serif: "Literata, Charter, 'Iowan Old Style', Georgia, 'DejaVu Serif', serif",
  sans: "'Atkinson Hyperlegible', system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif",
};

export type ResolvedTheme = 'light' | 'dark';

const darkQuery = (): MediaQueryList | null => (typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null);

/** The theme shown for a choice: 'system' is whatever the operating system prefers now. */
export function resolveTheme(choice: ThemeChoice): ResolvedTheme {
  if (choice !== 'system') return choice;
  return darkQuery()?.matches ? 'dark' : 'light';
}

/** The custom properties the reading settings come to. */
export function readingProperties(settings: Pick<UiSettings, 'font' | 'textSize' | 'lineHeight' | 'columnWidth'>): Record<string, string> {
  return {
    '--reading-font': READING_FONT_STACKS[settings.font],
    '--reading-size': `${settings.textSize}px`,
    '--reading-line-height': String(settings.lineHeight),
    '--reading-measure': `${settings.columnWidth}ch`,
  };
}

/** Applies the settings to <html> and remembers them for the next start's first paint. */
export function applyAppearance(settings: UiSettings): void {
  const root = document.documentElement;
  const theme = resolveTheme(settings.theme);
  if (root.getAttribute('data-theme') !== theme) root.setAttribute('data-theme', theme);
  const properties = readingProperties(settings);
  for (const [name, value] of Object.entries(properties)) {
    if (root.style.getPropertyValue(name) !== value) root.style.setProperty(name, value);
  }
  try {
    localStorage.setItem(APPEARANCE_STORAGE_KEY, JSON.stringify({ theme: settings.theme, properties }));
  } catch {
    // Storage refused (a private profile): the next start paints with the defaults until main answers.
  }
}

/** Calls `listener` whenever the operating system switches between light and dark; returns the way to stop. */
export function onSystemThemeChange(listener: () => void): () => void {
  const query = darkQuery();
  if (!query) return () => {};
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
