/**
 * Electron entry point: the glue between Electron and the Electron-free parts
 * (store, import, handlers). Opens the library, registers one IPC handler per
 * contract channel, serves the renderer from app://gloss under the rules in
 * security/, shows the reading window, and imports files named on the command
 * line, including those handed over by a second launch, and opens gloss://
 * links (links/: every link checked against the library before it is shown).
 */
import { errorMessage } from '../core/error-message';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { GLOSS_SCHEME } from '../core/links/gloss-url';
import { CHANNELS, LIBRARY_CHANGED_CHANNEL, SHOW_DOCUMENT_CHANNEL, SHOW_PLACE_CHANNEL, TASK_PROGRESS_CHANNEL } from '../shared/contract';
import { filesFromArgv, linksFromArgv, resolveDataDir } from './command-line';
import { importEnd, importPaths } from './import/import-files';
import { runTask } from './tasks/run-task';
import { TaskRegistry } from './tasks/task-registry';
import { createHandlers, type OpenKind } from './ipc/handlers';
import { createLinkQueue } from './links/link-queue';
import { resolveGlossLink } from './links/open-link';
import { buildMenu } from './menu';
import { APP_SCHEME_PRIVILEGES } from './security/app-protocol';
import { createAppFileHandler } from './security/serve-app-files';
import { lockDownSession } from './security/session-rules';
import { createUrlPolicy } from './security/url-policy';
import { guardAllWebContents } from './security/web-contents-guard';
import { startCommandServer } from './remote/command-server';
import { newCommandEndpoint } from './remote/endpoint';
import { openAsApp } from './store/library-access';
import { createReadingWindow } from './window';
import { WINDOW_STATE_FILE } from './window-state';

const here = fileURLToPath(new URL('.', import.meta.url));
/** What may load, be requested and call in: the app's own origin; the dev server only when not packaged. */
const urlPolicy = createUrlPolicy({ devServerUrl: process.env.ELECTRON_RENDERER_URL, isPackaged: app.isPackaged });
// Before ready: the app is served from app://gloss (a real, secure origin confined to out/renderer), not file://.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
guardAllWebContents(app);
/** Arguments after the executable and, when not packaged, the app path. */
const userArgs = (argv: string[]) => argv.slice(app.isPackaged ? 1 : 2);
/** gloss:// links given to the app, kept until the window is ready for them. */
const links = createLinkQueue();

/** What each kind of Open dialog offers (handlers.ts says which kind it asks for). */
const OPEN_FILTERS: Record<OpenKind, { name: string; extensions: string[] }[]> = {
  transcripts: [{ name: 'Transcripts', extensions: ['txt', 'md', 'markdown', 'vtt', 'srt'] }],
  annotations: [
    { name: 'Annotations (W3C, REFI-QDA)', extensions: ['json', 'jsonld', 'qdpx'] },
    { name: 'W3C Web Annotations', extensions: ['json', 'jsonld'] },
    { name: 'REFI-QDA project', extensions: ['qdpx'] },
  ],
  backup: [{ name: 'Gloss backup', extensions: ['zip'] }],
};
const ALL_FILES = { name: 'All files', extensions: ['*'] };

/** What the save dialog calls each kind of file it saves. */
const SAVE_KINDS: Record<string, string> = { md: 'Markdown', jsonld: 'W3C Web Annotations', qdpx: 'REFI-QDA project', qdc: 'REFI-QDA codebook', zip: 'Gloss backup' };

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, join(app.getPath('userData'), 'library'));
  // The app owns its data folder while it runs (a command-line repair waits; `gloss add` adds beside it).
  // The lock names where the app takes changes from `gloss` commands (they may not write beside it).
  const endpoint = newCommandEndpoint(dataDir);
  const { store, release } = await openAsApp(dataDir, {}, endpoint);
  app.on('will-quit', () => void release());
  await store.addSampleOnce(await readFile(join(here, '../../resources/sample-interview.txt'), 'utf8'));

  let win: BrowserWindow | null = null;
  // Without it the app still works; `gloss highlight` then says Gloss did not answer, and writes nothing.
  const commands = await startCommandServer({
    store,
    endpoint,
    onChanged: (documentId) => win?.webContents.send(LIBRARY_CHANGED_CHANNEL, documentId),
  }).catch((error: unknown) => {
    console.warn(`Gloss takes no commands from the command line: ${errorMessage(error)}`);
    return null;
  });
  app.on('will-quit', () => void commands?.close());
  // Long work reports its progress to the window (a task started before it is shown is told to no one).
  const tasks = new TaskRegistry((progress) => {
    if (win && !win.isDestroyed()) win.webContents.send(TASK_PROGRESS_CHANNEL, progress);
  });
  // Quitting stops what can stop (building the search index leaves it usable).
  app.on('will-quit', () => tasks.list().forEach((t) => tasks.cancel(t.taskId)));
  const handlers = createHandlers({
    store,
    tasks,
    now: () => new Date(),
    chooseExportPath: async (suggestedName) => {
      const extension = extname(suggestedName).slice(1);
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: SAVE_KINDS[extension] ?? extension, extensions: [extension] }] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseExportFolder: async () => {
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const], buttonLabel: 'Export Here' };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
    chooseFilesToOpen: async (kind = 'transcripts') => {
      // Transcripts come several at a time; an annotation file or a backup, one.
      const properties = kind === 'transcripts' ? ['openFile' as const, 'multiSelections' as const] : ['openFile' as const];
      const options = { properties, filters: [...OPEN_FILTERS[kind], ALL_FILES] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
  });
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      // Only our own page may call in, never a frame that navigated elsewhere.
      if (!event.senderFrame || !urlPolicy.maySendIpc(event.senderFrame.url)) {
        return { ok: false, error: { code: 'invalid-request', message: 'Request from an unknown page refused.' } };
      }
      return handlers[channel](request);
    });
  }

  /** Imports files from a command line and shows the last one that worked; failures are shown in a dialog. */
  const openFromCommandLine = async (argv: string[], cwd: string) => {
    const paths = filesFromArgv(argv, cwd);
    if (paths.length === 0) return;
    const label = `Importing ${paths.length} ${paths.length === 1 ? 'file' : 'files'}`;
    const done = await runTask(tasks, 'import', label, (task) => importPaths(store, paths, undefined, task), importEnd);
    const results = Array.isArray(done) ? done : [];
    // Files left by a cancel are not failures: the window was told (the task's last message).
    const failures = results.flatMap((r) => (r.ok || r.cancelled ? [] : [r.message]));
    if (failures.length) dialog.showErrorBox('Some files could not be opened', failures.join('\n'));
    const last = results.filter((r) => r.ok).at(-1);
    if (last?.ok && win) win.webContents.send(SHOW_DOCUMENT_CHANNEL, last.document.id);
  };

  const bringToFront = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  app.on('second-instance', (_event, argv, workingDirectory) => {
    bringToFront();
    // Windows and Linux hand a link clicked while Gloss runs to a second launch, as an argument.
    for (const link of linksFromArgv(userArgs(argv))) links.add(link);
    void openFromCommandLine(userArgs(argv), workingDirectory);
  });

  protocol.handle(APP_SCHEME_PRIVILEGES.scheme, createAppFileHandler(join(here, '../renderer')));
  lockDownSession(session.defaultSession, urlPolicy);
  Menu.setApplicationMenu(buildMenu(() => win));
  win = createReadingWindow(join(here, '../preload/index.cjs'), join(app.getPath('userData'), WINDOW_STATE_FILE));
  win.on('closed', () => (win = null));
  await win.loadURL(urlPolicy.entryUrl);
  await openFromCommandLine(userArgs(process.argv), process.cwd());
  void links.attach({
    resolve: (raw) => resolveGlossLink(store, raw),
    show: (place) => {
      win?.webContents.send(SHOW_PLACE_CHANNEL, place);
      bringToFront();
    },
    refuse: (message) => dialog.showErrorBox('This link cannot be opened', message),
  });
  // The search index is read (or built, the first time) once the window is up, so the first search is instant.
  void runTask(tasks, 'index', 'Preparing the search index', (task) => store.prepareSearch(task)).catch((error: unknown) =>
    console.warn(`The search index could not be prepared: ${errorMessage(error)}`),
  );
}

// One Gloss at a time: a second launch hands its files to this one and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  // gloss:// links open this app. Unpackaged, the OS must start Electron with the app's path before the link.
  if (process.defaultApp) {
    // electronegativity: PROTOCOL_HANDLER_JS_CHECK — gloss:// links are parsed and checked in main (links/open-link.ts), never loaded.
    if (process.argv.length >= 2) app.setAsDefaultProtocolClient(GLOSS_SCHEME, process.execPath, [resolve(process.argv[1])]);
  } else {
    // electronegativity: PROTOCOL_HANDLER_JS_CHECK — as above: a link is data checked in main, not a page to load.
    app.setAsDefaultProtocolClient(GLOSS_SCHEME);
  }
  // A link that started Gloss (Windows, Linux: an argument) is kept until the window is ready.
  for (const link of linksFromArgv(userArgs(process.argv))) links.add(link);
  // macOS hands links to the running app (and to one it starts, possibly before 'ready') by this event.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    links.add(url);
  });
  // A failure anywhere in starting (the library locked by another Gloss, a folder that cannot be created) is shown.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Gloss could not start', errorMessage(error));
      app.exit(1);
    });
}
