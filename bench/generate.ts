/**
 * Deterministic inputs for the benchmarks: a long transcript in realistic
 * speaker turns with time stamps, highlights on it (overlapping, spanning
 * paragraphs and turns, some with notes and tags), caption files, and
 * libraries of many documents. The same seed always gives the same bytes.
 */
import { createSelectors } from '../src/core/anchoring/selectors';
import { parsePlainText } from '../src/core/transcript/parse-plain-text';
import { plainTextOf } from '../src/core/transcript/plain-text';
import { seededRandom } from '../src/core/testing/seeded-random';
import { HIGHLIGHT_COLORS, type Annotation, type Transcript } from '../src/shared/model';

/** A seeded pseudo-random generator: numbers in [0, 1). */
export const random = seededRandom;


const SPEAKERS = ['Amara Nwosu', 'Jonas Lindqvist', 'Priya Raman', 'Tomás Ferreira', 'Helen Park', 'Kwame Mensah'];
const WORDS = (
  'the a of to and in that it is was we I you they this for on with as but not what at be have had there so about ' +
  'which would one could people think know really time because more when very just like how research evidence question ' +
  'policy history archive river committee budget library transcript memory decision witness record hearing lecture ' +
  'interview language machine model system network village school hospital court council report study experiment result ' +
  'problem answer season winter summer morning evening family father mother brother sister friend teacher student'
).split(' ');

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 16);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}${next() < 0.15 ? '?' : '.'}`;
}

function stamp(seconds: number): string {
  const s = Math.floor(seconds);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * A plain-text transcript of about `words` words: a title, then turns of one
 * to four paragraphs, each turn opening "[hh:mm:ss] Name: ...", 2 to 6
 * speakers taking turns as an interview or panel would.
 */
export function transcriptText(words: number, seed = 1): string {
  const next = random(seed);
  const speakers = SPEAKERS.slice(0, 2 + Math.floor(next() * 5));
  const out = ['A long hearing, generated for benchmarks'];
  let count = 0;
  let seconds = 0;
  let last = -1;
  while (count < words) {
    let who = Math.floor(next() * speakers.length);
    if (who === last) who = (who + 1) % speakers.length;
    last = who;
    const paragraphs = 1 + Math.floor(next() * next() * 4);
    for (let p = 0; p < paragraphs && count < words; p++) {
      const sentences: string[] = [];
      const n = 1 + Math.floor(next() * 6);
      for (let s = 0; s < n; s++) sentences.push(sentence(next));
      const text = sentences.join(' ');
      count += text.split(' ').length;
      out.push(p === 0 ? `[${stamp(seconds)}] ${speakers[who]}: ${text}` : text);
      seconds += 5 + Math.floor(next() * 40);
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** The transcript for `transcriptText(words, seed)`, parsed as the app parses it. */
export function transcript(words: number, seed = 1): Transcript {
  return parsePlainText(transcriptText(words, seed), 'generated.txt');
}

const TAGS = ['method', 'claim', 'quote', 'follow-up', 'disagree'];
const NOTE_WORDS = 'compare this with the earlier answer and check the record later because it matters'.split(' ');

/**
 * `count` highlights on the transcript, in creation order: most inside one
 * paragraph, some overlapping an earlier highlight, some spanning two or
 * three paragraphs (and so often two turns). A fifth carry a note; some of
 * those notes carry #tags (the app has no tags yet: they are kept as text).
 */
export function annotations(t: Transcript, documentId: string, count: number, seed = 2): Annotation[] {
  const next = random(seed);
  const text = plainTextOf(t);
  const paragraphs = t.turns.flatMap((turn) => turn.paragraphs);
  const out: Annotation[] = [];
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
  for (let i = 0; i < count; i++) {
    let start: number;
    let end: number;
    const kind = next();
    if (kind < 0.1 && out.length > 0) {
      // Overlaps an earlier highlight, starting inside it.
      const other = out[Math.floor(next() * out.length)].selectors.position;
      start = other.start + Math.floor((other.end - other.start) / 2);
      end = Math.min(text.length, other.end + 10 + Math.floor(next() * 60));
    } else if (kind < 0.2) {
      // Spans from one paragraph into the next one or two.
      const first = Math.floor(next() * (paragraphs.length - 3));
      const p = paragraphs[first];
      start = p.start + Math.floor(next() * (p.end - p.start) * 0.8);
      const last = paragraphs[first + 1 + Math.floor(next() * 2)];
      end = last.start + 1 + Math.floor(next() * Math.max(1, (last.end - last.start) / 2));
    } else {
      const p = paragraphs[Math.floor(next() * paragraphs.length)];
      const length = p.end - p.start;
      start = p.start + Math.floor(next() * length * 0.7);
      end = Math.min(p.end, start + 8 + Math.floor(next() * 120));
    }
    if (end <= start) end = start + 1;
    let note = '';
    if (next() < 0.2) {
      const words = Array.from({ length: 4 + Math.floor(next() * 20) }, () => NOTE_WORDS[Math.floor(next() * NOTE_WORDS.length)]);
      if (next() < 0.5) words.push(`#${TAGS[Math.floor(next() * TAGS.length)]}`);
      note = words.join(' ');
    }
    out.push({
      id: uuid(next),
      documentId,
      selectors: createSelectors(text, start, end),
      color: HIGHLIGHT_COLORS[Math.floor(next() * HIGHLIGHT_COLORS.length)],
      note,
      noteState: null,
      codes: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  return out;
}

/** A version 4 UUID from the generator (the store checks ids are UUIDs). */
export function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A WebVTT file of `cues` cues by a few voices, two seconds apart. */
export function webvttText(cues: number, seed = 3): string {
  const next = random(seed);
  const out = ['WEBVTT', ''];
  for (let i = 0; i < cues; i++) {
    const from = i * 2;
    const cueStamp = (s: number) => `${stamp(s)}.${String(Math.floor(next() * 1000)).padStart(3, '0')}`;
    out.push(String(i + 1), `${cueStamp(from)} --> ${cueStamp(from + 1)}`, `<v ${SPEAKERS[Math.floor(next() * 3)]}>${sentence(next)}`, '');
  }
  return out.join('\n');
}

/** About `bytes` of plain-text transcript (the 50 MB import), made of generated turns. */
export function largeTranscriptText(bytes: number, seed = 4): string {
  const chunk = transcriptText(50_000, seed);
  const copies = Math.ceil(bytes / Buffer.byteLength(chunk));
  return Array.from({ length: copies }, () => chunk).join('\n');
}
