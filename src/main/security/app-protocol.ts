/**
 * The app:// scheme's file policy: which file inside the built renderer
 * folder a request URL names, or why it is refused. Only the app's own host
 * is served, only files of a known type, and no path may leave the folder:
 * `..` and `.` segments (plain or percent-encoded), encoded slashes and
 * backslashes, NUL bytes and drive letters are refused before any path is
 * built, and the built path is checked to lie inside the folder.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_SCHEME, isAppUrl } from './url-policy';

/** The scheme's registration: standard (real origin, relative URLs), secure (crypto.randomUUID needs a secure context). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // supportFetchAPI: module scripts are fetched through the Fetch machinery; the page's CSP (connect-src 'none') still forbids fetch().
  // codeCache: V8 keeps compiled code between launches, as it does for http.
  // Not corsEnabled (would let other origins read these files) and not bypassCSP.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
};

export type AppFileLookup =
  | { ok: true; path: string; contentType: string }
  | { ok: false; status: 403 | 404; reason: string };

const refuse = (status: 403 | 404, reason: string): AppFileLookup => ({ ok: false, status, reason });

/** The content type Gloss serves a file name with, or undefined for types it does not serve. */
export function contentTypeOf(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : CONTENT_TYPES[fileName.slice(dot + 1).toLowerCase()];
}

/**
 * Maps an app:// request URL to a file inside `rootDir` (an absolute folder),
 * or to a refusal: 403 for another origin or a path that tries to leave the
 * folder, 404 for a name that cannot be one of the app's files. `/` is
 * `/index.html`; the query and fragment are ignored.
 */
export function resolveAppFile(url: string, rootDir: string): AppFileLookup {
  if (!isAppUrl(url)) return refuse(403, 'not the app’s origin');
  const pathname = new URL(url).pathname;
  const raw = pathname === '/' ? ['index.html'] : pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return refuse(403, 'malformed percent-encoding');
    }
    if (segment === '') return refuse(404, 'empty path segment');
    if (segment === '.' || segment === '..') return refuse(403, 'dot segment');
    // Separators and drive letters inside a segment could step out on some platform; NUL ends a path in C.
    if (/[/\\:\0]/.test(segment)) return refuse(403, 'separator, colon or NUL in a segment');
    segments.push(segment);
  }
  const contentType = contentTypeOf(segments.at(-1)!);
  if (!contentType) return refuse(404, 'not a file type the app serves');
  const root = resolve(rootDir);
  const path = join(root, ...segments);
  if (!isInsideFolder(root, path)) return refuse(403, 'outside the app’s folder');
  return { ok: true, path, contentType };
}

/** True when `path` lies strictly inside the folder `root` (both absolute). */
export function isInsideFolder(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}
