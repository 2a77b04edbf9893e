/**
 * Which URLs Gloss trusts. The app is served from its own origin, app://gloss
 * (see app-protocol.ts); in development, and only there, the dev server is
 * trusted too, by its exact origin. This module decides what a window may
 * show, what the session may request and which frames may call main over IPC.
 * It parses every URL: a prefix match would let `http://localhost:5173.evil.com`
 * or `http://localhost:5173@evil.com` through.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'gloss';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page every window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Hosts a dev server may run on: this machine only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface UrlPolicy {
  /** What the reading window loads: the app's entry page, or the dev server in development. */
  readonly entryUrl: string;
  /** The dev server's origin, or null outside development. */
  readonly devOrigin: string | null;
  /** May a window or frame show this page? */
  mayLoad(url: string): boolean;
  /** May the session fetch this URL? */
  mayRequest(url: string): boolean;
  /** May a frame showing this URL call main over IPC? */
  maySendIpc(url: string): boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for a URL on the app's own origin: scheme `app`, host `gloss`, no port,
 * user or password. (Node gives a custom scheme's URL the opaque origin "null",
 * so the parts are compared one by one.)
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * The dev server's origin when it may be trusted: never in a packaged app,
 * and only an http(s) server on this machine. Anything else gives null, and
 * the app then loads its built files.
 */
export function devServerOrigin(devServerUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !devServerUrl) return null;
  const parsed = parse(devServerUrl);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  if (!LOOPBACK_HOSTS.has(parsed.hostname) || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.origin;
}

export function createUrlPolicy(options: { devServerUrl: string | undefined; isPackaged: boolean }): UrlPolicy {
  const devOrigin = devServerOrigin(options.devServerUrl, options.isPackaged);
  const isDevUrl = (url: string) => devOrigin !== null && parse(url)?.origin === devOrigin;
  const mayLoad = (url: string) => isAppUrl(url) || isDevUrl(url);
  return {
    entryUrl: devOrigin !== null ? new URL(options.devServerUrl!).href : APP_ENTRY_URL,
    devOrigin,
    mayLoad,
    // DevTools fetch their own pages over devtools:; they are Chromium's, not the web's.
    mayRequest: (url) => mayLoad(url) || parse(url)?.protocol === 'devtools:',
    maySendIpc: mayLoad,
  };
}
