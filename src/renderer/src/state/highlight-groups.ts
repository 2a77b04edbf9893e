/**
 * The open document's highlights as the side panel lists them: grouped by
 * the stretch of transcript they start in, each group in document order,
 * then highlights whose text is not found, then the orphans (those a
 * corrected transcript could not place: `Annotation.orphaned`) in a group of
 * their own, which the side panel lists apart. Follows the reading store change by
 * change: one changed highlight gives only its own group a new array, so the
 * list re-renders that group alone, however many highlights the book has.
 */
import { useSyncExternalStore } from 'react';
import type { TextRange } from '../../../core/anchoring/selectors';
import { speakerIndex, type Speaker, type SpeakerIndex } from '../../../core/study/speakers';
import { attributionOf } from '../../../core/transcript/plain-text';
import type { Annotation, Transcript } from '../../../shared/model';
import { afterNextPaint } from '../after-paint';
import { readingStore, type ReadingStore } from './reading-store';

/** Characters of transcript per group (a few dozen highlights in a heavily marked book). */
export const STRETCH_CHARS = 20_000;
/** The group of orphans: last, and listed apart from the placed highlights (never filtered, never counted by speaker). */
export const ORPHANS = Number.MAX_SAFE_INTEGER;
/** Highlights that are not orphans but whose text is not found: after every placed one. */
const NOT_FOUND = Number.MAX_SAFE_INTEGER - 1;

export interface Entry {
  annotation: Annotation;
  range: TextRange | undefined;
  start: number;
  end: number;
  speaker: string;
  /** Every speaker whose turns the highlight touches (null: text no speaker says), for the filters. */
  speakers: readonly Speaker[];
}

export type Group = readonly [stretch: number, entries: readonly Entry[]];

/** Each transcript's speaker index, built once (bisection over its turns). */
const speakerIndexes = new WeakMap<Transcript, SpeakerIndex>();

function speakersIn(transcript: Transcript, start: number, end: number): Speaker[] {
  let index = speakerIndexes.get(transcript);
  if (!index) speakerIndexes.set(transcript, (index = speakerIndex(transcript)));
  return index.speakersOf(start, end);
}

const before = (x: Entry, y: Entry) => x.start - y.start || x.end - y.end;
const stretchFor = (entry: Entry) => (entry.annotation.orphaned ? ORPHANS : entry.range ? Math.floor(entry.start / STRETCH_CHARS) : NOT_FOUND);

/** The groups without the orphans' group, and the orphans. */
export function splitOrphans(groups: readonly Group[]): { placed: readonly Group[]; orphans: readonly Entry[] } {
  const last = groups.at(-1);
  return last?.[0] === ORPHANS ? { placed: groups.slice(0, -1), orphans: last[1] } : { placed: groups, orphans: [] };
}

export class HighlightGroups {
  private readonly groups = new Map<number, Entry[]>();
  private readonly entries = new Map<string, Entry>();
  private readonly stretches = new Map<string, number>();
  private listed: readonly Group[] = [];
  private readonly listeners = new Set<() => void>();

  /**
   * `schedule` runs the grouping of a newly opened document: by default just after its first screen is painted,
   * which the list can wait for and the text cannot.
   */
  constructor(
    private readonly store: ReadingStore,
    schedule: (task: () => void) => void = afterNextPaint,
  ) {
    let loads = 0;
    store.subscribeHighlights((ids) => {
      if (ids === null) {
        const load = ++loads;
        this.clear();
        this.publish();
        schedule(() => {
          if (load !== loads) return;
          this.groupAll();
          this.publish();
        });
        return;
      }
      for (const id of ids) this.update(id);
      this.publish();
    });
  }

  private publish(): void {
    this.listed = [...this.groups].sort(([a], [b]) => a - b);
    for (const l of this.listeners) l();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The groups in document order; the same array until something changes. */
  readonly list = (): readonly Group[] => this.listed;

  private entryFor(annotation: Annotation): Entry {
    // An orphan's selectors point into the text it was made on: it has no place, whatever the ranges say.
    const range = annotation.orphaned ? undefined : this.store.getState().ranges.get(annotation.id);
    const known = this.entries.get(annotation.id);
    if (known && known.annotation === annotation && known.range === range) return known;
    const transcript = this.store.getState().opened?.transcript;
    const speaker = range && transcript ? attributionOf(transcript, range.start, range.end) : annotation.orphaned ? 'Orphan' : 'Text not found';
    const speakers = range && transcript ? speakersIn(transcript, range.start, range.end) : [];
    const entry = { annotation, range, start: range?.start ?? 0, end: range?.end ?? 0, speaker, speakers };
    this.entries.set(annotation.id, entry);
    return entry;
  }

  private clear(): void {
    this.groups.clear();
    this.entries.clear();
    this.stretches.clear();
  }

  /** Groups every highlight of the open document afresh. */
  private groupAll(): void {
    this.clear();
    for (const annotation of this.store.getState().annotations.values()) {
      const entry = this.entryFor(annotation);
      const stretch = stretchFor(entry);
      this.stretches.set(annotation.id, stretch);
      const group = this.groups.get(stretch);
      if (group) group.push(entry);
      else this.groups.set(stretch, [entry]);
    }
    for (const group of this.groups.values()) group.sort(before);
  }

  private update(id: string): void {
    const annotation = this.store.getState().annotations.get(id);
    const was = this.stretches.get(id);
    const old = this.entries.get(id);
    if (!annotation) {
      this.entries.delete(id);
      this.stretches.delete(id);
      if (was !== undefined) this.withGroup(was, (entries) => entries.filter((e) => e.annotation.id !== id));
      return;
    }
    const entry = this.entryFor(annotation);
    if (entry === old) return;
    const stretch = stretchFor(entry);
    this.stretches.set(id, stretch);
    // Same place: the entry is swapped where it stands, so equal neighbours keep their order.
    if (was === stretch && old && old.start === entry.start && old.end === entry.end) {
      this.withGroup(stretch, (entries) => entries.map((e) => (e.annotation.id === id ? entry : e)));
      return;
    }
    if (was !== undefined) this.withGroup(was, (entries) => entries.filter((e) => e.annotation.id !== id));
    this.withGroup(stretch, (entries) => {
      let at = entries.length;
      while (at > 0 && before(entries[at - 1], entry) > 0) at--;
      return [...entries.slice(0, at), entry, ...entries.slice(at)];
    });
  }

  /** Replaces a group's entries with a new array (dropping the group when it empties). */
  private withGroup(stretch: number, change: (entries: readonly Entry[]) => Entry[]): void {
    const next = change(this.groups.get(stretch) ?? []);
    if (next.length) this.groups.set(stretch, next);
    else this.groups.delete(stretch);
  }
}

export const highlightGroups = new HighlightGroups(readingStore);

/** The side panel's groups, following every change. */
export function useHighlightGroups(): readonly Group[] {
  return useSyncExternalStore(highlightGroups.subscribe, highlightGroups.list);
}
