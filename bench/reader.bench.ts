/**
 * The reader in real Chromium, with the real main-process handlers and real
 * files (the end-to-end harness): opening a book-length transcript with
 * thousands of highlights (against the same document as static HTML),
 * highlighting, typing a note, scrolling, and memory.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, type Browser, type Page } from '@playwright/test';
import { openInBrowser } from '../e2e/support/browser-bridge';
import { CHROMIUM_ARGS, RENDERER_DIR, chromiumExecutable } from '../e2e/support/paths';
import { asciiJson } from '../src/main/store/data-file';
import { LibraryStore } from '../src/main/store/library-store';
import { CURRENT_SCHEMA } from '../src/main/store/file-schemas';
import { packDocument } from '../src/core/wire/packed-document';
import { annotations, transcript, transcriptText } from './generate';
import { installProbes, latency, recordLatency, showLongDocument } from './page-timing';
import { record, summarise } from './results';
import { staticHtml } from './static-html';
import { traced } from './trace';

const WORDS = Number(process.env.GLOSS_BENCH_WORDS ?? 250_000);
const HIGHLIGHTS = Number(process.env.GLOSS_BENCH_HIGHLIGHTS ?? 5_000);
const TITLE = 'A long hearing, generated for benchmarks';
const label = `${Math.round(WORDS / 1000)}k words, ${HIGHLIGHTS.toLocaleString('en')} highlights`;

test.describe.configure({ mode: 'serial' });

let browser: Browser;
let page: Page;
let dataDir: string;
let documentId: string;
let sampleId: string;
let html: string;
let chunkedHtml: string;
/** Milliseconds main takes to read and pack the document, one per cold open. */
const mainOpen: number[] = [];

test.beforeAll(async () => {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('No built renderer in out/renderer: run `npm run build` first (npm run bench does).');
  dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
  const store = await LibraryStore.open(dataDir);
  const text = transcriptText(WORDS);
  const t = transcript(WORDS);
  const { document } = await store.importTranscript({ text, transcript: t, format: 'text', source: 'generated.txt' });
  documentId = document.id;
  const highlights = annotations(t, documentId, HIGHLIGHTS);
  // Written as the app writes it (ASCII JSON).
  writeFileSync(join(dataDir, 'documents', documentId, 'annotations.json'), asciiJson({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 0, annotations: highlights }));
  // Main's part of opening, from a cold start (a fresh store reads the files): read, parse, pack for IPC.
  for (let i = 0; i < 5; i++) {
    const fresh = await LibraryStore.open(dataDir);
    const began = performance.now();
    packDocument(await fresh.open(documentId));
    mainOpen.push(performance.now() - began);
  }
  html = staticHtml(t, highlights);
  chunkedHtml = staticHtml(t, highlights, 48);

  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  const session = await openInBrowser(browser, dataDir, { chooseExportPath: async () => null, chooseFilesToOpen: async () => [] });
  page = session.page;
  await page.locator('.transcript .para, .library').first().waitFor();
  sampleId = await page.evaluate(async () => {
    const listed = await window.gloss.invoke('library:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value.find((d) => d.source === 'Sample transcript')!.id;
  });
  await page.evaluate(installProbes);
});

test.afterAll(async () => {
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('open', async () => {
  const runs: { ipc: number; first: number; whole: number; clone: number }[] = [];
  for (let i = 0; i < 6; i++) {
    // Open the small sample first, so that each run opens the long document afresh.
    await page.evaluate((id) => window.__glossShowDocument!(id), sampleId);
    await page.locator('.toolbar__title').filter({ hasNotText: TITLE }).waitFor();
    await page.waitForTimeout(300);
    const run = await page.evaluate(
      async ({ id, title }) => {
        performance.clearMarks();
        window.__glossShowDocument!(id);
        await window.__bench.until(
          () => document.querySelector('.transcript .para--title')?.textContent === title && performance.getEntriesByName('gloss:transcript-complete').length > 0,
        );
        const at = (name: string) => performance.getEntriesByName(name)[0].startTime;
        // What Electron's IPC does with the same document (structured clone), for comparison with this harness's transport.
        const opened = await window.gloss.invoke('documents:open', { documentId: id });
        const began = performance.now();
        structuredClone(opened);
        const clone = performance.now() - began;
        return {
          ipc: at('gloss:open-received') - at('gloss:open-requested'),
          first: at('gloss:first-screen') - at('gloss:open-received'),
          whole: at('gloss:transcript-complete') - at('gloss:open-received'),
          clone,
        };
      },
      { id: documentId, title: TITLE },
    );
    if (i > 0) runs.push(run);
  }
  const median = (pick: (r: (typeof runs)[number]) => number) => summarise(runs.map(pick)).median;
  const renderStatic = async (markup: string) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      times.push(
        await page.evaluate(async (content) => {
          const host = document.createElement('div');
          host.className = 'transcript';
          host.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:10';
          const began = performance.now();
          host.innerHTML = content;
          document.body.append(host);
          const shown = await window.__bench.afterPaint();
          host.remove();
          return shown - began;
        }, markup),
      );
    }
    return summarise(times).median;
  };
  const baseline = [await renderStatic(html)];
  const chunkedBaseline = await renderStatic(chunkedHtml);
  const base = summarise(baseline).median;
  const clone = median((r) => r.clone);
  record(`open ${label}: IPC in the test harness (Playwright binding, median)`, median((r) => r.ipc), 'ms');
  record(`open ${label}: structured clone of the document, as Electron IPC does (median)`, clone, 'ms');
  record(`open ${label}: static HTML baseline, paragraphs and marks (median)`, base, 'ms');
  record(`open ${label}: static HTML in the app's chunks, skipped off screen as the app does (median)`, chunkedBaseline, 'ms');
  record(`open ${label}: first screen with highlights, after IPC (median)`, median((r) => r.first), 'ms');
  // From asking: main reads and packs the document, IPC clones it, the renderer shows it.
  const asked = summarise(mainOpen).median + clone;
  record(`open ${label}: main reads and packs the document, cold (median)`, summarise(mainOpen).median, 'ms');
  record(`open ${label}: first screen with highlights, from asking (main + IPC as structured clone + renderer, median)`, asked + median((r) => r.first), 'ms', { target: { max: 150 } });
  record(`open ${label}: whole document highlightable, from asking (median)`, asked + median((r) => r.whole), 'ms', { target: { max: 600 } });
  record(`open ${label}: whole document vs static HTML`, asked + median((r) => r.whole), 'ms', { baseline: base, target: { max: 2, of: 'ratio' } });
  record(`open ${label}: whole document vs static HTML in the app's chunks`, asked + median((r) => r.whole), 'ms', { baseline: chunkedBaseline });
});

/** The long document open and wholly built (each test can run on its own). */
async function openLongDocument(): Promise<void> {
  await showLongDocument(page, documentId, TITLE);
}

test('highlight', async () => {
  await openLongDocument();
  // The first few clicks after opening pay for compiling the code they run (once a session): not counted.
  const warmUp = 3;
  const clicks = warmUp + 60;
  const { result: durable, trace } = await traced(browser, page, 'highlight', async () => {
    const durable: number[] = [];
    for (let i = 0; i < clicks; i++) {
      durable.push(
        await page.evaluate(async (n) => {
          const paragraphs = document.querySelectorAll<HTMLElement>('.transcript p.para');
          const p = paragraphs[10 + n * 7];
          p.scrollIntoView({ block: 'center' });
          // A reader selects before they click: the app is idle when the click comes.
          for (let idle = 0; idle < 3; idle++) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
          await window.__bench.afterPaint();
          // A few words of the paragraph's first text node, selected as a mouse would.
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          const node = walker.nextNode() as Text;
          const range = document.createRange();
          range.setStart(node, 0);
          range.setEnd(node, Math.min(node.data.length, 24));
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          const before = new Set([...p.querySelectorAll<HTMLElement>('mark[data-ids]')].flatMap((m) => m.dataset.ids!.split(' ')));
          let acknowledged = 0;
          const invoke = window.__glossInvoke!;
          window.__glossInvoke = (channel, request) => {
            const answer = invoke(channel, request);
            if (channel === 'annotations:create') void answer.then(() => (acknowledged = performance.now()));
            return answer;
          };
          performance.mark(`bench:highlight:${n}`);
          const began = performance.now();
          document.querySelector<HTMLButtonElement>('button[aria-label="Highlight green"]')!.click();
          const marked = () => [...p.querySelectorAll<HTMLElement>('mark[data-ids]')].some((m) => m.dataset.ids!.split(' ').some((id) => !before.has(id)));
          // The colour shows first as a CSS custom highlight over the passage, then as the editor's mark.
          const previewed = () => [...CSS.highlights.values()].some((h) => [...h].some((r) => p.contains(r.startContainer)));
          const shown = window.__bench.markFrame(() => marked() || previewed(), `bench:highlight-shown:${n}`);
          const built = window.__bench.markFrame(marked, `bench:highlight-built:${n}`);
          await window.__bench.until(() => acknowledged > 0);
          await Promise.all([shown, built]);
          window.__glossInvoke = invoke;
          return acknowledged - began;
        }, i),
      );
    }
    return durable;
  });
  const frameOf = (mark: string) => {
    const frame = trace.taskAt(trace.mark(mark));
    if (!frame) throw new Error(`no frame around ${mark} in the trace`);
    return frame;
  };
  const at = `at ${HIGHLIGHTS.toLocaleString('en')} highlights`;
  const clicked = [...Array(clicks).keys()].slice(warmUp);
  recordLatency(`highlight ${at}: applied to painted`, clicked.map((i) => latency(trace, trace.mark(`bench:highlight:${i}`), frameOf(`bench:highlight-shown:${i}`))));
  const built = clicked.map((i) => frameOf(`bench:highlight-built:${i}`).end - trace.mark(`bench:highlight:${i}`));
  record(`highlight ${at}: applied to its mark built in the editor, wall clock (median)`, summarise(built).median, 'ms');
  record(`highlight ${at}: applied to its mark built in the editor, wall clock (p95)`, summarise(built).p95, 'ms');
  record(`highlight ${at}: applied to durable write acknowledged (median)`, summarise(durable.slice(warmUp)).median, 'ms');
  record(`highlight ${at}: applied to durable write acknowledged (p95)`, summarise(durable.slice(warmUp)).p95, 'ms', { target: { max: 50 } });
});

test('undo of a delete', async () => {
  await openLongDocument();
  const warmUp = 3;
  const rounds = warmUp + 30;
  const { trace } = await traced(browser, page, 'undo', async () => {
    for (let i = 0; i < rounds; i++) {
      await page.evaluate(async (n) => {
        const marks = document.querySelectorAll<HTMLElement>('.transcript mark[data-ids]');
        const mark = [...marks].filter((m) => !m.dataset.ids!.includes(' '))[40 + n * 11];
        const id = mark.dataset.ids!;
        mark.scrollIntoView({ block: 'center' });
        for (let idle = 0; idle < 3; idle++) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
        await window.__bench.afterPaint();
        window.getSelection()?.removeAllRanges();
        const invoke = window.__glossInvoke!;
        const answered = new Set<string>();
        window.__glossInvoke = (channel, request) => {
          const answer = invoke(channel, request);
          void answer.then(() => answered.add(channel));
          return answer;
        };
        const shows = () => [...document.querySelectorAll<HTMLElement>('.transcript mark[data-ids]')].some((m) => m.dataset.ids!.split(' ').includes(id));
        // Selected with a click, deleted with the Delete key, as a reader does; saved before the reader thinks better of it.
        mark.click();
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', code: 'Delete', bubbles: true, cancelable: true }));
        await window.__bench.until(() => answered.has('annotations:delete') && !shows());
        await window.__bench.afterPaint();
        performance.mark(`bench:undo:${n}`);
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true, cancelable: true }));
        const shown = window.__bench.markFrame(shows, `bench:undo-shown:${n}`);
        await window.__bench.until(() => answered.has('annotations:restore'));
        await shown;
        window.__glossInvoke = invoke;
      }, i);
    }
  });
  const frameOf = (mark: string) => {
    const frame = trace.taskAt(trace.mark(mark));
    if (!frame) throw new Error(`no frame around ${mark} in the trace`);
    return frame;
  };
  const undone = [...Array(rounds).keys()].slice(warmUp);
  recordLatency(
    `undo of a delete at ${HIGHLIGHTS.toLocaleString('en')} highlights: key to the highlight painted again`,
    undone.map((i) => latency(trace, trace.mark(`bench:undo:${i}`), frameOf(`bench:undo-shown:${i}`))),
  );
});

test('typing in a note', async () => {
  await openLongDocument();
  await page.locator('.highlight-item').first().locator('button').first().click();
  const note = page.getByRole('textbox', { name: 'Note', exact: true });
  await note.click();
  await note.press('End');
  const { result: delays, trace } = await traced(browser, page, 'typing', async () => {
    await page.evaluate((selector) => {
      const area = document.querySelector<HTMLElement>(selector)!;
      // How long each key waited before the page saw it (another task running): part of its latency.
      const delays: number[] = [];
      area.addEventListener('keydown', (e) => {
        performance.mark(`bench:key:${delays.length}`);
        delays.push(performance.now() - e.timeStamp);
      });
      area.addEventListener('input', () => performance.mark(`bench:typed:${delays.length - 1}`));
      Object.assign(window, { __keyDelays: delays });
    }, '.note-editor__text');
    // Long enough to cross the note's save delay several times, so saves land while typing.
    await page.keyboard.type(' Compare this answer with what the witness said in the morning session, and check the record.', { delay: 45 });
    await page.waitForTimeout(600);
    return page.evaluate(() => (window as unknown as { __keyDelays: number[] }).__keyDelays);
  });
  // As with highlighting, the first keys pay for compiling the code they run: not counted.
  const warmUp = 5;
  const runs = delays.slice(warmUp).map((delay, at) => {
    const i = at + warmUp;
    const typed = trace.taskAt(trace.mark(`bench:typed:${i}`));
    const frame = typed && trace.frameAfter(typed.end);
    if (!frame) throw new Error(`key ${i}: no frame after it in the trace`);
    return latency(trace, trace.mark(`bench:key:${i}`) - delay, frame);
  });
  recordLatency(`typing in a note, ${HIGHLIGHTS.toLocaleString('en')} highlights: keystroke to paint`, runs);
});

test('scrolling the whole transcript', async () => {
  await openLongDocument();
  const frames = await page.evaluate(async () => {
    const reader = document.querySelector<HTMLElement>('.reader')!;
    reader.scrollTop = 0;
    await window.__bench.afterPaint();
    const gaps: number[] = [];
    return new Promise<number[]>((resolve) => {
      let last = performance.now();
      const step = (now: number) => {
        gaps.push(now - last);
        last = now;
        const before = reader.scrollTop;
        reader.scrollTop += reader.clientHeight;
        if (reader.scrollTop === before) resolve(gaps.slice(1));
        else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  });
  const { median, p95 } = summarise(frames);
  record(`scrolling ${label}, a screen per frame: frames`, frames.length, 'frames');
  record(`scrolling ${label}, a screen per frame: frame time (median)`, median, 'ms');
  record(`scrolling ${label}, a screen per frame: frame time (p95)`, p95, 'ms');
  record(`scrolling ${label}, a screen per frame: frames over 16.7 ms`, (frames.filter((f) => f > 16.7).length / frames.length) * 100, '%');
});

test('memory after opening', async () => {
  await openLongDocument();
  const client = await page.context().newCDPSession(page);
  await client.send('HeapProfiler.collectGarbage');
  await client.send('Performance.enable');
  const { metrics } = await client.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
  record(`renderer JavaScript heap, ${label} open`, heap / 2 ** 20, 'MiB', { target: { max: 150 } });
  const browserSession = await browser.newBrowserCDPSession();
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const rss = processInfo
    .filter((p) => p.type === 'renderer')
    .map((p) => {
      const status = existsSync(`/proc/${p.id}/status`) ? readFileSync(`/proc/${p.id}/status`, 'utf8') : '';
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    });
  if (rss.some((r) => r > 0)) record(`renderer process resident memory, ${label} open`, Math.max(...rss) / 2 ** 20, 'MiB');
  else console.log('renderer process memory: not measured (no /proc on this system)');
});
