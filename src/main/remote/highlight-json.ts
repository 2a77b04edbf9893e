/**
 * The shape in which the command line shows a highlight (`gloss highlights`,
 * `gloss highlight`), built in one place so what `gloss highlight` prints,
 * whether it wrote the highlight itself or the running app did, reads back
 * the same from `gloss highlights`. A stable surface for scripts: fields are
 * added, never renamed or removed.
 */
import { resolveSelectors } from '../../core/anchoring/selectors';
import type { SpeakerIndex } from '../../core/study/speakers';
import type { Annotation, HighlightColor } from '../../shared/model';

export interface HighlightJson {
  id: string;
  documentId: string;
  /** The highlighted text, exactly as in the document's plain text. */
  quote: string;
  /** UTF-16 offsets in the document's plain text (`gloss parse` paragraphs joined by a blank line), end exclusive. */
  start: number;
  end: number;
  /** Full names of the speakers whose turns the highlight touches, in order; empty for text no speaker says. */
  speakers: string[];
  /** The colour's key (yellow, green, …) and the name the library gives it. */
  color: HighlightColor;
  colorName: string;
  codes: string[];
  /** The note as Markdown ('' for none). */
  note: string;
  createdAt: string;
  updatedAt: string;
  /**
   * Present (true) for an orphan: not placed when the text was replaced by a corrected version; its quote, start and
   * end are those it had in the text it was made on.
   */
  orphaned?: true;
}

/** What the command line says about a document alongside its highlights. */
export interface DocumentJson {
  id: string;
  title: string;
  source: string;
  format: string;
  speakers: string[];
}

/** `gloss highlights --json`: the document and its highlights in document order. */
export interface DocumentHighlightsJson {
  document: DocumentJson;
  highlights: HighlightJson[];
}

/** Full names of the speakers whose turns plain-text [start, end) touches; text no speaker says adds nobody. */
export function namedSpeakers(speakers: SpeakerIndex, start: number, end: number): string[] {
  return speakers.speakersOf(start, end).filter((s): s is string => s !== null);
}

/** One highlight as the command line shows it; `speakers` is the document's speaker index (built once for all). */
export function highlightJson(annotation: Annotation, speakers: SpeakerIndex, plainText: string, colorNames: Record<HighlightColor, string>): HighlightJson {
  // A placed highlight's position holds in the text (resolving guards against a damaged file); an orphan's is of
  // an older text, and is given as it was.
  const { start, end } = (annotation.orphaned ? null : resolveSelectors(plainText, annotation.selectors)) ?? annotation.selectors.position;
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    quote: annotation.selectors.quote.exact,
    start,
    end,
    speakers: annotation.orphaned ? [] : namedSpeakers(speakers, start, end),
    color: annotation.color,
    colorName: colorNames[annotation.color],
    codes: [...(annotation.codes ?? [])],
    note: annotation.note,
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
    ...(annotation.orphaned ? { orphaned: true as const } : {}),
  };
}

/** Highlights in document order: by start, then end, then creation. */
export function inDocumentOrder(highlights: HighlightJson[]): HighlightJson[] {
  return [...highlights].sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt));
}
