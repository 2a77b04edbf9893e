/**
 * A read transcript in the form it crosses from the import worker to the main
 * thread: numbers in typed arrays whose buffers are transferred, paragraph
 * texts as one string they are sliced back out of. Cloning a long
 * transcript's objects would stall the receiving thread (3.5 s for 800,000
 * turns); unpacking this form takes a small fraction of that.
 */
import { PARAGRAPH_SEPARATOR, type Paragraph, type Turn, type TurnKind } from '../../shared/model';
import type { ReadTranscript } from './read-transcript-file';

const KINDS: readonly TurnKind[] = ['speech', 'aside', 'heading'];
/** Bits of PackedRead.timeKeys: which media-time keys a paragraph has (a key may hold null). */
const HAS_START = 1;
const HAS_END = 2;

export interface PackedRead extends Omit<ReadTranscript, 'transcript'> {
  title: string;
  speakers: string[];
  /** Every speaker a turn names, once; turnSpeaker indexes it (-1: none). */
  speakerNames: string[];
  turnSpeaker: Int32Array;
  turnKind: Uint8Array;
  turnParagraphs: Int32Array;
  /** The paragraphs joined by PARAGRAPH_SEPARATOR: each paragraph's text is its [start, end) of this. */
  plainText: string;
  /** Only when some paragraph's offsets do not slice its text out of plainText (a parser bug): the texts themselves. */
  texts: string[] | null;
  start: Float64Array;
  end: Float64Array;
  timeKeys: Uint8Array;
  /** NaN for null. */
  startSeconds: Float64Array;
  endSeconds: Float64Array;
}

/** The packed form and the buffers to transfer with it. */
export function packRead({ transcript, ...read }: ReadTranscript): { packed: PackedRead; transfer: ArrayBuffer[] } {
  const turns = transcript.turns;
  const count = turns.reduce((n, t) => n + t.paragraphs.length, 0);
  const speakerIndex = new Map<string, number>();
  const turnSpeaker = new Int32Array(turns.length);
  const turnKind = new Uint8Array(turns.length);
  const turnParagraphs = new Int32Array(turns.length);
  const start = new Float64Array(count);
  const end = new Float64Array(count);
  const timeKeys = new Uint8Array(count);
  const startSeconds = new Float64Array(count);
  const endSeconds = new Float64Array(count);
  const texts: string[] = [];
  let sliceable = true;
  let at = 0;
  let i = 0;
  turns.forEach((turn, t) => {
    if (turn.speaker !== null && !speakerIndex.has(turn.speaker)) speakerIndex.set(turn.speaker, speakerIndex.size);
    turnSpeaker[t] = turn.speaker === null ? -1 : speakerIndex.get(turn.speaker)!;
    turnKind[t] = KINDS.indexOf(turn.kind);
    turnParagraphs[t] = turn.paragraphs.length;
    for (const p of turn.paragraphs) {
      texts.push(p.text);
      sliceable &&= p.start === at && p.end === at + p.text.length;
      at += p.text.length + PARAGRAPH_SEPARATOR.length;
      start[i] = p.start;
      end[i] = p.end;
      timeKeys[i] = ('startSeconds' in p ? HAS_START : 0) | ('endSeconds' in p ? HAS_END : 0);
      startSeconds[i] = p.startSeconds ?? NaN;
      endSeconds[i] = p.endSeconds ?? NaN;
      i++;
    }
  });
  const packed: PackedRead = {
    ...read,
    title: transcript.title,
    speakers: transcript.speakers,
    speakerNames: [...speakerIndex.keys()],
    turnSpeaker,
    turnKind,
    turnParagraphs,
    plainText: sliceable ? texts.join(PARAGRAPH_SEPARATOR) : '',
    texts: sliceable ? null : texts,
    start,
    end,
    timeKeys,
    startSeconds,
    endSeconds,
  };
  const arrays = [turnSpeaker, turnKind, turnParagraphs, start, end, timeKeys, startSeconds, endSeconds];
  return { packed, transfer: arrays.map((a) => a.buffer as ArrayBuffer) };
}

export function unpackRead(packed: PackedRead): ReadTranscript {
  const { title, speakers, speakerNames, turnSpeaker, turnKind, turnParagraphs, plainText, texts, start, end, timeKeys, startSeconds, endSeconds, ...read } = packed;
  const turns: Turn[] = [];
  let i = 0;
  for (let t = 0; t < turnSpeaker.length; t++) {
    const paragraphs: Paragraph[] = [];
    for (const last = i + turnParagraphs[t]; i < last; i++) {
      const p: Paragraph = { text: texts ? texts[i] : plainText.slice(start[i], end[i]), start: start[i], end: end[i] };
      if (timeKeys[i] & HAS_START) p.startSeconds = Number.isNaN(startSeconds[i]) ? null : startSeconds[i];
      if (timeKeys[i] & HAS_END) p.endSeconds = Number.isNaN(endSeconds[i]) ? null : endSeconds[i];
      paragraphs.push(p);
    }
    turns.push({ speaker: turnSpeaker[t] < 0 ? null : speakerNames[turnSpeaker[t]], kind: KINDS[turnKind[t]], paragraphs });
  }
  return { ...read, transcript: { title, speakers, turns } };
}
