/**
 * Find in the transcript: a bar over the reading view, opened with Ctrl/Cmd+F
 * (or Edit > Find…). Matches are painted without touching the text, counted
 * ("3 of 41"), stepped through with Enter and Shift+Enter (wrapping; F3 and
 * Ctrl/Cmd+G from anywhere while the bar is open), and
 * scrolled to even where a long transcript is not built or laid out yet.
 * Alt+1…7 highlights the current match in that colour, as the same keys do
 * a selection in the text. Escape closes the bar, selects the current match
 * in the text (as a browser's find does) and gives the text the focus.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { HIGHLIGHT_COLORS } from '../../../shared/model';
import { afterNextPaint } from '../after-paint';
import { APPLY_COLOR_COMMAND } from '../editor/commands';
import { selectedRange } from '../editor/dom-selection';
import { FindPainter, offsetAtViewTop } from '../editor/find-painter';
import { domRangeForText, revealRange } from '../editor/reveal-range';
import { COLOR_COMMANDS, shownKey } from '../commands/command-keys';
import { keyMatches } from '../commands/command-registry';
import { useCommand } from '../commands/use-command';
import { findStore, useFind, type FindToggles } from '../state/find-state';
import { readingStore } from '../state/reading-store';
import './FindBar.css';

/** A selection longer than this is not taken as the query (it is a passage, not something to look for). */
const PREFILL_MAX = 120;

/** The toggles: what they show, and the name they are known by (the visible words are in it, but for "Aa"). */
const TOGGLES: { name: keyof FindToggles; label: string; title: string }[] = [
  { name: 'matchCase', label: 'Aa', title: 'Match case' },
  { name: 'wholeWord', label: 'Whole words', title: 'Whole words' },
  { name: 'speakerNames', label: 'Speaker names', title: 'Speaker names' },
];

function countText(query: string, total: number, current: number): string {
  if (query.trim() === '') return '';
  if (total === 0) return 'No matches';
  return `${current + 1} of ${total.toLocaleString('en')}`;
}

export function FindBar() {
  const [editor] = useLexicalComposerContext();
  const { open, query, toggles, matches, current, focusRequest, revealRequest } = useFind((s) => s);
  const input = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const painter = useRef<FindPainter | null>(null);

  /** Where a new search starts: the top of what is on screen. */
  const viewTop = useCallback(() => {
    const root = editor.getRootElement();
    return root ? offsetAtViewTop(root) : 0;
  }, [editor]);

  // Find (Ctrl/Cmd+F, Edit > Find…) anywhere while the document is open; F3 and Ctrl/Cmd+G, and with Shift, step
  // from anywhere, the text included, while the bar is open, as browsers and editors have it.
  const openFind = useCallback(() => {
      const root = editor.getRootElement();
      const { plainText } = readingStore.getState();
      const selected = root ? selectedRange(root, window.getSelection(), plainText) : null;
      const words = selected ? plainText.slice(selected.start, selected.end) : '';
    if (selected && words.length <= PREFILL_MAX && !words.includes('\n')) findStore.openBar(words, selected.start);
    else findStore.openBar(undefined, viewTop());
  }, [editor, viewTop]);
  useCommand('find', openFind);
  const barOpen = () => findStore.getState().open;
  useCommand('find-next', () => findStore.step(1), barOpen);
  useCommand('find-previous', () => findStore.step(-1), barOpen);
  useEffect(() => findStore.onOpenRequest(openFind), [openFind]);

  useEffect(() => {
    if (!open) return;
    input.current?.focus();
    input.current?.select();
  }, [open, focusRequest]);

  // The bar is shown first; the text is folded for searching just after, before the reader has typed a letter.
  useEffect(() => {
    if (open) afterNextPaint(() => findStore.prepare());
  }, [open]);

  // The paint follows the matches, the view (scrolling) and the text (marks cut in rebuild its nodes).
  useEffect(() => {
    const root = editor.getRootElement();
    if (!open || !root) return;
    const p = (painter.current ??= new FindPainter(root));
    let frame = 0;
    const paintSoon = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const { matches, current } = findStore.getState();
        p.paint(matches, current);
      });
    };
    const { matches: now, current: at } = findStore.getState();
    p.paint(now, at);
    afterNextPaint(() => performance.mark('gloss:find-painted'));
    const scroller = root.closest('.reader');
    scroller?.addEventListener('scroll', paintSoon, { passive: true });
    const offUpdate = editor.registerUpdateListener(paintSoon);
    return () => {
      cancelAnimationFrame(frame);
      scroller?.removeEventListener('scroll', paintSoon);
      offUpdate();
    };
  }, [editor, open, matches, current]);

  useEffect(() => {
    if (!open) painter.current?.clear();
  }, [open]);
  // Another document opened with the bar open (the bar stays open, as a browser's does across pages): search it.
  useEffect(() => {
    if (findStore.getState().open) findStore.research(0);
    return () => painter.current?.clear();
  }, []);

  // The text itself changed (a text replacement): search it again, keeping the place.
  useEffect(() => {
    let text = readingStore.getState().plainText;
    return readingStore.subscribe(() => {
      const next = readingStore.getState().plainText;
      if (next === text) return;
      text = next;
      if (findStore.getState().open) findStore.research(findStore.currentMatch()?.start ?? viewTop());
    });
  }, [viewTop]);

  useLayoutEffect(() => {
    if (open) performance.mark('gloss:find-counted');
  }, [open, matches]);

  // A new search or a step scrolls to the current match.
  useEffect(() => {
    const match = findStore.currentMatch();
    if (!findStore.getState().open || !match) return;
    // A speaker's name is drawn above its turn's first words: showing those shows the name.
    const range = match.kind === 'speaker' ? { start: match.start, end: match.start + 1 } : match;
    // A match under the bar is not in view.
    const bar = barRef.current?.getBoundingClientRect();
    const view = editor.getRootElement()?.closest('.reader')?.getBoundingClientRect();
    void revealRange(editor, range, { block: 'nearest', topInset: bar && view ? Math.max(0, bar.bottom - view.top) : 0 });
  }, [editor, revealRequest]);

  const close = () => {
    const match = findStore.currentMatch();
    findStore.close();
    const root = editor.getRootElement();
    root?.closest<HTMLElement>('.reader')?.focus({ preventScroll: true });
    // Like a browser's find: the current match is left selected, to copy or to highlight with a colour key.
    const range = root && match && match.kind !== 'speaker' ? domRangeForText(root, match.start, match.end) : null;
    if (range) {
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
  };

  const highlightCurrent = (colorIndex: number) => {
    const color = HIGHLIGHT_COLORS[colorIndex];
    const match = findStore.currentMatch();
    const root = editor.getRootElement();
    if (!color || !root) return;
    if (!match) {
      readingStore.setStatus({ kind: 'info', message: 'There is no match to highlight.' });
      return;
    }
    if (match.kind === 'speaker') {
      readingStore.setStatus({ kind: 'info', message: 'A speaker’s name is not part of the text, so it cannot be highlighted.' });
      return;
    }
    const range = domRangeForText(root, match.start, match.end);
    if (!range) return;
    // The same path as a selection made with the mouse: the colour keys' command reads the selection.
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    editor.dispatchCommand(APPLY_COLOR_COMMAND, color);
    input.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    // The colour keys and F3 act here too, though the focus is in a field.
    const colour = COLOR_COMMANDS.findIndex(({ id }) => keyMatches(event.nativeEvent, id));
    const step = keyMatches(event.nativeEvent, 'find-next') ? 1 : keyMatches(event.nativeEvent, 'find-previous') ? -1 : 0;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      findStore.step(event.shiftKey ? -1 : 1);
    } else if (colour >= 0) {
      event.preventDefault();
      highlightCurrent(colour);
    } else if (step !== 0) {
      event.preventDefault();
      findStore.step(step);
    }
  };

  if (!open) return null;
  const count = countText(query, matches.length, current);
  return (
    <div ref={barRef} className="find-bar" role="search" aria-label="Find in the transcript">
      <div className="find-bar__row">
        <input
          ref={input}
          className="find-bar__field"
          type="text"
          aria-label="Find in the transcript"
          placeholder="Find in the transcript"
          value={query}
          spellCheck={false}
          onChange={(e) => findStore.setQuery(e.target.value, findStore.currentMatch()?.start ?? viewTop())}
          onKeyDown={onKeyDown}
        />
        <span className={matches.length === 0 && count ? 'find-bar__count is-none' : 'find-bar__count'} role="status" aria-live="polite">
          {count}
        </span>
        <button type="button" className="find-bar__button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={matches.length === 0} onClick={() => findStore.step(-1)}>
          ↑
        </button>
        <button type="button" className="find-bar__button" aria-label="Next match" title="Next match (Enter)" disabled={matches.length === 0} onClick={() => findStore.step(1)}>
          ↓
        </button>
        <button type="button" className="find-bar__button" aria-label="Close find" title="Close (Escape)" onClick={close}>
          ×
        </button>
      </div>
      <div className="find-bar__row">
        {TOGGLES.map((t) => (
          <button
            key={t.name}
            type="button"
            className="find-bar__toggle"
            aria-pressed={toggles[t.name]}
            aria-label={t.title}
            title={t.title}
            onClick={() => {
              findStore.toggle(t.name, findStore.currentMatch()?.start ?? viewTop());
              input.current?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
        <span className="find-bar__hint">
          {/* "Alt+1…7": the first colour's key, then the last one's digit. */}
          {shownKey('highlight-yellow')}…{shownKey('highlight-red').slice(-1)} highlights the match
        </span>
      </div>
    </div>
  );
}
