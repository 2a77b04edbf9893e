import { describe, expect, test, vi } from 'vitest';
import { MENU_CHANNEL } from '../shared/contract';

const built = vi.hoisted(() => ({ template: [] as any[] }));

vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown[]) => {
      built.template = template;
      return { items: template };
    },
  },
}));

const { buildMenu } = await import('./menu');

function flatten(items: any[]): any[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}

describe('the native menu built from the template', () => {
  const sent: unknown[][] = [];
  const window = { webContents: { send: (...args: unknown[]) => sent.push(args) } };
  buildMenu(() => window as never);
  const items = flatten(built.template);

  test("a Gloss command's item sends its command to the window, over the menu channel", () => {
    const exportItem = items.find((i) => i.id === 'export');
    expect(exportItem).toMatchObject({ label: 'Export…', accelerator: 'CmdOrCtrl+E', registerAccelerator: false });
    exportItem.click();
    expect(sent).toEqual([[MENU_CHANNEL, 'export']]);
  });

  test('role items have no click of their own, and nothing carries the template-only command field', () => {
    expect(items.filter((i) => i.role && i.click)).toEqual([]);
    expect(items.filter((i) => 'command' in i)).toEqual([]);
    expect(items.find((i) => i.id === 'copy')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C' });
  });

  test('with no window, a click does nothing (and does not throw)', () => {
    buildMenu(() => null);
    expect(() => flatten(built.template).find((i) => i.id === 'undo').click()).not.toThrow();
  });
});
