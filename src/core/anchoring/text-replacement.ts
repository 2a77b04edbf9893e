/**
 * What replacing a transcript's text does to its highlights, as pure data:
 * each highlight re-anchored in the new text (reanchor.ts) keeps its id,
 * note, codes, colour and times and gets its new selectors, or becomes an
 * orphan (its selectors left as they were, `orphaned: true`); and the undo of
 * a replace, where the highlights that existed before it get their old
 * selectors back and those made since are re-anchored back into the old text.
 * The store (main/store/text-versions.ts) writes what this works out.
 */
import type { Annotation, HighlightSelectors, QuotePlace, ReanchoredHighlight, ReanchorStatus } from '../../shared/model';
import { reanchor } from './reanchor';

export interface ReplacedHighlights {
  /** Every highlight, in the order given, with its new selectors (or orphaned). */
  annotations: Annotation[];
  /** One entry per highlight, in the replaced text's order. */
  report: ReanchoredHighlight[];
}

export type StatusCounts = Record<ReanchorStatus, number>;

const placeOf = (selectors: HighlightSelectors): QuotePlace => ({ start: selectors.position.start, end: selectors.position.end, quote: selectors.quote.exact });

/** A highlight placed at `selectors` (no longer an orphan), everything else as it was. */
function placedAt(annotation: Annotation, selectors: HighlightSelectors): Annotation {
  const { orphaned: _orphaned, ...rest } = annotation;
  return { ...rest, selectors };
}

const orphanOf = (annotation: Annotation): Annotation => ({ ...annotation, orphaned: true });

/** The report's order: by place in the replaced text (orphans already, by their old place), then id. */
function inTextOrder(report: ReanchoredHighlight[]): ReanchoredHighlight[] {
  return report.sort((a, b) => a.before.start - b.before.start || a.before.end - b.before.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Re-anchors every highlight from `oldText` into `newText`; none is dropped. */
export function replaceHighlights(oldText: string, newText: string, annotations: readonly Annotation[]): ReplacedHighlights {
  const placed = reanchor(oldText, newText, annotations.map(({ id, selectors }) => ({ id, selectors })));
  const byId = new Map(placed.map((p) => [p.id, p]));
  const next: Annotation[] = [];
  const report: ReanchoredHighlight[] = [];
  for (const annotation of annotations) {
    const found = byId.get(annotation.id);
    const before = placeOf(annotation.selectors);
    if (!found || found.status === 'orphaned' || !found.selectors) {
      next.push(orphanOf(annotation));
      report.push({ id: annotation.id, status: 'orphaned', before, after: null });
    } else {
      next.push(placedAt(annotation, found.selectors));
      report.push({ id: annotation.id, status: found.status, before, after: placeOf(found.selectors) });
    }
  }
  return { annotations: next, report: inTextOrder(report) };
}

/** What a highlight going from `before` to `after` amounts to, when its place is known (an undo). */
function statusOf(before: QuotePlace, after: QuotePlace): ReanchorStatus {
  if (before.quote !== after.quote) return 'changed';
  return before.start === after.start ? 'kept' : 'moved';
}

/**
 * The undo of a replace: `current` are the highlights now (over `currentText`), `previous` those as they were
 * before the replace (over `previousText`). A highlight in both gets its previous selectors and orphan state back,
 * with its note, codes and colour as they are now; one made since is re-anchored into the previous text; one
 * deleted since stays deleted.
 */
export function revertHighlights(currentText: string, previousText: string, current: readonly Annotation[], previous: readonly Annotation[]): ReplacedHighlights {
  const before = new Map(previous.map((a) => [a.id, a]));
  const made = current.filter((a) => !before.has(a.id));
  const reanchored = replaceHighlights(currentText, previousText, made);
  const madeById = new Map(reanchored.annotations.map((a) => [a.id, a]));
  const report = reanchored.report;
  const annotations = current.map((now) => {
    const then = before.get(now.id);
    if (!then) return madeById.get(now.id)!;
    const back: Annotation = { ...placedAt(now, then.selectors), ...(then.orphaned ? { orphaned: true } : {}) };
    const from = placeOf(now.selectors);
    report.push({ id: now.id, status: then.orphaned ? 'orphaned' : statusOf(from, placeOf(then.selectors)), before: from, after: then.orphaned ? null : placeOf(then.selectors) });
    return back;
  });
  return { annotations, report: inTextOrder(report) };
}

/** How many highlights have each status. */
export function countStatuses(report: readonly ReanchoredHighlight[]): StatusCounts {
  const counts: StatusCounts = { kept: 0, moved: 0, changed: 0, orphaned: 0 };
  for (const { status } of report) counts[status]++;
  return counts;
}

/** The report's one line: "412 highlights kept, 3 moved, 1 changed, 1 orphaned". */
export function reportLine(counts: StatusCounts): string {
  const total = counts.kept + counts.moved + counts.changed + counts.orphaned;
  if (total === 0) return 'No highlights to re-anchor.';
  return `${counts.kept} highlight${counts.kept === 1 ? '' : 's'} kept, ${counts.moved} moved, ${counts.changed} changed, ${counts.orphaned} orphaned`;
}
