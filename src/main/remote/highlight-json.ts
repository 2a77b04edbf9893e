/**
 * The shape in which the command line shows a highlight (`gloss highlights`,
 * `gloss highlight`), built in one place so what `gloss highlight` prints,
 * whether it wrote the highlight itself or the running app did, reads back
 * the same from `gloss highlights`. A stable surface for scripts: fields are
 * added, never renamed or removed.
 */
import { resolveSelectors } from '../../core/anchoring/selectors';
import type { Annotation, ColorLabel, HighlightColor, Transcript } from '../../shared/model';
import { DEFAULT_COLOR_NAMES } from '../../shared/model';

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

/**
 * Full names of the speakers of every turn that plain-text [start, end) touches, each once, in order; turns no
 * speaker says (an intro, an aside, a heading) add nobody.
 */
export function speakersOfRange(transcript: Transcript, start: number, end: number): string[] {
  const { turns } = transcript;
  // Turns are in text order: find the first that ends after `start` by bisection (a book has thousands).
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (turns[mid].paragraphs[turns[mid].paragraphs.length - 1].end <= start) low = mid + 1;
    else high = mid;
  }
  const names: string[] = [];
  for (let i = low; i < turns.length && turns[i].paragraphs[0].start < Math.max(end, start + 1); i++) {
    const { speaker } = turns[i];
    if (speaker !== null && !names.includes(speaker)) names.push(speaker);
  }
  return names;
}

/** The library's name for each colour. */
export function colorNamesOf(colors: readonly ColorLabel[]): Record<HighlightColor, string> {
  const names = { ...DEFAULT_COLOR_NAMES };
  for (const { color, name } of colors) if (name) names[color] = name;
  return names;
}

/** One highlight as the command line shows it. */
export function highlightJson(annotation: Annotation, transcript: Transcript, plainText: string, colorNames: Record<HighlightColor, string>): HighlightJson {
  // The transcript never changes once imported, so the position holds; resolving guards against a damaged file.
  const { start, end } = resolveSelectors(plainText, annotation.selectors) ?? annotation.selectors.position;
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    quote: annotation.selectors.quote.exact,
    start,
    end,
    speakers: speakersOfRange(transcript, start, end),
    color: annotation.color,
    colorName: colorNames[annotation.color],
    codes: [...(annotation.codes ?? [])],
    note: annotation.note,
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
  };
}

/** Highlights in document order: by start, then end, then creation. */
export function inDocumentOrder(highlights: HighlightJson[]): HighlightJson[] {
  return [...highlights].sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt));
}
