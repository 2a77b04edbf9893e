/**
 * The application menu as data, built from the command table
 * (shared/commands.ts): which command sits where on each platform, with the
 * platform's standard roles around Gloss's own commands. No Electron here, so
 * the layout is tested in plain Node; menu.ts turns it into a native menu.
 *
 * Gloss's own items show their keys but do not register them
 * (`registerAccelerator: false`): the renderer binds the same keys from the
 * same table, and a registered accelerator would run the command twice.
 * Electron's roles (copy, zoom, full screen, quit, …) keep theirs: only
 * Electron can do what they do.
 */
import { COMMAND_IDS, commandKeys, commandSpec, splitKey, toAccelerator, type CommandId, type MenuGroup } from '../shared/commands';

export type MenuPlatform = 'darwin' | 'win32' | 'linux';

/** One item, shaped like Electron's MenuItemConstructorOptions; `command` says which command a click sends to the renderer. */
export interface MenuTemplateItem {
  id?: string;
  label?: string;
  type?: 'separator' | 'submenu';
  role?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  command?: CommandId;
  submenu?: MenuTemplateItem[];
}

const SEPARATOR: MenuTemplateItem = { type: 'separator' };

/**
 * The key a menu shows for a command: its first. macOS menus take their key equivalents before the page whatever
 * registerAccelerator says (it is Linux and Windows only), so a plain key there (N, Delete, ?, Alt+1) would be eaten
 * while typing: on macOS a Gloss command shows its first Cmd key, or none.
 */
export function menuKey(id: CommandId, platform: MenuPlatform): string | undefined {
  const keys = commandKeys(id, platform === 'darwin');
  if (platform !== 'darwin' || commandSpec(id).role) return keys[0];
  return keys.find((k) => splitKey(k).includes('Mod'));
}

/** A command of the table as a menu item: its role if Electron does it, else a click sent to the renderer. */
export function commandItem(id: CommandId, platform: MenuPlatform): MenuTemplateItem {
  const spec = commandSpec(id);
  const key = menuKey(id, platform);
  const accelerator = key === undefined ? {} : { accelerator: toAccelerator(key) };
  if (spec.role) return { id, label: spec.label, role: spec.role, ...accelerator };
  return { id, label: spec.label, command: id, ...accelerator, ...(key === undefined ? {} : { registerAccelerator: false }) };
}

/** Each menu's commands in order, `null` for a separator; which ones a platform moves elsewhere is decided below. */
const LAYOUT: Record<MenuGroup, readonly (CommandId | null)[]> = {
  file: ['import', 'show-library', 'search-library', null, 'replace-text', 'export', 'import-annotations', null, 'backup', 'restore'],
  edit: ['undo', 'redo', null, 'cut', 'copy', 'paste', 'select-all', null, 'find', 'find-next', 'find-previous', null, 'copy-quote'],
  highlight: [
    'highlight-yellow',
    'highlight-green',
    'highlight-blue',
    'highlight-pink',
    'highlight-purple',
    'highlight-orange',
    'highlight-red',
    null,
    'next-highlight',
    'previous-highlight',
    null,
    'open-note',
    'add-code',
    'to-notebook',
    'to-library-notebook',
    null,
    'delete-highlight',
  ],
  go: [],
  view: ['toggle-side-panel', null, 'overview', 'code-manager', 'library-notebook', null, 'reset-zoom', 'zoom-in', 'zoom-out', null, 'full-screen'],
  help: ['shortcuts'],
};

/** Placed by menuTemplate itself, where each platform has them. */
const PLACED_BY_PLATFORM: readonly CommandId[] = ['settings', 'about'];

/**
 * The commands a menu group lists, `null` for a separator: LAYOUT's order, then any other command the table puts in
 * the group (one added to the table shows in its menu without a change here).
 */
export function layoutOf(group: MenuGroup): readonly (CommandId | null)[] {
  const laid = LAYOUT[group];
  const rest = COMMAND_IDS.filter((id) => commandSpec(id).menu === group && !laid.includes(id) && !PLACED_BY_PLATFORM.includes(id));
  return rest.length === 0 ? laid : laid.length === 0 ? rest : [...laid, null, ...rest];
}

function items(group: MenuGroup, platform: MenuPlatform): MenuTemplateItem[] {
  return layoutOf(group).map((id) => (id === null ? SEPARATOR : commandItem(id, platform)));
}

/** The whole menu bar for a platform. `appName` titles the macOS application menu. */
export function menuTemplate(platform: MenuPlatform, appName = 'Gloss'): MenuTemplateItem[] {
  const mac = platform === 'darwin';
  const appMenu: MenuTemplateItem[] = mac
    ? [
        {
          label: appName,
          submenu: [
            commandItem('about', platform),
            SEPARATOR,
            commandItem('settings', platform),
            SEPARATOR,
            { role: 'services' },
            SEPARATOR,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            SEPARATOR,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  // Elsewhere Settings and Quit end the File menu, as on Windows and in GNOME and KDE apps with a menu bar.
  const fileEnd: MenuTemplateItem[] = mac ? [SEPARATOR, { role: 'close' }] : [SEPARATOR, commandItem('settings', platform), SEPARATOR, { role: 'quit' }];
  // On a Mac About is in the application menu; elsewhere it ends Help.
  const helpEnd: MenuTemplateItem[] = mac ? [] : [SEPARATOR, commandItem('about', platform)];
  return [
    ...appMenu,
    { label: mac ? 'File' : '&File', submenu: [...items('file', platform), ...fileEnd] },
    { label: mac ? 'Edit' : '&Edit', submenu: items('edit', platform) },
    { label: mac ? 'Highlight' : 'Hi&ghlight', submenu: items('highlight', platform) },
    { label: mac ? 'View' : '&View', submenu: items('view', platform) },
    ...(layoutOf('go').length ? [{ label: mac ? 'Go' : 'G&o', submenu: items('go', platform) }] : []),
    { role: 'windowMenu' },
    { ...(mac ? { label: 'Help', role: 'help' } : { label: '&Help' }), submenu: [...items('help', platform), ...helpEnd] },
  ];
}

/** Every item of a template, submenus included, depth first. */
export function flattenMenu(template: readonly MenuTemplateItem[]): MenuTemplateItem[] {
  return template.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}
