/**
 * Fuzzes the importers through the real import path (decode, detect the
 * format, parse, in the worker with a time limit per file): real files
 * mutated by a seeded generator, and pathological patterns. Every input must
 * be read into a valid transcript or refused with a reason, within the limit.
 * Prints how many inputs each importer was given. GLOSS_FUZZ_SEED replays
 * another seed; GLOSS_FUZZ_SCALE multiplies the number of mutated inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { PARAGRAPH_SEPARATOR, type Transcript, type TranscriptFormat } from '../../shared/model';
import { detectFormat } from '../../core/transcript/detect-format';
import { plainTextOf } from '../../core/transcript/plain-text';
import { markdownFromPlainText, srtFromWebVtt } from '../../core/transcript/testing/convert-fixtures';
import { PATHOLOGICAL_INPUTS, REPORTED_INPUTS } from '../../core/transcript/testing/pathological-inputs';
import { decodeText } from './decode-text';
import { OffThreadReader } from './off-thread-reader';
import { ImportError } from './read-transcript-file';
import { mutate, Random } from './testing/mutate-bytes';

const SEED = Number(process.env.GLOSS_FUZZ_SEED ?? 20_250_101);
const MUTANTS_PER_IMPORTER = Math.round(150 * Number(process.env.GLOSS_FUZZ_SCALE ?? 1));
const PATHOLOGICAL_BYTES = 128 * 1024;
/** The time limit per file: far above what any input needs, so only a parser gone slow reaches it. */
const FILE_LIMIT_MS = 10_000;

const repoText = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const fixtures = (folder: string, ext: string) =>
  readdirSync(new URL(`../../../test-fixtures/${folder}/`, import.meta.url))
    .filter((name) => name.endsWith(ext))
    .map((name) => ({ name, text: repoText(`test-fixtures/${folder}/${name}`) }));

const plainText = [
  { name: 'sample-interview.txt', text: repoText('resources/sample-interview.txt') },
  { name: 'shakespeare-hamlet.txt', text: repoText('test-fixtures/plays/shakespeare-hamlet.txt') },
  ...fixtures('plain-text', '.txt'),
];
const webVtt = fixtures('captions', '.vtt');

/** Real files to mutate, per importer; each is given the importer's extension. */
const SEEDS: Record<TranscriptFormat, { name: string; text: string }[]> = {
  text: plainText,
  markdown: [
    { name: 'plays-README.md', text: repoText('test-fixtures/plays/README.md') },
    ...plainText.map(({ name, text }) => ({ name: name.replace(/\.txt$/, '.md'), text: markdownFromPlainText(text) })),
  ],
  webvtt: webVtt,
  srt: [...fixtures('captions', '.srt'), ...webVtt.map(({ name, text }) => ({ name: name.replace(/\.vtt$/, '.srt'), text: srtFromWebVtt(text) }))],
};
const EXTENSION: Record<TranscriptFormat, string> = { text: 'txt', markdown: 'md', webvtt: 'vtt', srt: 'srt' };
/** What a caption pattern follows, so it gets past the format check into the parser. */
const PREFIX: Record<TranscriptFormat, string> = {
  text: '',
  markdown: '',
  webvtt: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n',
  srt: '1\n00:00:01,000 --> 00:00:02,000\n',
};

interface FuzzInput {
  /** How to make it again: the seed file and mutations, or the pattern. */
  label: string;
  fileName: string;
  bytes: Uint8Array;
}

function* inputsFor(importer: TranscriptFormat): Generator<FuzzInput> {
  const random = new Random(SEED + importer.length * 7919 + importer.charCodeAt(0));
  const encoder = new TextEncoder();
  const seeds = SEEDS[importer].map(({ name, text }) => ({ name, bytes: encoder.encode(text) }));
  for (let i = 0; i < MUTANTS_PER_IMPORTER; i++) {
    const seed = seeds[i % seeds.length];
    const { bytes, applied } = mutate(seed.bytes, random);
    yield { label: `${seed.name} #${i}: ${applied.join(', ')}`, fileName: `fuzz-${i}.${EXTENSION[importer]}`, bytes };
  }
  for (const { name, make } of PATHOLOGICAL_INPUTS) {
    yield { label: `128 KB of ${name}`, fileName: `pattern.${EXTENSION[importer]}`, bytes: encoder.encode(PREFIX[importer] + make(PATHOLOGICAL_BYTES)) };
  }
  for (const { name, text } of REPORTED_INPUTS) {
    yield { label: `reported: ${name}`, fileName: `reported.${EXTENSION[importer]}`, bytes: encoder.encode(PREFIX[importer] + text) };
  }
}

/** The parser import gives the file to, as the worker decides it; null when decoding refuses it first. */
function importerOf(fileName: string, bytes: Uint8Array): TranscriptFormat | null {
  try {
    const { text } = decodeText(bytes);
    return text.trim() === '' ? null : detectFormat(fileName, text);
  } catch {
    return null;
  }
}

/** What is wrong with a transcript, or null: offsets must slice each paragraph's text out of the plain text. */
function problemWith(t: Transcript): string | null {
  const text = plainTextOf(t);
  let expectedStart = 0;
  for (const turn of t.turns) {
    if (turn.paragraphs.length === 0) return 'a turn without paragraphs';
    for (const p of turn.paragraphs) {
      if (p.text === '') return 'an empty paragraph';
      if (p.start !== expectedStart || p.end !== p.start + p.text.length) return `paragraph offsets ${p.start}-${p.end}, expected from ${expectedStart}`;
      if (text.slice(p.start, p.end) !== p.text) return `plain text at ${p.start}-${p.end} is not the paragraph's text`;
      expectedStart = p.end + PARAGRAPH_SEPARATOR.length;
    }
  }
  const speakers = [...new Set(t.turns.flatMap((turn) => (turn.speaker ? [turn.speaker] : [])))];
  if (JSON.stringify(speakers) !== JSON.stringify(t.speakers)) return 'speakers do not match the turns';
  return null;
}

type Tally = { tried: number; read: number; refused: number; refusedBeforeParsing: number; reasons: Map<string, number> };
const tallies = new Map<string, Tally>();
const tally = (importer: string): Tally => {
  if (!tallies.has(importer)) tallies.set(importer, { tried: 0, read: 0, refused: 0, refusedBeforeParsing: 0, reasons: new Map() });
  return tallies.get(importer)!;
};
/** A refusal's reason with its particulars (line numbers, sizes) left out, to count alike reasons together. */
const reasonKind = (error: unknown) => (error instanceof ImportError ? error.reason : String(error)).replace(/\d+/g, 'N').slice(0, 60);
const started = performance.now();
let slowest = { ms: 0, label: '' };

afterAll(() => {
  const lines = [...tallies].map(([importer, t]) => {
    const reasons = [...t.reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n}× ${reason}`);
    return `  ${importer.padEnd(8)} ${t.tried} inputs: ${t.read} read, ${t.refused} refused by the parser, ${t.refusedBeforeParsing} refused before parsing (${reasons.join('; ')})`;
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Import fuzz (seed ${SEED}), by the importer each input reached, in ${seconds} s; slowest input ${slowest.ms.toFixed(0)} ms (${slowest.label}):\n${lines.join('\n')}`);
});

describe('import fuzzing', () => {
  const reader = new OffThreadReader({ timeoutMs: FILE_LIMIT_MS });
  afterAll(() => reader.close());

  test.each(Object.keys(SEEDS) as TranscriptFormat[])(
    `every mutated %s file and pathological pattern is read into a valid transcript or refused with a reason, each within ${FILE_LIMIT_MS / 1000} s`,
    async (importer) => {
      const failures: string[] = [];
      for (const input of inputsFor(importer)) {
        const reached = importerOf(input.fileName, input.bytes);
        const count = tally(reached ?? importer);
        count.tried++;
        const begun = performance.now();
        try {
          const read = await reader.parseBytes(input.fileName, input.bytes);
          count.read++;
          const problem = problemWith(read.transcript) ?? (read.format === reached ? null : `read as ${read.format}, expected ${reached}`);
          if (problem) failures.push(`${input.label}: ${problem}`);
        } catch (error) {
          if (reached === null) count.refusedBeforeParsing++;
          else count.refused++;
          count.reasons.set(reasonKind(error), (count.reasons.get(reasonKind(error)) ?? 0) + 1);
          const deliberate = error instanceof ImportError && !error.unexpected && error.message.startsWith(`Could not open ${input.fileName}: `);
          if (!deliberate || /took longer/.test(String(error))) failures.push(`${input.label}: ${String(error)}`);
        }
        const ms = performance.now() - begun;
        if (ms > slowest.ms) slowest = { ms, label: `${importer}: ${input.label}` };
      }
      expect(failures).toEqual([]);
    },
    300_000,
  );
});
