/**
 * The shortcut reference (Help → Keyboard shortcuts, `?` or F1): every
 * command that has keys, grouped as the menus are, with its keys as this
 * platform writes them, all taken from the command table the keys are bound
 * from. A field narrows the list. A modal dialog: Escape closes it, and the
 * focus goes back where it was.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { commandSpec } from '../../../shared/commands';
import { shownKeys } from '../commands/command-keys';
import { referenceSections } from '../commands/shortcut-groups';
import { IS_MAC } from '../keyboard';
import './ShortcutReference.css';

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && <span className="shortcuts__or"> or </span>}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

export function ShortcutReference({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [filter, setFilter] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, []);

  const words = filter.trim().toLowerCase();
  const sections = referenceSections(IS_MAC)
    .map(({ section, ids }) => ({
      section,
      rows: ids
        .map((id) => ({ id, spec: commandSpec(id), keys: shownKeys(id) }))
        .filter(({ spec, keys }) => !words || `${spec.label} ${spec.help ?? ''} ${keys.join(' ')}`.toLowerCase().includes(words)),
    }))
    .filter((s) => s.rows.length > 0);

  return (
    <dialog
      ref={ref}
      className="shortcuts"
      aria-labelledby={titleId}
      // Keys typed here are the dialog's, not the reader's shortcuts.
      onKeyDown={(e) => e.stopPropagation()}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="shortcuts__head">
        <h2 id={titleId} className="shortcuts__title">
          Keyboard shortcuts
        </h2>
        <input
          className="shortcuts__filter"
          type="search"
          aria-label="Find a shortcut"
          placeholder="Find a shortcut"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {/* Scrolled from the keyboard too: it takes the focus (Tab from the field). */}
      <div className="shortcuts__body" role="region" aria-label="Shortcuts" tabIndex={0}>
        {sections.length === 0 && <p className="shortcuts__none">No shortcut matches “{filter.trim()}”.</p>}
        {/* Two columns where there is room, each group whole in one of them under its own heading. */}
        <div className="shortcuts__columns">
          {sections.map(({ section, rows }) => (
            <section key={section} className="shortcuts__section" aria-label={section}>
              <h3 className="shortcuts__section-title">{section}</h3>
              <table className="shortcuts__table">
                <tbody>
                  {rows.map(({ id, spec, keys }) => (
                    <tr key={id} data-command={id}>
                      <th scope="row">
                        <span className="shortcuts__label">{spec.label}</span>
                        {spec.help && <span className="shortcuts__help">{spec.help}</span>}
                      </th>
                      <td className="shortcuts__keys">
                        <Keys keys={keys} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </dialog>
  );
}
