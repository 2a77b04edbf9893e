/**
 * What the store found wrong with its files and did about it, told to the
 * reader in a panel under the toolbar (never a modal): each message in full,
 * since they name the files, under the title of the document concerned. The
 * first few show at once, the rest on asking. Dismissed (button or Escape),
 * they stay dismissed for the session; a later notice brings the panel back.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { StoreNotice } from '../../../shared/model';
import { useLibrary } from '../state/library-state';
import { noticeKey, storeStatus, useStoreStatus } from '../state/store-status';

/** Shown before asking to see all: enough to read what happened without the panel taking the screen. */
const SHOWN_AT_FIRST = 2;

const KIND_NAMES: Record<StoreNotice['kind'], string> = {
  damaged: 'Damaged',
  restored: 'Restored from backup',
  recovered: 'Recovered',
  migrated: 'Brought up to date',
};

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many.replace('#', String(n));
}

/** One line for the whole panel, from the gravest kind of notice in it. */
function headline(notices: readonly StoreNotice[]): string {
  const count = (kind: StoreNotice['kind']) => notices.filter((n) => n.kind === kind).length;
  const damaged = count('damaged');
  if (damaged) return plural(damaged, 'A damaged file could not be restored', '# damaged files could not be restored');
  const restored = count('restored');
  if (restored) return plural(restored, 'A damaged file was restored', '# damaged files were restored');
  if (count('recovered')) return 'Gloss finished or undid work that was interrupted';
  return 'Files from an earlier Gloss were brought up to date';
}

/** Notices by the document they concern (the library's own first), keeping the order they came in. */
function byDocument(notices: readonly StoreNotice[]): [documentId: string | undefined, notices: StoreNotice[]][] {
  const groups = new Map<string | undefined, StoreNotice[]>();
  for (const n of notices) {
    const list = groups.get(n.documentId);
    if (list) list.push(n);
    else groups.set(n.documentId, [n]);
  }
  return [...groups].sort(([a], [b]) => Number(a !== undefined) - Number(b !== undefined));
}

export function StoreNotices() {
  const notices = useStoreStatus((s) => s.notices);
  const documents = useLibrary((s) => s.documents);
  const [showAll, setShowAll] = useState(false);
  const id = useId();
  const panel = useRef<HTMLElement>(null);
  if (notices.length === 0) return null;

  const titleOf = (documentId: string | undefined) =>
    documentId === undefined ? 'The library' : (documents.find((d) => d.id === documentId)?.title ?? `A document no longer in the library (${documentId})`);
  const shown = showAll ? notices : notices.slice(0, SHOWN_AT_FIRST);
  const urgent = notices.some((n) => n.kind === 'damaged');
  const dismiss = () => {
    // Focus inside the panel would be lost with it: it goes to the page's main content instead.
    const hadFocus = panel.current?.contains(document.activeElement) ?? false;
    setShowAll(false);
    storeStatus.dismiss(notices);
    if (hadFocus) document.querySelector<HTMLElement>('main')?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Escape here closes the panel only; it does not also deselect a highlight.
    event.stopPropagation();
    dismiss();
  };

  return (
    <section
      ref={panel}
      className={`store-notices${urgent ? ' is-urgent' : ''}`}
      role={urgent ? 'alert' : 'status'}
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
    >
      <div className="store-notices__header">
        <h2 className="store-notices__title" id={`${id}-title`}>
          {headline(notices)}
        </h2>
        {notices.length > SHOWN_AT_FIRST && (
          <button type="button" className="button" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show fewer' : `Show all ${notices.length} notices`}
          </button>
        )}
        <button type="button" className="button" onClick={dismiss} title="Dismiss these notices (Escape)">
          Dismiss
        </button>
      </div>
      {byDocument(shown).map(([documentId, list]) => (
        <div className="store-notices__group" key={documentId ?? ''}>
          <h3 className="store-notices__document">{titleOf(documentId)}</h3>
          <ul className="store-notices__list">
            {list.map((n) => (
              <li key={noticeKey(n)} className={`store-notice store-notice--${n.kind}`}>
                <span className="store-notice__kind">{KIND_NAMES[n.kind]}</span>
                <span className="store-notice__message">
                  {n.message}
                  {n.path && !n.message.includes(n.path) && (
                    <>
                      {' '}
                      The file is now at <code className="store-notice__path">{n.path}</code>.
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
