import { describe, expect, test } from 'vitest';
import type { Transcript } from '../../shared/model';
import { TranscriptFormatError } from './format-error';
import { parseMarkdown } from './parse-markdown';
import { parsePlainText } from './parse-plain-text';
import { parseSrt } from './parse-srt';
import { parseWebVtt } from './parse-webvtt';
import { PATHOLOGICAL_INPUTS, REPORTED_INPUTS } from './testing/pathological-inputs';
import { expectOffsetsToSliceText } from './testing/transcript-fixtures';

/** Each parser, given text that passes its format check (a caption header and first cue), so the pattern reaches its parsing. */
const PARSERS: Record<string, (text: string) => Transcript> = {
  text: (text) => parsePlainText(text, 'x'),
  markdown: (text) => parseMarkdown(text, 'x'),
  webvtt: (text) => parseWebVtt(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${text}`, 'x'),
  srt: (text) => parseSrt(`1\n00:00:01,000 --> 00:00:02,000\n${text}`, 'x'),
};

// Large enough that anything quadratic blows the budget (micromark took 13 s on 40 KB of ">"), with room for a slow machine.
const SIZE = 64 * 1024;
const BUDGET_MS = 1500;

/** CPU time in milliseconds: unlike the time on the clock, it does not grow while other processes have the CPU. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Parses within the budget, to a transcript whose offsets hold or a refusal that says why. */
function expectParsedOrRefusedInTime(parse: (text: string) => Transcript, text: string, budgetMs: number): Transcript | TranscriptFormatError {
  const started = cpuMs();
  let outcome: Transcript | TranscriptFormatError;
  try {
    outcome = parse(text);
  } catch (error) {
    if (!(error instanceof TranscriptFormatError)) throw error;
    outcome = error;
  }
  expect(cpuMs() - started).toBeLessThan(budgetMs);
  if (!(outcome instanceof Error)) expectOffsetsToSliceText(outcome);
  return outcome;
}

describe.each(Object.keys(PARSERS))('the %s parser on pathological input', (format) => {
  test.each(PATHOLOGICAL_INPUTS)(`reads or refuses 64 KB of $name within ${BUDGET_MS} ms of CPU time`, ({ make }) => {
    expectParsedOrRefusedInTime(PARSERS[format], make(SIZE), BUDGET_MS);
  });
});

describe('the inputs that froze Markdown import', () => {
  test.each(REPORTED_INPUTS)('$name takes under a second as Markdown and as plain text', ({ text }) => {
    expectParsedOrRefusedInTime(PARSERS.markdown, text, 1000);
    expectParsedOrRefusedInTime(PARSERS.text, text, 1000);
  });

  test('deep quotes and lists are refused with the line and the limit; time stamps are read as text', () => {
    const [quotes, lists, stamps] = REPORTED_INPUTS.map(({ text }) => expectParsedOrRefusedInTime(PARSERS.markdown, text, 1000));
    expect((quotes as Error).message).toBe('line 1 nests quotes and lists more than 32 deep; Gloss reads up to 32');
    expect((lists as Error).message).toBe('line 1 nests quotes and lists more than 32 deep; Gloss reads up to 32');
    expect((stamps as Transcript).turns[0].paragraphs[0].text).toBe(REPORTED_INPUTS[2].text.trim());
  });
});
