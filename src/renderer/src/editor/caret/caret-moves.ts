/**
 * Where the transcript's caret goes on a key: by character, word, sentence,
 * paragraph or to the transcript's ends, worked out on the plain text and
 * its paragraphs (offsets), never on the page. The caret only ever stands in
 * a paragraph's text, so it cannot land on a speaker's name, a cue time in
 * the margin or the gap between paragraphs. Lines depend on the layout and
 * are moved by the browser (transcript-caret.ts).
 */

export type CaretUnit = 'character' | 'word' | 'sentence' | 'paragraph' | 'document';
export type CaretDirection = 'backward' | 'forward';

/** A paragraph's place in the plain text: [start, end). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** Index of the paragraph holding `offset` (ends included), else of the first one after it (`spans.length` if none). */
export function paragraphAt(spans: readonly TextSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The nearest place the caret can stand: inside a paragraph, or at the edge of the nearest one on the `direction` side. */
export function snapOffset(spans: readonly TextSpan[], offset: number, direction: CaretDirection = 'forward'): number {
  if (spans.length === 0) return 0;
  const i = paragraphAt(spans, offset);
  if (i < spans.length && spans[i].start <= offset) return offset;
  if (direction === 'forward') return i < spans.length ? spans[i].start : spans[spans.length - 1].end;
  return i > 0 ? spans[i - 1].end : spans[0].start;
}

/** The end of the grapheme (a letter with its accents, an emoji) after `offset`, not past `end`. */
function nextGrapheme(text: string, offset: number, end: number): number {
  for (const { segment } of graphemes.segment(text.slice(offset, Math.min(end, offset + 32)))) return offset + segment.length;
  return end;
}

/** The start of the grapheme before `offset`, not before `start`. */
function previousGrapheme(text: string, offset: number, start: number): number {
  let last = start;
  const from = Math.max(start, offset - 32);
  for (const { index } of graphemes.segment(text.slice(from, offset))) last = from + index;
  return last;
}

/** Word-like stretches (or, for sentences, sentences without their trailing spaces) of one paragraph, as offsets. */
function piecesOf(text: string, span: TextSpan, unit: 'word' | 'sentence'): TextSpan[] {
  const body = text.slice(span.start, span.end);
  const pieces: TextSpan[] = [];
  if (unit === 'word') {
    for (const s of words.segment(body)) if (s.isWordLike) pieces.push({ start: span.start + s.index, end: span.start + s.index + s.segment.length });
  } else {
    for (const s of sentences.segment(body)) {
      const trimmed = s.segment.trimEnd();
      if (trimmed.trim()) pieces.push({ start: span.start + s.index, end: span.start + s.index + trimmed.length });
    }
  }
  return pieces;
}

/**
 * Forward, to the end of the word or sentence the caret is in or the next one; backward, to the start of the one it
 * is in or the one before. Past a paragraph's first or last one, into the paragraph beside it.
 */
function byPiece(text: string, spans: readonly TextSpan[], i: number, offset: number, unit: 'word' | 'sentence', direction: CaretDirection): number {
  if (direction === 'forward') {
    for (let p = i; p < spans.length; p++) {
      const next = piecesOf(text, spans[p], unit).find((piece) => piece.end > offset);
      if (next) return next.end;
    }
    return spans[spans.length - 1].end;
  }
  for (let p = i; p >= 0; p--) {
    const pieces = piecesOf(text, spans[p], unit);
    for (let k = pieces.length - 1; k >= 0; k--) if (pieces[k].start < offset) return pieces[k].start;
  }
  return spans[0].start;
}

/**
 * Where the caret at `offset` goes on a move by `unit` in `direction`. `text` is the transcript's plain text and
 * `spans` its paragraphs in order (only those shown so far, while a long one is still being built).
 */
export function moveCaret(text: string, spans: readonly TextSpan[], offset: number, unit: CaretUnit, direction: CaretDirection): number {
  if (spans.length === 0) return 0;
  const forward = direction === 'forward';
  if (unit === 'document') return forward ? spans[spans.length - 1].end : spans[0].start;
  const at = snapOffset(spans, offset, direction);
  // Off the text (between paragraphs): the snap to the nearest text is the move.
  if (at !== offset) return at;
  const i = paragraphAt(spans, offset);
  const span = spans[i];
  switch (unit) {
    case 'character':
      if (forward) return offset < span.end ? nextGrapheme(text, offset, span.end) : i + 1 < spans.length ? spans[i + 1].start : offset;
      return offset > span.start ? previousGrapheme(text, offset, span.start) : i > 0 ? spans[i - 1].end : offset;
    case 'paragraph':
      if (forward) return i + 1 < spans.length ? spans[i + 1].start : span.end;
      return offset > span.start ? span.start : i > 0 ? spans[i - 1].start : offset;
    case 'word':
    case 'sentence':
      return byPiece(text, spans, i, offset, unit, direction);
  }
}
