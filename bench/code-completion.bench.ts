/**
 * Code autocomplete with 2,000 codes: the time to rank the suggestions for
 * each keystroke (the function the code field calls as the reader types),
 * over codes typed one character at a time, some in the library and some
 * new; and the first keystroke after the codebook changed, which prepares
 * the codes for matching first.
 */
import { test } from '@playwright/test';
import { indexCodes, suggestCodes, type CodeUse } from '../src/core/study/code-completion';
import { seededRandom } from '../src/core/testing/seeded-random';
import { measure } from './measure';
import { record, summarise } from './results';

const WORDS = (
  'risk benefit trust power money family school health work labour memory fear hope regulation safety law market ' +
  'science method interview survey archive emotion anger joy grief identity migration language religion war peace ' +
  'climate energy water food housing police court election media privacy security data model compute chip talent'
).split(' ');

/** 2,000 codes three levels deep (`theme-4/risk/…`), used from once to hundreds of times, as a large study's codebook. */
function codebook(size: number): CodeUse[] {
  const next = seededRandom(10);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)];
  const codes = new Map<string, number>();
  let top = 0;
  while (codes.size < size) {
    const parent = `${pick()}-${top++ % 40}`;
    codes.set(parent, Math.floor(next() * 400));
    for (let i = 0; i < 12 && codes.size < size; i++) {
      const child = `${parent}/${pick()} ${pick()}`;
      codes.set(child, Math.floor(next() * 100));
      if (next() < 0.3) codes.set(`${child}/${pick()}`, Math.floor(next() * 20));
    }
  }
  return [...codes].slice(0, size).map(([path, uses]) => ({ path, uses }));
}

test('code autocomplete: 2,000 codes, per keystroke', async () => {
  const uses = codebook(2_000);
  const index = indexCodes(uses);
  const typed = ['risk', 'theme/ris', 'money-1/fear', 'interview', 'lab', 'a new code nobody has', 'e', 'privacy data', 'x'];
  const keystrokes = typed.flatMap((word) => Array.from(word, (_, i) => word.slice(0, i + 1)));
  const exclude = new Set(uses.slice(0, 5).map((u) => u.path));
  // Warm up, then measure each keystroke many times over.
  for (const text of keystrokes) suggestCodes(index, text, { exclude });
  const run = await measure(keystrokes.length * 20, (i) => suggestCodes(index, keystrokes[i % keystrokes.length], { exclude }));
  const { median, p95 } = summarise(run.times);
  record('code autocomplete: 2,000 codes, per keystroke (p95)', p95, 'ms', { target: { max: 16 } });
  record('code autocomplete: 2,000 codes, per keystroke (median)', median, 'ms');
  // The first keystroke after the codebook changed (a code added, counts read again) prepares the codes first.
  const first = await measure(21, (i) => suggestCodes(indexCodes(uses), keystrokes[i % keystrokes.length], { exclude }));
  record('code autocomplete: 2,000 codes, first keystroke after the codebook changed (median of 21)', summarise(first.times).median, 'ms', { target: { max: 16 } });
});
