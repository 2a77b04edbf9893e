/** Every WebContents the app creates is guarded: no new windows, navigation, redirects or webviews. */
import type { App, WebContents } from 'electron';
import { describe, expect, test, vi } from 'vitest';
import { guardAllWebContents, guardWebContents } from './web-contents-guard';

type Listener = (...args: any[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: (() => unknown) | undefined;
  const contents = {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn),
  } as unknown as WebContents;
  const fire = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)!(event, ...args);
    return event.preventDefault;
  };
  return { contents, fire, open: () => openHandler?.(), listeners };
}

describe('the web contents guard', () => {
  test('denies every new window', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    expect(fake.open()).toEqual({ action: 'deny' });
  });

  test.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('prevents %s, whatever the target', (name) => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    for (const url of ['https://example.com/', 'app://gloss/index.html', 'file:///etc/passwd']) {
      expect(fake.fire(name, url)).toHaveBeenCalled();
    }
  });

  test('refuses a webview, stripping its preload and Node first', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    const prefs: Record<string, unknown> = { preload: '/tmp/evil.js', nodeIntegration: true, contextIsolation: false, sandbox: false };
    expect(fake.fire('will-attach-webview', prefs, { src: 'https://example.com/' })).toHaveBeenCalled();
    expect(prefs).toEqual({ nodeIntegration: false, nodeIntegrationInSubFrames: false, contextIsolation: true, sandbox: true });
  });

  test('is applied app-wide to every WebContents as it is created, not only the main window', () => {
    let created: Listener | undefined;
    const app = { on: (name: string, fn: Listener) => name === 'web-contents-created' && (created = fn) } as unknown as App;
    guardAllWebContents(app);
    const first = fakeContents();
    const second = fakeContents();
    created!({}, first.contents);
    created!({}, second.contents);
    for (const fake of [first, second]) {
      expect([...fake.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
      expect(fake.open()).toEqual({ action: 'deny' });
    }
  });
});
