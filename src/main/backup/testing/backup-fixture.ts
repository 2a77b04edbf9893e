/**
 * What the backup tests start from and how they compare libraries: a library
 * with a bit of everything (the sample interview and a timed WebVTT
 * transcript; highlights with rich notes, codes and an orphan; notebooks;
 * named colours and described codes; changed settings) on a clock the test
 * moves, and the contents of a library read back through the store, field by
 * field, to compare two libraries.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSelectors } from '../../../core/anchoring/selectors';
import { parseTranscript } from '../../../core/transcript/parse-transcript';
import { plainTextOf } from '../../../core/transcript/plain-text';
import type { TranscriptReader } from '../../import/off-thread-reader';
import { parseTranscriptBytes, readTranscriptFile } from '../../import/read-transcript-file';
import { Layout, SOURCE_FILE } from '../../store/layout';
import { LibraryStore } from '../../store/library-store';
import { SAMPLE, testId } from '../../store/testing/sample-library';

export const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Ana>We moved the archive to the basement in 2019.

00:00:04.500 --> 00:00:09.000
<v Ben>And the damp got into the boxes — “all of them”, she said.
`;

/** A clock the test moves: each reading is one second after the last, from `start`. */
export function testClock(start = '2026-03-01T10:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date((t += 1000)),
    /** Jumps the clock forward. */
    advance: (ms: number) => void (t += ms),
  };
}

const reader: TranscriptReader = { readFile: readTranscriptFile, parseBytes: async (name, bytes) => parseTranscriptBytes(name, bytes) };

export function openStore(dir: string, clock = testClock()) {
  return LibraryStore.open(dir, { now: clock.now, reader, onNotice: () => undefined });
}

/** A rich-text note state with one paragraph of `text` and one bold word, as the note editor saves it. */
export function noteState(text: string, bold: string): string {
  const t = (s: string, format = 0) => ({ type: 'text', text: s, format, detail: 0, mode: 'normal', style: '', version: 1 });
  const el = (type: string, children: unknown[]) => ({ type, children, direction: 'ltr', format: '', indent: 0, version: 1 });
  return JSON.stringify({ root: el('root', [el('paragraph', [t(`${text} `), t(bold, 1)])]) });
}

/** Selectors of the first `quote` in `text`. */
export function at(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return createSelectors(text, start, start + quote.length);
}

/** A library with a bit of everything in `dir`; returns the store and its documents' ids and texts. */
export async function richLibrary(dir: string, clock = testClock()) {
  const store = await openStore(dir, clock);
  await store.addSampleOnce(SAMPLE);
  const [sample] = await store.list();
  const timed = await store.importTranscript({ text: VTT, transcript: parseTranscript(VTT, 'webvtt', 'Basement'), format: 'webvtt', source: 'basement.vtt' });
  const sampleText = plainTextOf((await store.forExport(sample.id)).transcript);
  const timedText = plainTextOf((await store.forExport(timed.document.id)).transcript);
  const words = sampleText.split(/\s+/).filter((w) => /^[A-Za-z]{6,}$/.test(w));
  await store.createAnnotation({ documentId: sample.id, id: testId(1), selectors: at(sampleText, words[0]), color: 'yellow' });
  await store.createAnnotation({ documentId: sample.id, id: testId(2), selectors: at(sampleText, words[3]), color: 'red', note: '', noteState: noteState('Worth a look:', 'risk'), codes: ['theme/risk', 'method'] });
  await store.createAnnotation({ documentId: sample.id, id: testId(3), selectors: at(sampleText, words[8]), color: 'green', note: 'A *plain* Markdown note with [[a link]].', codes: ['method'] });
  // An orphan: a highlight whose text a corrected version no longer has (placed nowhere, kept with its note).
  await store.restoreAnnotation({
    id: testId(4),
    documentId: sample.id,
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'words gone', prefix: 'the ', suffix: ' now' }, position: { type: 'TextPositionSelector', start: 5, end: 15 } },
    color: 'blue',
    note: 'Still mine.',
    noteState: null,
    codes: [],
    orphaned: true,
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:30:00.000Z',
  });
  await store.createAnnotation({ documentId: timed.document.id, id: testId(5), selectors: at(timedText, 'the damp'), color: 'purple', note: 'Timed.', codes: ['place/basement'] });
  await store.saveNotebook(null, noteState('Library notes:', 'archive'), 'Library notes: **archive**');
  await store.saveNotebook(sample.id, noteState('Sample notes:', 'gremlin'), 'Sample notes: **gremlin**');
  await store.nameColor('yellow', 'Key claim');
  await store.describeCode('theme/risk', { color: 'red', description: 'Risks people name.' });
  await store.describeCode('unused/code', { description: 'Described, never used.' });
  await store.changeSettings((s) => ({ ...s, backups: { keep: 4, everyMinutes: 30 } }));
  return { store, sampleId: sample.id, timedId: timed.document.id, sampleText, timedText };
}

/** Everything a library holds, read through the store (and source.txt from each folder), in a fixed order. */
export async function libraryContents(store: LibraryStore) {
  const layout = new Layout(store.dataDir);
  const documents = [];
  for (const { id } of (await store.list()).sort((a, b) => a.id.localeCompare(b.id))) {
    const { document, transcript, annotations } = await store.forExport(id);
    const { state, markdown, updatedAt } = await store.openNotebook(id);
    documents.push({
      entry: document,
      transcript,
      source: await readFile(join(layout.documentDir(id), SOURCE_FILE), 'utf8'),
      highlights: [...annotations].sort((a, b) => a.id.localeCompare(b.id)),
      notebook: { state, markdown, updatedAt },
    });
  }
  const { state, markdown, updatedAt } = await store.openNotebook(null);
  return { documents, notebook: { state, markdown, updatedAt }, codebook: store.codebookData(), settings: store.settingsData };
}
