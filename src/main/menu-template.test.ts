import { describe, expect, test } from 'vitest';
import { COMMAND_IDS, commandSpec, toAccelerator, type MenuGroup } from '../shared/commands';
import { flattenMenu, layoutOf, menuKey, menuTemplate, type MenuPlatform, type MenuTemplateItem } from './menu-template';

const PLATFORMS: MenuPlatform[] = ['darwin', 'win32', 'linux'];
const GROUPS: MenuGroup[] = ['file', 'edit', 'view', 'highlight', 'go', 'help'];

describe.each(PLATFORMS)('the application menu on %s', (platform) => {
  const mac = platform === 'darwin';
  const template = menuTemplate(platform);
  const all = flattenMenu(template);

  test('lists every command the table puts in a menu exactly once, and no other command', () => {
    const inMenus = COMMAND_IDS.filter((id) => commandSpec(id).menu !== undefined);
    for (const id of inMenus) expect(all.filter((item) => item.id === id), id).toHaveLength(1);
    const listed = all.filter((item) => item.id !== undefined).map((item) => item.id);
    expect(new Set(listed)).toEqual(new Set(inMenus));
  });

  test('shows each command with its label and first key from the table, written as an accelerator', () => {
    for (const item of all.filter((i) => i.id)) {
      const id = item.id as (typeof COMMAND_IDS)[number];
      expect(item.label).toBe(commandSpec(id).label);
      const key = menuKey(id, platform);
      expect(item.accelerator, id).toBe(key === undefined ? undefined : toAccelerator(key));
    }
  });

  test("Electron's roles stay roles (with their keys registered); Gloss's commands are sent, their keys shown but bound by the renderer", () => {
    for (const item of all.filter((i) => i.id)) {
      const spec = commandSpec(item.id as (typeof COMMAND_IDS)[number]);
      if (spec.role) {
        expect(item.role).toBe(spec.role);
        expect(item.command).toBeUndefined();
        expect(item.registerAccelerator).toBeUndefined();
      } else {
        expect(item.role).toBeUndefined();
        expect(item.command).toBe(item.id);
        if (item.accelerator) expect(item.registerAccelerator, item.id).toBe(false);
      }
    }
  });

  test('undo and redo are commands, so that the renderer decides between its own undo and the note editor’s', () => {
    expect(all.find((i) => i.id === 'undo')).toMatchObject({ command: 'undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(all.find((i) => i.id === 'redo')).toMatchObject({ command: 'redo', accelerator: 'Shift+CmdOrCtrl+Z' });
  });

  test("has the platform's standard menus and roles", () => {
    // A Go menu shows only when the table puts commands in it.
    const titles = template.map((m) => m.label ?? m.role).filter((t) => t !== 'Go' && t !== 'G&o');
    const roles = all.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'windowMenu', 'about', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    if (mac) {
      expect(titles).toEqual(['Gloss', 'File', 'Edit', 'Highlight', 'View', 'windowMenu', 'Help']);
      const appMenu = template[0].submenu!.map((i) => i.id ?? i.role ?? i.type);
      expect(appMenu).toEqual(['about', 'separator', 'settings', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
      expect(all.find((i) => i.id === 'settings')!.accelerator).toBe('CmdOrCtrl+,');
      expect(all.find((i) => i.id === 'full-screen')!.accelerator).toBe('CmdOrCtrl+Ctrl+F');
    } else {
      expect(titles).toEqual(['&File', '&Edit', 'Hi&ghlight', '&View', 'windowMenu', '&Help']);
      const file = template[0].submenu!;
      expect(file.at(-1)).toEqual({ role: 'quit' });
      expect(file.map((i) => i.id)).toContain('settings');
      expect(template.at(-1)!.submenu!.at(-1)!.id).toBe('about');
      expect(all.find((i) => i.id === 'full-screen')!.accelerator).toBe('F11');
    }
  });

  test('no separator starts or ends a menu, and none follows another', () => {
    for (const menu of all.filter((i) => i.submenu)) {
      const kinds = menu.submenu!.map((i) => i.type === 'separator');
      expect(kinds[0]).toBe(false);
      expect(kinds.at(-1)).toBe(false);
      expect(kinds.some((sep, at) => sep && kinds[at + 1])).toBe(false);
    }
  });
});

test("each menu's layout lists only commands the table puts in that menu", () => {
  for (const group of GROUPS) {
    for (const id of layoutOf(group)) if (id !== null) expect(commandSpec(id).menu, id).toBe(group);
  }
});

test('on macOS only Cmd keys are menu key equivalents, so plain keys still type in a note', () => {
  const mac = menuTemplate('darwin').flatMap(function walk(i: MenuTemplateItem): MenuTemplateItem[] {
    return [i, ...(i.submenu ?? []).flatMap(walk)];
  });
  expect(mac.find((i) => i.id === 'open-note')?.accelerator).toBeUndefined();
  expect(mac.find((i) => i.id === 'delete-highlight')?.accelerator).toBeUndefined();
  expect(mac.find((i) => i.id === 'highlight-yellow')?.accelerator).toBeUndefined();
  expect(mac.find((i) => i.id === 'export')?.accelerator).toBe('CmdOrCtrl+E');
  for (const item of mac) if (item.accelerator && !item.role) expect(item.accelerator, item.id).toContain('CmdOrCtrl');
});
