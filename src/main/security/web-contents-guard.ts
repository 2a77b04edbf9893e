/**
 * The rules every web page in the app lives by, applied to each WebContents as
 * it is created (app-wide, through `web-contents-created`), so a window, a
 * frame or a DevTools page opened later is held to them too: no new windows,
 * no navigation in any frame, no redirects, no webviews.
 */
import type { App, WebContents, WebPreferences } from 'electron';

/** Blocks new windows, navigation, redirects and webviews in one WebContents. */
export function guardWebContents(contents: WebContents): void {
  // The app is a single page: nothing it shows opens a window or leaves the page.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  // Subframes too (will-navigate only covers the main frame); the CSP allows no frame, this holds if one appears anyway.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event, webPreferences: WebPreferences) => {
    // Refused below; stripped first, so a webview could not carry a preload or Node even if a later listener let it through.
    delete webPreferences.preload;
    webPreferences.nodeIntegration = false;
    webPreferences.nodeIntegrationInSubFrames = false;
    webPreferences.contextIsolation = true;
    webPreferences.sandbox = true;
    event.preventDefault();
  });
}

/** Applies guardWebContents to every WebContents the app creates from now on. Call before the first window. */
export function guardAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
