/**
 * The reading window and the session rules that keep it locked down: context
 * isolation, sandbox, no Node in the page, no navigation, no new windows, no
 * permissions, and no network request of any kind.
 */
import { BrowserWindow, type Session, type WebPreferences } from 'electron';

export const SECURE_WEB_PREFERENCES = {
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
} as const satisfies WebPreferences;

/** Only the app's own files may load; in development, also the local dev server. */
export function isAllowedUrl(url: string, devServerUrl: string | undefined): boolean {
  if (url.startsWith('file://') || url.startsWith('devtools://')) return true;
  return devServerUrl !== undefined && url.startsWith(devServerUrl);
}

export function lockDownSession(session: Session, devServerUrl: string | undefined): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedUrl(details.url, devServerUrl) });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function createReadingWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Gloss',
    show: false,
    backgroundColor: '#fbfaf7',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  return win;
}
