/**
 * Export, exchange and import (issue 12): a library of 50 documents of
 * 100,000 words, 5,000 highlights each (a fifth with notes, a third with
 * codes, a notebook each), exported whole to Markdown (one file per document
 * and the index, into a folder) and to a REFI-QDA project (.qdpx), by the
 * service the app and `gloss export` use; and 5,000 W3C annotations imported
 * into a 250,000-word document of a fresh library (placed by re-anchoring,
 * merged by id), then the same file again (nothing new).
 */
import { test } from '@playwright/test';
import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runExport } from '../src/main/exchange/export-service';
import { importExchangeFile } from '../src/main/exchange/import-service';
import { asciiJson } from '../src/main/store/data-file';
import { CURRENT_SCHEMA } from '../src/main/store/file-schemas';
import { LibraryStore } from '../src/main/store/library-store';
import { annotations, random, transcript, transcriptText } from './generate';
import { measure, scratchDir } from './measure';
import { record, summarise } from './results';

const DOCUMENTS = 50;
const WORDS = 100_000;
const HIGHLIGHTS = 5_000;
const CODES = ['theme/risk', 'theme/growth', 'theme/trust', 'method/interview', 'method/archive', 'follow-up'];

/** Adds a document with `count` highlights (written as its highlights file, as the search bench does) and a notebook. */
async function addDocument(store: LibraryStore, dataDir: string, words: number, count: number, seed: number): Promise<string> {
  const text = transcriptText(words, seed);
  const t = transcript(words, seed);
  const { document } = await store.importTranscript({ text, transcript: t, format: 'text', source: `hearing-${seed}.txt` });
  if (count > 0) {
    const next = random(seed * 11);
    const list = annotations(t, document.id, count, seed).map((a) => ({ ...a, codes: next() < 0.33 ? [CODES[Math.floor(next() * CODES.length)]] : [] }));
    await writeFile(join(dataDir, 'documents', document.id, 'annotations.json'), asciiJson({ schemaVersion: CURRENT_SCHEMA, documentId: document.id, seq: 0, annotations: list }));
    await store.saveNotebook(document.id, '{}', `## Notes on hearing ${seed}\n\n- compare the answers\n- check the record`);
  }
  return document.id;
}

test('exchange: the whole library to Markdown and to REFI-QDA', async () => {
  const dir = await scratchDir('exchange');
  const dataDir = join(dir, 'library');
  try {
    let store = await LibraryStore.open(dataDir);
    for (let seed = 1; seed <= DOCUMENTS; seed++) await addDocument(store, dataDir, WORDS, HIGHLIGHTS, seed);
    await store.close();
    // A fresh store, as `gloss export` has: nothing read yet.
    store = await LibraryStore.open(dataDir);
    const now = new Date(Date.UTC(2026, 10, 29));
    const md = await measure(3, (i) => runExport(store, { format: 'md', documentIds: [], all: true }, join(dir, `markdown-${i}`), now));
    record(`export: library (${DOCUMENTS} documents × ${HIGHLIGHTS.toLocaleString('en')} highlights) to Markdown (median of 3)`, summarise(md.times).median, 'ms', { target: { max: 3000 } });
    const qdpx = await measure(3, (i) => runExport(store, { format: 'qdpx', documentIds: [], all: true }, join(dir, `library-${i}.qdpx`), now));
    record(`export: library (${DOCUMENTS} documents × ${HIGHLIGHTS.toLocaleString('en')} highlights) to REFI-QDA .qdpx (median of 3)`, summarise(qdpx.times).median, 'ms', { target: { max: 5000 } });
    record('export: the library .qdpx, size', (await stat(join(dir, 'library-0.qdpx'))).size / 2 ** 20, 'MB');
    const w3c = await measure(3, (i) => runExport(store, { format: 'w3c', documentIds: [], all: true }, join(dir, `library-${i}.jsonld`), now));
    record(`export: library (${DOCUMENTS} documents × ${HIGHLIGHTS.toLocaleString('en')} highlights) to W3C Web Annotations (median of 3)`, summarise(w3c.times).median, 'ms');
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('exchange: 5,000 W3C annotations imported into a 250,000-word document', async () => {
  const dir = await scratchDir('w3c-import');
  try {
    const source = await LibraryStore.open(join(dir, 'source'));
    const id = await addDocument(source, join(dir, 'source'), 250_000, HIGHLIGHTS, 7);
    const file = join(dir, 'annotations.jsonld');
    await runExport(source, { format: 'w3c', documentIds: [id] }, file, new Date(Date.UTC(2026, 10, 29)));
    await source.close();
    const times: number[] = [];
    const again: number[] = [];
    for (let round = 0; round < 3; round++) {
      // A fresh library each round, holding the same transcript (another id) without highlights.
      const dataDir = join(dir, `target-${round}`);
      const target = await LibraryStore.open(dataDir);
      await addDocument(target, dataDir, 250_000, 0, 7);
      let start = performance.now();
      const report = await importExchangeFile(target, file);
      times.push(performance.now() - start);
      if (report.highlightsAdded + report.orphaned < HIGHLIGHTS) throw new Error(`Only ${report.highlightsAdded} of ${HIGHLIGHTS} annotations were imported.`);
      start = performance.now();
      await importExchangeFile(target, file);
      again.push(performance.now() - start);
      await target.close();
    }
    record('import: 5,000 W3C annotations into a 250,000-word document (median of 3)', summarise(times).median, 'ms', { target: { max: 2000 } });
    record('import: the same 5,000 W3C annotations again, nothing new (median of 3)', summarise(again).median, 'ms');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
