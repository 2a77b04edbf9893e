import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { plainTextOf } from '../../core/transcript/plain-text';
import { LibraryStore } from '../store/library-store';
import { checkDataFolder } from '../store/testing/check-data-folder';
import { cancelAt } from '../tasks/testing/cancel-at';
import { importDroppedFiles, importEnd, importPaths } from './import-files';
import { OffThreadReader } from './off-thread-reader';

let dir: string;
let store: LibraryStore;
// A limit a 25 MB file overruns, and a small file meets even on a busy machine.
const reader = new OffThreadReader({ timeoutMs: 150 });
const encode = (s: string) => new TextEncoder().encode(s);
const slowText = 'Alice Smith: We talked about the engine and the loom.\n\nBob Jones: And the weather.\n\n'.repeat(300_000); // 25 MB: half a second or more to parse

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-import-files-'));
  store = await LibraryStore.open(join(dir, 'data'));
});
afterAll(async () => {
  await reader.close();
  await rm(dir, { recursive: true, force: true });
});

const summary = (results: Awaited<ReturnType<typeof importPaths>>) => results.map((r) => (r.ok ? `${r.fileName}: ${r.document.title}` : r.message));

describe('importing several files', () => {
  test('from disk: a file too slow to read and a broken one are refused by name, the others imported, and later imports work', async () => {
    const write = async (name: string, content: string) => {
      await writeFile(join(dir, name), content);
      return join(dir, name);
    };
    const paths = [
      await write('first.txt', 'Ada Lovelace: The engine weaves patterns.\n'),
      await write('slow.txt', slowText),
      await write('broken.vtt', 'not captions at all'),
      await write('last.md', '# Last one\n\n**Ada:** Hello.\n'),
    ];
    expect(summary(await importPaths(store, paths, reader))).toEqual([
      'first.txt: first',
      'Could not open slow.txt: it took longer than 150 ms to read, so Gloss stopped reading it.',
      'Could not open broken.vtt: not a WebVTT file: the first line must start with WEBVTT.',
      'last.md: Last one',
    ]);
    expect(summary(await importPaths(store, [await write('later.srt', '1\n00:00:01,000 --> 00:00:02,000\nHello.\n')], reader))).toEqual(['later.srt: later']);
  });

  test('dropped on the window: the same, from bytes', async () => {
    const results = await importDroppedFiles(
      store,
      [
        { name: 'dropped.txt', bytes: encode('Bob Jones: Dropped here.\n') },
        { name: 'dropped-slow.txt', bytes: encode(slowText) },
        { name: 'deep.md', bytes: encode('> '.repeat(100) + 'deep') },
        { name: 'dropped.vtt', bytes: encode('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>Hi.\n') },
      ],
      reader,
    );
    expect(summary(results)).toEqual([
      'dropped.txt: dropped',
      'Could not open dropped-slow.txt: it took longer than 150 ms to read, so Gloss stopped reading it.',
      'Could not open deep.md: line 1 nests quotes and lists more than 32 deep; Gloss reads up to 32.',
      'dropped.vtt: dropped',
    ]);
  });
});

describe('importing many files as a task', () => {
  const transcript = (n: number) => `Speaker ${n}: Interview number ${n} begins.\n\nInterviewer: And then what happened, ${n}?\n`;

  test('reports each file as it starts it, and the whole count at the end', async () => {
    const folder = await mkdtemp(join(dir, 'progress-'));
    const paths = await Promise.all([1, 2, 3].map(async (n) => (await writeFile(join(folder, `talk-${n}.txt`), transcript(100 + n)), join(folder, `talk-${n}.txt`))));
    const { tasks, messages } = cancelAt(null);
    const task = tasks.start('import', 'Importing 3 files');
    const results = await importPaths(store, paths, reader, task);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(messages.map((m) => [m.done, m.total, m.detail])).toEqual([
      [0, null, undefined],
      [0, 3, 'talk-1.txt'],
      [1, 3, 'talk-2.txt'],
      [2, 3, 'talk-3.txt'],
      [3, 3, undefined],
    ]);
    expect(importEnd(results)).toEqual({ state: 'finished', outcome: 'Imported 3 of 3 files.' });
  });

  test('cancelled at the 8th of 20 files: the 7 before it are in the library, whole; the other 13 are not, and nothing half-imported is left', async () => {
    const data = await mkdtemp(join(dir, 'cancel-data-'));
    const own = await LibraryStore.open(data);
    const folder = await mkdtemp(join(dir, 'cancel-files-'));
    const paths: string[] = [];
    for (let n = 1; n <= 20; n++) {
      await writeFile(join(folder, `interview-${String(n).padStart(2, '0')}.txt`), transcript(n));
      paths.push(join(folder, `interview-${String(n).padStart(2, '0')}.txt`));
    }
    const { tasks, cancelled } = cancelAt(7);
    const results = await importPaths(own, paths, reader, tasks.start('import', 'Importing 20 files'));
    expect(cancelled()).toBe(true);
    expect(results.map((r) => r.ok)).toEqual([...Array(7).fill(true), ...Array(13).fill(false)]);
    expect(results.slice(7).every((r) => !r.ok && r.cancelled && r.message === `${r.fileName} was not imported: the import was cancelled before its turn.`)).toBe(true);
    const listed = await own.list();
    expect(listed.map((d) => d.source).sort()).toEqual(paths.slice(0, 7).map((p) => p.slice(folder.length + 1)));
    for (const d of listed) {
      const opened = await own.open(d.id);
      const n = Number(/interview-(\d+)/.exec(d.source)![1]);
      expect(plainTextOf(opened.transcript)).toContain(`Interview number ${n} begins.`);
      expect(plainTextOf(opened.transcript)).toContain(`And then what happened, ${n}?`);
    }
    await own.close();
    const folderReport = await checkDataFolder(data);
    expect(folderReport.problems).toEqual([]);
    expect(folderReport.leftovers).toEqual([]);
    expect(importEnd(results)).toEqual({
      state: 'cancelled',
      outcome: 'Import cancelled: 7 of 20 files imported, each whole; 13 not imported (open them again to import them).',
    });
  });

  test('dropped files stop the same way', async () => {
    const { tasks } = cancelAt(1);
    const results = await importDroppedFiles(
      store,
      [0, 1, 2].map((n) => ({ name: `drop-${n}.txt`, bytes: encode(transcript(200 + n)) })),
      reader,
      tasks.start('import', 'Importing 3 files'),
    );
    expect(results.map((r) => (r.ok ? 'imported' : r.cancelled ? 'cancelled' : 'refused'))).toEqual(['imported', 'cancelled', 'cancelled']);
  });
});
