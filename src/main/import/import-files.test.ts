import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { importDroppedFiles, importPaths } from './import-files';
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
