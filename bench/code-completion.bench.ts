/**
 * Code autocomplete with 2,000 codes: the time to rank the suggestions for
 * each keystroke (the function the code field calls as the reader types),
 * over codes typed one character at a time, some in the library and some
 * new; the first keystroke after the codebook changed, which prepares the
 * codes for matching first; and, in the reader in real Chromium, the
 * main-thread work from a key to the frame that shows its suggestions
 * (beside typing a note in the same page, the baseline).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test } from '@playwright/test';
import { openInBrowser } from '../e2e/support/browser-bridge';
import { CHROMIUM_ARGS, RENDERER_DIR, chromiumExecutable } from '../e2e/support/paths';
import { indexCodes, suggestCodes, type CodeUse } from '../src/core/study/code-completion';
import { seededRandom } from '../src/core/testing/seeded-random';
import { LibraryStore } from '../src/main/store/library-store';
import { annotations, transcript, transcriptText } from './generate';
import { measure } from './measure';
import { record, summarise } from './results';
import { traced } from './trace';

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

const CODES_PER_HIGHLIGHT = 5;

test('code autocomplete in the reader: 2,000 codes, main-thread work per keystroke', async () => {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('No built renderer: run `npm run build` first (npm run bench does).');
  const dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-codes-'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    // 2,000 codes in the library: 400 highlights carrying 5 each, as a coded study might.
    const store = await LibraryStore.open(dataDir);
    const t = transcript(5_000, 7);
    const { document: imported } = await store.importTranscript({ text: transcriptText(5_000, 7), transcript: t, format: 'text', source: 'codes.txt' });
    const codes = codebook(2_000).map((c) => c.path);
    const highlights = annotations(t, imported.id, codes.length / CODES_PER_HIGHLIGHT, 8);
    for (const [i, h] of highlights.entries()) {
      const mine = codes.slice(i * CODES_PER_HIGHLIGHT, (i + 1) * CODES_PER_HIGHLIGHT);
      await store.createAnnotation({ documentId: imported.id, id: h.id, color: h.color, selectors: h.selectors, codes: mine });
    }

    const session = await openInBrowser(browser, dataDir, { chooseExportPath: async () => null, chooseFilesToOpen: async () => [] });
    const page = session.page;
    await page.locator('.transcript .para, .library').first().waitFor();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: imported.title, exact: true }).click();
    // The field of a highlight: its own codes are not offered, the other 1,995 are.
    await page.locator('.highlight-item__open').first().click();
    /** Main-thread work from each key typed into `selector` (as the page first saw it) to the end of the frame after its task. */
    const keystrokeWork = async (name: string, selector: string, typed: string): Promise<number[]> => {
      await page.locator(selector).focus();
      await page.waitForTimeout(500);
      const { result: delays, trace } = await traced(browser, page, name, async () => {
        await page.evaluate((target) => {
          const field = document.querySelector<HTMLElement>(target)!;
          const delays: number[] = [];
          field.addEventListener('keydown', (e) => {
            performance.mark(`bench:key:${delays.length}`);
            delays.push(performance.now() - e.timeStamp);
          });
          Object.assign(window, { __keyDelays: delays });
        }, selector);
        await page.keyboard.type(typed, { delay: 60 });
        await page.waitForTimeout(300);
        return page.evaluate(() => (window as unknown as { __keyDelays: number[] }).__keyDelays);
      });
      return delays.map((delay, i) => {
        // The key's task also inserts the text (and runs the input handlers), so the frame after it shows the key.
        const input = trace.taskAt(trace.mark(`bench:key:${i}`));
        const frame = input && trace.frameAfter(input.end);
        if (!frame) throw new Error(`key ${i}: no frame after it in the trace`);
        return trace.busy(trace.mark(`bench:key:${i}`) - delay, frame.end);
      });
    };
    const selected = '.highlight-item.is-selected';
    // A code of the library typed out in full: suggestions narrow at every key.
    const work = await keystrokeWork('code-autocomplete', `${selected} [role="combobox"]`, codes[1_234]);
    if (!(await page.getByRole('option').count())) throw new Error('No suggestions were shown');
    // The same page, typing a note instead: what any key typed in the side panel costs here.
    await page.keyboard.press('Escape');
    const note = await keystrokeWork('code-autocomplete-note', `${selected} .note-editor [contenteditable="true"]`, 'Compare with the morning session');
    // The first keys pay for compiling the code they run, and the first prepares the codes: counted apart.
    const warmUp = 3;
    const { median, p95 } = summarise(work.slice(warmUp));
    const baseline = summarise(note.slice(warmUp));
    record('code autocomplete in the reader: 2,000 codes, main-thread work per keystroke (p95)', p95, 'ms', { target: { max: 16 }, baseline: baseline.p95 });
    record('code autocomplete in the reader: 2,000 codes, main-thread work per keystroke (median)', median, 'ms', { baseline: baseline.median });
    record('code autocomplete in the reader: 2,000 codes, first keystroke (prepares the codes)', work[0], 'ms');
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
