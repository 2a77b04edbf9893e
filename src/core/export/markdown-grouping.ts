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
import { attributionOf } from '../transcript/plain-text';
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
}

export interface PlacedHighlights {
  /** In document order (start, then end, then creation, then id). */
  placed: ExportHighlight[];
  /** Orphans, in order of creation. */
  orphans: ExportHighlight[];
  /** Whether the transcript has media times. */
  timed: boolean;
}

/** Places every highlight in the current text, once each, sorted once. Speakers are found only `withSpeakers` (grouping by speaker). */
export function placeHighlights(transcript: Transcript, plainText: string, annotations: readonly Annotation[], withSpeakers = true): PlacedHighlights {
  const speakers = speakerIndex(transcript);
  const times = mediaTimes(transcript);
  const placed: ExportHighlight[] = [];
  const orphans: ExportHighlight[] = [];
  for (const annotation of annotations) {
    // An orphan's selectors are those of an older text: never placed by them, even where they happen to fit.
    const range = annotation.orphaned ? null : resolveSelectors(plainText, annotation.selectors);
    if (range) {
      placed.push({
        annotation,
        start: range.start,
        end: range.end,
        quote: plainText.slice(range.start, range.end),
        speakers: withSpeakers ? speakers.speakersOf(range.start, range.end) : [],
        attribution: attributionOf(transcript, range.start, range.end),
        seconds: times.at(range.start),
      });
    } else {
      orphans.push({ annotation, start: null, end: null, quote: annotation.selectors.quote.exact, speakers: [], attribution: 'Not placed in the current text', seconds: null });
    }
  }
  const byCreation = (a: ExportHighlight, b: ExportHighlight) =>
    a.annotation.createdAt.localeCompare(b.annotation.createdAt) || (a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0);
  placed.sort((a, b) => a.start! - b.start! || a.end! - b.end! || byCreation(a, b));
  orphans.sort(byCreation);
  return { placed, orphans, timed: times.timed };
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
