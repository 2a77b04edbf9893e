/**
 * The library view with 1,000 documents, in real Chromium with the real
 * main-process handlers: a library of small generated interviews (a few
 * highlights each, written through the store's API) listed by the store on a
 * fresh start and again; then, in the page, opening the library view (click
 * to rows painted, the target: ≤ 100 ms), sorting by each column,
 * filtering by a title fragment, and scrolling the whole list (a smooth
 * scroll and a steady one, frames per second by requestAnimationFrame and
 * the longest frame).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, type Browser, type Locator, type Page } from '@playwright/test';
import { openInBrowser, type BrowserSession } from '../e2e/support/browser-bridge';
import { addGeneratedDocuments, type GeneratedDocument } from '../e2e/support/generated-library';
import { CHROMIUM_ARGS, RENDERER_DIR, chromiumExecutable } from '../e2e/support/paths';
import { LibraryStore } from '../src/main/store/library-store';
import { measure } from './measure';
import { installProbes } from './page-timing';
import { traced } from './trace';
import { record, summarise } from './results';

const DOCUMENTS = Number(process.env.GLOSS_BENCH_LIBRARY_DOCUMENTS ?? 1_000);
const label = `library of ${DOCUMENTS.toLocaleString('en')} documents`;

const SPEAKERS = ['Amara Nwosu', 'Jonas Lindqvist', 'Priya Raman', 'Tomás Ferreira', 'Helen Park', 'Kwame Mensah', 'Ines Duarte', 'Yusuf Demir'];
const TOPICS = ['River archive', 'Budget hearing', 'Village school', 'Winter harvest', 'Court record', 'Hospital night shift', 'Oral history', 'Council meeting'];
const FORMATS = ['text', 'markdown', 'webvtt', 'srt'] as const;

/** Document `i` of the library: a topic and session, two or three speakers, 100 to 900 words, 0 to 9 highlights. */
function spec(i: number): GeneratedDocument {
  return {
    title: `${TOPICS[i % TOPICS.length]}, session ${Math.floor(i / TOPICS.length) + 1}`,
    format: FORMATS[i % FORMATS.length],
    speakers: [SPEAKERS[i % SPEAKERS.length], SPEAKERS[(i + 3) % SPEAKERS.length], ...(i % 3 === 0 ? [SPEAKERS[(i + 5) % SPEAKERS.length]] : [])],
    words: 100 + ((i * 137) % 800),
    paragraphs: 4,
    highlights: (i * 7) % 10,
    notes: i % 3,
    addedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    openedAt: i % 4 === 0 ? new Date(Date.UTC(2026, 0, 1) + i * 1_800_000).toISOString() : null,
  };
}

test.describe.configure({ mode: 'serial' });

let browser: Browser;
let session: BrowserSession;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('No built renderer in out/renderer: run `npm run build` first (npm run bench does).');
  dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-library-'));
  const began = performance.now();
  // As a guest, as `gloss add` adds: the index is written once, by the first store to open the library as its owner.
  await addGeneratedDocuments(
    dataDir,
    Array.from({ length: DOCUMENTS }, (_, i) => spec(i)),
    { mode: 'guest' },
  );
  console.log(`  (made the ${label} in ${Math.round(performance.now() - began)} ms)`);
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
});

test.afterAll(async () => {
  await session?.close();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('library: the store lists 1,000 documents', async () => {
  // A fresh start reads each document's counts file once; later listings find them known.
  const fresh: number[] = [];
  for (let i = 0; i < 3; i++) {
    const store = await LibraryStore.open(dataDir);
    const began = performance.now();
    await store.list();
    fresh.push(performance.now() - began);
    await store.close();
  }
  record(`store: ${label} listed on a fresh start (median)`, summarise(fresh).median, 'ms');
  const store = await LibraryStore.open(dataDir);
  await store.list();
  const warm = await measure(10, () => store.list());
  await store.close();
  record(`store: ${label} listed again (median)`, summarise(warm.times).median, 'ms');
});

let actions = 0;

/**
 * Clicks the element marked `data-bench-target`; gives the time from the click to the paint after the rows drawn
 * change (`listed`: and after the library's list, asked for by the click, came back), and the names of the marks
 * made at the click and at that paint.
 */
async function clickToRowsPainted(listed = false): Promise<{ wall: number; from: string; to: string }> {
  const n = actions++;
  const wall = await page.evaluate(
    async ({ listed, n }) => {
      const target = document.querySelector<HTMLElement>('[data-bench-target]')!;
      const rows = () => [...document.querySelectorAll<HTMLElement>('.library__table tbody tr[data-id]')].map((r) => r.dataset.id).join();
      const before = rows();
      const began = performance.mark(`bench:action:${n}`).startTime;
      const received = () => performance.getEntriesByName('gloss:library-received').some((e) => e.startTime > began);
      target.click();
      const painted = await window.__bench.until(() => document.querySelectorAll('.library__table tbody tr[data-id]').length > 5 && rows() !== before && (!listed || received()));
      performance.mark(`bench:shown:${n}`);
      return painted - began;
    },
    { listed, n },
  );
  return { wall, from: `bench:action:${n}`, to: `bench:shown:${n}` };
}

/** Marks the element `locator` finds as the next to click. */
async function aim(find: () => Locator): Promise<void> {
  await page.evaluate(() => document.querySelector('[data-bench-target]')?.removeAttribute('data-bench-target'));
  await find().evaluate((el) => el.setAttribute('data-bench-target', ''));
}

/** Records wall times and the main thread's CPU time (what an idle machine would take) of some actions. */
function recordActions(what: string, runs: { wall: number; cpu: number }[]): void {
  record(`${what}, wall clock (median)`, summarise(runs.map((r) => r.wall)).median, 'ms');
  record(`${what}, wall clock (max)`, Math.max(...runs.map((r) => r.wall)), 'ms');
  record(`${what}, main-thread CPU (median)`, summarise(runs.map((r) => r.cpu)).median, 'ms', { target: { max: 100 } });
  record(`${what}, main-thread CPU (max)`, Math.max(...runs.map((r) => r.cpu)), 'ms');
}

test('library: opening the view, sorting, filtering', async () => {
  session = await openInBrowser(browser, dataDir, { chooseExportPath: async () => null, chooseFilesToOpen: async () => [] });
  page = session.page;
  await page.locator('.transcript .para, .library').first().waitFor();
  await page.evaluate(installProbes);
  // A document to go back to between openings of the library view: its ids are the store's.
  const firstId = await page.evaluate(async () => {
    const listed = await window.gloss.invoke('library:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value[0].id;
  });

  // From the reader's Library button to the listed rows painted; back to the reader in between.
  const { result: openings, trace: openTrace } = await traced(browser, page, 'library-opening', async () => {
    const out: { wall: number; from: string; to: string; ipc: number }[] = [];
    for (let i = 0; i < 6; i++) {
      await page.evaluate((id) => window.__glossShowDocument!(id), firstId);
      await page.locator('.transcript .para').first().waitFor();
      await page.waitForTimeout(200);
      await aim(() => page.getByRole('button', { name: 'Library', exact: true }));
      const run = await clickToRowsPainted(true);
      const ipc = await page.evaluate(() => {
        const [requested] = performance.getEntriesByName('gloss:library-requested').slice(-1);
        const [received] = performance.getEntriesByName('gloss:library-received').slice(-1);
        return received.startTime - requested.startTime;
      });
      out.push({ ...run, ipc });
    }
    return out;
  });
  const opened = openings.map((r) => ({ wall: r.wall, cpu: openTrace.cpu(openTrace.mark(r.from), openTrace.mark(r.to)) }));
  // The first opening compiles the table's code: counted apart.
  record(`${label}: opening the library view the first time, click to the listed rows painted, wall clock`, opened[0].wall, 'ms');
  recordActions(`${label}: opening the library view, click to the listed rows painted`, opened.slice(1));
  record(`${label}: of which the library:list request and answer through the test bridge, wall clock (median)`, summarise(openings.slice(1).map((r) => r.ipc)).median, 'ms');

  // Each column, each way: click to the new order painted.
  const columns = ['title', 'format', 'speakers', 'words', 'highlights', 'added', 'opened'] as const;
  const { result: sorts, trace: sortTrace } = await traced(browser, page, 'library-sorting', async () => {
    const out: { wall: number; from: string; to: string }[] = [];
    for (let round = 0; round < 2; round++) {
      for (const column of columns) {
        for (let twice = 0; twice < 2; twice++) {
          await aim(() => page.locator(`th.library__col-${column} .library__sort`));
          const run = await clickToRowsPainted();
          if (round > 0) out.push(run);
        }
      }
    }
    return out;
  });
  recordActions(
    `${label}: sorting by a column, click to the new order painted (every column both ways)`,
    sorts.map((r) => ({ wall: r.wall, cpu: sortTrace.cpu(sortTrace.mark(r.from), sortTrace.mark(r.to)) })),
  );

  // A title fragment set in the filter field at once, then cleared: to the rows painted.
  const { result: filters, trace: filterTrace } = await traced(browser, page, 'library-filtering', async () => {
    const out: { wall: number; from: string; to: string }[] = [];
    for (const fragment of ['session 12', 'river', 'hospital night', 'zzz', '']) {
      for (let i = 0; i < 3; i++) {
        const n = actions++;
        const wall = await page.evaluate(
          async ({ value, i, n }) => {
            const input = document.querySelector<HTMLInputElement>('.library__filter-input')!;
            const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            setValue.call(input, i % 2 ? value : `${value} `);
            const began = performance.mark(`bench:action:${n}`).startTime;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const painted = await window.__bench.afterPaint();
            performance.mark(`bench:shown:${n}`);
            return painted - began;
          },
          { value: fragment, i, n },
        );
        if (i > 0) out.push({ wall, from: `bench:action:${n}`, to: `bench:shown:${n}` });
      }
    }
    return out;
  });
  recordActions(
    `${label}: filtering by a title fragment, input to rows painted`,
    filters.map((r) => ({ wall: r.wall, cpu: filterTrace.cpu(filterTrace.mark(r.from), filterTrace.mark(r.to)) })),
  );
  const shown = await page.locator('.library__count').textContent();
  if (shown !== `${DOCUMENTS.toLocaleString('en')} documents`) throw new Error(`the filter was not cleared: ${shown}`);
});

test('library: scrolling the whole list', async () => {
  const scroll = (how: 'smooth' | 'steady') =>
    page.evaluate(async (how) => {
      const scroller = document.querySelector<HTMLElement>('.library__scroll')!;
      scroller.scrollTop = 0;
      await window.__bench.afterPaint();
      await window.__bench.afterPaint();
      const gaps: number[] = [];
      const began = performance.now();
      return new Promise<{ gaps: number[]; seconds: number; rows: number }>((resolve) => {
        let last = began;
        let still = 0;
        let top = -1;
        const done = () => resolve({ gaps: gaps.slice(1), seconds: (performance.now() - began) / 1000, rows: Number(document.querySelector('.library__table')!.getAttribute('aria-rowcount')) - 1 });
        const step = (now: number) => {
          performance.mark(`bench:frame:${gaps.length}`);
          gaps.push(now - last);
          last = now;
          // Done when the list has stood still for a few frames (rows measured as they are drawn may lengthen it: a
          // smooth scroll aimed at the old end then stops short of the new one, and is sent on).
          still = scroller.scrollTop === top ? still + 1 : 0;
          top = scroller.scrollTop;
          const atEnd = top + scroller.clientHeight >= scroller.scrollHeight - 1;
          if (still >= 3 && atEnd) return done();
          if (how === 'steady') {
            // A quick reader's pace: 150 px a frame, 9,000 px a second.
            scroller.scrollTop += 150;
          } else if (still >= 3) {
            scroller.scrollTo({ top: scroller.scrollHeight, behavior: 'smooth' });
          }
          if (now - began > 60_000) return done();
          requestAnimationFrame(step);
        };
        if (how === 'smooth') scroller.scrollTo({ top: scroller.scrollHeight, behavior: 'smooth' });
        requestAnimationFrame(step);
      });
    }, how);

  for (const how of ['smooth', 'steady'] as const) {
    // Once to warm up, then measured.
    await scroll(how);
    await page.evaluate(() => performance.clearMarks());
    const { result, trace } = await traced(browser, page, `library-scrolling-${how}`, () => scroll(how));
    const { gaps, seconds, rows } = result;
    // The main thread's CPU in each frame, from one frame's start to the next: what an idle machine would spend.
    const work = gaps.slice(1).map((_, k) => trace.cpu(trace.mark(`bench:frame:${k + 1}`), trace.mark(`bench:frame:${k + 2}`)));
    const what = how === 'smooth' ? `${label}: a smooth scroll (scrollTo) from the first row to the last` : `${label}: scrolling from the first row to the last at 150 px a frame`;
    if (rows !== DOCUMENTS) throw new Error(`${rows} rows listed`);
    record(`${what}: frames per second`, gaps.length / seconds, 'fps');
    record(`${what}: frame time (median)`, summarise(gaps).median, 'ms');
    record(`${what}: frame time (p95)`, summarise(gaps).p95, 'ms');
    record(`${what}: longest frame`, Math.max(...gaps), 'ms');
    record(`${what}: main-thread CPU per frame (median)`, summarise(work).median, 'ms');
    record(`${what}: main-thread CPU per frame (p95)`, summarise(work).p95, 'ms', { target: { max: 16.7 } });
    record(`${what}: main-thread CPU per frame (max)`, Math.max(...work), 'ms');
  }
});
