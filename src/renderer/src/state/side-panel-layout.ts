/**
 * The reading view's side panel as laid out: its width and whether it is
 * collapsed (both remembered in the UI settings), whether the window is
 * narrow (below OVERLAY_BELOW, where the panel opens over the transcript
 * instead of beside it) and whether that overlay is open (never remembered:
 * a narrow window opens on the text). The width reaches the CSS as
 * --side-panel-width on <html>.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_UI_SETTINGS, UI_SETTINGS_LIMITS, type UiSettings } from '../../../shared/model';
import { call } from '../gloss-client';

/** Below this window width the panel is an overlay (the same breakpoint as the CSS's media query). */
export const OVERLAY_BELOW = 900;
/** The transcript keeps at least this much of the window beside the panel. */
export const MIN_TRANSCRIPT_WIDTH = 400;
export const PANEL_WIDTH_LIMITS = UI_SETTINGS_LIMITS.sidePanelWidth;
export const DEFAULT_PANEL_WIDTH = DEFAULT_UI_SETTINGS.sidePanelWidth;

export interface SidePanelLayout {
  /** The width the reader chose, in CSS pixels (the window may show less: see panelWidthRange). */
  width: number;
  collapsed: boolean;
  /** The window is narrower than OVERLAY_BELOW. */
  narrow: boolean;
  /** In a narrow window: the panel is open over the transcript. */
  overlayOpen: boolean;
}

const narrowQuery = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(`(max-width: ${OVERLAY_BELOW - 0.02}px)`) : null;

let state: SidePanelLayout = { width: DEFAULT_PANEL_WIDTH, collapsed: false, narrow: narrowQuery?.matches ?? false, overlayOpen: false };
const listeners = new Set<() => void>();

function set(change: Partial<SidePanelLayout>): void {
  state = { ...state, ...change };
  if (change.width !== undefined) document.documentElement.style.setProperty('--side-panel-width', `${state.width}px`);
  listeners.forEach((l) => l());
}

narrowQuery?.addEventListener('change', (event) => set({ narrow: event.matches, overlayOpen: false }));

export function sidePanelLayout(): SidePanelLayout {
  return state;
}

export function useSidePanelLayout<T>(select: (layout: SidePanelLayout) => T): T {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => select(state),
  );
}

/** The widths the panel can take in this window: the settings' limits, less what the transcript keeps. */
export function panelWidthRange(windowWidth: number = window.innerWidth): { min: number; max: number } {
  const { min, max } = PANEL_WIDTH_LIMITS;
  return { min, max: Math.max(min, Math.min(max, windowWidth - MIN_TRANSCRIPT_WIDTH)) };
}

const clampWidth = (width: number) => Math.round(Math.max(PANEL_WIDTH_LIMITS.min, Math.min(PANEL_WIDTH_LIMITS.max, width)));

let loaded: Promise<void> | null = null;

/** Reads the remembered width and collapsed state once (the defaults stand until then, and if it fails). */
export function loadSidePanelLayout(): Promise<void> {
  loaded ??= call('settings:get', {})
    .then((settings) => set({ width: clampWidth(settings.sidePanelWidth), collapsed: settings.sidePanelCollapsed }))
    .catch(() => set({ width: state.width }));
  return loaded;
}

let saveTimer: number | undefined;
let unsaved: Partial<UiSettings> = {};

/** Remembers a change a moment later (a drag or held arrow key changes the width many times a second). */
function remember(change: Partial<UiSettings>, delayMs = 400): void {
  unsaved = { ...unsaved, ...change };
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => void flushSidePanelLayout(), delayMs);
}

/** Writes what is not remembered yet (also when the page goes away). */
export async function flushSidePanelLayout(): Promise<void> {
  window.clearTimeout(saveTimer);
  const change = unsaved;
  unsaved = {};
  if (Object.keys(change).length === 0) return;
  // Not remembered (a read-only library, say): the panel still works as laid out now.
  await call('settings:set', { change }).catch(() => undefined);
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void flushSidePanelLayout());

/**
 * Sets the panel's width (clamped to the settings' limits). `remembered: false` while a drag goes on: only its end
 * is written.
 */
export function setSidePanelWidth(width: number, { remembered = true } = {}): void {
  const next = clampWidth(width);
  if (next !== state.width) set({ width: next });
  if (remembered) remember({ sidePanelWidth: next });
}

/** Shows or hides the panel: beside the transcript, collapsed or not (remembered); in a narrow window, over it. */
export function toggleSidePanel(): void {
  if (state.narrow) set({ overlayOpen: !state.overlayOpen });
  else setSidePanelCollapsed(!state.collapsed);
}

export function setSidePanelCollapsed(collapsed: boolean): void {
  if (collapsed === state.collapsed) return;
  set({ collapsed });
  remember({ sidePanelCollapsed: collapsed }, 0);
}

/** Shows the panel if it is hidden (a highlight's note is to be written there). */
export function showSidePanel(): void {
  if (state.narrow) {
    if (!state.overlayOpen) set({ overlayOpen: true });
  } else setSidePanelCollapsed(false);
}

export function closeSidePanelOverlay(): void {
  if (state.overlayOpen) set({ overlayOpen: false });
}

/** Whether the panel is on screen now. */
export function isSidePanelShown(layout: SidePanelLayout = state): boolean {
  return layout.narrow ? layout.overlayOpen : !layout.collapsed;
}
