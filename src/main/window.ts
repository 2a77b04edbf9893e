/**
 * The reading window: context isolation, sandbox, no Node in the page. What
 * it may load, request and navigate to is decided app-wide, in security/.
 * It opens where it was last closed, fitted to the screens there are now
 * (window-state.ts), and remembers its place as it is moved and resized.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, screen } from 'electron';
import { errorMessage } from '../core/error-message';
import { MIN_WINDOW_SIZE, parseWindowState, placeWindow, serializeWindowState, type WindowState } from './window-state';

/** How long the window must rest before its place is written (dragging fires 'move' many times a second). */
const SAVE_DELAY_MS = 500;

/**
 * `statePath`: the window's place, kept in Electron's userData folder rather than the library's data folder: it
 * belongs to this computer and its monitors, while a library may be shared, synced, given with --data-dir or
 * restored from a backup on another machine.
 */
export function createReadingWindow(preloadPath: string, statePath: string): BrowserWindow {
  const primaryId = screen.getPrimaryDisplay().id;
  const placed = placeWindow(
    readWindowState(statePath),
    screen.getAllDisplays().map((d) => ({ workArea: d.workArea, primary: d.id === primaryId })),
  );
  // electronegativity: AUXCLICK_JS_CHECK — a middle click can only ask for a new window, and the app-wide guard (security/web-contents-guard.ts) denies every one.
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Gloss',
    // Linux takes the window's icon from here (macOS and Windows from the app bundle). resources/ sits two folders up from out/main, in app.asar as in the project.
    icon: process.platform === 'linux' ? join(fileURLToPath(new URL('.', import.meta.url)), '../../resources/icon.png') : undefined,
    show: false,
    backgroundColor: '#fbfaf7',
    // Spelled out here rather than spread from a constant, so a reader (and electronegativity) sees each setting.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      // electronegativity: PRELOAD_JS_CHECK — the preload (src/preload/index.ts) is sandboxed and exposes only window.gloss: invoke on the contract's channels and listeners for what main sends (menu commands, documents to show, changes made beside the app), never ipcRenderer itself.
      preload: preloadPath,
    },
  });
  // Once there is something to show: maximize() shows a hidden window on some platforms, before its page is ready.
  win.once('ready-to-show', () => {
    if (placed.maximized) win.maximize();
    if (placed.fullScreen) win.setFullScreen(true);
    win.show();
  });
  rememberWindowState(win, statePath);
  return win;
}

function readWindowState(path: string): WindowState | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null; // First start, or the file was removed: the default window.
  }
  const read = parseWindowState(text);
  if (!read.ok) console.warn(`The window opens at its default size: ${path} could not be read, as ${read.problem}.`);
  return read.ok ? read.state : null;
}

/** Writes the window's place a moment after it moves or is resized, and when it closes. */
function rememberWindowState(win: BrowserWindow, path: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed() || win.isMinimized()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
    try {
      // Whole or not at all: a crash mid-write leaves the old file.
      writeFileSync(`${path}.tmp`, serializeWindowState(state));
      renameSync(`${path}.tmp`, path);
    } catch (error) {
      console.warn(`The window's size and place could not be remembered in ${path}: ${errorMessage(error)}`);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('enter-full-screen', later);
  win.on('leave-full-screen', later);
  win.on('close', save);
}
