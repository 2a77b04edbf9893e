/**
 * Figure 7: the store. Time and bytes written for one changed highlight (a
 * note or colour changed, and a new highlight) through the real LibraryStore
 * on real files, as the document's highlights grow (1,000, 5,000, 20,000) and
 * as the library grows (1, 10, 50 documents, the measured one holding 5,000).
 * Then a code rename across the library: 5,000 highlights in 50 documents,
 * every document rewritten and flushed, as the code manager makes it.
 */
import { test } from '@playwright/test';
import { appendFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSelectors } from '../src/core/anchoring/selectors';
import { plainTextOf } from '../src/core/transcript/plain-text';
import { asciiJson } from '../src/main/store/data-file';
import { type FileSystem, nodeFileSystem } from '../src/main/store/file-system';
import { LibraryStore } from '../src/main/store/library-store';
import { HIGHLIGHT_COLORS, type Annotation } from '../src/shared/model';
import { CURRENT_SCHEMA } from '../src/main/store/file-schemas';
import { annotations, random, transcript, transcriptText, uuid } from './generate';
import { bytesUnavailable, measure, type Run, scratchDir } from './measure';
import { record, summarise } from './results';

const REPETITIONS = 200;
/** The store's own target for one change, kept now that every change is flushed to disk (fsync) before it is acknowledged. */
const STORE_TARGET = { max: 20 };
/** The target for a highlight acknowledged as durable, end to end. */
const DURABLE_TARGET = { max: 50 };
/** Long enough for the change log of a 5,000-highlight document to be folded into its snapshot at least once. */
const SUSTAINED = 3_000;
const count = (n: number) => n.toLocaleString('en-US');
/** A code rename touching 5,000 highlights in 50 documents, durable (issue 10). */
const RENAME_TARGET = { max: 1000 };

/** Puts `list` on disk as the document's highlights (a snapshot with no change log after it, and no counts yet). */
async function writeHighlights(dataDir: string, documentId: string, list: Annotation[]): Promise<void> {
  const dir = join(dataDir, 'documents', documentId);
  await writeFile(join(dir, 'annotations.json'), asciiJson({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 0, annotations: list }));
  await rm(join(dir, 'annotations.log'), { force: true });
  await rm(join(dir, 'counts.json'), { force: true });
}

/** The measured document: a 250,000-word hearing, and 20,000 highlights on it to take from. */
function hearing() {
  const text = transcriptText(250_000, 1);
  const t = transcript(250_000, 1);
  const all = annotations(t, 'measured', 20_000);
  return {
    text,
    transcript: t,
    plainText: plainTextOf(t),
    /** The first `n` highlights, as highlights of the document with id `documentId`. */
    highlights: (documentId: string, n: number) => all.slice(0, n).map((a) => ({ ...a, documentId })),
  };
}
type Hearing = ReturnType<typeof hearing>;

/** A library of the measured document with `highlights` highlights and `others` documents of 20,000 words and 1,000 highlights. */
async function library(dataDir: string, measured: Hearing, highlights: number, others: number): Promise<string> {
  const store = await LibraryStore.open(dataDir);
  const source = { text: measured.text, transcript: measured.transcript, format: 'text' as const, source: 'hearing.txt' };
  const { document } = await store.importTranscript(source);
  await writeHighlights(dataDir, document.id, measured.highlights(document.id, highlights));
  for (let seed = 100; seed < 100 + others; seed++) {
    const t = transcript(20_000, seed);
    const other = await store.importTranscript({ text: transcriptText(20_000, seed), transcript: t, format: 'text', source: `${seed}.txt` });
    await writeHighlights(dataDir, other.document.id, annotations(t, other.document.id, 1_000, seed));
  }
  return document.id;
}

/** The library opened afresh, as the app does on start, with the measured document open. */
async function session(dataDir: string, documentId: string, text: string, fs?: FileSystem) {
  const store = await LibraryStore.open(dataDir, { fs });
  await store.list();
  const ids = (await store.open(documentId)).annotations.map((a) => a.id);
  const next = random(7);
  return {
    /** Changes the note or the colour of a highlight picked at random. */
    change(i: number) {
      const id = ids[Math.floor(next() * ids.length)];
      return i % 2 === 0
        ? store.updateAnnotation({ documentId, id, note: `changed note ${i}` })
        : store.updateAnnotation({ documentId, id, color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length] });
    },
    /** Highlights a stretch of text picked at random. */
    create() {
      const start = Math.floor(next() * (text.length - 200));
      const selectors = createSelectors(text, start, start + 20 + Math.floor(next() * 100));
      return store.createAnnotation({ documentId, id: uuid(next), color: 'yellow', selectors });
    },
    /** Bytes of the document's highlight data (compact JSON): what one change may rewrite at most. */
    async ownData() {
      const list = (await store.forExport(documentId)).annotations;
      return Buffer.byteLength(asciiJson({ schemaVersion: CURRENT_SCHEMA, documentId, seq: 0, annotations: list }));
    },
  };
}
type Session = Awaited<ReturnType<typeof session>>;

/**
 * The store's file operations without flushing anything to disk (no fsync of files or folders): only to measure
 * what durability costs. Gloss itself always flushes.
 */
const unflushed: FileSystem = {
  ...nodeFileSystem,
  replaceFile: async (path, data) => {
    await writeFile(`${path}.unflushed`, data);
    await rename(`${path}.unflushed`, path);
  },
  append: (path, data) => appendFile(path, data),
  rename: (from, to) => rename(from, to),
};

const medianBytes = (run: Run) => (run.bytes.length > 0 ? summarise(run.bytes).median : null);

/**
 * Runs `operation` on each session in turn, `times` rounds: the libraries are
 * compared under the same load on a shared machine, not one after another.
 */
async function interleaved(sessions: Session[], times: number, operation: (s: Session, i: number) => unknown): Promise<Run[]> {
  const runs: Run[] = sessions.map(() => ({ times: [], bytes: [] }));
  for (let i = 0; i < times; i++) {
    for (const [k, s] of sessions.entries()) {
      const one = await measure(1, () => operation(s, i));
      runs[k].times.push(...one.times);
      runs[k].bytes.push(...one.bytes);
    }
  }
  return runs;
}

test('store: one changed highlight, as the document and the library grow', async () => {
  test.setTimeout(180_000);
  if (bytesUnavailable) console.log(`store bench: ${bytesUnavailable}.`);
  const root = await scratchDir('store');
  try {
    const measured = hearing();
    const single = join(root, 'one-document');
    const documentId = await library(single, measured, 0, 0);
    for (const highlights of [1_000, 5_000, 20_000]) {
      await writeHighlights(single, documentId, measured.highlights(documentId, highlights));
      const s = await session(single, documentId, measured.plainText);
      for (let i = 0; i < 5; i++) await s.change(i);
      const changed = await measure(REPETITIONS, (i) => s.change(i));
      const created = await measure(REPETITIONS, () => s.create());
      const label = `${count(highlights)} highlights`;
      const target = highlights === 5_000 ? STORE_TARGET : undefined;
      record(`store: changed highlight, ${label} (median)`, summarise(changed.times).median, 'ms');
      record(`store: changed highlight, ${label} (p95)`, summarise(changed.times).p95, 'ms', { target });
      record(`store: new highlight, ${label} (p95)`, summarise(created.times).p95, 'ms', { target });
      const bytes = medianBytes(changed);
      // At most the document's own highlight data: never the transcript, never the library.
      if (bytes !== null) record(`store: bytes written per changed highlight, ${label}`, bytes, 'B', { baseline: await s.ownData(), target: { max: 1, of: 'ratio' } });
      if (highlights !== 5_000) continue;
      const sustained = await measure(SUSTAINED, (i) => s.change(i));
      const over = `over ${count(SUSTAINED)} changes, ${label} (the log folded in at least once)`;
      record(`store: slowest changed highlight ${over}`, Math.max(...sustained.times), 'ms');
      if (sustained.bytes.length > 0) record(`store: mean bytes written per changed highlight ${over}`, sustained.bytes.reduce((a, b) => a + b, 0) / sustained.bytes.length, 'B');
    }

    // What flushing costs: the same changes with and without fsync, taken in turns (5,000 highlights, snapshot and log).
    const [flushedDir, unflushedDir] = [join(root, 'flushed'), join(root, 'unflushed')];
    const [flushedId, unflushedId] = [await library(flushedDir, measured, 5_000, 0), await library(unflushedDir, measured, 5_000, 0)];
    const durable = await session(flushedDir, flushedId, measured.plainText);
    const fast = await session(unflushedDir, unflushedId, measured.plainText, unflushed);
    const flushing = await interleaved([durable, fast], REPETITIONS, (s, i) => s.change(i));
    record('store: changed highlight, 5,000 highlights, flushed to disk (p95)', summarise(flushing[0].times).p95, 'ms', { target: DURABLE_TARGET });
    record('store: the same without flushing (p95), to show what durability costs', summarise(flushing[1].times).p95, 'ms');
    record('store: changed highlight, 5,000 highlights, flushed / not flushed (median)', summarise(flushing[0].times).median, 'ms', { baseline: summarise(flushing[1].times).median });

    // The library grows: the same document with 5,000 highlights, among 1, 10 and 50 documents.
    const sizes = [1, 10, 50];
    const sessions: Session[] = [];
    for (const size of sizes) {
      const dataDir = size === 1 ? single : join(root, `${size}-documents`);
      const id = size === 1 ? documentId : await library(dataDir, measured, 5_000, size - 1);
      if (size === 1) await writeHighlights(single, documentId, measured.highlights(documentId, 5_000));
      sessions.push(await session(dataDir, id, measured.plainText));
    }
    // Listing the library on a fresh start reads each document's counts, not its highlights.
    for (const size of sizes) {
      const dataDir = size === 1 ? single : join(root, `${size}-documents`);
      const listed = await measure(3, async () => (await LibraryStore.open(dataDir)).list());
      record(`store: library listed on a fresh start, ${size} ${size === 1 ? 'document' : 'documents'} (median)`, summarise(listed.times).median, 'ms');
    }
    await interleaved(sessions, 5, (s, i) => s.change(i));
    const changed = await interleaved(sessions, REPETITIONS, (s, i) => s.change(i));
    const created = await interleaved(sessions, REPETITIONS, (s) => s.create());
    for (const [k, size] of sizes.entries()) {
      if (k === 0) continue;
      const label = `5,000 highlights, library of ${size} documents`;
      record(`store: changed highlight, ${label} (median)`, summarise(changed[k].times).median, 'ms', {
        baseline: summarise(changed[0].times).median,
        target: { max: 1.5, of: 'ratio' },
      });
      record(`store: changed highlight, ${label} (p95)`, summarise(changed[k].times).p95, 'ms', { target: STORE_TARGET });
      record(`store: new highlight, ${label} (p95)`, summarise(created[k].times).p95, 'ms', { target: STORE_TARGET });
      const bytes = medianBytes(changed[k]);
      const baseline = medianBytes(changed[0]);
      if (bytes !== null && baseline !== null) record(`store: bytes written per changed highlight, ${label}`, bytes, 'B', { baseline, target: { max: 1.05, of: 'ratio' } });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('store: a code rename touching 5,000 highlights in 50 documents', async () => {
  test.setTimeout(240_000);
  const root = await scratchDir('store-codes');
  try {
    // 50 documents of 20,000 words and 1,000 highlights each; every tenth highlight carries theme/risk (or a code
    // under it), the rest other codes: 100 highlights to change in each document, 5,000 in all.
    const dataDir = join(root, 'library');
    const setup = await LibraryStore.open(dataDir);
    for (let seed = 100; seed < 150; seed++) {
      const t = transcript(20_000, seed);
      const { document } = await setup.importTranscript({ text: transcriptText(20_000, seed), transcript: t, format: 'text', source: `${seed}.txt` });
      const list = annotations(t, document.id, 1_000, seed).map((a, i) => ({
        ...a,
        codes: i % 10 === 0 ? (i % 20 === 0 ? ['theme/risk', 'method/interview'] : ['theme/risk/ai']) : [`other/${i % 7}`],
      }));
      await writeHighlights(dataDir, document.id, list);
    }
    const runs: number[] = [];
    const cpu: number[] = [];
    for (const [i, [from, to]] of [['theme', 'topic'], ['topic', 'theme'], ['theme', 'topic'], ['topic', 'theme'], ['theme', 'topic']].entries()) {
      // As the app would: the library opened and listed, then the rename asked for.
      const store = await LibraryStore.open(dataDir);
      await store.list();
      const started = performance.now();
      const used = process.cpuUsage();
      const result = await store.applyCodeOperation({ kind: 'rename', from, to });
      runs.push(performance.now() - started);
      const { user, system } = process.cpuUsage(used);
      cpu.push((user + system) / 1000);
      if (result.highlightsChanged !== 5_000 || result.documentsChanged !== 50) throw new Error(`rename ${i}: changed ${result.highlightsChanged} highlights in ${result.documentsChanged} documents`);
    }
    record('store: code rename, 5,000 highlights in 50 documents, flushed (median of 5)', summarise(runs).median, 'ms', { target: RENAME_TARGET });
    record('store: code rename, 5,000 highlights in 50 documents, flushed (slowest of 5)', Math.max(...runs), 'ms');
    // Processor time this process spent on it: what the rename costs, whatever else shares the machine.
    record('store: code rename, 5,000 highlights in 50 documents, processor time (median of 5)', summarise(cpu).median, 'ms');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
