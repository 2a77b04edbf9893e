/**
 * The find bar's state for the open document: whether it is open, what is
 * typed, its toggles, the matches in text order and which one is current.
 * Matches in the text come from core's TextFinder, which keeps the
 * document's folded text, so each keystroke costs only the search. With
 * speaker names included, a speaker's name above a turn is a match of its
 * own kind: counted and stepped through like the others, but not part of
 * the plain text, so it has no offsets of its own and cannot be highlighted.
 */
import { useSyncExternalStore } from 'react';
import type { TextRange } from '../../../core/anchoring/selectors';
import { TextFinder, type FindOptions } from '../../../core/search/find-text';
import type { Transcript } from '../../../shared/model';
import { readingStore } from './reading-store';

/**
 * A match in the text, or (`kind` 'speaker') a speaker's name over the turn starting at `start`, when `end` is
 * `start`. Text matches are core's ranges as they are: a single letter in a book has a hundred thousand.
 */
export interface FindMatch extends TextRange {
  kind?: 'speaker';
}

export interface FindToggles {
  matchCase: boolean;
  wholeWord: boolean;
  /** Speakers' names over their turns are searched too. */
  speakerNames: boolean;
}

export interface FindState {
  open: boolean;
  query: string;
  toggles: FindToggles;
  matches: readonly FindMatch[];
  /** Index of the current match in `matches`; -1 when there is none. */
  current: number;
  /** Grows each time the field is asked to take the focus (and select what it holds). */
  focusRequest: number;
  /** Grows each time the current match should be scrolled to (a new search, a step); not when only painting changes. */
  revealRequest: number;
}

type Listener = () => void;

/** Where each speaker's name is drawn: the start of every turn that has a speaker. */
function speakerLabels(transcript: Transcript): { name: string; start: number }[] {
  const labels: { name: string; start: number }[] = [];
  for (const turn of transcript.turns) if (turn.speaker && turn.paragraphs.length) labels.push({ name: turn.speaker, start: turn.paragraphs[0].start });
  return labels;
}

/** Text matches and name matches in one list, in reading order: a name comes before the words of its turn. */
function merge(text: readonly TextRange[], names: readonly number[]): readonly FindMatch[] {
  if (names.length === 0) return text;
  const out: FindMatch[] = [];
  let t = 0;
  for (const start of names) {
    while (t < text.length && text[t].start < start) out.push(text[t++]);
    out.push({ kind: 'speaker', start, end: start });
  }
  while (t < text.length) out.push(text[t++]);
  return out;
}

/** Index of the first match starting at or after `offset` (matches.length when none does). */
export function firstMatchFrom(matches: readonly FindMatch[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class FindStore {
  private state: FindState = {
    open: false,
    query: '',
    toggles: { matchCase: false, wholeWord: false, speakerNames: true },
    matches: [],
    current: -1,
    focusRequest: 0,
    revealRequest: 0,
  };
  private readonly listeners = new Set<Listener>();
  private readonly openListeners = new Set<Listener>();
  private finder: TextFinder | null = null;
  private names = new Map<string, TextFinder>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): FindState => this.state;

  private set(patch: Partial<FindState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** The finder of the open document's text, made afresh when another document (or a changed text) is open. */
  private finderOfOpenText(): TextFinder {
    const { plainText } = readingStore.getState();
    if (this.finder?.text !== plainText) {
      this.finder = new TextFinder(plainText);
      this.names = new Map();
    }
    return this.finder;
  }

  private nameMatches(query: string, options: FindOptions): number[] {
    const transcript = readingStore.getState().opened?.transcript;
    if (!transcript || !this.state.toggles.speakerNames) return [];
    const found = new Map<string, boolean>();
    const starts: number[] = [];
    for (const label of speakerLabels(transcript)) {
      let hit = found.get(label.name);
      if (hit === undefined) {
        let finder = this.names.get(label.name);
        if (!finder) this.names.set(label.name, (finder = new TextFinder(label.name)));
        found.set(label.name, (hit = finder.find(query, options).length > 0));
      }
      if (hit) starts.push(label.start);
    }
    return starts;
  }

  /** Every match of `query` under the current toggles. */
  private search(query: string): readonly FindMatch[] {
    const options: FindOptions = { matchCase: this.state.toggles.matchCase, wholeWord: this.state.toggles.wholeWord };
    const text = this.finderOfOpenText().find(query, options);
    return merge(text, this.nameMatches(query, options));
  }

  /** Asks the reader's find bar to open, as Ctrl/Cmd+F does (the menu's Edit > Find…). */
  requestOpen(): void {
    for (const l of this.openListeners) l();
  }

  /** Hears requests to open the bar (the reader's find bar, while a document is open). */
  onOpenRequest(listener: Listener): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  /** Opens the bar (or, when open, takes the focus back to its field), with `prefill` as the query when given. */
  openBar(prefill?: string, from = 0): void {
    const wasOpen = this.state.open;
    this.set({ open: true, focusRequest: this.state.focusRequest + 1 });
    if (prefill !== undefined && prefill !== this.state.query) this.setQuery(prefill, from);
    // The text may have changed while the bar was closed.
    else if (!wasOpen) this.research(from);
  }

  /** Folds the open document's text for searching ahead of the first keystroke (a book takes a few frames' time). */
  prepare(): void {
    this.finderOfOpenText().prepare({ matchCase: this.state.toggles.matchCase });
  }

  close(): void {
    if (this.state.open) this.set({ open: false });
  }

  /**
   * A new query: the current match is the first at or after `from` (where the current match was, or the top of what
   * is on screen), so typing more letters does not jump back to the start.
   */
  setQuery(query: string, from: number): void {
    const matches = this.search(query);
    this.set({ query, matches, current: matches.length === 0 ? -1 : firstMatchFrom(matches, from) % matches.length, revealRequest: this.state.revealRequest + 1 });
  }

  /** Turns a toggle on or off and searches again from `from`. */
  toggle(name: keyof FindToggles, from: number): void {
    this.state = { ...this.state, toggles: { ...this.state.toggles, [name]: !this.state.toggles[name] } };
    this.setQuery(this.state.query, from);
  }

  /** The same search again (the text changed, the bar opened again), keeping the place from `from`. */
  research(from: number): void {
    this.setQuery(this.state.query, from);
  }

  /** The next match (`by` 1) or the previous one (-1), wrapping around. */
  step(by: 1 | -1): void {
    const { matches, current } = this.state;
    if (matches.length === 0) return;
    const next = current < 0 ? (by === 1 ? 0 : matches.length - 1) : (current + by + matches.length) % matches.length;
    this.set({ current: next, revealRequest: this.state.revealRequest + 1 });
  }

  /** The current match, or null. */
  currentMatch(): FindMatch | null {
    const { matches, current } = this.state;
    return current >= 0 ? (matches[current] ?? null) : null;
  }
}

export const findStore = new FindStore();

export function useFind<T>(pick: (s: FindState) => T): T {
  return useSyncExternalStore(findStore.subscribe, () => pick(findStore.getState()));
}
