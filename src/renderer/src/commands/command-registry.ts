/**
 * Runs the command table's commands (shared/commands.ts). Parts of the app
 * register what a command does while they are on screen; the application
 * menu, context menus, the shortcut reference and the keys all run commands
 * through here, so each does the same thing however it is given. The last
 * registration of a command wins while it lasts (a dialog over the reader
 * takes Escape), and a command with no registration, or whose `enabled` says
 * no, is unavailable: its menu item greys out and its keys do nothing.
 */
import { COMMAND_IDS, commandKeys, commandSpec, matchesKey, type CommandId } from '../../../shared/commands';
import { IS_MAC, isTyping } from '../keyboard';

export interface CommandHandler {
  run(): void;
  /** Whether it can run now (default: yes). */
  enabled?(): boolean;
}

const handlers = new Map<CommandId, CommandHandler[]>();
const listeners = new Set<() => void>();

/** Registers what a command does; returns the function that takes it back. */
export function registerCommand(id: CommandId, handler: CommandHandler | (() => void)): () => void {
  const h: CommandHandler = typeof handler === 'function' ? { run: handler } : handler;
  const list = handlers.get(id) ?? [];
  list.push(h);
  handlers.set(id, list);
  listeners.forEach((l) => l());
  return () => {
    const at = list.indexOf(h);
    if (at >= 0) list.splice(at, 1);
    listeners.forEach((l) => l());
  };
}

function current(id: CommandId): CommandHandler | undefined {
  const list = handlers.get(id);
  return list?.[list.length - 1];
}

/** Whether the command can run now. */
export function canRun(id: CommandId): boolean {
  const h = current(id);
  return !!h && (h.enabled?.() ?? true);
}

/** Runs the command if it can run now; says whether it ran. */
export function runCommand(id: CommandId): boolean {
  const h = current(id);
  if (!h || !(h.enabled?.() ?? true)) return false;
  h.run();
  return true;
}

/** Hears registrations come and go (menus that show what is available). */
export function onCommandsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a key press is one of the command's keys on this platform. */
export function keyMatches(event: KeyboardEvent, id: CommandId): boolean {
  return commandKeys(id, IS_MAC).some((k) => matchesKey(event, k, IS_MAC));
}

/** The commands the global key handler runs: those whose keys act in the whole window or the reading view. */
const GLOBAL_SCOPES = new Set(['app', 'page', 'reader', 'highlight']);

/** Whether the focus is in a dialog or a menu, which have keys of their own. */
function inDialogOrMenu(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open], [role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}

/** Enter or Space on a button, link, tab or option presses it: that is the control's key, not a command's. */
function activatesControl(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' && event.key !== ' ') return false;
  return event.target instanceof Element && event.target.closest('button, a[href], summary, [role="button"], [role="link"], [role="tab"], [role="option"], [role="menuitem"], [role="checkbox"], [role="switch"]') !== null;
}

/**
 * The one global key handler: a key press not already handled by the element it went to runs the first command
 * whose key it is, whose scope allows it where the focus is, and that can run now.
 */
export function handleCommandKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || activatesControl(event)) return false;
  // In a dialog or a menu only the app-wide keys act: Escape, Enter and letters are theirs.
  const typing = isTyping(event.target) || inDialogOrMenu(event.target);
  for (const id of COMMAND_IDS) {
    const { scope } = commandSpec(id);
    if (!GLOBAL_SCOPES.has(scope) || (typing && scope !== 'app')) continue;
    if (!keyMatches(event, id) || !canRun(id)) continue;
    event.preventDefault();
    runCommand(id);
    return true;
  }
  return false;
}

/** Installs the global key handler on the document; returns its removal. */
export function installCommandKeys(target: Document = document): () => void {
  const onKeyDown = (event: KeyboardEvent) => void handleCommandKey(event);
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
