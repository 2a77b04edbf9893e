/**
 * Electron entry point: the glue between Electron and the Electron-free parts
 * (store, handlers). Opens the library, registers one IPC handler per
 * contract channel, and shows the reading window.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { CHANNELS } from '../shared/contract';
import { resolveDataDir } from './data-dir';
import { createHandlers } from './ipc/handlers';
import { buildMenu } from './menu';
import { LibraryStore } from './store/library-store';
import { createReadingWindow, isAllowedUrl, lockDownSession } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, join(app.getPath('userData'), 'library'));
  const store = await LibraryStore.open(dataDir);
  await store.addSampleOnce(await readFile(join(here, '../../resources/sample-interview.txt'), 'utf8'));

  let win: BrowserWindow | null = null;
  const handlers = createHandlers({
    store,
    now: () => new Date(),
    chooseExportPath: async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'Markdown', extensions: ['md'] }] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  });
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      // Only our own page may call in, never a frame that navigated elsewhere.
      if (!event.senderFrame || !isAllowedUrl(event.senderFrame.url, devServerUrl)) {
        return { ok: false, error: { code: 'invalid-request', message: 'Request from an unknown page refused.' } };
      }
      return handlers[channel](request);
    });
  }

  lockDownSession(session.defaultSession, devServerUrl);
  Menu.setApplicationMenu(buildMenu(() => win));
  win = createReadingWindow(join(here, '../preload/index.cjs'));
  win.on('closed', () => (win = null));
  if (devServerUrl) await win.loadURL(devServerUrl);
  else await win.loadFile(join(here, '../renderer/index.html'));
}

app.on('window-all-closed', () => app.quit());
app.whenReady().then(start, (error: unknown) => {
  dialog.showErrorBox('Gloss could not start', String(error));
  app.exit(1);
});
