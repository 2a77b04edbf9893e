/** Small facts about keyboard events the app's shortcuts share. */

/** Whether the key went to a place where the reader types (a note, a notebook, a field): shortcuts leave it alone there. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The platform's command key is held: Cmd on a Mac, Ctrl elsewhere (and not the other one). */
export function hasCommandKey(event: KeyboardEvent): boolean {
  return IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}
