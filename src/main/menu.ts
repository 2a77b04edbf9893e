/**
 * The native application menu, laid out by menu-template.ts from the command
 * table. A role item is Electron's own; any other item sends its command to
 * the renderer, which knows the open document and the focus and runs the
 * command the same way as its keys and context menus do.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL } from '../shared/contract';
import { menuTemplate, type MenuPlatform, type MenuTemplateItem } from './menu-template';

function toElectron(item: MenuTemplateItem, send: (item: MenuTemplateItem) => () => void): MenuItemConstructorOptions {
  const { command, submenu, role, ...rest } = item;
  return {
    ...rest,
    ...(role ? { role: role as MenuItemConstructorOptions['role'] } : {}),
    ...(command ? { click: send(item) } : {}),
    ...(submenu ? { submenu: submenu.map((i) => toElectron(i, send)) } : {}),
  };
}

export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const platform: MenuPlatform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
  const send = (item: MenuTemplateItem) => () => {
    if (item.command) getWindow()?.webContents.send(MENU_CHANNEL, item.command);
  };
  return Menu.buildFromTemplate(menuTemplate(platform).map((item) => toElectron(item, send)));
}
