/**
 * A mechanical check of the renderer's source: every key the app binds comes
 * from the command table (shared/commands.ts), and every command of the table
 * is given something to do. Raw key comparisons are allowed only for the keys
 * a widget moves or confirms with (arrows, Home, End, Enter, Escape, Tab,
 * Space, Backspace in a field): a list, a menu, a dialog, a field's own keys.
 */
import { describe, expect, test } from 'vitest';
import { COMMAND_IDS, commandSpec } from '../../../shared/commands';

declare global {
  interface ImportMeta {
    /** Vite's (and so Vitest's) glob import: here, every renderer module's source text. */
    glob(patterns: string[], options: { query: string; import: string; eager: true }): Record<string, unknown>;
  }
}

const SOURCES = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The keys a widget may read itself: moving, confirming, leaving, and deleting a character or a chip in a field. */
const WIDGET_KEYS = new Set(['Enter', 'Escape', 'Tab', ' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Backspace']);

/** Where key names are the subject (the registry and the keyboard helpers). */
const KEY_MODULES = ['./command-registry.ts', './command-keys.ts', '../keyboard.ts'];

interface Found {
  file: string;
  line: number;
  text: string;
}

function linesOf(file: string, source: string, pattern: RegExp, pick: (m: RegExpExecArray) => boolean = () => true): Found[] {
  const found: Found[] = [];
  source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))) {
      if (pick(m as RegExpExecArray)) found.push({ file, line: i + 1, text: text.trim() });
    }
  });
  return found;
}

const checked = Object.entries(SOURCES).filter(([file]) => !KEY_MODULES.includes(file));

describe('the renderer binds no key outside the command table', () => {
  test('the source was read (the check is not vacuous)', () => {
    expect(checked.length).toBeGreaterThan(100);
    expect(checked.some(([, source]) => source.includes('useCommand('))).toBe(true);
  });

  test("a key compared by its name is a widget's own key (`event.key === 'x'` names no other)", () => {
    const keyCompare = /\.key(?:\.toLowerCase\(\)|\.toUpperCase\(\))?\s*[!=]==?\s*'([^']*)'|'([^']*)'\s*[!=]==?\s*\w+\.key\b/;
    const offending = checked.flatMap(([file, source]) => linesOf(file, source, keyCompare, (m) => !WIDGET_KEYS.has(m[1] ?? m[2])));
    expect(offending).toEqual([]);
  });

  test('a switch or a lookup on a key names only widget keys', () => {
    const offending = checked.flatMap(([file, source]) => {
      const found: Found[] = [];
      for (const block of source.matchAll(/switch\s*\(\s*\w+\.key\s*\)\s*\{([\s\S]*?)\n\s{0,6}\}/g)) {
        for (const c of block[1].matchAll(/case\s+'([^']*)'/g)) if (!WIDGET_KEYS.has(c[1])) found.push({ file, line: 0, text: `case '${c[1]}'` });
      }
      for (const lookup of source.matchAll(/\{([^{}]*)\}\s*\[\s*\w+\.key\s*\]/g)) {
        for (const k of lookup[1].matchAll(/['"]?([\w ]+)['"]?\s*:/g)) if (!WIDGET_KEYS.has(k[1].trim())) found.push({ file, line: 0, text: `{ ${k[1].trim()}: … }[key]` });
      }
      return found;
    });
    expect(offending).toEqual([]);
  });

  test('no physical key is read directly (Alt+digit and the like are matched by keyMatches, which knows the table)', () => {
    const physical = /\.code\s*[!=]==?\s*[`'](Key|Digit|Numpad)|(Key|Digit)[^'"`]*\)?\$?\/\.(?:exec|test)\(\s*\w+\.code|\.(?:exec|test)\(\s*\w+\.code\s*\)/;
    const offending = checked.flatMap(([file, source]) => linesOf(file, source, physical));
    expect(offending).toEqual([]);
  });

  test('no shortcut is made of modifiers by hand (hasCommandKey is for the registry only)', () => {
    const offending = checked.flatMap(([file, source]) => linesOf(file, source, /hasCommandKey\(/));
    expect(offending).toEqual([]);
  });
});

describe('every command of the table does something', () => {
  const all = Object.entries(SOURCES)
    .filter(([file]) => !file.startsWith('./') || file === './ReaderCommands.tsx' || file === './use-app-commands.ts')
    .map(([, source]) => source)
    .join('\n');

  test.each(COMMAND_IDS.filter((id) => !commandSpec(id).role))('%s is registered, matched by a focused part, or listed by one', (id) => {
    const colour = /^highlight-(yellow|green|blue|pink|purple|orange|red)$/.test(id);
    const wired = colour
      ? /of COLOR_COMMANDS\)[\s\S]{0,200}useCommand\(id,/.test(all)
      : new RegExp(`(useCommand|registerCommand)\\(\\s*'${id}'|keyMatches\\([^)]*'${id}'\\)|\\[\\s*'${id}',`).test(all);
    expect(wired).toBe(true);
  });
});
