/**
 * What search indexes in a document, cut into units: the transcript's
 * paragraphs; each highlight's quote (with its codes) and its note; a
 * notebook's blocks (the Markdown between blank lines). Each is one
 * TextIndex, so a changed highlight re-indexes the highlights alone.
 */
import type { Annotation, Transcript } from '../../shared/model';
import { noteText } from '../notes/rich-text-markdown';
import type { SpeakerIndex } from '../study/speakers';
import { paragraphsOf } from '../transcript/plain-text';
import { searchableCode } from './query-syntax';
import { type SearchUnit, TextIndex } from './text-index';

function unit(kind: SearchUnit['kind'], from: number, to: number, rest: Partial<SearchUnit> = {}): SearchUnit {
  return { kind, from, to, start: null, end: null, highlightId: null, speakers: [], color: null, codes: [], ...rest };
}

/** The transcript's paragraphs, over its plain text (so a unit's offsets are the text's). */
export function transcriptIndex(transcript: Transcript, plainText: string): TextIndex {
  const units: SearchUnit[] = [];
  for (const turn of transcript.turns) {
    const speakers = turn.speaker === null ? [] : [turn.speaker];
    for (const p of turn.paragraphs) units.push(unit('transcript', p.start, p.end, { start: p.start, end: p.end, speakers }));
  }
  // A transcript whose paragraphs do not lie in its text (it never happens for one the store read) indexes nothing.
  const fits = paragraphsOf(transcript).every((p) => p.end <= plainText.length && plainText.slice(p.start, p.end) === p.text);
  return TextIndex.build(plainText, fits ? units : []);
}

/**
 * Every highlight's quote (followed by its codes) and, when it has one, its note. An orphan is found too (its note
 * is the reader's work like any other), without a place or speakers: its old offsets are not this text's.
 */
export function highlightsIndex(annotations: readonly Annotation[], speakers: SpeakerIndex): TextIndex {
  const pieces: string[] = [];
  const units: SearchUnit[] = [];
  let at = 0;
  const add = (kind: SearchUnit['kind'], text: string, a: Annotation): void => {
    const { start, end } = a.selectors.position;
    const place = a.orphaned ? { start: null, end: null, speakers: [] } : { start, end, speakers: speakers.speakersOf(start, end).filter((s): s is string => s !== null) };
    units.push(unit(kind, at, at + text.length, { ...place, highlightId: a.id, color: a.color, codes: a.codes.map(searchableCode) }));
    pieces.push(text, '\n');
    at += text.length + 1;
  };
  for (const a of annotations) {
    add('highlight', a.codes.length > 0 ? `${a.selectors.quote.exact} — ${a.codes.join(', ')}` : a.selectors.quote.exact, a);
    const note = noteText(a).trim();
    if (note !== '') add('note', note, a);
  }
  return TextIndex.build(pieces.join(''), units);
}

/** A notebook's Markdown, block by block. */
export function notebookIndex(markdown: string): TextIndex {
  const units: SearchUnit[] = [];
  const blocks = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
  for (let m = blocks.exec(markdown); m !== null; m = blocks.exec(markdown)) units.push(unit('notebook', m.index, m.index + m[0].length));
  return TextIndex.build(markdown, units);
}
