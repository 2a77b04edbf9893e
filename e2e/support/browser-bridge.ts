/**
 * Runs the built renderer in plain Chromium with the real main-process
 * handlers (over a real library folder) in place of Electron's IPC:
 * `window.gloss` is built from the shared contract by an init script and
 * calls the handlers through a Playwright binding. The app's files are
 * served under a private origin by the app's own app:// handler (so with its
 * content types and CSP header); every other request is refused. Every request
 * is recorded. gloss:// links are checked against the library and delivered
 * to the page as main delivers them (the same link queue and resolver).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createHandlers, invokeHandler } from '../../src/main/ipc/handlers';
import { createLinkQueue } from '../../src/main/links/link-queue';
import { resolveGlossLink } from '../../src/main/links/open-link';
import { TaskRegistry } from '../../src/main/tasks/task-registry';
import { createAppFileHandler } from '../../src/main/security/serve-app-files';
import { APP_ORIGIN as ELECTRON_APP_ORIGIN } from '../../src/main/security/url-policy';
import { LibraryStore } from '../../src/main/store/library-store';
import { CHANNELS, type GlossBridge, type MenuCommand } from '../../src/shared/contract';
import type { GlossPlace, TaskProgress } from '../../src/shared/model';
import { RENDERER_DIR, SAMPLE_PATH } from './paths';

/** https, so the page is a secure context as the app's file:// page is in Electron (crypto.randomUUID needs one). */
export const APP_ORIGIN = 'https://gloss.invalid';

declare global {
  interface Window {
    __glossInvoke?: (channel: string, request: unknown) => Promise<unknown>;
    __glossMenu?: (command: MenuCommand) => void;
    __glossShowDocument?: (documentId: string) => void;
    __glossShowPlace?: (place: GlossPlace) => void;
    __glossLibraryChanged?: (documentId: string | null) => void;
    __glossTaskProgress?: (progress: TaskProgress) => void;
  }
}

/** The page-side bridge. Runs in the page before any app script; typed against the contract. */
function installBridge(channels: readonly string[]): void {
  const listeners = new Set<(command: MenuCommand) => void>();
  const showListeners = new Set<(documentId: string) => void>();
  const placeListeners = new Set<(place: GlossPlace) => void>();
  const changeListeners = new Set<(documentId: string | null) => void>();
  const progressListeners = new Set<(progress: TaskProgress) => void>();
  const bridge: GlossBridge = {
    // Answers come back as JSON text: Playwright's own serialisation of a large object takes seconds, where Electron's structured clone takes milliseconds.
    invoke: (channel, request) =>
      channels.includes(channel)
        ? (window.__glossInvoke!(channel, request) as Promise<string>).then((json) => JSON.parse(json) as Awaited<ReturnType<GlossBridge['invoke']>>)
        : Promise.reject(new Error(`Unknown channel ${String(channel)}`)),
    onMenuCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onShowDocument: (listener) => {
      showListeners.add(listener);
      return () => showListeners.delete(listener);
    },
    onShowPlace: (listener) => {
      placeListeners.add(listener);
      return () => placeListeners.delete(listener);
    },
    onLibraryChanged: (listener) => {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onTaskProgress: (listener) => {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
  };
  Object.defineProperty(window, 'gloss', { value: Object.freeze(bridge) });
  window.__glossMenu = (command) => listeners.forEach((l) => l(command));
  window.__glossShowDocument = (id) => showListeners.forEach((l) => l(id));
  window.__glossShowPlace = (place) => placeListeners.forEach((l) => l(place));
  window.__glossLibraryChanged = (id) => changeListeners.forEach((l) => l(id));
  window.__glossTaskProgress = (progress) => progressListeners.forEach((l) => l(progress));
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to make outside the app's own files. */
  blockedRequests: string[];
  /** Every request the page made, in order. */
  requests: string[];
  /** Closes the page, then the store (which may be writing its search index into the data folder). */
  close(): Promise<void>;
  /** Opens a gloss:// link as the operating system hands one to the app; resolves once it was shown or refused. */
  openLink(url: string): Promise<void>;
  /** What the app said, in its error box, about each link it refused. */
  refusedLinks: string[];
}

/** The native dialogs, stubbed by the tests at their one call site. */
export interface DialogStubs {
  chooseExportPath(suggestedName: string): Promise<string | null>;
  chooseFilesToOpen(): Promise<string[]>;
  /** A folder to export into; the export path's own folder when not given. */
  chooseExportFolder?(): Promise<string | null>;
}

export async function openInBrowser(browser: Browser, dataDir: string, dialogs: DialogStubs): Promise<BrowserSession> {
  const store = await LibraryStore.open(dataDir);
  await store.addSampleOnce(await readFile(SAMPLE_PATH, 'utf8'));
  // As main's, but sent by evaluating in the page: one message after another, in order, none once the page is closed.
  let progressPage: Page | null = null;
  let progressDelivered: Promise<unknown> = Promise.resolve();
  const tasks = new TaskRegistry((progress) => {
    progressDelivered = progressDelivered.then(() => progressPage?.evaluate((p) => window.__glossTaskProgress?.(p), progress)).catch(() => undefined);
  });
  const handlers = createHandlers({ store, chooseExportFolder: async () => null, ...dialogs, now: () => new Date(), tasks });

  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const blockedRequests: string[] = [];
  const requests: string[] = [];
  const serveAppFile = createAppFileHandler(RENDERER_DIR);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    if (url.origin !== APP_ORIGIN) {
      blockedRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    // The same path under app://gloss, answered as Electron answers it.
    const response = await serveAppFile(new Request(`${ELECTRON_APP_ORIGIN}${url.pathname}${url.search}`, { method: route.request().method() }));
    return route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });
  await context.exposeBinding('__glossInvoke', async (_source, channel: unknown, request: unknown) => JSON.stringify(await invokeHandler(handlers, channel, request)));
  await context.addInitScript(installBridge, CHANNELS);
  const page = await context.newPage();
  progressPage = page;
  await page.goto(`${APP_ORIGIN}/index.html`);
  const close = async () => {
    progressPage = null;
    await context.close();
    await store.close();
  };
  const refusedLinks: string[] = [];
  const links = createLinkQueue();
  let delivered: Promise<void> = Promise.resolve();
  void links.attach({
    resolve: (raw) => resolveGlossLink(store, raw),
    show: (place) => {
      delivered = page.evaluate((p) => window.__glossShowPlace?.(p), place);
    },
    refuse: (message) => refusedLinks.push(message),
  });
  const openLink = async (url: string) => {
    links.add(url);
    await links.settled();
    await delivered;
  };
  return { context, page, blockedRequests, requests, close, openLink, refusedLinks };
}
