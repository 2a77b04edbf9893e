/**
 * Loads the Electron entry point against a stand-in `electron` module and
 * checks what it set up: the window's security settings, the app:// scheme,
 * the session's network and permission rules, navigation blocking for every
 * WebContents, and one IPC handler per contract channel.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { CHANNELS } from '../shared/contract';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    handlers: new Map<string, (event: unknown, request: unknown) => unknown>(),
    windows: [] as { options: Record<string, any>; events: Map<string, (...args: any[]) => unknown>; openHandler?: () => unknown; loaded?: string }[],
    beforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    menuTemplate: [] as any[],
    appEvents: new Map<string, (...args: any[]) => unknown>(),
    sent: [] as [string, unknown][],
    ready: undefined as undefined | Promise<void>,
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    protocolClients: [] as unknown[][],
    errorBoxes: [] as [string, string][],
    openDialogs: [] as { filters: { extensions: string[] }[]; properties: string[] }[],
  };
  return state;
});

/** A top-level menu by its name (Windows and Linux write it with its access key, `&File`). */
const menuNamed = (name: string) => fake.menuTemplate.find((m) => m.label?.replace('&', '') === name);

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: any;
    constructor(options: Record<string, unknown>) {
      const events = new Map<string, Listener>();
      const record: (typeof fake.windows)[number] = { options, events };
      fake.windows.push(record);
      this.webContents = {
        on: (name: string, fn: Listener) => events.set(name, fn),
        setWindowOpenHandler: (fn: () => unknown) => (record.openHandler = fn),
        send: (channel: string, payload: unknown) => fake.sent.push([channel, payload]),
      };
      fake.appEvents.get('web-contents-created')?.({}, this.webContents);
    }
    once() {}
    on() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    focus() {}
    show() {}
    async loadFile(path: string) {
      fake.windows.at(-1)!.loaded = path;
    }
    async loadURL(url: string) {
      fake.windows.at(-1)!.loaded = url;
    }
  }
  const app = {
    getPath: () => tmpdir(),
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    setAsDefaultProtocolClient: (...args: unknown[]) => fake.protocolClients.push(args),
    on: (name: string, fn: (...args: any[]) => unknown) => fake.appEvents.set(name, fn),
    quit: () => {},
    exit: () => {},
    whenReady: () => {
      fake.ready = Promise.resolve();
      return fake.ready;
    },
  };
  return {
    app,
    BrowserWindow,
    dialog: {
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async (...args: unknown[]) => {
        fake.openDialogs.push(args.at(-1) as { filters: { extensions: string[] }[]; properties: string[] });
        return { canceled: true, filePaths: [] };
      },
      showErrorBox: (title: string, message: string) => fake.errorBoxes.push([title, message]),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof fake.privilegedSchemes) => fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, fn),
    },
    ipcMain: { handle: (channel: string, fn: (event: unknown, request: unknown) => unknown) => fake.handlers.set(channel, fn) },
    // One 1920×1080 screen with a 40 px task bar.
    screen: { getPrimaryDisplay: () => ({ id: 1 }), getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        fake.menuTemplate = template;
        return {};
      },
      setApplicationMenu: () => {},
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: (fn: typeof fake.beforeRequest) => (fake.beforeRequest = fn) },
        setPermissionRequestHandler: (fn: typeof fake.permissionRequest) => (fake.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof fake.permissionCheck) => (fake.permissionCheck = fn),
      },
    },
  };
});

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gloss-main-'));
  process.env.GLOSS_DATA_DIR = dataDir;
  await import('./index');
  await vi.waitFor(() => expect(fake.windows[0]?.loaded).toBeDefined(), { timeout: 5000 });
});
afterAll(async () => {
  delete process.env.GLOSS_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe('the Electron entry point', () => {
  test('opens one window with context isolation, sandbox and no Node integration', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0].options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(fake.windows[0].loaded).toBe('app://gloss/index.html');
  });

  test('opens the window on the screen, no narrower than the narrow layout (600 px)', () => {
    const { x, y, width, height, minWidth, minHeight } = fake.windows[0].options;
    expect({ minWidth, minHeight }).toEqual({ minWidth: 600, minHeight: 480 });
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + width).toBeLessThanOrEqual(1920);
    expect(y + height).toBeLessThanOrEqual(1040);
  });

  test('serves the renderer from the privileged app:// scheme, with the CSP header', async () => {
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.privilegedSchemes[0].privileges).not.toHaveProperty('bypassCSP');
    const page = await fake.protocolHandlers.get('app')!(new Request('app://gloss/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fake.protocolHandlers.get('app')!(new Request('app://gloss/..%2f..%2fpackage.json'))).status).toBe(403);
  });

  test('registers a handler for every contract channel and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  test('handlers answer our page and refuse any other sender', async () => {
    const list = fake.handlers.get('library:list')!;
    const ours = await list({ senderFrame: { url: 'app://gloss/index.html' } }, {});
    expect(ours).toMatchObject({ ok: true, value: [expect.objectContaining({ title: 'Democracies must maintain the lead in AI' })] });
    expect(await list({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false });
    expect(await list({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, {})).toMatchObject({ ok: false });
    expect(await list({ senderFrame: { url: 'http://localhost:5173.evil.com/' } }, {})).toMatchObject({ ok: false });
    expect(await list({ senderFrame: { url: 'app://evil/index.html' } }, {})).toMatchObject({ ok: false });
    expect(await list({ senderFrame: null }, {})).toMatchObject({ ok: false });
  });

  test('blocks navigation and new windows', () => {
    const { events, openHandler } = fake.windows[0];
    const event = { preventDefault: vi.fn() };
    events.get('will-navigate')!(event, 'https://example.com');
    expect(event.preventDefault).toHaveBeenCalled();
    const frameEvent = { preventDefault: vi.fn() };
    events.get('will-frame-navigate')!(frameEvent);
    expect(frameEvent.preventDefault).toHaveBeenCalled();
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  test('cancels every network request and denies every permission', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      fake.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.com/tracker.js')).toBe(true);
    expect(decide('http://localhost:8080/')).toBe(true);
    expect(decide('wss://example.com/socket')).toBe(true);
    expect(decide('file:///app/out/renderer/assets/index.js')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://gloss/assets/index.js')).toBe(false);
    let granted: boolean | undefined;
    fake.permissionRequest!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.permissionCheck!()).toBe(false);
  });

  test('has File menu items to open transcripts, show the library and export (File > Export…, Ctrl+E)', () => {
    const file = menuNamed('File');
    expect(file.submenu.map((i: any) => i.id)).toEqual(expect.arrayContaining(['import', 'show-library', 'export']));
    expect(file.submenu.find((i: any) => i.id === 'export')).toMatchObject({ label: 'Export…', accelerator: 'CmdOrCtrl+E' });
  });

  test('has File > Replace text with a corrected version…, which asks the page to replace the open document\'s text', () => {
    const item = menuNamed('File').submenu.find((i: any) => i.id === 'replace-text');
    expect(item).toMatchObject({ label: 'Replace text with a corrected version…' });
    item.click();
    expect(fake.sent.at(-1)).toEqual(['menu:command', 'replace-text']);
  });

  test('has Edit > Find… (Ctrl/Cmd+F), which asks the page to open its find bar', () => {
    const find = menuNamed('Edit').submenu.find((i: any) => i.id === 'find');
    expect(find).toMatchObject({ label: 'Find…', accelerator: 'CmdOrCtrl+F' });
    find.click();
    expect(fake.sent.at(-1)).toEqual(['menu:command', 'find']);
  });

  test('a second launch hands its files to the running app, which imports and shows them', async () => {
    const path = join(dataDir, 'lecture.srt');
    await writeFile(path, '1\n00:00:01,000 --> 00:00:02,000\nAnn Lee: Welcome.\n');
    await fake.appEvents.get('second-instance')!({}, ['/usr/bin/electron', '/app', '--data-dir', dataDir, 'lecture.srt'], dataDir);
    await vi.waitFor(() => expect(fake.sent.at(-1)?.[0]).toBe('documents:show'));
    const list = (await fake.handlers.get('library:list')!({ senderFrame: { url: 'app://gloss/index.html' } }, {})) as { value: { id: string; title: string }[] };
    expect(list.value.find((d) => d.id === fake.sent.at(-1)![1])?.title).toBe('lecture');
  });

  test('registers itself with the operating system as the opener of gloss:// links', () => {
    expect(fake.protocolClients.map((args) => args[0])).toEqual(['gloss']);
  });

  test('a gloss:// link (macOS open-url, or a second launch) is checked, then shown in the window; an unknown document is refused in words', async () => {
    const list = (await fake.handlers.get('library:list')!({ senderFrame: { url: 'app://gloss/index.html' } }, {})) as { value: { id: string; title: string }[] };
    const sample = list.value.find((d) => d.title === 'Democracies must maintain the lead in AI')!;
    const prevent = vi.fn();
    fake.appEvents.get('open-url')!({ preventDefault: prevent }, `gloss://document/${sample.id}?from=0&to=20`);
    expect(prevent).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.sent.at(-1)).toEqual(['documents:show-place', { documentId: sample.id, start: 0, end: 20 }]), { timeout: 5000 });

    const sent = fake.sent.length;
    fake.appEvents.get('second-instance')!({}, ['/usr/bin/electron', '/app', 'gloss://document/9d3f1a2b-0c4d-4e5f-8a6b-7c8d9e0f1a2b'], dataDir);
    await vi.waitFor(() => expect(fake.errorBoxes.at(-1)?.[1]).toContain('not in this library'), { timeout: 5000 });
    // Nothing was shown, and the link was not taken for a file to import.
    expect(fake.sent.length).toBe(sent);
  });

  test('File has Import Annotations…, Back Up Library… and Restore from Backup…; their Open dialogs offer annotation files and backups', async () => {
    const file = menuNamed('File');
    for (const id of ['import-annotations', 'backup', 'restore']) {
      file.submenu.find((i: any) => i.id === id).click();
      expect(fake.sent.at(-1)).toEqual(['menu:command', id]);
    }
    const ours = { senderFrame: { url: 'app://gloss/index.html' } };
    expect(await fake.handlers.get('exchange:import-dialog')!(ours, {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(fake.openDialogs.at(-1)!.filters[0].extensions).toEqual(['json', 'jsonld', 'qdpx']);
    expect(fake.openDialogs.at(-1)!.properties).toEqual(['openFile']);
    expect(await fake.handlers.get('library:restore-dialog')!(ours, {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(fake.openDialogs.at(-1)!.filters[0].extensions).toEqual(['zip']);
    expect(await fake.handlers.get('library:import-dialog')!(ours, {})).toEqual({ ok: true, value: [] });
    expect(fake.openDialogs.at(-1)!.filters[0].extensions).toContain('vtt');
  });
});
