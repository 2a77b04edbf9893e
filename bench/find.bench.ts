/**
 * The find bar in real Chromium on the book-length transcript: from a
 * keystroke in the field to the count shown ("3 of 41"), and to the frame
 * that paints the matches, typing words letter by letter as a reader does
 * (a common word with thousands of matches among them). Targets from the
 * issue: counted within 30 ms, painted within 50 ms.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, type Browser, type Page } from '@playwright/test';
import { openInBrowser } from '../e2e/support/browser-bridge';
import { CHROMIUM_ARGS, RENDERER_DIR, chromiumExecutable } from '../e2e/support/paths';
import { LibraryStore } from '../src/main/store/library-store';
import { transcript, transcriptText } from './generate';
import { installProbes, showLongDocument } from './page-timing';
import { record, summarise } from './results';

const WORDS = Number(process.env.GLOSS_BENCH_WORDS ?? 250_000);
const TITLE = 'A long hearing, generated for benchmarks';
const label = `${Math.round(WORDS / 1000)}k words`;
/** What is typed, a letter at a time, each word from an empty field: rare and common words, and a phrase. */
const TYPED = ['witness', 'the', 'committee', 'evidence', 'river', 'hearing lecture'];

test.describe.configure({ mode: 'serial' });

let browser: Browser;
let page: Page;
let dataDir: string;
let documentId: string;

test.beforeAll(async () => {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`No built renderer in ${RENDERER_DIR}: run \`npm run build\` first (npm run bench does).`);
  dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-find-'));
  const store = await LibraryStore.open(dataDir);
  const { document } = await store.importTranscript({ text: transcriptText(WORDS), transcript: transcript(WORDS), format: 'text', source: 'generated.txt' });
  documentId = document.id;
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  page = (await openInBrowser(browser, dataDir, { chooseExportPath: async () => null, chooseFilesToOpen: async () => [] })).page;
  await page.locator('.transcript .para, .library').first().waitFor();
  await page.evaluate(installProbes);
});

test.afterAll(async () => {
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Keystroke {
  counted: number;
  painted: number;
  matches: number;
  /** Whether the keystroke moved the current match off screen, so the view scrolled to it. */
  scrolled: boolean;
}

test('find', async () => {
  await showLongDocument(page, documentId, TITLE);
  // The bar takes the focus at once; the text is folded for searching in a task just after, before the first letter.
  const opened = await page.evaluate(async () => {
    let focused = 0;
    document.addEventListener('focusin', () => (focused ||= performance.now()), { once: true });
    const began = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', code: 'KeyF', ctrlKey: !/Mac/.test(navigator.platform), metaKey: /Mac/.test(navigator.platform), bubbles: true }));
    await window.__bench.until(() => focused > 0);
    return focused - began;
  });
  record(`find in ${label}: Ctrl/Cmd+F to the field focused (one run)`, opened, 'ms');
  const runs: Keystroke[] = [];
  // The first word warms up the code (compiled once a session) and folds the text: not counted.
  for (const [n, word] of [TYPED[0], ...TYPED].entries()) {
    const strokes = await page.evaluate(async (word) => {
      const field = document.querySelector<HTMLInputElement>('input[aria-label="Find in the transcript"]')!;
      const count = document.querySelector('.find-bar [role="status"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const type = (value: string) => {
        setValue.call(field, value);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      };
      type('');
      const out: { counted: number; painted: number; matches: number; scrolled: boolean }[] = [];
      for (let i = 1; i <= word.length; i++) {
        // A reader types a letter every 100 ms or so: the app is idle when the key comes.
        await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 300 }));
        await window.__bench.afterPaint();
        const marks = () => performance.getEntriesByName('gloss:find-counted');
        const before = marks().length;
        const scroller = document.querySelector('.reader')!;
        const top = scroller.scrollTop;
        const began = performance.now();
        type(word.slice(0, i));
        // The bar marks the moment its count is in the DOM (a layout effect, before the frame is painted).
        if (marks().length === before) await window.__bench.until(() => marks().length > before);
        const counted = marks().at(-1)!.startTime - began;
        const painted = (await window.__bench.afterPaint()) - began;
        const total = Number((count.textContent ?? '').split(' of ')[1]?.replace(/,/g, '') ?? 0);
        out.push({ counted, painted, matches: total, scrolled: scroller.scrollTop !== top });
      }
      return out;
    }, word);
    if (n > 0) runs.push(...strokes);
  }
  const counted = summarise(runs.map((r) => r.counted));
  const painted = summarise(runs.map((r) => r.painted));
  const most = Math.max(...runs.map((r) => r.matches));
  const what = `find in ${label} (${runs.length} keystrokes, up to ${most.toLocaleString('en')} matches)`;
  record(`${what}: keystroke to matches counted (median)`, counted.median, 'ms');
  record(`${what}: keystroke to matches counted (p95)`, counted.p95, 'ms', { target: { max: 30 } });
  record(`${what}: keystroke to matches painted (median)`, painted.median, 'ms');
  record(`${what}: keystroke to matches painted (p95)`, painted.p95, 'ms', { target: { max: 50 } });
  // What lies behind the slowest: how many matches, and whether the view had to scroll to the current one.
  const slowest = [...runs].sort((a, b) => b.painted - a.painted).slice(0, 3);
  console.log(`slowest keystrokes to painted: ${slowest.map((r) => `${Math.round(r.painted)} ms (${r.matches} matches${r.scrolled ? ', scrolled' : ''})`).join('; ')}`);
});
