/**
 * Text for the search benchmark. generate.ts draws from ~120 words, so every
 * query word is in nearly every paragraph; here words follow Zipf's law over
 * a vocabulary of VOCABULARY_SIZE (the commonest are real English function
 * words, the rest made up from syllables, some accented), as in real speech:
 * a few words everywhere, most words rare. Deterministic for a seed.
 */
import { parsePlainText } from '../src/core/transcript/parse-plain-text';
import type { Transcript } from '../src/shared/model';
import { random } from './generate';

export const VOCABULARY_SIZE = 20_000;
const ZIPF_EXPONENT = 1.05;
const COMMON = (
  'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which ' +
  'one you were her all she there would their we him been has when who will more no if out so said what up its about ' +
  'into than them can only other new some could time these two may then do first any my now such like our over man me'
).split(' ');
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'da', 'gri', 'sto', 'lan', 'mer', 'quo', 'bel', 'fa', 'zen', 'or', 'ul', 'té', 'çu'];
export const SPEAKERS = ['Amara Nwosu', 'Jonas Lindqvist', 'Priya Raman', 'Tomás Ferreira', 'Helen Park', 'Kwame Mensah'];

/** The vocabulary, commonest first. */
export function vocabulary(): string[] {
  const words = [...COMMON];
  const seen = new Set(words);
  for (let n = 0; words.length < VOCABULARY_SIZE; n++) {
    let word = '';
    for (let x = n + SYLLABLES.length; x > 0; x = Math.floor(x / SYLLABLES.length)) word += SYLLABLES[x % SYLLABLES.length];
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Draws words by rank with Zipf's law. */
export function zipf(words: readonly string[], next: () => number): () => string {
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cumulative[i] = sum += 1 / (i + 1) ** ZIPF_EXPONENT;
  return () => {
    const r = next() * sum;
    let low = 0;
    let high = words.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < r) low = mid + 1;
      else high = mid;
    }
    return words[low];
  };
}

/** A transcript of about `words` words: a title, then speakers' turns of one to four paragraphs of sentences. */
export function searchTranscriptText(words: number, seed: number): string {
  const next = random(seed);
  const word = zipf(vocabulary(), next);
  const speakers = SPEAKERS.slice(0, 2 + Math.floor(next() * 5));
  const out = [`Hearing ${seed}, generated for the search benchmark`];
  let count = 0;
  let seconds = 0;
  while (count < words) {
    const who = speakers[Math.floor(next() * speakers.length)];
    const paragraphs = 1 + Math.floor(next() * next() * 4);
    for (let p = 0; p < paragraphs && count < words; p++) {
      const sentences: string[] = [];
      for (let s = 1 + Math.floor(next() * 6); s > 0; s--) {
        const length = 5 + Math.floor(next() * 16);
        const w: string[] = [];
        for (let i = 0; i < length; i++) w.push(word());
        count += length;
        const text = w.join(' ');
        sentences.push(`${text[0].toUpperCase()}${text.slice(1)}.`);
      }
      const stamp = new Date(seconds * 1000).toISOString().slice(11, 19);
      out.push(p === 0 ? `[${stamp}] ${who}: ${sentences.join(' ')}` : sentences.join(' '));
      seconds += 5 + Math.floor(next() * 40);
    }
  }
  return `${out.join('\n\n')}\n`;
}

export function searchTranscript(text: string): Transcript {
  return parsePlainText(text, 'hearing.txt');
}
