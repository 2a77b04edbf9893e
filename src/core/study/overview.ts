/**
 * The overview: speakers × codes and speakers × colours, counting
 * highlights. A code's column counts highlights carrying the code or one
 * under it; a highlight over two speakers' turns counts in both rows, once
 * in the totals. Columns are every code in use and their parents, in tree
 * order; rows are the speakers in the order they first speak (every speaker,
 * highlighted or not), then the row of text no speaker says when a highlight
 * falls there. Counts are sparse: a cell with no highlight is left out.
 */
import type { HighlightColor, Overview, OverviewRow } from '../../shared/model';
import { compareCodes, isWithin } from './code-path';
import { codesWithin } from './code-tree';
import type { Speaker } from './speakers';

/** What the overview looks at in a highlight. */
export interface OverviewHighlight {
  speakers: readonly Speaker[];
  codes: readonly string[];
  color: HighlightColor;
}

interface Tally {
  codes: Map<string, number>;
  colors: Map<HighlightColor, number>;
  highlights: number;
}

const newTally = (): Tally => ({ codes: new Map(), colors: new Map(), highlights: 0 });

function add(tally: Tally, within: ReadonlySet<string>, color: HighlightColor): void {
  tally.highlights++;
  tally.colors.set(color, (tally.colors.get(color) ?? 0) + 1);
  for (const code of within) tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
}

/** A tally as the overview gives it: codes in column order (own keys, so any code name is safe). */
function counts(tally: Tally, columns: readonly string[]): Omit<OverviewRow, 'speaker'> {
  return {
    codes: Object.fromEntries(columns.filter((c) => tally.codes.has(c)).map((c) => [c, tally.codes.get(c)!])),
    colors: Object.fromEntries(tally.colors),
    highlights: tally.highlights,
  };
}

/**
 * The overview of some highlights. `speakers` is the order of the rows (a document's speakers, or the library's,
 * document after document); a speaker a highlight names that is not in it gets a row after them.
 */
export function overviewOf(documentId: string | null, speakers: readonly string[], highlights: Iterable<OverviewHighlight>): Overview {
  const rows = new Map<Speaker, Tally>(speakers.map((s) => [s, newTally()]));
  const totals = newTally();
  const used = new Set<string>();
  for (const h of highlights) {
    const within = codesWithin(h.codes);
    for (const code of within) used.add(code);
    add(totals, within, h.color);
    for (const speaker of h.speakers) {
      let row = rows.get(speaker);
      if (!row) rows.set(speaker, (row = newTally()));
      add(row, within, h.color);
    }
  }
  const columns = [...used].sort(compareCodes);
  const order: Speaker[] = [...rows.keys()].filter((s) => s !== null);
  if (rows.has(null)) order.push(null);
  return {
    documentId,
    codes: columns,
    rows: order.map((speaker) => ({ speaker, ...counts(rows.get(speaker)!, columns) })),
    totals: counts(totals, columns),
  };
}

/** Which highlights an overview cell stands for: a speaker (null: no speaker; undefined: any), a code (with its children), a colour. */
export interface OverviewCell {
  speaker?: Speaker;
  code?: string;
  color?: HighlightColor;
}

export function inCell(h: OverviewHighlight, cell: OverviewCell): boolean {
  if (cell.speaker !== undefined && !h.speakers.includes(cell.speaker)) return false;
  if (cell.color !== undefined && h.color !== cell.color) return false;
  if (cell.code !== undefined && !h.codes.some((c) => isWithin(c, cell.code!))) return false;
  return true;
}
