/**
 * The library's "Import & back up" menu button: import annotations (a W3C
 * file or a REFI-QDA project), back the library up, restore a backup. One
 * button keeps the library's toolbar uncluttered; the menu is a real menu
 * (arrow keys, Home/End, Escape back to the button, a click outside closes
 * it). In a read-only library, import and restore say why they cannot be done.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { backUpLibrary, importAnnotations, restoreBackup, useLibraryExchange, type ExchangeTask } from '../state/library-exchange';
import { useStoreStatus } from '../state/store-status';
import './LibraryExchangeMenu.css';

interface Item {
  task: ExchangeTask;
  label: string;
  hint: string;
  run: () => Promise<void>;
  /** Changes the library (refused, with the reason, when it is read-only). */
  writes: boolean;
}

const ITEMS: readonly Item[] = [
  { task: 'import', label: 'Import annotations…', hint: 'W3C Web Annotations (.json, .jsonld) or a REFI-QDA project (.qdpx)', run: importAnnotations, writes: true },
  { task: 'backup', label: 'Back up library…', hint: 'Documents, highlights, notes, codes, notebooks and settings, in one archive', run: backUpLibrary, writes: false },
  { task: 'restore', label: 'Restore from backup…', hint: 'Merge a backup into this library by id; the newer change wins', run: restoreBackup, writes: true },
];

const BUSY_LABELS: Record<ExchangeTask, string> = { import: 'Importing…', backup: 'Backing up…', restore: 'Restoring…' };

export function LibraryExchangeMenu() {
  const [open, setOpen] = useState(false);
  const busy = useLibraryExchange((s) => s.busy);
  const readOnly = useStoreStatus((s) => s.readOnly);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') setOpen(false);
  };

  return (
    <div className="exchange-menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy !== null || undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        title="Import annotations from other tools, back the library up, or restore a backup"
      >
        {busy ? BUSY_LABELS[busy] : 'Import & back up'} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} className="exchange-menu__list" role="menu" aria-label="Import and back up" onKeyDown={onMenuKeyDown}>
          {ITEMS.map((item) => {
            const refused = item.writes && readOnly;
            return (
              <button
                key={item.task}
                type="button"
                role="menuitem"
                className="exchange-menu__item"
                aria-disabled={refused || busy !== null ? true : undefined}
                title={refused ? `This library is read-only: ${readOnly}` : undefined}
                onClick={() => {
                  close(true);
                  void item.run();
                }}
              >
                <span className="exchange-menu__label">{item.label}</span>
                <span className="exchange-menu__hint">{item.hint}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
