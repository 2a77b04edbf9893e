/**
 * The next- and previous-highlight commands (`]` and `[` in the command
 * table): select the next or previous highlight in document order, from the
 * selected one or the caret, among those the side panel's filter shows;
 * scroll it into view and put the transcript's caret at its start (when the
 * transcript has the focus), so N opens its note and the caret keys go on
 * from there. At either end they wrap round and say so.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { highlightMatcher, isFiltering, type Filterable } from '../../../../../core/study/filter-highlights';
import { useCommand } from '../../../commands/use-command';
import { highlightFilters } from '../../../state/highlight-filter';
import { highlightGroups, ORPHANS } from '../../../state/highlight-groups';
import { readingStore } from '../../../state/reading-store';
import { caretOf } from '../../caret/transcript-caret';
import { REVEAL_HIGHLIGHT_COMMAND } from '../../commands';
import { stepHighlight, type PlacedHighlight } from './highlight-steps';

/** Whether every mark of the highlight is inside the reading view (nothing to scroll for). */
function wholeInView(root: HTMLElement, id: string): boolean {
  const marks = root.querySelectorAll(`mark[data-ids~="${CSS.escape(id)}"]`);
  const view = root.closest('.reader')?.getBoundingClientRect();
  if (marks.length === 0 || !view) return false;
  const first = marks[0].getBoundingClientRect();
  const last = marks[marks.length - 1].getBoundingClientRect();
  return first.top >= view.top && last.bottom <= view.bottom;
}

export function HighlightNavigationPlugin(): null {
  const [editor] = useLexicalComposerContext();

  const go = (direction: 'next' | 'previous') => {
    const { opened, selectedId, ranges } = readingStore.getState();
    if (!opened) return;
    const root = editor.getRootElement();
    const { filter } = highlightFilters.viewOf(opened.document.id);
    const filtering = isFiltering(filter);
    // The highlights placed in the text, in document order, with what the filter tests (their speakers among it).
    const placed: PlacedHighlight[] = [];
    const tested = new Map<string, Filterable>();
    for (const [stretch, entries] of highlightGroups.list()) {
      if (stretch === ORPHANS) continue;
      for (const e of entries) {
        const range = ranges.get(e.annotation.id);
        if (!range || e.annotation.orphaned) continue;
        placed.push({ id: e.annotation.id, start: range.start, end: range.end });
        tested.set(e.annotation.id, { color: e.annotation.color, codes: e.annotation.codes, note: e.annotation.note, speakers: e.speakers });
      }
    }
    const matcher = highlightMatcher(filter);
    const offset = caretOf(root)?.caretOffset() ?? 0;
    const step = stepHighlight(placed, { selectedId, offset }, direction, (id) => matcher(tested.get(id)!));
    if (!step) {
      readingStore.setStatus({ kind: 'info', message: filtering ? 'No highlights match the filters.' : 'This document has no highlights yet.' });
      return;
    }
    readingStore.clearInfo();
    readingStore.select(step.id);
    if (step.wrapped) {
      const which = filtering ? 'matching highlights' : 'highlights';
      readingStore.setStatus({
        kind: 'info',
        message: direction === 'next' ? `No more ${which} after this one: back to the first.` : `No more ${which} before this one: on to the last.`,
      });
    }
    if (!root || !wholeInView(root, step.id)) editor.dispatchCommand(REVEAL_HIGHLIGHT_COMMAND, step.id);
    // From the text (or from nowhere), the caret follows to the highlight; from the side panel, the focus stays there.
    const focused = document.activeElement;
    if (root && (focused === root || focused === document.body || focused === root.closest('.reader'))) {
      const start = ranges.get(step.id)!.start;
      root.focus({ preventScroll: true });
      caretOf(root)?.place(start, start, { reveal: false });
    }
  };

  useCommand('next-highlight', () => go('next'));
  useCommand('previous-highlight', () => go('previous'));
  return null;
}
