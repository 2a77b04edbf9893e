/**
 * Figure 8: import. Reading a 50 MB plain-text transcript and a 10,000-cue
 * WebVTT file from their bytes as the app does (decode, detect the format,
 * parse), and the whole import of the 50 MB file into a real library (read,
 * parse, hash, write transcript.json, source.txt and the index).
 */
import { test } from '@playwright/test';
import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importPaths } from '../src/main/import/import-files';
import { parseTranscriptBytes } from '../src/main/import/read-transcript-file';
import { LibraryStore } from '../src/main/store/library-store';
import { largeTranscriptText, webvttText } from './generate';
import { bytesUnavailable, measure, scratchDir } from './measure';
import { record, summarise } from './results';

const MB = 1024 * 1024;

test('import: 50 MB plain text and 10,000 WebVTT cues', async () => {
  test.setTimeout(240_000);
  const large = Buffer.from(largeTranscriptText(50 * MB));
  const captions = Buffer.from(webvttText(10_000));

  const parseLarge = await measure(3, () => parseTranscriptBytes('hearing.txt', large));
  record('import: parse 50 MB plain text (median of 3)', summarise(parseLarge.times).median, 'ms', { target: { max: 2000 } });
  const parseCaptions = await measure(7, () => parseTranscriptBytes('lecture.vtt', captions));
  record('import: parse 10,000-cue WebVTT (median of 7)', summarise(parseCaptions.times).median, 'ms', { target: { max: 300 } });

  const dir = await scratchDir('import');
  try {
    const path = join(dir, 'hearing.txt');
    await writeFile(path, large);
    let libraries = 0;
    // A fresh library each time: the same text twice would be found a duplicate and not written.
    const full = await measure(2, async () => {
      const store = await LibraryStore.open(join(dir, `library-${libraries++}`));
      const [result] = await importPaths(store, [path]);
      if (!result.ok) throw new Error(result.message);
    });
    record('import: 50 MB plain text into the library, read to saved (median of 2)', summarise(full.times).median, 'ms');
    const store = await LibraryStore.open(join(dir, 'library-0'));
    const [document] = await store.list();
    for (const file of ['transcript.json', 'source.txt']) {
      const saved = await stat(join(store.dataDir, 'documents', document.id, file));
      record(`import: ${file} written for the 50 MB file`, saved.size / MB, 'MB');
    }
    if (full.bytes.length > 0) record('import: bytes written by the 50 MB import', summarise(full.bytes).median / MB, 'MB');
    else console.log(`import bench: ${bytesUnavailable}.`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
