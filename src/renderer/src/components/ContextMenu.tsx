/**
 * A context menu drawn in the page (role="menu"): items with their keys,
 * groups under a heading, greyed items that cannot run now. The arrow keys,
 * Home and End move, a letter jumps to the next item starting with it, Enter
 * or Space picks, Escape or Tab closes. It opens inside the window, takes the
 * focus, and gives it back where it came from when it closes, before the
 * picked item runs (so an item that moves the focus on, to a field, keeps it
 * there).
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HighlightColor } from '../../../shared/model';
import './ContextMenu.css';

export interface ContextMenuItem {
  /** Unique within the menu. */
  key: string;
  label: string;
  /** The key shown beside it, as the reader reads it. */
  shortcut?: string;
  /** For aria-keyshortcuts. */
  ariaShortcut?: string;
  disabled?: boolean;
  /** A choice among several (a colour): shown ticked when true. */
  checked?: boolean;
  swatch?: HighlightColor;
  run(): void;
}

export interface ContextMenuGroup {
  /** Read out for the group; shown as its heading when `showLabel`. */
  label: string;
  showLabel?: boolean;
  items: readonly ContextMenuItem[];
}

interface Props {
  label: string;
  groups: readonly ContextMenuGroup[];
  /** Where it opens (window coordinates); it moves left and up to stay inside the window. */
  at: { x: number; y: number };
  /** Closes it; `picked` is the item chosen, if any. */
  onClose(picked: ContextMenuItem | null): void;
}

const MARGIN = 4;

export function ContextMenu({ label, groups, at, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const items = groups.flatMap((g) => g.items);
  const [active, setActive] = useState(() => Math.max(0, items.findIndex((i) => !i.disabled)));
  const closed = useRef(false);
  const close = (picked: ContextMenuItem | null) => {
    if (closed.current) return;
    closed.current = true;
    onClose(picked);
  };
  const latestClose = useRef(close);
  latestClose.current = close;

  useLayoutEffect(() => {
    const el = menu.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const left = Math.max(MARGIN, Math.min(at.x, window.innerWidth - width - MARGIN));
    // Below the point if it fits, else above it, else as low as the window allows.
    const top = at.y + height + MARGIN <= window.innerHeight ? at.y : Math.max(MARGIN, Math.min(at.y - height, window.innerHeight - height - MARGIN));
    setPlace({ left, top });
  }, [at.x, at.y]);

  useEffect(() => {
    if (place) menu.current?.querySelectorAll<HTMLElement>('[data-menu-item]')[active]?.focus({ preventScroll: true });
  }, [active, place]);

  // A press outside, the window losing the focus, or a resize closes it; a scroll would leave it behind its place.
  useEffect(() => {
    const outside = (event: Event) => {
      if (event.target instanceof Node && menu.current?.contains(event.target)) return;
      latestClose.current(null);
    };
    const dismiss = () => latestClose.current(null);
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('scroll', outside, true);
    window.addEventListener('blur', dismiss);
    window.addEventListener('resize', dismiss);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('scroll', outside, true);
      window.removeEventListener('blur', dismiss);
      window.removeEventListener('resize', dismiss);
    };
  }, []);

  const pick = (item: ContextMenuItem) => {
    if (!item.disabled) close(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const n = items.length;
    let to: number | null = null;
    if (event.key === 'ArrowDown') to = (active + 1) % n;
    else if (event.key === 'ArrowUp') to = (active - 1 + n) % n;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = n - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      const item = items[active];
      if (item) pick(item);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      close(null);
    } else if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: the next item whose label starts with the letter.
      const letter = event.key.toLowerCase();
      for (let step = 1; step <= n; step++) {
        const at = (active + step) % n;
        if (items[at].label.toLowerCase().startsWith(letter)) {
          to = at;
          break;
        }
      }
    } else return;
    // Every key a menu hears is the menu's: none reaches the app's shortcuts.
    event.preventDefault();
    event.stopPropagation();
    if (to !== null) setActive(to);
  };

  let index = 0;
  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={label}
      style={place ? { left: place.left, top: place.top } : { left: at.x, top: at.y, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {groups.map((group, g) => (
        <div key={group.label} role="group" aria-label={group.label} className="context-menu__group">
          {g > 0 && <div role="separator" className="context-menu__separator" />}
          {group.showLabel && (
            <div className="context-menu__heading" aria-hidden="true">
              {group.label}
            </div>
          )}
          {group.items.map((item) => {
            const at = index++;
            return (
              <div
                key={item.key}
                data-menu-item=""
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                aria-disabled={item.disabled || undefined}
                aria-keyshortcuts={item.ariaShortcut || undefined}
                tabIndex={at === active ? 0 : -1}
                className={`context-menu__item${item.disabled ? ' is-disabled' : ''}`}
                // Keeps the focus and the text selection where they are until an item is picked.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => at !== active && setActive(at)}
                onClick={() => pick(item)}
              >
                <span className="context-menu__mark" aria-hidden="true">
                  {item.swatch ? <span className={`swatch swatch--small swatch--${item.swatch}`} /> : null}
                  {item.checked ? <span className="context-menu__tick">✓</span> : null}
                </span>
                <span className="context-menu__label">{item.label}</span>
                {item.shortcut && (
                  <span className="context-menu__keys" aria-hidden="true">
                    {item.shortcut}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
