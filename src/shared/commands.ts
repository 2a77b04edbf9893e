/**
 * The command table: every command a reader can give Gloss, with its label,
 * its keys and where it appears. The application menu (main), the context
 * menus, the key bindings (renderer) and the shortcut reference are all built
 * from this one table, so a key shown is a key that works.
 *
 * Keys are written platform-neutrally: `Mod` is Cmd on macOS and Ctrl
 * elsewhere; `Alt` is Option on macOS; modifiers come first, in the order
 * Shift, Alt, Mod; the key last (`Shift+Mod+F`, `Alt+1`, `]`, `?`, `Delete`).
 */

/** Where a command's keys act. */
export type CommandScope =
  /** Anywhere in the window, even while typing in a field or note. */
  | 'app'
  /** Anywhere in the window except while typing in a field, a note or a notebook (which have keys of their own). */
  | 'page'
  /** The reading view (transcript and side panel), not while typing in a field. */
  | 'reader'
  /** Only with the focus in the transcript. */
  | 'transcript'
  /** With a highlight selected, not while typing. */
  | 'highlight'
  /** With the find bar open. */
  | 'find'
  /** Handled by Electron's own role (undo in a field, copy, zoom, …); listed so the reference and menus show it. */
  | 'role';

/** The application menu a command sits in (null: in no menu, only in the reference and context menus). */
export type MenuGroup = 'file' | 'edit' | 'view' | 'highlight' | 'go' | 'help';

export interface CommandSpec {
  /** The label in menus and the shortcut reference (sentence case, "…" when it asks for more). */
  readonly label: string;
  /** Its keys, the first one shown in menus; none for a command without keys. */
  readonly keys: readonly string[];
  /** On macOS, keys that replace `keys` (a platform convention differs). */
  readonly macKeys?: readonly string[];
  readonly scope: CommandScope;
  /** Which application menu shows it; absent: none. */
  readonly menu?: MenuGroup;
  /** Electron's role for a standard item (undo, copy, zoomIn, …); main uses the role, not a click. */
  readonly role?: string;
  /** A longer line for the shortcut reference, when the label alone does not say it. */
  readonly help?: string;
}

export const COMMANDS = {
  // File
  import: { label: 'Open transcripts…', keys: ['Mod+O'], scope: 'app', menu: 'file' },
  'show-library': { label: 'Library', keys: ['Mod+L'], scope: 'app', menu: 'file' },
  'search-library': { label: 'Search the library…', keys: ['Shift+Mod+F'], scope: 'app', menu: 'file' },
  'replace-text': { label: 'Replace text with a corrected version…', keys: [], scope: 'app', menu: 'file' },
  export: { label: 'Export…', keys: ['Mod+E'], scope: 'app', menu: 'file' },
  'export-markdown': { label: 'Export as Markdown…', keys: [], scope: 'app' },
  'import-annotations': { label: 'Import annotations…', keys: [], scope: 'app', menu: 'file' },
  backup: { label: 'Back up library…', keys: [], scope: 'app', menu: 'file' },
  restore: { label: 'Restore from backup…', keys: [], scope: 'app', menu: 'file' },
  settings: { label: 'Settings…', keys: ['Mod+,'], scope: 'app', menu: 'file', help: 'Theme, reading font, text size, line height and column width' },

  // Edit (standard roles first)
  undo: { label: 'Undo', keys: ['Mod+Z'], scope: 'page', menu: 'edit', help: 'Undo the last annotation change (typing, inside a note)' },
  redo: { label: 'Redo', keys: ['Shift+Mod+Z', 'Mod+Y'], macKeys: ['Shift+Mod+Z'], scope: 'page', menu: 'edit' },
  cut: { label: 'Cut', keys: ['Mod+X'], scope: 'role', menu: 'edit', role: 'cut' },
  copy: { label: 'Copy', keys: ['Mod+C'], scope: 'role', menu: 'edit', role: 'copy' },
  paste: { label: 'Paste', keys: ['Mod+V'], scope: 'role', menu: 'edit', role: 'paste' },
  'select-all': { label: 'Select all', keys: ['Mod+A'], scope: 'role', menu: 'edit', role: 'selectAll' },
  find: { label: 'Find…', keys: ['Mod+F'], scope: 'app', menu: 'edit' },
  'find-next': { label: 'Find next', keys: ['F3', 'Mod+G'], scope: 'reader', menu: 'edit' },
  'find-previous': { label: 'Find previous', keys: ['Shift+F3', 'Shift+Mod+G'], scope: 'reader', menu: 'edit' },
  'copy-quote': { label: 'Copy quote with citation', keys: ['Shift+Mod+C'], scope: 'reader', menu: 'edit', help: 'The selected words, with speaker, document, time and a link back' },

  // Highlight
  'highlight-yellow': { label: 'Highlight yellow', keys: ['Alt+1'], scope: 'reader', menu: 'highlight' },
  'highlight-green': { label: 'Highlight green', keys: ['Alt+2'], scope: 'reader', menu: 'highlight' },
  'highlight-blue': { label: 'Highlight blue', keys: ['Alt+3'], scope: 'reader', menu: 'highlight' },
  'highlight-pink': { label: 'Highlight pink', keys: ['Alt+4'], scope: 'reader', menu: 'highlight' },
  'highlight-purple': { label: 'Highlight purple', keys: ['Alt+5'], scope: 'reader', menu: 'highlight' },
  'highlight-orange': { label: 'Highlight orange', keys: ['Alt+6'], scope: 'reader', menu: 'highlight' },
  'highlight-red': { label: 'Highlight red', keys: ['Alt+7'], scope: 'reader', menu: 'highlight' },
  'next-highlight': { label: 'Next highlight', keys: [']'], scope: 'reader', menu: 'highlight', help: 'The next one the side panel lists (with a filter on, the next matching one)' },
  'previous-highlight': { label: 'Previous highlight', keys: ['['], scope: 'reader', menu: 'highlight' },
  'open-note': { label: 'Edit note', keys: ['N', 'Enter'], scope: 'highlight', menu: 'highlight' },
  'add-code': { label: 'Add a code…', keys: ['C'], scope: 'highlight', menu: 'highlight' },
  'copy-highlight': { label: 'Copy highlight as Markdown', keys: ['Shift+Mod+C'], scope: 'highlight', help: 'With a highlight selected and no words selected' },
  'to-notebook': { label: 'Quote in notebook', keys: ['Alt+N'], scope: 'highlight', menu: 'highlight' },
  'to-library-notebook': { label: 'Quote in library notebook', keys: ['Shift+Alt+N'], scope: 'highlight', menu: 'highlight' },
  'delete-highlight': { label: 'Delete highlight', keys: ['Delete', 'Backspace'], scope: 'highlight', menu: 'highlight' },
  deselect: { label: 'Deselect', keys: ['Escape'], scope: 'highlight' },
  'context-menu': { label: 'Open the context menu', keys: ['Shift+F10', 'ContextMenu'], scope: 'reader', help: 'For the selected words or highlight' },

  // The caret in the transcript (editor/caret): each key moves it back or on; with Shift it extends the selection.
  'caret-character': { label: 'Move by character', keys: ['ArrowLeft', 'ArrowRight'], scope: 'transcript', help: 'With Shift, extend the selection' },
  'caret-word': { label: 'Move by word', keys: ['Mod+ArrowLeft', 'Mod+ArrowRight'], macKeys: ['Alt+ArrowLeft', 'Alt+ArrowRight'], scope: 'transcript', help: 'With Shift, extend the selection' },
  'caret-sentence': { label: 'Move by sentence', keys: ['Alt+ArrowLeft', 'Alt+ArrowRight'], macKeys: ['Ctrl+Alt+ArrowLeft', 'Ctrl+Alt+ArrowRight'], scope: 'transcript', help: 'With Shift, extend the selection' },
  'caret-line': { label: 'Move by line', keys: ['ArrowUp', 'ArrowDown'], scope: 'transcript', help: 'With Shift, extend the selection' },
  'caret-paragraph': { label: 'Move by paragraph', keys: ['Mod+ArrowUp', 'Mod+ArrowDown'], macKeys: ['Alt+ArrowUp', 'Alt+ArrowDown'], scope: 'transcript', help: 'With Shift, extend the selection' },
  'caret-page': { label: 'Move by a screenful', keys: ['PageUp', 'PageDown'], scope: 'transcript', help: 'With Shift, extend the selection' },
  'caret-line-edge': { label: 'To the start or end of the line', keys: ['Home', 'End'], macKeys: ['Mod+ArrowLeft', 'Mod+ArrowRight', 'Home', 'End'], scope: 'transcript', help: 'With Shift, extend the selection' },
  'caret-document-edge': { label: 'To the start or end of the transcript', keys: ['Mod+Home', 'Mod+End'], macKeys: ['Mod+ArrowUp', 'Mod+ArrowDown', 'Mod+Home', 'Mod+End'], scope: 'transcript', help: 'With Shift, extend the selection' },

  // View
  'toggle-side-panel': { label: 'Show or hide the side panel', keys: ['Mod+\\'], scope: 'app', menu: 'view' },
  overview: { label: 'Overview', keys: [], scope: 'app', menu: 'view' },
  'code-manager': { label: 'Codes', keys: [], scope: 'app', menu: 'view' },
  'library-notebook': { label: 'Library notebook', keys: [], scope: 'app', menu: 'view' },
  'reset-zoom': { label: 'Actual size', keys: ['Mod+0'], scope: 'role', menu: 'view', role: 'resetZoom' },
  'zoom-in': { label: 'Zoom in', keys: ['Mod+='], scope: 'role', menu: 'view', role: 'zoomIn' },
  'zoom-out': { label: 'Zoom out', keys: ['Mod+-'], scope: 'role', menu: 'view', role: 'zoomOut' },
  'full-screen': { label: 'Full screen', keys: ['F11'], macKeys: ['Mod+Ctrl+F'], scope: 'role', menu: 'view', role: 'togglefullscreen' },

  // Help
  shortcuts: { label: 'Keyboard shortcuts', keys: ['?', 'F1'], scope: 'page', menu: 'help' },
  about: { label: 'About Gloss', keys: [], scope: 'role', menu: 'help', role: 'about' },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

/** Whether a value (from IPC, from a test) names a command. */
export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && Object.hasOwn(COMMANDS, value);
}

/** The command's spec (typed loosely, for code that walks the table). */
export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS[id];
}

/** Its keys on this platform. */
export function commandKeys(id: CommandId, mac: boolean): readonly string[] {
  const spec = commandSpec(id);
  return mac && spec.macKeys ? spec.macKeys : spec.keys;
}

const ACCELERATOR_KEYS: Record<string, string> = { Mod: 'CmdOrCtrl', Ctrl: 'Ctrl', Shift: 'Shift', Alt: 'Alt', '?': 'Shift+/' };

/** The key written as an Electron accelerator (`Shift+Mod+F` → `Shift+CmdOrCtrl+F`). */
export function toAccelerator(key: string): string {
  if (key === '?') return ACCELERATOR_KEYS['?'];
  const parts = splitKey(key);
  return parts.map((p, i) => (i < parts.length - 1 ? (ACCELERATOR_KEYS[p] ?? p) : p === '\\' ? '\\' : p)).join('+');
}

/** A key split into its modifiers and the key itself (`Shift+Mod++` keeps its last `+`). */
export function splitKey(key: string): string[] {
  if (key === '+') return ['+'];
  const parts = key.split('+');
  // "Mod++" splits into ['Mod', '', '']: the key is '+'.
  if (parts.at(-1) === '' && parts.at(-2) === '') return [...parts.slice(0, -2), '+'];
  return parts;
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };

/** Keys written shorter than their names, as keyboards and menus print them. */
const KEY_NAMES: Record<string, string> = { Escape: 'Esc', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

/** The key as a reader reads it: `⇧⌘F` on a Mac, `Ctrl+Shift+F` elsewhere. */
export function describeKey(key: string, mac: boolean): string {
  const parts = splitKey(key);
  const name = parts.at(-1)!;
  const shown = name.length === 1 ? name.toUpperCase() : (KEY_NAMES[name] ?? name);
  const mods = parts.slice(0, -1);
  if (mac) {
    const order = ['Ctrl', 'Alt', 'Shift', 'Mod'];
    return mods.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((m) => MAC_SYMBOLS[m] ?? m).join('') + shown;
  }
  const order = ['Mod', 'Ctrl', 'Shift', 'Alt'];
  return [...mods.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((m) => (m === 'Mod' ? 'Ctrl' : m)), shown].join('+');
}

/** The modifiers and key a keyboard event carries, as far as matching needs. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The physical key (`Digit1`), for Alt+digit on a Mac, where Option changes the character. */
  code?: string;
}

/** Whether a key press is `key` on this platform. Printable keys that need Shift (`?`) match with or without it. */
export function matchesKey(event: KeyPress, key: string, mac: boolean): boolean {
  const parts = splitKey(key);
  const name = parts.at(-1)!;
  const mods = new Set(parts.slice(0, -1));
  const wantMeta = mac ? mods.has('Mod') : false;
  const wantCtrl = mac ? mods.has('Ctrl') : mods.has('Mod') || mods.has('Ctrl');
  if (event.metaKey !== wantMeta || event.ctrlKey !== wantCtrl || event.altKey !== mods.has('Alt')) return false;
  const shifted = name.length === 1 && !/[a-z0-9]/i.test(name);
  if (!shifted && event.shiftKey !== mods.has('Shift')) return false;
  if (name.length === 1) {
    if (event.key.toLowerCase() === name.toLowerCase()) return true;
    // Option+1 types "¡" on a Mac and Shift+1 "!" everywhere: the physical key decides for letters and digits.
    if (/[a-z]/i.test(name)) return event.code === `Key${name.toUpperCase()}`;
    if (/[0-9]/.test(name)) return event.code === `Digit${name}`;
    return false;
  }
  return event.key === name;
}

/** The command ids a key press matches, among those given (in table order). */
export function commandsForKey(event: KeyPress, mac: boolean, among: readonly CommandId[] = COMMAND_IDS): CommandId[] {
  return among.filter((id) => commandKeys(id, mac).some((k) => matchesKey(event, k, mac)));
}
