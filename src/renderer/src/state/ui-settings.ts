/**
 * The reading and layout settings in the renderer (theme, reading font,
 * text size, line height, column width, the side panel's width and whether
 * it is collapsed): asked of main once at start, applied to the page at once
 * (theme/appearance.ts), and saved through 'settings:set' a moment after the
 * last change, so dragging a slider or the side panel's edge sends one
 * change, not hundreds. Components read them with useUiSettings(selector)
 * and change them with changeUiSettings(partial).
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_UI_SETTINGS, UI_SETTINGS_LIMITS, type UiSettings } from '../../../shared/model';
import { call } from '../gloss-client';
import { applyAppearance, onSystemThemeChange } from '../theme/appearance';

/** How long after the last change the settings are sent to main. */
export const SAVE_DELAY_MS = 250;

type Listener = () => void;

type NumericKey = keyof typeof UI_SETTINGS_LIMITS;

/** A number kept within main's limits for its setting (main refuses one outside them). */
export function withinLimits(key: NumericKey, value: number): number {
  const { min, max } = UI_SETTINGS_LIMITS[key];
  return Math.min(max, Math.max(min, value));
}

class UiSettingsStore {
  private state: UiSettings = { ...DEFAULT_UI_SETTINGS };
  private pending: Partial<UiSettings> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): UiSettings => this.state;

  private set(next: UiSettings): void {
    this.state = next;
    applyAppearance(next);
    for (const l of this.listeners) l();
  }

  /** Takes the settings main keeps; changes made here and not yet saved stay on top of them. */
  async load(): Promise<void> {
    try {
      const kept = await call('settings:get', {});
      this.set({ ...kept, ...this.pending });
    } catch {
      // Main could not answer: the defaults (or what the page already shows) stay; reading goes on.
      this.set({ ...this.state });
    }
  }

  change(change: Partial<UiSettings>): void {
    const next = { ...this.state, ...change };
    for (const key of Object.keys(UI_SETTINGS_LIMITS) as NumericKey[]) next[key] = withinLimits(key, next[key]);
    if ((Object.keys(next) as (keyof UiSettings)[]).every((k) => next[k] === this.state[k])) return;
    for (const key of Object.keys(change) as (keyof UiSettings)[]) (this.pending as Record<string, unknown>)[key] = next[key];
    this.set(next);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Sends the changes not yet saved now; resolves when main has them. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const change = this.pending;
    this.pending = {};
    if (Object.keys(change).length === 0) return this.saving;
    this.saving = this.saving.then(() =>
      call('settings:set', { change }).then(
        () => undefined,
        () => undefined, // A library that cannot be changed keeps its settings; the page keeps showing the choice.
      ),
    );
    return this.saving;
  }

  /** Shows the theme again: the operating system switched between light and dark. */
  reapply(): void {
    applyAppearance(this.state);
  }
}

const store = new UiSettingsStore();

/** Loads the settings from main and applies them; follows the system's theme from then on. Call once at start. */
export function startUiSettings(): () => void {
  void store.load();
  const offSystem = onSystemThemeChange(() => store.reapply());
  const flush = () => void store.flush();
  window.addEventListener('pagehide', flush);
  return () => {
    offSystem();
    window.removeEventListener('pagehide', flush);
  };
}

/** Changes some settings: shown at once, saved a moment later. Numbers are kept within their limits. */
export function changeUiSettings(change: Partial<UiSettings>): void {
  store.change(change);
}

/** Back to the reading defaults (theme, font, size, line height, column width); the side panel is left as it is. */
export function resetReadingSettings(): void {
  const { theme, font, textSize, lineHeight, columnWidth } = DEFAULT_UI_SETTINGS;
  store.change({ theme, font, textSize, lineHeight, columnWidth });
}

/** Saves what has not been saved yet, now. */
export function flushUiSettings(): Promise<void> {
  return store.flush();
}

export function uiSettings(): UiSettings {
  return store.getState();
}

/** A part of the settings, re-rendering when it changes. */
export function useUiSettings<T>(selector: (settings: UiSettings) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
