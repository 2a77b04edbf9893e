import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDataFile, readJson } from './data-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-data-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Text a transcript and its notes really hold: curly quotes, dashes, accents, an emoji, other scripts, markup. */
const text = 'Tomás said: “It’s a gremlin” — 😀 ünïcödé 東京 <b>not markup</b> \u0007 end';

test('data files are written in ASCII, with \\u escapes, and read back exactly', async () => {
  const path = join(dir, 'annotations.json');
  const file = await openDataFile(path, { schemaVersion: 1, notes: [text] }, 1);
  await file.write();
  const bytes = await readFile(path);
  expect(bytes.every((b) => b < 0x80)).toBe(true);
  expect(JSON.parse(bytes.toString('utf8'))).toEqual({ schemaVersion: 1, notes: [text] });
  const again = await openDataFile(path, { schemaVersion: 1, notes: [] as string[] }, 1);
  expect(again.data.notes).toEqual([text]);
  expect(await readJson(path)).toEqual({ schemaVersion: 1, notes: [text] });
});

test('files written in UTF-8 by earlier versions still read', async () => {
  const path = join(dir, 'transcript.json');
  await writeFile(path, JSON.stringify({ schemaVersion: 1, text }), 'utf8');
  expect(await readJson(path)).toEqual({ schemaVersion: 1, text });
  expect((await openDataFile(path, { schemaVersion: 1, text: '' }, 1)).data.text).toBe(text);
});

test('a missing file read as written once is a clear error naming it', async () => {
  await expect(readJson(join(dir, 'transcript.json'))).rejects.toThrow(/Cannot read .*transcript\.json \(it is missing\)/);
});
