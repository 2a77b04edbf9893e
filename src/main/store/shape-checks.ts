/**
 * Shape checks for the two data files read on every open and holding
 * thousands of objects: a document's transcript and its highlights (and each
 * line of its change log). Written by hand because a schema library took
 * 20-30 ms for 5,000 highlights, a sixth of the budget for opening a book;
 * these loops take about a millisecond. Each check returns what is wrong, or
 * null when the value has the shape Gloss writes.
 */
import { codeProblem, MAX_CODES_PER_HIGHLIGHT, normaliseCode } from '../../core/study/code-path';
import type { Annotation } from '../../shared/model';
import { HIGHLIGHT_COLORS } from '../../shared/model';

type Problem = string | null;

const COLORS = new Set<string>(HIGHLIGHT_COLORS);
const KINDS = new Set(['speech', 'aside', 'heading']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown): v is string => typeof v === 'string';
const isSeconds = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v));

/** Codes already found well formed: a library uses few codes, on thousands of highlights. */
const wellFormed = new Set<string>();

/** Whether `code` is a code path as Gloss keeps it (normalised). */
export function isCode(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  if (wellFormed.has(code)) return true;
  if (codeProblem(code) !== null || normaliseCode(code) !== code) return false;
  if (wellFormed.size > 10_000) wellFormed.clear();
  wellFormed.add(code);
  return true;
}

/** What is wrong with a highlight's codes, if anything: a list of well-formed paths, each once. */
function codesProblem(codes: unknown, id: string): Problem {
  if (!Array.isArray(codes)) return `highlight ${id} has codes that are not a list`;
  if (codes.length > MAX_CODES_PER_HIGHLIGHT) return `highlight ${id} has more than ${MAX_CODES_PER_HIGHLIGHT} codes`;
  for (let i = 0; i < codes.length; i++) {
    if (!isCode(codes[i])) return `highlight ${id} has a code that is not a code path`;
    for (let j = 0; j < i; j++) if (codes[j] === codes[i]) return `highlight ${id} carries the code ${String(codes[i])} twice`;
  }
  return null;
}

/** What is wrong with a highlight, if anything; `documentId` is the document it must belong to. */
export function annotationProblem(value: unknown, documentId: string): Problem {
  if (!isObject(value)) return 'a highlight is not an object';
  const { id, selectors, color, note, noteState, codes, createdAt, updatedAt } = value;
  if (!isText(id) || id.length === 0 || id.length > 200) return 'a highlight has no valid id';
  if (value.documentId !== documentId) return `highlight ${id} belongs to another document`;
  if (!isText(color) || !COLORS.has(color)) return `highlight ${id} has an unknown colour`;
  if (!isText(note)) return `highlight ${id} has a note that is not text`;
  if (noteState !== null && !isText(noteState)) return `highlight ${id} has a note state that is neither text nor null`;
  if (value.orphaned !== undefined && typeof value.orphaned !== 'boolean') return `highlight ${id} has an orphan mark that is not true or false`;
  const codeIssue = codesProblem(codes, id);
  if (codeIssue) return codeIssue;
  if (!isText(createdAt) || !isText(updatedAt) || createdAt === '' || updatedAt === '') return `highlight ${id} has no valid times`;
  if (!isObject(selectors) || !isObject(selectors.quote) || !isObject(selectors.position)) return `highlight ${id} has no selectors`;
  const { quote, position } = selectors;
  if (quote.type !== 'TextQuoteSelector' || !isText(quote.exact) || quote.exact === '' || !isText(quote.prefix) || !isText(quote.suffix)) {
    return `highlight ${id} has a damaged quote`;
  }
  if (position.type !== 'TextPositionSelector' || !isOffset(position.start) || !isOffset(position.end)) return `highlight ${id} has a damaged position`;
  if (position.end - position.start !== quote.exact.length) return `highlight ${id}'s position does not span its quote`;
  return null;
}

/** What is wrong with a list of highlights (duplicate ids included), if anything. */
export function annotationsProblem(value: unknown, documentId: string): Problem {
  if (!Array.isArray(value)) return 'the highlights are not a list';
  const ids = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const problem = annotationProblem(value[i], documentId);
    if (problem) return `highlight ${i + 1}: ${problem}`;
    const id = (value[i] as Annotation).id;
    if (ids.has(id)) return `highlight ${i + 1}: the id ${id} is used twice`;
    ids.add(id);
  }
  return null;
}

/** What is wrong with a parsed transcript, if anything: its shape, and paragraph offsets that run in order. */
export function transcriptProblem(value: unknown): Problem {
  if (!isObject(value)) return 'the transcript is not an object';
  if (!isText(value.title)) return 'the transcript has no title';
  if (!Array.isArray(value.speakers) || !value.speakers.every(isText)) return 'the speakers are not a list of names';
  if (!Array.isArray(value.turns)) return 'the turns are not a list';
  let last = 0;
  for (let t = 0; t < value.turns.length; t++) {
    const turn = value.turns[t] as unknown;
    if (!isObject(turn)) return `turn ${t + 1} is not an object`;
    if (!(turn.speaker === null || isText(turn.speaker)) || !isText(turn.kind) || !KINDS.has(turn.kind)) return `turn ${t + 1} has no valid speaker or kind`;
    if (!Array.isArray(turn.paragraphs)) return `turn ${t + 1} has no paragraphs`;
    for (const p of turn.paragraphs as unknown[]) {
      if (!isObject(p) || !isText(p.text) || !isOffset(p.start) || !isOffset(p.end)) return `turn ${t + 1} has a damaged paragraph`;
      if (p.end - p.start !== p.text.length || p.start < last) return `turn ${t + 1} has a paragraph whose offsets do not match its text`;
      if (!isSeconds(p.startSeconds) || !isSeconds(p.endSeconds)) return `turn ${t + 1} has a paragraph with a damaged time`;
      last = p.end;
    }
  }
  return null;
}

