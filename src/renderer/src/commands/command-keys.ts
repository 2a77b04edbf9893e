/**
 * The command table's keys as the renderer shows and matches them on this
 * platform: the first key of a command for a menu or a tooltip, all of them
 * for the shortcut reference, and the colour commands by colour.
 */
import { commandKeys, describeKey, splitKey, type CommandId } from '../../../shared/commands';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model';
import { IS_MAC } from '../keyboard';

/** The command's keys as a reader reads them here (`Ctrl+Shift+F`, `⇧⌘F`). */
export function shownKeys(id: CommandId, mac = IS_MAC): string[] {
  return commandKeys(id, mac).map((k) => describeKey(k, mac));
}

/** The command's first key as shown, or '' when it has none. */
export function shownKey(id: CommandId, mac = IS_MAC): string {
  return shownKeys(id, mac)[0] ?? '';
}

/** The command's keys for `aria-keyshortcuts` (`Control+Shift+F`; space-separated when there are several). */
export function ariaKeys(id: CommandId, mac = IS_MAC): string {
  const names: Record<string, string> = { Mod: mac ? 'Meta' : 'Control', Ctrl: 'Control', Alt: 'Alt', Shift: 'Shift' };
  return commandKeys(id, mac)
    .map((k) => {
      const parts = splitKey(k);
      return parts.map((p, i) => (i < parts.length - 1 ? (names[p] ?? p) : p)).join('+');
    })
    .join(' ');
}

/** The command that highlights in a colour. */
export function colorCommand(color: HighlightColor): CommandId {
  return `highlight-${color}` as CommandId;
}

/** Each colour with its command, in the palette's order. */
export const COLOR_COMMANDS: readonly { color: HighlightColor; id: CommandId }[] = HIGHLIGHT_COLORS.map((color) => ({ color, id: colorCommand(color) }));
