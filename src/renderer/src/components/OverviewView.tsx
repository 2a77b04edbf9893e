/**
 * The overview of one document or of the whole library: how many highlights
 * each speaker has under each code (a parent column counts its children) and
 * in each colour, with totals. Clicking a count lists those highlights below
 * (quote, speaker, codes, and in the library's overview the document); clicking
 * one opens its document at the passage. "Back" returns whence it was opened.
 * Counts and list are read again when the library changes under the overview
 * (a `gloss` command beside the app, an undo or redo).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../core/error-message';
import { leafOf, parentOf } from '../../../core/study/code-path';
import { HIGHLIGHT_COLORS, type HighlightColor, type HighlightRef, type Overview, type OverviewRow } from '../../../shared/model';
import { call } from '../gloss-client';
import { refreshCodebook, useCodebook } from '../state/codebook-state';
import { useLibrary } from '../state/library-state';
import { leaveOverview, useOverviewScope } from '../state/overview-state';
import { useReading } from '../state/reading-store';
import { openAtHighlight } from '../state/reveal-request';
import { StatusBar } from './StatusBar';
import { useChangesUnderneath } from './use-changes-underneath';
import './OverviewView.css';

/** How text no speaker says (an introduction, a caption) is named in the tables. */
const NO_SPEAKER = 'No speaker';
const QUOTE_PREVIEW = 280;

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
const speakerName = (speaker: string | null) => speaker ?? NO_SPEAKER;

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** One cell's question: a speaker (null: no speaker; undefined: every speaker) and a code or a colour (neither: any). */
interface Cell {
  speaker?: string | null;
  code?: string;
  color?: HighlightColor;
}

const sameCell = (a: Cell | null, b: Cell) =>
  a !== null && a.speaker === b.speaker && a.code === b.code && a.color === b.color && ('speaker' in a) === ('speaker' in b);

/** What a cell is about, in words: "Dario Amodei · theme/risk". */
function describeCell(cell: Cell, colorNames: Record<HighlightColor, string>): string {
  const who = 'speaker' in cell ? speakerName(cell.speaker ?? null) : 'All speakers';
  const what = cell.code ?? (cell.color ? colorNames[cell.color] : 'all highlights');
  return `${who} · ${what}`;
}

interface CountProps {
  n: number;
  cell: Cell;
  label: string;
  chosen: Cell | null;
  onChoose: (cell: Cell) => void;
}

/** A count; above zero it is a button that lists its highlights. */
function Count({ n, cell, label, chosen, onChoose }: CountProps) {
  if (n === 0) return <span className="overview-count overview-count--zero">0</span>;
  return (
    <button type="button" className="overview-count" aria-pressed={sameCell(chosen, cell)} aria-label={`${label}: ${plural(n, 'highlight')}`} onClick={() => onChoose(cell)}>
      {count(n)}
    </button>
  );
}

interface TableProps<K extends string> {
  caption: string;
  columns: readonly K[];
  header: (column: K) => React.ReactNode;
  /** The column's name as read in a cell's label. */
  name: (column: K) => string;
  value: (row: Omit<OverviewRow, 'speaker'>, column: K) => number;
  cellFor: (column: K) => Cell;
  overview: Overview;
  chosen: Cell | null;
  onChoose: (cell: Cell) => void;
}

function CountTable<K extends string>({ caption, columns, header, name, value, cellFor, overview, chosen, onChoose }: TableProps<K>) {
  const rowCell = (row: OverviewRow | null, cell: Cell): Cell => (row ? { speaker: row.speaker, ...cell } : cell);
  const rowLabel = (row: OverviewRow | null) => (row ? speakerName(row.speaker) : 'All speakers');
  const line = (row: OverviewRow | null, data: Omit<OverviewRow, 'speaker'>) => (
    <tr key={row ? (row.speaker ?? '\u0000') : 'totals'} className={row ? undefined : 'overview-table__totals'}>
      <th scope="row">{rowLabel(row)}</th>
      {columns.map((column) => (
        <td key={column}>
          <Count n={value(data, column)} cell={rowCell(row, cellFor(column))} label={`${rowLabel(row)}, ${name(column)}`} chosen={chosen} onChoose={onChoose} />
        </td>
      ))}
      <td className="overview-table__all">
        <Count n={data.highlights} cell={rowCell(row, {})} label={`${rowLabel(row)}, all highlights`} chosen={chosen} onChoose={onChoose} />
      </td>
    </tr>
  );
  return (
    <div className="overview-table__wrap">
      <table className="overview-table">
        {/* Heard, not shown: the section's heading above the table says it. */}
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Speaker</th>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {header(column)}
              </th>
            ))}
            <th scope="col" className="overview-table__all">
              All highlights
            </th>
          </tr>
        </thead>
        <tbody>{overview.rows.map((row) => line(row, row))}</tbody>
        <tfoot>{line(null, overview.totals)}</tfoot>
      </table>
    </div>
  );
}

function CodeHeader({ code }: { code: string }) {
  const parent = parentOf(code);
  return (
    <span className="overview-code" title={code}>
      {parent && <span className="overview-code__parent">{parent}/</span>}
      <span className="overview-code__leaf">{leafOf(code)}</span>
    </span>
  );
}

function HighlightRefs({ refs, library, heading }: { refs: readonly HighlightRef[]; library: boolean; heading: string }) {
  return (
    <section className="overview-highlights" aria-labelledby="overview-highlights-title">
      <h2 id="overview-highlights-title" className="overview__heading">
        {heading}
      </h2>
      <ul className="overview-highlights__list">
        {refs.map((ref) => (
          <li key={`${ref.documentId}/${ref.id}`} className="overview-highlight" data-color={ref.color}>
            <button type="button" className="overview-highlight__open" onClick={() => void openAtHighlight(ref.documentId, ref.id)}>
              <span className="overview-highlight__meta">
                <span className={`dot dot--${ref.color}`} aria-hidden="true" />
                <span className="overview-highlight__speakers">{ref.speakers.length ? ref.speakers.join(', ') : NO_SPEAKER}</span>
                {library && <span className="overview-highlight__document">{ref.documentTitle}</span>}
              </span>
              <span className="overview-highlight__quote">{shorten(ref.quote, QUOTE_PREVIEW)}</span>
              {ref.codes.length > 0 && (
                <span className="overview-highlight__codes">
                  {ref.codes.map((code) => (
                    <span key={code} className="overview-highlight__code">
                      {code}
                    </span>
                  ))}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After a burst of changes (an undo is heard as it starts and as it ends), the overview is read again once. */
const REREAD_DELAY_MS = 60;

export function OverviewView() {
  const { documentId, from } = useOverviewScope();
  const documents = useLibrary((s) => s.documents);
  const openedTitle = useReading((s) => (s.opened?.document.id === documentId ? s.opened.document.title : undefined));
  const title = documentId ? (openedTitle ?? documents.find((d) => d.id === documentId)?.title ?? 'Document') : null;
  const colorLabels = useCodebook((s) => s.colors);
  const colorNames = Object.fromEntries(colorLabels.map((c) => [c.color, c.name])) as Record<HighlightColor, string>;
  const [overview, setOverview] = useState<Overview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Cell | null>(null);
  const [refs, setRefs] = useState<HighlightRef[] | null>(null);
  const asked = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);
  const changes = useChangesUnderneath();
  const chosenRef = useRef<Cell | null>(null);
  const readFor = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    void refreshCodebook();
  }, []);

  const list = useCallback(
    (cell: Cell, scroll: boolean) => {
      const ask = ++asked.current;
      chosenRef.current = cell;
      setChosen(cell);
      call('overview:highlights', { documentId, ...cell })
        .then((found) => {
          if (ask !== asked.current) return;
          setRefs(found);
          // The list's heading is brought into view (just), so the count chosen stays on screen where it can.
          if (scroll) requestAnimationFrame(() => listRef.current?.querySelector('h2')?.scrollIntoView({ block: 'nearest' }));
        })
        .catch((e: unknown) => ask === asked.current && setProblem(errorMessage(e)));
    },
    [documentId],
  );

  useEffect(() => {
    let live = true;
    // Another scope starts afresh; a change underneath keeps what is shown until the new counts come.
    const again = readFor.current === documentId;
    readFor.current = documentId;
    if (!again) {
      setOverview(null);
      setChosen(null);
      setRefs(null);
      chosenRef.current = null;
    }
    const read = () => {
      call('overview:get', { documentId })
        .then((o) => {
          if (!live) return;
          setOverview(o);
          setProblem(null);
        })
        .catch((e: unknown) => live && setProblem(errorMessage(e)));
      if (again && chosenRef.current) list(chosenRef.current, false);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (again) timer = setTimeout(read, REREAD_DELAY_MS);
    else read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [documentId, changes, list]);

  const choose = (cell: Cell) => list(cell, true);

  const colors: HighlightColor[] = overview ? HIGHLIGHT_COLORS.filter((c) => (overview.totals.colors[c] ?? 0) > 0) : [];
  const back = from === 'reader' && openedTitle ? `Back to “${openedTitle}”` : from === 'reader' ? 'Back to the document' : 'Back to the library';

  return (
    <div className="overview-app">
      <header className="toolbar">
        <button type="button" className="button" onClick={leaveOverview}>
          {back}
        </button>
        <h1 className="toolbar__title overview__title">{title ? `Overview: ${title}` : 'Library overview'}</h1>
      </header>
      <main className="overview" tabIndex={-1}>
        {problem && (
          <p className="overview__problem" role="alert">
            The overview could not be read: {problem}
          </p>
        )}
        {!overview && !problem && <p className="overview__loading">Counting…</p>}
        {overview && (
          <>
            <p className="overview__summary">
              {plural(overview.totals.highlights, 'highlight')} by {plural(overview.rows.filter((r) => r.speaker !== null && r.highlights > 0).length, 'speaker')}
              {overview.codes.length > 0 && `, under ${plural(overview.codes.length, 'code')}`}. A highlight spanning two speakers counts for both;
              a code counts the codes under it. Choose a count to list its highlights.
            </p>
            {overview.totals.highlights === 0 ? (
              <p className="overview__empty">{title ? 'This document has no highlights yet.' : 'The library has no highlights yet.'}</p>
            ) : (
              <>
                <section aria-labelledby="overview-codes-title">
                  <h2 id="overview-codes-title" className="overview__heading">
                    By code
                  </h2>
                  {overview.codes.length === 0 ? (
                    <p className="overview__empty">No highlight carries a code yet.</p>
                  ) : (
                    <CountTable
                      caption="Highlights by speaker and code"
                      columns={overview.codes}
                      header={(code) => <CodeHeader code={code} />}
                      name={(code) => code}
                      value={(row, code) => row.codes[code] ?? 0}
                      cellFor={(code) => ({ code })}
                      overview={overview}
                      chosen={chosen}
                      onChoose={choose}
                    />
                  )}
                </section>
                <section aria-labelledby="overview-colors-title">
                  <h2 id="overview-colors-title" className="overview__heading">
                    By colour
                  </h2>
                  <CountTable
                    caption="Highlights by speaker and colour"
                    columns={colors}
                    header={(color) => (
                      <span className="overview-color">
                        <span className={`dot dot--${color}`} aria-hidden="true" />
                        {colorNames[color]}
                      </span>
                    )}
                    name={(color) => colorNames[color]}
                    value={(row, color) => row.colors[color] ?? 0}
                    cellFor={(color) => ({ color })}
                    overview={overview}
                    chosen={chosen}
                    onChoose={choose}
                  />
                </section>
              </>
            )}
            <p className="visually-hidden" role="status">
              {chosen && refs ? `${plural(refs.length, 'highlight')} listed below` : ''}
            </p>
            <div ref={listRef}>
              {chosen && refs && (
                <HighlightRefs refs={refs} library={documentId === null} heading={`${describeCell(chosen, colorNames)}: ${plural(refs.length, 'highlight')}`} />
              )}
            </div>
          </>
        )}
      </main>
      <StatusBar counts={false} />
    </div>
  );
}
