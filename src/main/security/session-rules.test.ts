/** The session cancels every request the URL policy does not allow and denies every permission but writing to the clipboard from the app's pages. */
import type { Session } from 'electron';
import { expect, test } from 'vitest';
import { lockDownSession } from './session-rules';
import { createUrlPolicy } from './url-policy';

function lockedSession(policy = createUrlPolicy({ devServerUrl: undefined, isPackaged: true })) {
  const hooks: Record<string, (...args: any[]) => unknown> = {};
  const session = {
    webRequest: { onBeforeRequest: (fn: any) => (hooks.beforeRequest = fn) },
    setPermissionRequestHandler: (fn: any) => (hooks.permissionRequest = fn),
    setPermissionCheckHandler: (fn: any) => (hooks.permissionCheck = fn),
  } as unknown as Session;
  lockDownSession(session, policy);
  const cancels = (url: string) => {
    let cancel: boolean | undefined;
    hooks.beforeRequest({ url }, (response: { cancel: boolean }) => (cancel = response.cancel));
    return cancel;
  };
  return { hooks, cancels };
}

test.each([
  ['app://gloss/index.html', false],
  ['app://gloss/assets/index.js', false],
  ['devtools://devtools/bundled/devtools_app.html', false],
  ['file:///etc/passwd', true],
  ['file:///app/out/renderer/index.html', true],
  ['https://example.com/tracker.js', true],
  ['http://localhost:5173/', true],
  ['wss://example.com/socket', true],
  ['app://evil/index.html', true],
])('a request to %s is cancelled: %s', (url, cancelled) => {
  expect(lockedSession().cancels(url)).toBe(cancelled);
});

test('in development the dev server is let through, by its exact origin only', () => {
  const { cancels } = lockedSession(createUrlPolicy({ devServerUrl: 'http://localhost:5173', isPackaged: false }));
  expect(cancels('http://localhost:5173/src/main.tsx')).toBe(false);
  expect(cancels('http://localhost:51730/')).toBe(true);
});

test('every permission is denied, asked or checked', () => {
  const { hooks } = lockedSession();
  let granted: boolean | undefined;
  hooks.permissionRequest({}, 'media', (g: boolean) => (granted = g));
  expect(granted).toBe(false);
  expect(hooks.permissionCheck({}, 'clipboard-read')).toBe(false);
});

test('the app’s own pages may write to the clipboard (Copy as Markdown); no page may read it, and no other page may write', () => {
  const { hooks } = lockedSession();
  const asked = (permission: string, requestingUrl: string) => {
    let granted: boolean | undefined;
    hooks.permissionRequest({}, permission, (g: boolean) => (granted = g), { requestingUrl });
    return granted;
  };
  expect(asked('clipboard-sanitized-write', 'app://gloss/index.html')).toBe(true);
  expect(hooks.permissionCheck({}, 'clipboard-sanitized-write', 'app://gloss')).toBe(true);
  expect(asked('clipboard-read', 'app://gloss/index.html')).toBe(false);
  expect(hooks.permissionCheck({}, 'clipboard-read', 'app://gloss')).toBe(false);
  expect(asked('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
  expect(hooks.permissionCheck({}, 'clipboard-sanitized-write', 'https://example.com')).toBe(false);
  expect(hooks.permissionCheck({}, 'clipboard-sanitized-write', 'app://evil')).toBe(false);
});
