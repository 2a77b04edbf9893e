/**
 * A corrected version of a generated transcript's plain text, for the
 * re-anchoring benchmark: words fixed, sentences inserted and deleted,
 * paragraphs split, one paragraph moved; deterministic for a seed.
 */
import { random } from './generate';

const FILLER = 'the committee asked the witness about the budget record once more'.split(' ');

/** The word (or sentence) at `at`: the run of non-space characters (or up to the next full stop) around it. */
function wordAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && !/\s/.test(text[end])) end++;
  return [start, end];
}

/** One correction at `at`, of a kind picked by `kind` in [0, 1): returns the new text. */
function correct(text: string, at: number, kind: number, next: () => number): string {
  if (kind < 0.55) {
    // A word fixed: two letters swapped, or the word replaced.
    const [start, end] = wordAround(text, at);
    const word = text.slice(start, end);
    const fixed = word.length > 3 && next() < 0.5 ? `${word[0]}${word[2]}${word[1]}${word.slice(3)}` : FILLER[Math.floor(next() * FILLER.length)];
    return text.slice(0, start) + fixed + text.slice(end);
  }
  if (kind < 0.75) {
    // A sentence inserted after the next full stop.
    const stop = text.indexOf('. ', at);
    if (stop === -1) return text;
    const words = Array.from({ length: 5 + Math.floor(next() * 10) }, () => FILLER[Math.floor(next() * FILLER.length)]);
    return `${text.slice(0, stop + 2)}${words.join(' ')}, said nobody. ${text.slice(stop + 2)}`;
  }
  if (kind < 0.93) {
    // A sentence deleted: from the next full stop to the one after.
    const from = text.indexOf('. ', at);
    const to = from === -1 ? -1 : text.indexOf('. ', from + 2);
    if (to === -1 || text.slice(from, to).includes('\n')) return text;
    return text.slice(0, from + 2) + text.slice(to + 2);
  }
  // A paragraph split at the next sentence (a turn that was two).
  const stop = text.indexOf('. ', at);
  return stop === -1 ? text : `${text.slice(0, stop + 1)}\n\n${text.slice(stop + 2)}`;
}

/**
 * A corrected version of `text`: one paragraph from a fifth of the way in moved to four fifths,
 * then `corrections` - 1 corrections scattered evenly. The same seed gives the same text.
 */
export function correctedText(text: string, corrections: number, seed = 11): string {
  const next = random(seed);
  const from = text.indexOf('\n\n', Math.floor(text.length * 0.2)) + 2;
  const to = text.indexOf('\n\n', from);
  const paragraph = text.slice(from, to + 2);
  let out = text.slice(0, from) + text.slice(to + 2);
  const target = out.indexOf('\n\n', Math.floor(out.length * 0.8)) + 2;
  out = out.slice(0, target) + paragraph + out.slice(target);
  // Corrections from the end backwards, so that each lands where it was picked.
  const places = Array.from({ length: corrections - 1 }, (_, i) => Math.floor(((i + next()) / corrections) * (out.length - 200)));
  for (const at of places.reverse()) out = correct(out, at, next(), next);
  return out;
}

