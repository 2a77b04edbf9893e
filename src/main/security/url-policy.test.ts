/** Which URLs may load, be requested and call main, in a packaged app, in development, and against known attacks. */
import { describe, expect, test } from 'vitest';
import { APP_ENTRY_URL, createUrlPolicy, devServerOrigin, isAppUrl } from './url-policy';

const packaged = createUrlPolicy({ devServerUrl: 'http://localhost:5173', isPackaged: true });
const development = createUrlPolicy({ devServerUrl: 'http://localhost:5173', isPackaged: false });
const built = createUrlPolicy({ devServerUrl: undefined, isPackaged: false });

describe('the app origin', () => {
  test.each([
    ['app://gloss/index.html', true],
    ['app://gloss/assets/index-abc.js', true],
    ['app://gloss/', true],
    ['app://evil/index.html', false],
    ['app://gloss.evil/index.html', false],
    ['app://gloss:8080/index.html', false],
    ['app://user@gloss/index.html', false],
    ['app://user:pw@gloss/index.html', false],
    ['app:gloss/index.html', false],
    ['app:///index.html', false],
    ['apps://gloss/index.html', false],
    ['file:///work/out/renderer/index.html', false],
    ['https://gloss/index.html', false],
    ['not a url', false],
  ])('%s is on the app origin: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('the dev server', () => {
  test.each([
    ['http://localhost:5173', false, 'http://localhost:5173'],
    ['http://localhost:5173/some/path?x=1', false, 'http://localhost:5173'],
    ['http://127.0.0.1:5173/', false, 'http://127.0.0.1:5173'],
    ['https://[::1]:5173/', false, 'https://[::1]:5173'],
    ['http://localhost:5173', true, null],
    [undefined, false, null],
    ['', false, null],
    ['http://evil.com:5173/', false, null],
    ['http://localhost.evil.com:5173/', false, null],
    ['http://localhost:5173@evil.com/', false, null],
    ['http://user@localhost:5173/', false, null],
    ['http://localhost:5173.evil.com', false, null],
    ['file:///tmp/index.html', false, null],
    ['ws://localhost:5173', false, null],
  ])('ELECTRON_RENDERER_URL=%s, packaged %s: trusted origin %s', (url, isPackaged, expected) => {
    expect(devServerOrigin(url, isPackaged)).toBe(expected);
  });
});

describe('what a window loads', () => {
  test('a packaged app loads its own entry page even when ELECTRON_RENDERER_URL is set', () => {
    expect(packaged.entryUrl).toBe(APP_ENTRY_URL);
    expect(packaged.devOrigin).toBeNull();
  });

  test('development loads the dev server when one is named, the built files otherwise', () => {
    expect(development.entryUrl).toBe('http://localhost:5173/');
    expect(built.entryUrl).toBe('app://gloss/index.html');
  });

  test('a dev server that is not on this machine is ignored and the built files load', () => {
    expect(createUrlPolicy({ devServerUrl: 'http://evil.com/', isPackaged: false }).entryUrl).toBe(APP_ENTRY_URL);
  });
});

describe('loads, requests and IPC senders', () => {
  const attacks = [
    'http://localhost:5173.evil.com',
    'http://localhost:5173.evil.com/index.html',
    'http://localhost:51730/',
    'http://localhost:5173@evil.com/',
    'https://localhost:5173/',
    'ws://localhost:5173/',
    'http://localhost/',
    'file:///etc/passwd',
    'file:///work/out/renderer/index.html',
    'app://evil/index.html',
    'app://gloss:1/index.html',
    'https://example.com/tracker.js',
    'wss://example.com/socket',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'blob:app://gloss/5f0c',
    'about:blank',
    'chrome://settings',
  ];

  test.each(attacks)('%s is refused in every role, packaged and in development', (url) => {
    for (const policy of [packaged, development, built]) {
      expect(policy.mayLoad(url)).toBe(false);
      expect(policy.mayRequest(url)).toBe(false);
      expect(policy.maySendIpc(url)).toBe(false);
    }
  });

  test('the app origin may load, be requested and call main in every mode', () => {
    for (const policy of [packaged, development, built]) {
      expect(policy.mayLoad('app://gloss/index.html')).toBe(true);
      expect(policy.mayRequest('app://gloss/assets/index.css')).toBe(true);
      expect(policy.maySendIpc('app://gloss/index.html')).toBe(true);
    }
  });

  test('the dev server counts only in development, by its exact origin', () => {
    for (const url of ['http://localhost:5173/', 'http://localhost:5173/src/main.tsx?t=1']) {
      expect(development.mayLoad(url)).toBe(true);
      expect(development.mayRequest(url)).toBe(true);
      expect(development.maySendIpc(url)).toBe(true);
      expect(packaged.mayLoad(url)).toBe(false);
      expect(packaged.mayRequest(url)).toBe(false);
      expect(packaged.maySendIpc(url)).toBe(false);
      expect(built.mayRequest(url)).toBe(false);
    }
  });

  test('DevTools may fetch their own pages but neither load as the app nor call main', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(packaged.mayRequest(url)).toBe(true);
    expect(packaged.mayLoad(url)).toBe(false);
    expect(packaged.maySendIpc(url)).toBe(false);
  });
});
