/**
 * Where the window opens: its size, position and whether it was maximised or
 * full screen, as it was when Gloss last closed, read from a small JSON file
 * and fitted to the screens there are now. A window whose monitor is gone
 * opens on the primary display; one partly off screen is moved in; one bigger
 * than its screen is shrunk to it; a missing or damaged file gives a window
 * of the default size, centred on the primary display. Pure: displays come in
 * as plain rectangles (Electron's work areas), files as text.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display as far as placing a window goes: its work area (the screen without task bars and docks). */
export interface DisplayArea {
  workArea: Rect;
  primary?: boolean;
}

export interface WindowState {
  /** The window's normal (not maximised, not full-screen) bounds, in screen coordinates. */
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

/** The file, in Electron's userData folder (window.ts says why not in the library's data folder). */
export const WINDOW_STATE_FILE = 'window-state.json';

/** The smallest window Gloss lays out (the narrow layout starts at 600 px). */
export const MIN_WINDOW_SIZE = { width: 600, height: 480 } as const;

/** The size of a window opened for the first time (or after the file was lost), when the screen has room for it. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;

const FORMAT_VERSION = 1;
/** Larger than any screen made: a value beyond it is not a window's. */
const MAX_COORDINATE = 100_000;

export type ReadWindowState = { ok: true; state: WindowState } | { ok: false; problem: string };

/** The state kept in the file's text; a damaged file says what is wrong with it (and the default window is used). */
export function parseWindowState(text: string): ReadWindowState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(data)) return { ok: false, problem: 'it does not hold an object' };
  if (data.version !== FORMAT_VERSION) return { ok: false, problem: `its version is ${JSON.stringify(data.version)}, not ${FORMAT_VERSION}` };
  if (!isObject(data.bounds)) return { ok: false, problem: '"bounds" is missing' };
  const bounds: Partial<Rect> = {};
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    const value = data.bounds[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_COORDINATE) {
      return { ok: false, problem: `"bounds.${key}" is ${JSON.stringify(value) ?? 'missing'}, not a number of pixels` };
    }
    bounds[key] = Math.round(value);
  }
  if (bounds.width! <= 0 || bounds.height! <= 0) return { ok: false, problem: `the window is ${bounds.width} × ${bounds.height} pixels` };
  for (const key of ['maximized', 'fullScreen'] as const) {
    if (data[key] !== undefined && typeof data[key] !== 'boolean') return { ok: false, problem: `"${key}" is ${JSON.stringify(data[key])}, not true or false` };
  }
  return { ok: true, state: { bounds: bounds as Rect, maximized: data.maximized === true, fullScreen: data.fullScreen === true } };
}

/** The file's text for `state`. */
export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  return `${JSON.stringify({ version: FORMAT_VERSION, bounds: { x, y, width, height }, maximized: state.maximized, fullScreen: state.fullScreen }, null, 2)}\n`;
}

/**
 * Where to open the window, given what was kept (null: nothing, or a damaged file) and the displays there are now.
 * A window that lies wholly on the work areas opens where it was, even across two screens; otherwise it is fitted
 * (shrunk, then moved in) to the display it overlaps most, or centred on the primary display when it overlaps none.
 */
export function placeWindow(saved: WindowState | null, displays: readonly DisplayArea[]): WindowState {
  const areas = displays.map((d) => d.workArea).filter((a) => a.width > 0 && a.height > 0);
  const primary = displays.find((d) => d.primary && d.workArea.width > 0 && d.workArea.height > 0)?.workArea ?? areas[0];
  if (!primary) {
    // No screen known (it happens only in headless runs): the default size, at the origin.
    return { bounds: { x: 0, y: 0, ...(saved ? fitSize(saved.bounds, null) : DEFAULT_WINDOW_SIZE) }, maximized: saved?.maximized ?? false, fullScreen: saved?.fullScreen ?? false };
  }
  if (!saved) return { bounds: centred(DEFAULT_WINDOW_SIZE, primary), maximized: false, fullScreen: false };
  const { bounds } = saved;
  const flags = { maximized: saved.maximized, fullScreen: saved.fullScreen };
  const size = fitSize(bounds, null);
  if (size.width === bounds.width && size.height === bounds.height && coveredArea(bounds, areas) >= area(bounds)) return { bounds: { ...bounds }, ...flags };
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const a of areas) {
    const overlap = area(intersection(bounds, a));
    if (overlap > bestOverlap) {
      best = a;
      bestOverlap = overlap;
    }
  }
  // Its monitor is gone: the same size (as far as it fits), centred on the primary display.
  if (!best) return { bounds: centred(fitSize(bounds, primary), primary), ...flags };
  const fitted = fitSize(bounds, best);
  return {
    bounds: { x: clamp(bounds.x, best.x, best.x + best.width - fitted.width), y: clamp(bounds.y, best.y, best.y + best.height - fitted.height), ...fitted },
    ...flags,
  };
}

/** The size no smaller than the minimum and, on `area`, no larger than it (a screen smaller than the minimum gets the minimum). */
function fitSize(size: { width: number; height: number }, on: Rect | null): { width: number; height: number } {
  const width = Math.max(MIN_WINDOW_SIZE.width, on ? Math.min(size.width, on.width) : size.width);
  const height = Math.max(MIN_WINDOW_SIZE.height, on ? Math.min(size.height, on.height) : size.height);
  return { width, height };
}

function centred(size: { width: number; height: number }, on: Rect): Rect {
  const { width, height } = fitSize(size, on);
  return { x: on.x + Math.max(0, Math.floor((on.width - width) / 2)), y: on.y + Math.max(0, Math.floor((on.height - height) / 2)), width, height };
}

/** How much of `rect` the areas cover (displays do not overlap, so their overlaps with it add up). */
function coveredArea(rect: Rect, areas: readonly Rect[]): number {
  return areas.reduce((sum, a) => sum + area(intersection(rect, a)), 0);
}

function intersection(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}

const area = (r: Rect) => r.width * r.height;

/** `value` within [min, max]; when the range is empty (a window wider than its screen), min. */
const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
