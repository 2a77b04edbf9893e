import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, commandKeys, commandsForKey, describeKey, isCommandId, matchesKey, splitKey, toAccelerator, type KeyPress } from './commands';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('the command table', () => {
  it('gives no two commands of overlapping scope the same key on one platform', () => {
    // A key shared by two commands must be told apart by scope (a selected highlight, the transcript): list each clash.
    const allowed = new Set(['copy-quote|copy-highlight']);
    for (const mac of [false, true]) {
      const seen = new Map<string, string>();
      for (const id of COMMAND_IDS) {
        for (const key of commandKeys(id, mac)) {
          const other = seen.get(key);
          if (other) expect(allowed.has(`${other}|${id}`), `${key}: ${other} and ${id}`).toBe(true);
          seen.set(key, id);
        }
      }
    }
  });

  it('names menu commands that run through a role with that role', () => {
    for (const id of COMMAND_IDS) {
      const spec = COMMANDS[id] as { scope: string; role?: string };
      if (spec.scope === 'role') expect(spec.role, id).toBeTruthy();
    }
    expect(isCommandId('export')).toBe(true);
    expect(isCommandId('__proto__')).toBe(false);
    expect(isCommandId(42)).toBe(false);
  });
});

describe('keys', () => {
  it('splits a key that is itself a plus', () => {
    expect(splitKey('Mod++')).toEqual(['Mod', '+']);
    expect(splitKey('Shift+Mod+F')).toEqual(['Shift', 'Mod', 'F']);
  });

  it('writes Electron accelerators', () => {
    expect(toAccelerator('Shift+Mod+F')).toBe('Shift+CmdOrCtrl+F');
    expect(toAccelerator('Alt+1')).toBe('Alt+1');
    expect(toAccelerator('?')).toBe('Shift+/');
    expect(toAccelerator('Mod+\\')).toBe('CmdOrCtrl+\\');
  });

  it('describes keys the way each platform writes them', () => {
    expect(describeKey('Shift+Mod+F', true)).toBe('⇧⌘F');
    expect(describeKey('Shift+Mod+F', false)).toBe('Ctrl+Shift+F');
    expect(describeKey('Alt+1', true)).toBe('⌥1');
    expect(describeKey('Escape', false)).toBe('Esc');
    expect(describeKey('Mod+ArrowLeft', false)).toBe('Ctrl+←');
    expect(describeKey('Alt+ArrowDown', true)).toBe('⌥↓');
  });

  it('matches Mod to Cmd on a Mac and Ctrl elsewhere, and nothing else', () => {
    expect(matchesKey(press('e', { metaKey: true }), 'Mod+E', true)).toBe(true);
    expect(matchesKey(press('e', { ctrlKey: true }), 'Mod+E', true)).toBe(false);
    expect(matchesKey(press('e', { ctrlKey: true }), 'Mod+E', false)).toBe(true);
    expect(matchesKey(press('E', { ctrlKey: true, shiftKey: true }), 'Mod+E', false)).toBe(false);
    expect(matchesKey(press('F', { ctrlKey: true, shiftKey: true }), 'Shift+Mod+F', false)).toBe(true);
  });

  it('matches Option+digit on a Mac by the physical key', () => {
    expect(matchesKey(press('¡', { altKey: true, code: 'Digit1' }), 'Alt+1', true)).toBe(true);
    expect(matchesKey(press('™', { altKey: true, code: 'Digit2' }), 'Alt+1', true)).toBe(false);
  });

  it('matches a shifted character with the Shift that types it', () => {
    expect(matchesKey(press('?', { shiftKey: true }), '?', false)).toBe(true);
    expect(matchesKey(press(']'), ']', false)).toBe(true);
    expect(matchesKey(press(']', { ctrlKey: true }), ']', false)).toBe(false);
  });

  it('finds the commands a key press gives', () => {
    expect(commandsForKey(press('3', { altKey: true, code: 'Digit3' }), false)).toEqual(['highlight-blue']);
    expect(commandsForKey(press('y', { ctrlKey: true }), false)).toEqual(['redo']);
    expect(commandsForKey(press('y', { metaKey: true }), true)).toEqual([]);
  });
});
