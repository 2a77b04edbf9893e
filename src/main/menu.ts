/**
 * The native menu. Commands that act on the open document are forwarded to
 * the renderer, which knows which document that is.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../shared/contract';

export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { id: 'import', label: 'Open Transcripts…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { id: 'show-library', label: 'Library', accelerator: 'CmdOrCtrl+L', click: send('show-library') },
        { id: 'search-library', label: 'Search the Library…', accelerator: 'CmdOrCtrl+Shift+F', click: send('search-library') },
        { type: 'separator' },
        { id: 'replace-text', label: 'Replace Text with a Corrected Version…', click: send('replace-text') },
        { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { id: 'import-annotations', label: 'Import Annotations…', click: send('import-annotations') },
        { type: 'separator' },
        { id: 'backup', label: 'Back Up Library…', click: send('backup') },
        { id: 'restore', label: 'Restore from Backup…', click: send('restore') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [{ role: 'copy' }, { role: 'selectAll' }, { type: 'separator' }, { id: 'find', label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') }],
    },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
