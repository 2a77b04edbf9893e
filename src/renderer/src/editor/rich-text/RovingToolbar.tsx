/**
 * A row of formatting buttons as one ARIA toolbar, shared by the note's and
 * the notebook's toolbars: one tab stop (arrow keys, Home and End move
 * between the buttons), each button showing whether it is on, and pressing
 * one leaves the focus (and the selection) in the text.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { IS_MAC } from '../../keyboard';

export interface ToolbarItem {
  /** The button's accessible name; also names its modifier class (`Bulleted list` → `--bulleted-list`). */
  name: string;
  title: string;
  pressed: boolean;
  /** What the button shows (hidden from screen readers, which read the name). */
  icon: string;
  /** A little space before the button, to group it with those after it. */
  gapBefore?: boolean;
  run: () => void;
}

/** A shortcut's modifier as the platform writes it in a button's title: `⌘B` on a Mac, `Ctrl+B` elsewhere. */
export const SHORTCUT_KEY = IS_MAC ? '⌘' : 'Ctrl+';

/**
 * The toolbar: `className` on the row, `buttonClass` on each button (with
 * `buttonClass--<name>` and, before a gap, `buttonClass--gap`). `children`
 * (a field the toolbar opens) go inside the row, after the buttons; keys
 * typed in a field there are the field's own.
 */
export function RovingToolbar({
  label,
  className,
  buttonClass,
  items,
  disabled = false,
  children,
}: {
  label: string;
  className: string;
  buttonClass: string;
  items: readonly ToolbarItem[];
  disabled?: boolean;
  children?: ReactNode;
}) {
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) return;
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const to = step !== undefined ? (focusIndex + step + items.length) % items.length : event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : null;
    if (to === null) return;
    event.preventDefault();
    setFocusIndex(to);
    buttons.current[to]?.focus();
  };

  return (
    <div className={className} role="toolbar" aria-label={label} aria-disabled={disabled || undefined} onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <button
          key={item.name}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          className={`${buttonClass} ${buttonClass}--${item.name.toLowerCase().replace(/\s+/g, '-')}${item.gapBefore ? ` ${buttonClass}--gap` : ''}`}
          aria-label={item.name}
          aria-pressed={item.pressed}
          title={item.title}
          tabIndex={i === focusIndex ? 0 : -1}
          disabled={disabled}
          // The text keeps the focus (and its selection) while a button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setFocusIndex(i)}
          onClick={item.run}
        >
          {/* A pictogram drawn by CSS (rich-text.css), not words: the button's name is what it does. */}
          <span className="toolbar-icon" data-icon={item.icon} aria-hidden="true" />
        </button>
      ))}
      {children}
    </div>
  );
}
