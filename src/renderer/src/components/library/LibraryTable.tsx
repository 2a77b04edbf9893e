/**
 * The library table: a header of sort buttons (aria-sort on the column that
 * sorts) with a checkbox that selects every document shown, and a row per
 * document shown. A long library draws only the rows in view (with the
 * table's row count and each row's index said to assistive technology); a
 * short one draws them all. Keyboard: one tab stop in the rows, the active
 * row's checkbox; Up/Down (Home/End, Page Up/Down) move it, Shift with them
 * selects on the way, Space selects, Enter opens, Ctrl/Cmd+A selects every
 * row shown, Escape lets go of the selection. Tab reaches the active row's
 * own buttons.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { DocumentSummary } from '../../../../shared/model';
import { keyMatches } from '../../commands/command-registry';
import { idsBetween, nextSort, SORT_COLUMN_IDS, SORT_COLUMNS, type LibrarySort, type SortColumn } from '../../state/library-order';
import { libraryState, openDocument, setLibrarySelection, setLibrarySort, toggleLibrarySelection, useLibrary } from '../../state/library-state';
import { useStoreStatus } from '../../state/store-status';
import { LibraryRow } from './LibraryRow';

/** Up to this many rows, every row is drawn (find in page, a screen reader's table reading, all work as on any table). */
const DRAW_ALL_UP_TO = 60;
const PAGE = 10;

function SortHeader({ column, sort }: { column: SortColumn; sort: LibrarySort }) {
  const { label } = SORT_COLUMNS[column];
  const sorted = sort.column === column;
  const next = nextSort(sort, column);
  return (
    <th scope="col" className={`library__col-${column}`} aria-sort={sorted ? sort.direction : undefined}>
      <button type="button" className="library__sort" onClick={() => setLibrarySort(next)} title={`Sort by ${label.toLowerCase()}, ${next.direction === 'ascending' ? 'from the least' : 'from the most'}`}>
        {label}
        <span className="library__sort-arrow" aria-hidden="true">
          {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

function SelectAllShown({ shown, selected }: { shown: readonly DocumentSummary[]; selected: ReadonlySet<string> }) {
  const ref = useRef<HTMLInputElement>(null);
  const chosen = shown.reduce((n, d) => n + (selected.has(d.id) ? 1 : 0), 0);
  const all = shown.length > 0 && chosen === shown.length;
  const some = chosen > 0 && !all;
  useLayoutEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="library__select-all"
      aria-label="Select all shown documents"
      checked={all}
      onChange={() => setLibrarySelection(all ? [] : shown.map((d) => d.id), null)}
    />
  );
}

export function LibraryTable({ shown, scrollRef }: { shown: DocumentSummary[]; scrollRef: React.RefObject<HTMLElement | null> }) {
  const sort = useLibrary((s) => s.sort);
  const selected = useLibrary((s) => s.selected);
  const libraryReadOnly = useStoreStatus((s) => s.readOnly);
  const [activeId, setActiveId] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  /** A row to focus once it is drawn (moving to a row out of view draws it first). */
  const focusNext = useRef<string | null>(null);
  const [headHeight, setHeadHeight] = useState(0);

  const virtual = shown.length > DRAW_ALL_UP_TO;
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 88,
    // Few rows beyond the view: a fast scroll that jumps past them draws every row of the new view anyway.
    overscan: 4,
    // The rows start below the header (and what is above the table in the scrolling area).
    scrollMargin: headHeight,
    // A row scrolled to by the keyboard comes to rest below the sticky header, not under it.
    scrollPaddingStart: headHeight,
    getItemKey: (index) => shown[index].id,
    enabled: virtual,
  });

  // The header's height changes with the window's width (its labels wrap): the rows' offsets follow.
  useLayoutEffect(() => {
    const table = tableRef.current;
    const head = headRef.current;
    if (!table || !head) return;
    const measure = () => setHeadHeight(table.offsetTop + head.offsetHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  const active = shown.find((d) => d.id === activeId)?.id ?? shown[0]?.id ?? null;

  useLayoutEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    const box = tableRef.current?.querySelector<HTMLInputElement>(`tr[data-id="${id}"] .library__select`);
    if (box) {
      focusNext.current = null;
      box.focus();
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      const target = shown[Math.max(0, Math.min(shown.length - 1, index))];
      if (!target) return;
      setActiveId(target.id);
      focusNext.current = target.id;
      if (virtual) virtualizer.scrollToIndex(shown.indexOf(target), { align: 'auto' });
      else tableRef.current?.querySelector(`tr[data-id="${target.id}"]`)?.scrollIntoView({ block: 'nearest' });
      return target;
    },
    [shown, virtual, virtualizer],
  );

  // A focus that moved into a row by mouse or Tab makes it the active row.
  const onFocus = (event: React.FocusEvent) => {
    const id = (event.target as HTMLElement).closest('tr')?.dataset.id;
    if (id && id !== activeId) setActiveId(id);
  };

  const onSelectClick = useCallback(
    (id: string, event: MouseEvent<HTMLInputElement>) => {
      const { selected, anchor } = libraryState();
      if (event.shiftKey && anchor) {
        setLibrarySelection(new Set([...selected, ...idsBetween(shown, anchor, id)]));
      } else {
        toggleLibrarySelection(id);
      }
      setActiveId(id);
    },
    [shown],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    // Typing a new title: the keys are the field's.
    if (target instanceof HTMLInputElement && target.type === 'text') return;
    if (target.closest('[role="alertdialog"]')) return;
    const at = shown.findIndex((d) => d.id === (target.closest('tr')?.dataset.id ?? active));
    const onCheckbox = target.classList.contains('library__select');
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE, Home: -shown.length, End: shown.length };
    if (event.key in step && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const to = moveTo(at + step[event.key]);
      // Shift+arrows select every row passed over, from the anchor.
      if (to && event.shiftKey) {
        const { selected, anchor } = libraryState();
        const from = anchor ?? shown[at]?.id ?? to.id;
        setLibrarySelection(new Set([...selected, ...idsBetween(shown, from, to.id)]), from);
      }
      return;
    }
    if (keyMatches(event.nativeEvent, 'select-all')) {
      event.preventDefault();
      setLibrarySelection(
        shown.map((d) => d.id),
        null,
      );
      return;
    }
    if (event.key === 'Escape' && libraryState().selected.size > 0) {
      event.preventDefault();
      setLibrarySelection([], null);
      return;
    }
    if (!onCheckbox || at < 0) return;
    const id = shown[at].id;
    if (event.key === ' ' && event.shiftKey) {
      event.preventDefault();
      const { selected, anchor } = libraryState();
      setLibrarySelection(new Set([...selected, ...idsBetween(shown, anchor, id)]), anchor ?? id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void openDocument(id);
    }
  };

  const items = virtual ? virtualizer.getVirtualItems() : null;
  const rows = items ? items.map((item) => ({ doc: shown[item.index], index: item.index })) : shown.map((doc, index) => ({ doc, index }));
  const paddingTop = items?.length ? items[0].start - headHeight : 0;
  const paddingBottom = items?.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - headHeight) : 0;
  const columns = SORT_COLUMN_IDS.length + 2;

  // Keeps the active row one that is shown after a filter.
  useEffect(() => {
    if (activeId && !shown.some((d) => d.id === activeId)) setActiveId(null);
  }, [shown, activeId]);

  return (
    <table ref={tableRef} className="library__table" aria-rowcount={shown.length + 1} aria-label="Documents">
      <thead ref={headRef}>
        <tr aria-rowindex={1}>
          <th scope="col" className="library__check">
            <SelectAllShown shown={shown} selected={selected} />
          </th>
          {SORT_COLUMN_IDS.map((column) => (
            <SortHeader key={column} column={column} sort={sort} />
          ))}
          <th scope="col" className="library__col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody onKeyDown={onKeyDown} onFocus={onFocus}>
        {paddingTop > 0 && (
          <tr aria-hidden="true" className="library__spacer" style={{ height: paddingTop }}>
            <td colSpan={columns} />
          </tr>
        )}
        {rows.map(({ doc, index }) => (
          <LibraryRow
            key={doc.id}
            doc={doc}
            rowIndex={index + 2}
            selected={selected.has(doc.id)}
            active={doc.id === active}
            libraryReadOnly={libraryReadOnly}
            onSelectClick={onSelectClick}
            measure={virtual ? virtualizer.measureElement : undefined}
            virtualIndex={virtual ? index : undefined}
          />
        ))}
        {paddingBottom > 0 && (
          <tr aria-hidden="true" className="library__spacer" style={{ height: paddingBottom }}>
            <td colSpan={columns} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
