/**
 * Helpers for the transcript parsers' tests: fixture files, turns and times
 * in a form easy to compare, and the offsets invariant every parser keeps.
 * Test support only (it reads files), so it sits outside the pure-core rules.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Transcript } from '../../../shared/model';
import { paragraphsOf, plainTextOf } from '../plain-text';

/** A file from test-fixtures, e.g. "plays/shakespeare-hamlet.txt". */
export const fixtureText = (path: string): string => readFileSync(new URL(`../../../../test-fixtures/${path}`, import.meta.url), 'utf8');

/** A caption fixture from test-fixtures/captions. */
export const captionFixture = (name: string): string => fixtureText(`captions/${name}`);

/** Each turn as [speaker, paragraph texts]. */
export const turnsOf = (t: Transcript) => t.turns.map((turn) => [turn.speaker, turn.paragraphs.map((p) => p.text)]);

/** A paragraph's media times as [start, end]. */
export const timesOf = (t: Transcript, turn: number, paragraph: number) => {
  const p = t.turns[turn].paragraphs[paragraph];
  return [p.startSeconds, p.endSeconds];
};

/** Every paragraph's offsets slice exactly its own text out of the transcript's plain text. */
export function expectOffsetsToSliceText(t: Transcript): void {
  const text = plainTextOf(t);
  // One assertion for the first paragraph that does not match: a long transcript has tens of thousands.
  const wrong = paragraphsOf(t).find((p) => text.slice(p.start, p.end) !== p.text);
  if (wrong) expect(text.slice(wrong.start, wrong.end)).toBe(wrong.text);
}

/** Deterministic pseudo-random bytes (a linear congruential generator), decoded as latin1. */
export function randomLatin1(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(state >> 23);
  }
  return out;
}
