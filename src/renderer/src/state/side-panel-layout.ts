/**
 * The reading view's side panel as laid out: its width and whether it is
 * collapsed (UI settings, state/ui-settings.ts: remembered in main), whether
 * the window is narrow (below OVERLAY_BELOW, where the panel opens over the
 * transcript instead of beside it) and whether that overlay is open (never
 * remembered: a narrow window opens on the text). The width reaches the CSS
 * as --side-panel-width on <html>.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { DEFAULT_UI_SETTINGS, UI_SETTINGS_LIMITS } from '../../../shared/model';
import { changeUiSettings, uiSettings, useUiSettings } from './ui-settings';

/** Below this window width the panel is an overlay. */
export const OVERLAY_BELOW = 900;
/** The transcript keeps at least this much of the window beside the panel (styles.css says the same for the grid). */
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

/** What is not a setting: the window's narrowness and the overlay. */
let windowState = { narrow: narrowQuery?.matches ?? false, overlayOpen: false };
const listeners = new Set<() => void>();

function setWindowState(change: Partial<typeof windowState>): void {
  windowState = { ...windowState, ...change };
  listeners.forEach((l) => l());
}

narrowQuery?.addEventListener('change', (event) => setWindowState({ narrow: event.matches, overlayOpen: false }));

export function sidePanelLayout(): SidePanelLayout {
  const { sidePanelWidth, sidePanelCollapsed } = uiSettings();
  return { width: sidePanelWidth, collapsed: sidePanelCollapsed, ...windowState };
}

/** The window's part of the layout (narrow, overlay open). */
export function useSidePanelWindow<T>(select: (state: { narrow: boolean; overlayOpen: boolean }) => T): T {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => select(windowState),
  );
}

/** The whole layout, re-rendering when any of it changes. */
export function useSidePanelLayout(): SidePanelLayout {
  const width = useUiSettings((s) => s.sidePanelWidth);
  const collapsed = useUiSettings((s) => s.sidePanelCollapsed);
  const narrow = useSidePanelWindow((s) => s.narrow);
  const overlayOpen = useSidePanelWindow((s) => s.overlayOpen);
  return { width, collapsed, narrow, overlayOpen };
}

/** Puts the chosen width where the CSS reads it, before the panel is painted. */
export function useSidePanelWidthProperty(): void {
  const width = useUiSettings((s) => s.sidePanelWidth);
  useLayoutEffect(() => document.documentElement.style.setProperty('--side-panel-width', `${width}px`), [width]);
}

/** The widths the panel can take in this window: the settings' limits, less what the transcript keeps. */
export function panelWidthRange(windowWidth: number = window.innerWidth): { min: number; max: number } {
  const { min, max } = PANEL_WIDTH_LIMITS;
  return { min, max: Math.max(min, Math.min(max, windowWidth - MIN_TRANSCRIPT_WIDTH)) };
}

/** Sets the panel's width (rounded; kept within the settings' limits); saved a moment after the last change. */
export function setSidePanelWidth(width: number): void {
  changeUiSettings({ sidePanelWidth: Math.round(width) });
}

/** Shows or hides the panel: beside the transcript, collapsed or not (remembered); in a narrow window, over it. */
export function toggleSidePanel(): void {
  if (windowState.narrow) setWindowState({ overlayOpen: !windowState.overlayOpen });
  else setSidePanelCollapsed(!uiSettings().sidePanelCollapsed);
}

export function setSidePanelCollapsed(collapsed: boolean): void {
  if (collapsed !== uiSettings().sidePanelCollapsed) changeUiSettings({ sidePanelCollapsed: collapsed });
}

/** Shows the panel if it is hidden (a highlight's note is to be written there). */
export function showSidePanel(): void {
  if (windowState.narrow) {
    if (!windowState.overlayOpen) setWindowState({ overlayOpen: true });
  } else setSidePanelCollapsed(false);
}

export function closeSidePanelOverlay(): void {
  if (windowState.overlayOpen) setWindowState({ overlayOpen: false });
}

/** Whether the panel is on screen now. */
export function isSidePanelShown(layout: Pick<SidePanelLayout, 'narrow' | 'collapsed' | 'overlayOpen'> = sidePanelLayout()): boolean {
  return layout.narrow ? layout.overlayOpen : !layout.collapsed;
}
