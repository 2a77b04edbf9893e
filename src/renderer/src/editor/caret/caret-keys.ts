/**
 * Which caret move a key press in the transcript asks for, read from the
 * command table's 'caret-…' commands (shared/commands.ts), so the keys that
 * work are the keys the shortcut reference lists. Shift on any of them
 * extends the selection instead of moving the caret.
 */
import { commandKeys, matchesKey, type CommandId, type KeyPress } from '../../../../shared/commands';
import type { CaretDirection, CaretUnit } from './caret-moves';

/** What the browser moves (lines depend on the layout), a screenful of the reading view, or caret-moves.ts works out on the text. */
export type CaretStep = CaretUnit | 'line' | 'page' | 'lineboundary';

export interface CaretMove {
  step: CaretStep;
  direction: CaretDirection;
  /** Shift was held: the selection grows or shrinks from its anchor. */
  extend: boolean;
}

const STEPS: readonly (readonly [CommandId, CaretStep])[] = [
  ['caret-character', 'character'],
  ['caret-word', 'word'],
  ['caret-sentence', 'sentence'],
  ['caret-line', 'line'],
  ['caret-paragraph', 'paragraph'],
  ['caret-page', 'page'],
  ['caret-line-edge', 'lineboundary'],
  ['caret-document-edge', 'document'],
];

/** Keys that point back towards the start of the text; the others point on. */
const BACKWARD = /^(ArrowLeft|ArrowUp|Home|PageUp)$/;

/** The caret move for a key press, or null when it is not a caret key on this platform. */
export function caretMoveFor(event: KeyPress, mac: boolean): CaretMove | null {
  // Copied field by field: a KeyboardEvent's fields are getters on its prototype, which spreading would leave behind.
  const unshifted: KeyPress = { key: event.key, code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: false };
  for (const [id, step] of STEPS) {
    const key = commandKeys(id, mac).find((k) => matchesKey(unshifted, k, mac));
    if (key === undefined) continue;
    return { step, direction: BACKWARD.test(event.key) ? 'backward' : 'forward', extend: event.shiftKey };
  }
  return null;
}

/** Whether a key press is Select all (the command table's 'select-all': Ctrl+A, Cmd+A on a Mac): in the transcript it selects the transcript's text only. */
export function isSelectAll(event: KeyPress, mac: boolean): boolean {
  return commandKeys('select-all', mac).some((k) => matchesKey(event, k, mac));
}
