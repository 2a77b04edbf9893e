/** The app:// file policy: which request URLs name a file in the renderer folder, and which are refused and why. */
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentTypeOf, isInsideFolder, resolveAppFile } from './app-protocol';

const ROOT = resolve('/srv/gloss/out/renderer');

describe('files the app serves', () => {
  test.each([
    ['app://gloss/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://gloss/', 'index.html', 'text/html; charset=utf-8'],
    ['app://gloss/assets/index-BZKtNi41.js', 'assets/index-BZKtNi41.js', 'text/javascript; charset=utf-8'],
    ['app://gloss/assets/index-DDfssZnk.css?v=2#top', 'assets/index-DDfssZnk.css', 'text/css; charset=utf-8'],
    ['app://gloss/assets/Font%20Name.woff2', 'assets/Font Name.woff2', 'font/woff2'],
    ['app://gloss/assets/icon.SVG', 'assets/icon.SVG', 'image/svg+xml'],
  ])('%s is %s, served as %s', (url, file, contentType) => {
    expect(resolveAppFile(url, ROOT)).toEqual({ ok: true, path: join(ROOT, file), contentType });
  });
});

describe('requests that are refused', () => {
  test.each([
    // Other origins.
    ['app://evil/index.html', 403],
    ['app://gloss.evil/index.html', 403],
    ['app://gloss:80/index.html', 403],
    ['app://user@gloss/index.html', 403],
    ['file:///etc/passwd', 403],
    ['http://localhost:5173.evil.com', 403],
    ['https://gloss.invalid/index.html', 403],
    // Leaving the folder with encoded separators or dot segments the URL parser leaves alone.
    ['app://gloss/..%2f..%2fetc%2fpasswd', 403],
    ['app://gloss/assets%2f..%2f..%2f..%2fetc%2fpasswd', 403],
    ['app://gloss/..%5c..%5cwindows%5cwin.ini', 403],
    ['app://gloss/C:%5cWindows%5cwin.ini', 403],
    ['app://gloss/c%3a/Windows/win.ini', 403],
    ['app://gloss/index.html%00.png', 403],
    ['app://gloss/%E0%A4%A', 403],
    // Names that cannot be one of the app's files.
    ['app://gloss//etc/passwd', 404],
    ['app://gloss/assets/', 404],
    ['app://gloss/main/index.js.node', 404],
    ['app://gloss/.env', 404],
    ['app://gloss/README', 404],
  ])('%s is refused with %i', (url, status) => {
    const lookup = resolveAppFile(url, ROOT);
    expect(lookup).toMatchObject({ ok: false, status });
  });

  test('a double-encoded dot segment is decoded once, to a folder name inside', () => {
    expect(resolveAppFile('app://gloss/%252e%252e/secret.txt', ROOT)).toMatchObject({ ok: true, path: join(ROOT, '%2e%2e', 'secret.txt') });
  });

  test.each([
    'app://gloss/../../x.js',
    'app://gloss/%2e%2e/%2E%2e/etc/passwd.txt',
    'app://gloss/assets/../../../etc/hosts.txt',
    'app://gloss/./././index.html',
  ])('%s never names a file outside the folder (the URL parser folds its dot segments)', (url) => {
    const lookup = resolveAppFile(url, ROOT);
    if (lookup.ok) expect(isInsideFolder(ROOT, lookup.path)).toBe(true);
  });
});

describe('content types', () => {
  test.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['chunk.mjs', 'text/javascript; charset=utf-8'],
    ['font.ttf', 'font/ttf'],
    ['archive.zip', undefined],
    ['Makefile', undefined],
  ])('%s is served as %s', (name, type) => {
    expect(contentTypeOf(name)).toBe(type);
  });
});

describe('inside the folder', () => {
  test.each([
    [join(ROOT, 'index.html'), true],
    [join(ROOT, '..foo.js'), true],
    [ROOT, false],
    [resolve(ROOT, '..'), false],
    [resolve(ROOT, '../renderer-evil/x.js'), false],
    [resolve('/etc/passwd'), false],
  ])('%s is inside: %s', (path, inside) => {
    expect(isInsideFolder(ROOT, path)).toBe(inside);
  });
});
