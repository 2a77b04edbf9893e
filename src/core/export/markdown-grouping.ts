/**
 * Which highlights a Markdown export writes, and in what order: each placed
 * in the current text (or not: an orphan), with its speakers, attribution and
 * media time, sorted once into document order; then grouped under headings
 * by speaker, colour or code when asked.
 *
 * A highlight goes under every group it belongs to: one spanning two
 * speakers' turns appears under both speakers, one carrying two codes under
 * both codes. Each appearance after its first is marked `repeat`, so that the
 * writer gives only the first its block id (a block id is unique in a file).
 */
import type { Annotation, Codebook, HighlightColor, MarkdownGrouping, Transcript } from '../../shared/model';
import { HIGHLIGHT_COLORS } from '../../shared/model';
import { resolveSelectors } from '../anchoring/selectors';
import { compareCodes } from '../study/code-path';
import { speakerIndex, type Speaker } from '../study/speakers';
import { mediaTimes } from './media-time';

export interface ExportHighlight {
  annotation: Annotation;
  /** Offsets in the current plain text; null for an orphan. */
  start: number | null;
  end: number | null;
  /** The text highlighted (an orphan's: as it was). */
  quote: string;
  /** The speakers of the turns it touches (none for an orphan, or when not asked for). */
  speakers: Speaker[];
  /** Who says it, as the quote is attributed ("Dario Amodei", "Madhumita Murgia, Aside"). */
  attribution: string;
  /** The media time where it starts, when the transcript has times. */
  seconds: number | null;
  /** Its block id in the file (without `^`): '' until the writer gives it one (block-ids.ts). */
  blockId: string;
}

export interface PlacedHighlights {
  /** In document order (start, then end, then creation, then id). */
  placed: ExportHighlight[];
  /** Orphans, in order of creation. */
  orphans: ExportHighlight[];
  /** Whether the transcript has media times. */
  timed: boolean;
}

/**
 * Who says plain-text [start, end), as attributionOf (plain-text.ts) says it, for thousands of ranges: the turns'
 * offsets and names gathered once, each range found by bisection, and a range inside one turn (most are) answered
 * with that turn's name.
 */
export function attributionIndex(transcript: Transcript): (start: number, end: number) => string {
  const firstStarts: number[] = [];
  const lastEnds: number[] = [];
  const names: string[] = [];
  for (const turn of transcript.turns) {
    if (turn.paragraphs.length === 0) continue;
    firstStarts.push(turn.paragraphs[0].start);
    lastEnds.push(turn.paragraphs[turn.paragraphs.length - 1].end);
    names.push(turn.speaker ?? (turn.kind === 'aside' ? 'Aside' : turn.kind === 'heading' ? 'Title' : 'Introduction'));
  }
  const count = names.length;
  return (start, end) => {
    // The first turn that ends after `start`.
    let low = 0;
    let high = count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lastEnds[mid] <= start) low = mid + 1;
      else high = mid;
    }
    if (low >= count || firstStarts[low] >= end) return '';
    if (low + 1 >= count || firstStarts[low + 1] >= end) return names[low];
    const found: string[] = [];
    for (let i = low; i < count && firstStarts[i] < end; i++) if (!found.includes(names[i])) found.push(names[i]);
    return found.join(', ');
  };
}

/** Places every highlight in the current text, once each, sorted once. Speakers are found only `withSpeakers` (grouping by speaker). */
export function placeHighlights(transcript: Transcript, plainText: string, annotations: readonly Annotation[], withSpeakers = true): PlacedHighlights {
  const speakers = withSpeakers ? speakerIndex(transcript) : null;
  const attribution = attributionIndex(transcript);
  const times = mediaTimes(transcript);
  const placed: ExportHighlight[] = [];
  const orphans: ExportHighlight[] = [];
  for (const annotation of annotations) {
    // An orphan's selectors are those of an older text: never placed by them, even where they happen to fit.
    if (annotation.orphaned) {
      orphans.push(orphan(annotation));
      continue;
    }
    // Most highlights are where their position says (resolveSelectors' own first check); the others are searched for.
    const { quote, position } = annotation.selectors;
    const at = plainText.slice(position.start, position.end);
    const range = at === quote.exact ? position : resolveSelectors(plainText, annotation.selectors);
    if (!range) {
      orphans.push(orphan(annotation));
      continue;
    }
    const { start, end } = range;
    placed.push({
      annotation,
      start,
      end,
      quote: range === position ? at : plainText.slice(start, end),
      speakers: speakers ? speakers.speakersOf(start, end) : [],
      attribution: attribution(start, end),
      seconds: times.at(start),
      blockId: '',
    });
  }
  const byCreation = (a: ExportHighlight, b: ExportHighlight) =>
    a.annotation.createdAt.localeCompare(b.annotation.createdAt) || (a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0);
  placed.sort((a, b) => a.start! - b.start! || a.end! - b.end! || byCreation(a, b));
  orphans.sort(byCreation);
  return { placed, orphans, timed: times.timed };
}

function orphan(annotation: Annotation): ExportHighlight {
  return { annotation, start: null, end: null, quote: annotation.selectors.quote.exact, speakers: [], attribution: 'Not placed in the current text', seconds: null, blockId: '' };
}

export interface GroupEntry {
  highlight: ExportHighlight;
  /** An appearance after the highlight's first in the file (under a second speaker or code). */
  repeat: boolean;
  /** 1 for the first appearance, 2 for the second, … */
  occurrence: number;
}

export interface HighlightGroup {
  /** The parts of the group's region key (`['speaker', 'Dario Amodei']`). */
  key: string[];
  /** The heading's text. */
  heading: string;
  /** What the codebook says of a code, for a code's group; '' otherwise. */
  description: string;
  entries: GroupEntry[];
}

export interface GroupingContext {
  colorNames: Record<HighlightColor, string>;
  codebook?: Codebook;
  /** The transcript's speakers, in the order they first speak. */
  speakers: readonly string[];
}

/** The placed highlights under their groups' headings, groups in a meaningful order, document order within each. */
export function groupHighlights(placed: readonly ExportHighlight[], by: Exclude<MarkdownGrouping, 'document'>, ctx: GroupingContext): HighlightGroup[] {
  const members = new Map<string, ExportHighlight[]>();
  const add = (group: string, h: ExportHighlight) => {
    const list = members.get(group);
    if (list) list.push(h);
    else members.set(group, [h]);
  };
  const NONE = '\u0000none';
  for (const h of placed) {
    if (by === 'color') add(h.annotation.color, h);
    else if (by === 'speaker') {
      if (h.speakers.length === 0) add(NONE, h);
      for (const s of h.speakers) add(s ?? NONE, h);
    } else {
      if (h.annotation.codes.length === 0) add(NONE, h);
      for (const c of new Set(h.annotation.codes)) add(c, h);
    }
  }
  let order: string[];
  if (by === 'color') order = HIGHLIGHT_COLORS.filter((c) => members.has(c));
  else if (by === 'speaker') {
    const known = ctx.speakers.filter((s) => members.has(s));
    const rest = [...members.keys()].filter((s) => s !== NONE && !known.includes(s));
    order = [...known, ...rest];
  } else order = [...members.keys()].filter((c) => c !== NONE).sort(compareCodes);
  if (members.has(NONE)) order.push(NONE);

  const descriptions = new Map((ctx.codebook?.codes ?? []).map((c) => [c.path, c.description]));
  const seen = new Map<string, number>();
  return order.map((group) => {
    const entries = members.get(group)!.map((highlight) => {
      const occurrence = (seen.get(highlight.annotation.id) ?? 0) + 1;
      seen.set(highlight.annotation.id, occurrence);
      return { highlight, repeat: occurrence > 1, occurrence };
    });
    if (group === NONE) return { key: [by, 'none'], heading: by === 'speaker' ? 'No speaker' : by === 'code' ? 'No code' : 'No colour', description: '', entries };
    if (by === 'color') return { key: [by, group], heading: ctx.colorNames[group as HighlightColor] || group, description: '', entries };
    return { key: [by, 'is', group], heading: group, description: by === 'code' ? (descriptions.get(group) ?? '').trim() : '', entries };
  });
}
