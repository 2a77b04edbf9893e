/**
 * The reading window: context isolation, sandbox, no Node in the page. What
 * it may load, request and navigate to is decided app-wide, in security/.
 */
import { BrowserWindow } from 'electron';

export function createReadingWindow(preloadPath: string): BrowserWindow {
  // electronegativity: AUXCLICK_JS_CHECK — a middle click can only ask for a new window, and the app-wide guard (security/web-contents-guard.ts) denies every one.
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Gloss',
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
  win.once('ready-to-show', () => win.show());
  return win;
}
