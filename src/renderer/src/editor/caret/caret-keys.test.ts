import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../../../shared/commands';
import { caretMoveFor, isSelectAll } from './caret-keys';

function press(key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods };
}

describe('caretMoveFor', () => {
  const cases: [string, KeyPress, boolean, ReturnType<typeof caretMoveFor>][] = [
    ['Left moves back a character', press('ArrowLeft'), false, { step: 'character', direction: 'backward', extend: false }],
    ['Shift+Right extends by a character', press('ArrowRight', { shiftKey: true }), false, { step: 'character', direction: 'forward', extend: true }],
    ['Ctrl+Right moves by word on Linux and Windows', press('ArrowRight', { ctrlKey: true }), false, { step: 'word', direction: 'forward', extend: false }],
    ['Option+Right moves by word on a Mac', press('ArrowRight', { altKey: true }), true, { step: 'word', direction: 'forward', extend: false }],
    ['Alt+Left moves back a sentence on Linux and Windows', press('ArrowLeft', { altKey: true }), false, { step: 'sentence', direction: 'backward', extend: false }],
    ['Ctrl+Option+Right moves by sentence on a Mac', press('ArrowRight', { altKey: true, ctrlKey: true }), true, { step: 'sentence', direction: 'forward', extend: false }],
    ['Shift+Ctrl+Down extends by paragraph', press('ArrowDown', { ctrlKey: true, shiftKey: true }), false, { step: 'paragraph', direction: 'forward', extend: true }],
    ['Option+Up moves back a paragraph on a Mac', press('ArrowUp', { altKey: true }), true, { step: 'paragraph', direction: 'backward', extend: false }],
    ['Down moves a line', press('ArrowDown'), false, { step: 'line', direction: 'forward', extend: false }],
    ['End goes to the end of the line', press('End'), false, { step: 'lineboundary', direction: 'forward', extend: false }],
    ['Page Down moves a screenful on', press('PageDown'), false, { step: 'page', direction: 'forward', extend: false }],
    ['Page Up moves a screenful back on a Mac too', press('PageUp'), true, { step: 'page', direction: 'backward', extend: false }],
    ['Shift+Page Down extends by a screenful', press('PageDown', { shiftKey: true }), false, { step: 'page', direction: 'forward', extend: true }],
    ['Ctrl+Page Down is no caret key (it is left to the window)', press('PageDown', { ctrlKey: true }), false, null],
    ['Cmd+Left goes to the start of the line on a Mac', press('ArrowLeft', { metaKey: true }), true, { step: 'lineboundary', direction: 'backward', extend: false }],
    ['Ctrl+Home goes to the start of the transcript', press('Home', { ctrlKey: true }), false, { step: 'document', direction: 'backward', extend: false }],
    ['Shift+Cmd+Down selects to the end on a Mac', press('ArrowDown', { metaKey: true, shiftKey: true }), true, { step: 'document', direction: 'forward', extend: true }],
    ['a letter is no caret key', press('a'), false, null],
    ['Ctrl+Left is no caret key on a Mac (it switches spaces)', press('ArrowLeft', { ctrlKey: true }), true, null],
    ['Ctrl+Alt+Right is no caret key on Linux', press('ArrowRight', { ctrlKey: true, altKey: true }), false, null],
  ];
  it.each(cases)('%s', (_name, event, mac, expected) => {
    expect(caretMoveFor(event, mac)).toEqual(expected);
  });
});

describe('caretMoveFor with a real keyboard event', () => {
  it('reads the fields a KeyboardEvent keeps on its prototype', () => {
    // What the browser hands over: fields as getters, not own properties.
    class FakeKeyboardEvent {
      get key() {
        return 'ArrowRight';
      }
      get shiftKey() {
        return true;
      }
      get altKey() {
        return false;
      }
      get ctrlKey() {
        return true;
      }
      get metaKey() {
        return false;
      }
    }
    expect(caretMoveFor(new FakeKeyboardEvent(), false)).toEqual({ step: 'word', direction: 'forward', extend: true });
  });
});

describe('isSelectAll', () => {
  it('is Ctrl+A on Linux and Windows, Cmd+A on a Mac, and nothing else', () => {
    expect(isSelectAll(press('a', { ctrlKey: true }), false)).toBe(true);
    expect(isSelectAll(press('a', { metaKey: true }), true)).toBe(true);
    expect(isSelectAll(press('a', { ctrlKey: true }), true)).toBe(false);
    expect(isSelectAll(press('a'), false)).toBe(false);
    expect(isSelectAll(press('a', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
  });
});
