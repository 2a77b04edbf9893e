/**
 * The side panel's filter bar: how many highlights are listed of how many
 * (told to screen readers as it changes), the order, "Clear filters", and,
 * unfolded, toggle chips for the colours, codes (as a tree: a code takes in
 * its children), speakers and "has a note" in use in the document, each with
 * its count. Every chip is a button that says whether it is pressed.
 */
import { useId } from 'react';
import { isWithin, leafOf, parentOf } from '../../../core/study/code-path';
import { activeFilterKinds, isFiltering, type HighlightSort } from '../../../core/study/filter-highlights';
import type { HighlightColor } from '../../../shared/model';
import { colorName, useCodebook } from '../state/codebook-state';
import type { Group } from '../state/highlight-groups';
import { highlightFilters, useFilterChoices, useFilterPanelOpen, usePanelView } from '../state/highlight-filter';
import './HighlightFilters.css';

const SORT_NAMES: Record<HighlightSort, string> = { document: 'Document order', created: 'Time created', color: 'Colour' };
/** How text no speaker says is named among the speakers. */
export const NO_SPEAKER = 'No speaker';

const numbers = new Intl.NumberFormat('en');
const count = (n: number) => numbers.format(n);

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

interface ChipProps {
  pressed: boolean;
  onToggle: () => void;
  count: number;
  /** What the chip is called when read out: a code by its whole path. */
  name: string;
  children: React.ReactNode;
  depth?: number;
  /** Listed because a parent is pressed (a code under a code asked for). */
  implied?: boolean;
}

function Chip({ pressed, onToggle, count: n, name, children, depth = 0, implied = false }: ChipProps) {
  return (
    <button
      type="button"
      className={`filter-chip${depth ? ' filter-chip--child' : ''}${implied ? ' is-implied' : ''}`}
      title={implied ? 'Listed with the code above it' : undefined}
      style={depth ? { marginInlineStart: depth * 14 } : undefined}
      aria-pressed={pressed}
      aria-label={`${name} ${count(n)}`}
      onClick={onToggle}
    >
      <span className="filter-chip__label">{children}</span> <span className="filter-chip__count">{count(n)}</span>
    </button>
  );
}

function ChipGroup({ label, children, tree = false }: { label: string; children: React.ReactNode; tree?: boolean }) {
  const id = useId();
  return (
    <div className="filter-group">
      <div className="filter-group__label" id={id}>
        {label}
      </div>
      <div className={`filter-group__chips${tree ? ' filter-group__chips--tree' : ''}`} role="group" aria-labelledby={id}>
        {children}
      </div>
    </div>
  );
}

interface Props {
  documentId: string;
  /** The document's highlights, unfiltered. */
  groups: readonly Group[];
  /** The transcript's speakers, in order of first appearance. */
  speakers: readonly string[];
  shown: number;
  total: number;
}

export function HighlightFilters({ documentId, groups, speakers, shown, total }: Props) {
  const view = usePanelView(documentId);
  const open = useFilterPanelOpen();
  const choices = useFilterChoices(groups, speakers);
  // The reader's names for the colours (re-rendered when one is renamed).
  useCodebook((s) => s.colors);
  const choicesId = useId();
  const { filter, sort } = view;
  const filtering = isFiltering(filter);
  const kinds = activeFilterKinds(filter);
  const set = (patch: Parameters<typeof highlightFilters.setFilter>[1]) => highlightFilters.setFilter(documentId, patch);

  // A value asked for stays on offer while it is in use by no highlight (after a recolour, say), so it can be let go.
  const colors = [...choices.colors];
  for (const c of filter.colors) if (!colors.some((x) => x.color === c)) colors.push({ color: c, count: 0 });
  const codes = [...choices.codes];
  for (const c of filter.codes) if (!codes.some((x) => x.code === c)) codes.push({ code: c, count: 0 });
  const speakerChoices = [...choices.speakers];
  for (const s of filter.speakers) if (!speakerChoices.some((x) => x.speaker === s)) speakerChoices.push({ speaker: s, count: 0 });

  return (
    <div className="highlight-filters">
      <div className="highlight-filters__bar">
        <button
          type="button"
          className={`button button--small${filtering ? ' is-active' : ''}`}
          aria-expanded={open}
          aria-controls={choicesId}
          onClick={() => highlightFilters.setPanelOpen(!open)}
        >
          Filter{kinds ? ` (${kinds})` : ''}
          <span aria-hidden="true" className="highlight-filters__caret">
            {open ? '▴' : '▾'}
          </span>
        </button>
        <label className="highlight-filters__sort">
          Sort
          <select value={sort} onChange={(e) => highlightFilters.setSort(documentId, e.target.value as HighlightSort)}>
            {(Object.keys(SORT_NAMES) as HighlightSort[]).map((s) => (
              <option key={s} value={s}>
                {SORT_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="highlight-filters__summary">
        <p className="highlight-filters__count" role="status">
          {filtering ? `${count(shown)} of ${count(total)}` : count(total)} {total === 1 ? 'highlight' : 'highlights'}
        </p>
        {filtering && (
          <button type="button" className="link-button" onClick={() => highlightFilters.clearFilter(documentId)}>
            Clear filters
          </button>
        )}
      </div>
      {open && (
        <div className="highlight-filters__choices" id={choicesId}>
          {colors.length > 0 && (
            <ChipGroup label="Colour">
              {colors.map(({ color, count: n }) => (
                <Chip key={color} pressed={filter.colors.includes(color)} count={n} name={colorName(color)} onToggle={() => set({ colors: toggled<HighlightColor>(filter.colors, color) })}>
                  <span className={`dot dot--${color}`} aria-hidden="true" />
                  {colorName(color)}
                </Chip>
              ))}
            </ChipGroup>
          )}
          <ChipGroup label="Code" tree>
            {codes.length === 0 && <span className="filter-group__none">No codes in this document yet</span>}
            {codes.map(({ code, count: n }) => {
              const parent = parentOf(code);
              return (
                <Chip
                  key={code}
                  depth={code.split('/').length - 1}
                  pressed={filter.codes.includes(code)}
                  implied={!filter.codes.includes(code) && filter.codes.some((asked) => isWithin(code, asked))}
                  count={n}
                  // Shown as its place in the tree; heard as its whole path.
                  name={code}
                  onToggle={() => set({ codes: toggled(filter.codes, code) })}
                >
                  <span title={parent ? code : undefined}>{leafOf(code)}</span>
                </Chip>
              );
            })}
          </ChipGroup>
          {speakerChoices.length > 0 && (
            <ChipGroup label="Speaker">
              {speakerChoices.map(({ speaker, count: n }) => (
                <Chip key={speaker ?? ''} pressed={filter.speakers.includes(speaker)} count={n} name={speaker ?? NO_SPEAKER} onToggle={() => set({ speakers: toggled(filter.speakers, speaker) })}>
                  {speaker ?? NO_SPEAKER}
                </Chip>
              ))}
            </ChipGroup>
          )}
          <ChipGroup label="Note">
            <Chip pressed={filter.withNote} count={choices.withNote} name="Has a note" onToggle={() => set({ withNote: !filter.withNote })}>
              Has a note
            </Chip>
          </ChipGroup>
        </div>
      )}
    </div>
  );
}
