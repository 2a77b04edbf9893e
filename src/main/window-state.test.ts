import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, parseWindowState, placeWindow, serializeWindowState, type DisplayArea, type Rect, type WindowState } from './window-state';

/** A laptop (primary, 1920×1080 with a 40 px task bar) and a 2560×1440 monitor to its right. */
const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1920, height: 1040 }, primary: true };
const monitor: DisplayArea = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };
/** A small screen above the laptop (negative coordinates, as macOS and Windows give them). */
const above: DisplayArea = { workArea: { x: 200, y: -900, width: 1440, height: 875 } };

const kept = (bounds: Rect, flags: Partial<WindowState> = {}): WindowState => ({ bounds, maximized: false, fullScreen: false, ...flags });
const inside = (b: Rect, a: Rect) => b.x >= a.x && b.y >= a.y && b.x + b.width <= a.x + a.width && b.y + b.height <= a.y + a.height;

describe('placeWindow', () => {
  it('opens a first window at the default size, centred on the primary display', () => {
    expect(placeWindow(null, [monitor, laptop])).toEqual({ bounds: { x: 320, y: 90, ...DEFAULT_WINDOW_SIZE }, maximized: false, fullScreen: false });
  });

  it('reopens a window where it was when it lies wholly on a screen', () => {
    const bounds = { x: 2100, y: 120, width: 1500, height: 1000 };
    expect(placeWindow(kept(bounds), [laptop, monitor]).bounds).toEqual(bounds);
  });

  it('keeps a window that straddles two screens without leaving them', () => {
    const bounds = { x: 1500, y: 100, width: 900, height: 700 };
    expect(placeWindow(kept(bounds), [laptop, monitor]).bounds).toEqual(bounds);
  });

  it('brings a window from a monitor that is gone onto the primary display, same size, centred', () => {
    const bounds = { x: 2100, y: 120, width: 1500, height: 900 };
    const placed = placeWindow(kept(bounds), [laptop]);
    expect(placed.bounds).toEqual({ x: 210, y: 70, width: 1500, height: 900 });
    expect(inside(placed.bounds, laptop.workArea)).toBe(true);
  });

  it('shrinks a window from a larger monitor that is gone to the primary display', () => {
    const placed = placeWindow(kept({ x: 1920, y: 0, width: 2560, height: 1400 }), [laptop]);
    expect(placed.bounds).toEqual(laptop.workArea);
  });

  it('moves a window that is partly off screen back in, on the display it overlaps most', () => {
    // Mostly on the monitor, hanging off its right and bottom edges.
    const placed = placeWindow(kept({ x: 3900, y: 1000, width: 1000, height: 800 }), [laptop, monitor]);
    expect(placed.bounds).toEqual({ x: 4480 - 1000, y: 1400 - 800, width: 1000, height: 800 });
    // Hanging off the laptop's left and top edges.
    expect(placeWindow(kept({ x: -300, y: -50, width: 800, height: 600 }), [laptop, monitor]).bounds).toEqual({ x: 0, y: 0, width: 800, height: 600 });
  });

  it('moves a window whose title bar is under the task bar back up into the work area', () => {
    const placed = placeWindow(kept({ x: 100, y: 500, width: 800, height: 600 }), [laptop]);
    expect(placed.bounds).toEqual({ x: 100, y: 1040 - 600, width: 800, height: 600 });
  });

  it('shrinks a window bigger than its screen to the work area', () => {
    const placed = placeWindow(kept({ x: 10, y: 10, width: 3000, height: 2000 }), [laptop]);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('works with screens at negative coordinates', () => {
    const bounds = { x: 300, y: -850, width: 1000, height: 700 };
    expect(placeWindow(kept(bounds), [laptop, above]).bounds).toEqual(bounds);
    // The screen above is unplugged: onto the laptop.
    expect(inside(placeWindow(kept(bounds), [laptop]).bounds, laptop.workArea)).toBe(true);
  });

  it('keeps maximised and full-screen, with normal bounds on a screen there is', () => {
    const gone = { x: 1920, y: 0, width: 1200, height: 800 };
    const placed = placeWindow(kept(gone, { maximized: true }), [laptop]);
    expect(placed.maximized).toBe(true);
    expect(placed.fullScreen).toBe(false);
    expect(inside(placed.bounds, laptop.workArea)).toBe(true);
    expect(placeWindow(kept({ x: 0, y: 0, width: 800, height: 600 }, { fullScreen: true }), [laptop]).fullScreen).toBe(true);
  });

  it('never opens smaller than the minimum, even from a file that says so', () => {
    const placed = placeWindow(kept({ x: 100, y: 100, width: 300, height: 200 }), [laptop]);
    expect(placed.bounds).toEqual({ x: 100, y: 100, ...MIN_WINDOW_SIZE });
  });

  it('gives a screen smaller than the minimum a window of the minimum size at its corner', () => {
    const tiny: DisplayArea = { workArea: { x: 0, y: 0, width: 540, height: 400 }, primary: true };
    expect(placeWindow(null, [tiny]).bounds).toEqual({ x: 0, y: 0, ...MIN_WINDOW_SIZE });
  });

  it('falls back to the first display when none is marked primary, and to the origin when there is none', () => {
    expect(placeWindow(null, [{ workArea: monitor.workArea }]).bounds).toEqual({ x: 1920 + 640, y: 270, ...DEFAULT_WINDOW_SIZE });
    expect(placeWindow(null, []).bounds).toEqual({ x: 0, y: 0, ...DEFAULT_WINDOW_SIZE });
  });
});

describe('parseWindowState', () => {
  it('reads back what it wrote', () => {
    const state = kept({ x: -1200, y: 40, width: 1100, height: 760 }, { maximized: true });
    expect(parseWindowState(serializeWindowState(state))).toEqual({ ok: true, state });
  });

  it('rounds fractional pixels (a scaled screen gives them)', () => {
    const read = parseWindowState('{"version":1,"bounds":{"x":10.4,"y":20.6,"width":800.5,"height":600},"maximized":false,"fullScreen":false}');
    expect(read).toEqual({ ok: true, state: kept({ x: 10, y: 21, width: 801, height: 600 }) });
  });

  it.each([
    ['', /not JSON/],
    ['{"version":1,"bounds":{"x":1', /not JSON/],
    ['[]', /does not hold an object/],
    ['null', /does not hold an object/],
    ['{"bounds":{"x":0,"y":0,"width":800,"height":600}}', /version is undefined, not 1/],
    ['{"version":2,"bounds":{"x":0,"y":0,"width":800,"height":600}}', /version is 2, not 1/],
    ['{"version":1}', /"bounds" is missing/],
    ['{"version":1,"bounds":{"x":"0","y":0,"width":800,"height":600}}', /"bounds.x" is "0", not a number/],
    ['{"version":1,"bounds":{"x":0,"y":0,"width":800}}', /"bounds.height" is missing/],
    ['{"version":1,"bounds":{"x":0,"y":1e300,"width":800,"height":600}}', /"bounds.y" is 1e\+300/],
    ['{"version":1,"bounds":{"x":0,"y":0,"width":0,"height":600}}', /0 × 600 pixels/],
    ['{"version":1,"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":"yes"}', /"maximized" is "yes", not true or false/],
  ])('says what is wrong with a damaged file: %s', (text, problem) => {
    const read = parseWindowState(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(problem);
  });

  it('reads a file without the flags as a normal window', () => {
    expect(parseWindowState('{"version":1,"bounds":{"x":0,"y":0,"width":800,"height":600}}')).toEqual({ ok: true, state: kept({ x: 0, y: 0, width: 800, height: 600 }) });
  });
});
