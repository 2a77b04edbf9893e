/**
 * The `gloss` fixture: every test gets the app running over a fresh, empty
 * data folder, either in Chromium with the real main-process handlers
 * (project "chromium") or as the real Electron app (project "electron").
 * The save dialog is stubbed at its one call site. Each test also checks that
 * the page made no network request and logged no error (CSP violations included).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import type { MenuCommand } from '../../src/shared/contract';
import { APP_ORIGIN as ELECTRON_APP_ORIGIN } from '../../src/main/security/url-policy';
import { APP_ORIGIN as BROWSER_APP_ORIGIN, openInBrowser, type BrowserSession } from './browser-bridge';
import { GlossPage } from './gloss-page';
import { CHROMIUM_ARGS, MAIN_ENTRY, chromiumExecutable, electronBinary } from './paths';

export type GlossTarget = 'chromium' | 'electron';

export interface GlossApp {
  page: Page;
  ui: GlossPage;
  dataDir: string;
  /** Where the next export goes (null: the user cancels the dialog). */
  setExportPath(path: string | null): Promise<void>;
  /** The folder the user picks for the next export of several documents (null: they cancel). */
  setExportFolder(path: string | null): Promise<void>;
  /** What the user picks in the next Open dialog (empty: they cancel). */
  setFilesToOpen(paths: string[]): Promise<void>;
  /** Quit and start again over the same data folder. */
  restart(): Promise<void>;
  /** Acts as if the user picked a native menu item. */
  menu(command: MenuCommand): Promise<void>;
  /** Opens a gloss:// link as the operating system hands it to the running app (macOS's open-url in Electron). */
  openLink(url: string): Promise<void>;
  /** The messages of the error boxes shown for refused links, in order. */
  refusedLinks(): Promise<string[]>;
  /** The origin the app is served from: app://gloss in Electron, a stand-in https origin in Chromium. */
  appOrigin: string;
  /** Every URL requested since the app started (in Electron, as the session's webRequest saw it, and the page's own loads). */
  requests(): Promise<string[]>;
}

interface Running {
  page: Page;
  close(): Promise<void>;
  menu(command: MenuCommand): Promise<void>;
  blockedRequests: string[];
  requests(): Promise<string[]>;
  stubDialog(): Promise<void>;
  openLink(url: string): Promise<void>;
  refusedLinks(): Promise<string[]>;
}

export const test = base.extend<{ gloss: GlossApp; glossTarget: GlossTarget }>({
  glossTarget: ['chromium', { option: true }],

  gloss: async ({ playwright, glossTarget }, use, testInfo) => {
    let electron: { path: string } | undefined;
    if (glossTarget === 'electron') {
      const found = electronBinary();
      if ('missing' in found) {
        const reason = `Electron run skipped: ${found.missing}`;
        console.log(`[gloss e2e] ${reason}`);
        testInfo.skip(true, reason);
        return;
      }
      electron = found;
    }
    const dataDir = await mkdtemp(join(tmpdir(), 'gloss-e2e-'));
    let exportPath: string | null = null;
    let exportFolder: string | null = null;
    let filesToOpen: string[] = [];
    const errors: string[] = [];
    const browser =
      glossTarget === 'chromium' ? await playwright.chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS }) : null;

    const watch = (page: Page) => {
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
    };

    const start = async (): Promise<Running> => {
      if (browser) {
        const session: BrowserSession = await openInBrowser(browser, dataDir, {
          chooseExportPath: async () => exportPath,
          chooseFilesToOpen: async () => filesToOpen,
          chooseExportFolder: async () => exportFolder,
        });
        // Copy as Markdown writes to the clipboard, and the tests read it back.
        await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BROWSER_APP_ORIGIN });
        watch(session.page);
        return {
          page: session.page,
          blockedRequests: session.blockedRequests,
          requests: async () => [...session.requests],
          close: () => session.close(),
          menu: (command) => session.page.evaluate((c) => window.__glossMenu?.(c), command),
          stubDialog: async () => {},
          openLink: (url) => session.openLink(url),
          refusedLinks: async () => [...session.refusedLinks],
        };
      }
      const args = [MAIN_ENTRY, `--data-dir=${dataDir}`];
      if (process.getuid?.() === 0) args.push('--no-sandbox');
      const app: ElectronApplication = await playwright._electron.launch({ executablePath: electron!.path, args });
      // Recorded from main, before the window opens: completed and failed (cancelled included) requests of the whole session.
      await app.evaluate(({ session }) => {
        const seen: string[] = [];
        (globalThis as { __glossRequests?: string[] }).__glossRequests = seen;
        session.defaultSession.webRequest.onCompleted((details) => seen.push(details.url));
        session.defaultSession.webRequest.onErrorOccurred((details) => seen.push(details.url));
      });
      const page = await app.firstWindow();
      watch(page);
      const stubDialog = () =>
        app.evaluate(({ dialog }, [p, files, folder]) => {
          dialog.showSaveDialog = (async () => (p ? { canceled: false, filePath: p } : { canceled: true, filePath: '' })) as typeof dialog.showSaveDialog;
          // Asked for a folder (an export of several documents), the folder; else the files.
          dialog.showOpenDialog = (async (...args: unknown[]) => {
            const options = args.find((a): a is { properties?: string[] } => typeof a === 'object' && a !== null && 'properties' in a);
            if (options?.properties?.includes('openDirectory')) return { canceled: folder === null, filePaths: folder === null ? [] : [folder] };
            return { canceled: files.length === 0, filePaths: files };
          }) as typeof dialog.showOpenDialog;
          // A refused gloss:// link's error box would block the app: its message is recorded instead.
          dialog.showErrorBox = (_title: string, content: string) => {
            const box = globalThis as { __glossErrorBoxes?: string[] };
            (box.__glossErrorBoxes ??= []).push(content);
          };
        }, [exportPath, filesToOpen, exportFolder] as const);
      await stubDialog();
      return {
        page,
        blockedRequests: [],
        requests: async () => {
          const recorded = await app.evaluate(() => [...((globalThis as { __glossRequests?: string[] }).__glossRequests ?? [])]);
          // The page's own loads too, should any have started before the recorder was in place.
          const loaded = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => e.name));
          return [...new Set([...recorded, ...loaded])];
        },
        close: () => app.close(),
        openLink: async (url) => {
          await app.evaluate(({ app: electronApp }, link) => {
            electronApp.emit('open-url', { preventDefault: () => {} }, link);
          }, url);
        },
        refusedLinks: () => app.evaluate(() => [...((globalThis as { __glossErrorBoxes?: string[] }).__glossErrorBoxes ?? [])]),
        menu: (command) =>
          app.evaluate(({ Menu }, c) => {
            Menu.getApplicationMenu()?.getMenuItemById(c)?.click();
          }, command as string),
        stubDialog,
      };
    };

    let running = await start();
    const app: GlossApp = {
      get page() {
        return running.page;
      },
      get ui() {
        return new GlossPage(running.page);
      },
      dataDir,
      setExportPath: async (path) => {
        exportPath = path;
        await running.stubDialog();
      },
      setExportFolder: async (path) => {
        exportFolder = path;
        await running.stubDialog();
      },
      setFilesToOpen: async (paths) => {
        filesToOpen = paths;
        await running.stubDialog();
      },
      restart: async () => {
        await running.close();
        running = await start();
      },
      menu: (command) => running.menu(command),
      openLink: (url) => running.openLink(url),
      refusedLinks: () => running.refusedLinks(),
      appOrigin: glossTarget === 'electron' ? ELECTRON_APP_ORIGIN : BROWSER_APP_ORIGIN,
      requests: () => running.requests(),
    };
    await app.ui.waitUntilOpen();
    await use(app);

    const blocked = running.blockedRequests;
    await running.close();
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
    expect(blocked, 'the app must make no network request').toEqual([]);
    expect(errors, 'the page must log no errors (CSP violations included)').toEqual([]);
  },
});

export { expect };
