/** Data files: ASCII on disk, read back exactly, checked and versioned when read. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DamagedFileError, DataFile, type FileKind, NewerFileError, readData } from './data-file';
import { CURRENT_SCHEMA } from './file-schemas';
import { nodeFileSystem } from './file-system';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-data-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Text a transcript and its notes really hold: curly quotes, dashes, accents, an emoji, other scripts, markup. */
const text = 'Tomás said: “It’s a gremlin” — 😀 ünïcödé 東京 <b>not markup</b> \u0007 end';

interface Notes {
  schemaVersion: number;
  notes: string[];
}
const notesKind: FileKind<Notes> = {
  check: (v) => (Array.isArray((v as Notes).notes) ? null : 'there are no notes'),
  migrate: (v, from) => ({ ...v, notes: from === 1 ? [String(v.note)] : v.notes }),
};

test('data files are written in ASCII, with \\u escapes, and read back exactly', async () => {
  const path = join(dir, 'notes.json');
  await new DataFile<Notes>(nodeFileSystem, path, notesKind, { schemaVersion: 2, notes: [text] }).write();
  const bytes = await readFile(path);
  expect(bytes.every((b) => b < 0x80)).toBe(true);
  expect(JSON.parse(bytes.toString('utf8'))).toEqual({ schemaVersion: 2, notes: [text] });
  expect((await readData(nodeFileSystem, path, notesKind))?.data.notes).toEqual([text]);
});

test('files written in UTF-8 by earlier versions still read, and are migrated in memory', async () => {
  const path = join(dir, 'notes.json');
  await writeFile(path, JSON.stringify({ schemaVersion: 1, note: text }), 'utf8');
  const read = await readData(nodeFileSystem, path, notesKind);
  expect(read).toMatchObject({ data: { schemaVersion: 1, notes: [text] }, migratedFrom: 1 });
  expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ schemaVersion: 1, note: text });
});

test('a missing file reads as nothing', async () => {
  expect(await readData(nodeFileSystem, join(dir, 'none.json'), notesKind)).toBeNull();
});

test.each([
  ['not JSON', '{"schemaVersion":2,"notes":[', /not valid JSON/],
  ['null', 'null', /does not hold a JSON object/],
  ['0', '0', /does not hold a JSON object/],
  ['false', 'false', /does not hold a JSON object/],
  ['an empty string', '""', /does not hold a JSON object/],
  ['an empty file', '', /not valid JSON/],
  ['no schema version', '{"notes":[]}', /no schema version/],
  ['the wrong shape', '{"schemaVersion":2,"notes":7}', /there are no notes/],
])('a file holding %s is damaged, and the error names the file', async (_what, content, reason) => {
  const path = join(dir, 'notes.json');
  await writeFile(path, content);
  const error = await readData(nodeFileSystem, path, notesKind).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DamagedFileError);
  expect((error as DamagedFileError).message).toContain(path);
  expect((error as DamagedFileError).reason).toMatch(reason);
  expect(await readFile(path, 'utf8')).toBe(content);
});

test('a file from a newer Gloss is refused as such', async () => {
  const path = join(dir, 'notes.json');
  await writeFile(path, JSON.stringify({ schemaVersion: CURRENT_SCHEMA + 1, notes: [] }));
  await expect(readData(nodeFileSystem, path, notesKind)).rejects.toThrow(NewerFileError);
});

test('replace changes the data only once the write succeeded', async () => {
  const path = join(dir, 'missing-folder', 'notes.json');
  const file = new DataFile<Notes>(nodeFileSystem, path, notesKind, { schemaVersion: 2, notes: ['kept'] });
  await expect(file.replace({ schemaVersion: 2, notes: ['lost'] })).rejects.toThrow(/ENOENT/);
  expect(file.data.notes).toEqual(['kept']);
});
