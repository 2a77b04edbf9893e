/**
 * The import service before any format reads a byte: a file is told apart by
 * its bytes (a zip is a REFI-QDA project, JSON is W3C annotations, anything
 * else is refused), and a file that cannot be read, is too large or is of
 * neither kind gets a message that names it and says nothing was imported,
 * with the library left as it was.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { GlossError } from '../store/errors';
import { storeWithSample } from '../store/testing/sample-library';
import { exchangeKindOf, importExchangeBytes, importExchangeFile, MAX_EXCHANGE_FILE_BYTES } from './import-service';

const utf8 = (s: string) => new TextEncoder().encode(s);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-import-service-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test.each<[string, Uint8Array, 'qdpx' | 'w3c' | null]>([
  ['a zip (as fflate writes one)', zipSync({ 'project.qde': utf8('<Project/>') }), 'qdpx'],
  ['an empty zip is still a zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), 'qdpx'],
  ['a JSON object', utf8('{"@context":"http://www.w3.org/ns/anno.jsonld"}'), 'w3c'],
  ['a JSON array', utf8('[{"type":"Annotation"}]'), 'w3c'],
  ['JSON after a byte-order mark and white space', Uint8Array.from([0xef, 0xbb, 0xbf, 0x20, 0x0d, 0x0a, 0x09, 0x7b, 0x7d]), 'w3c'],
  ['an empty zip’s end record alone (PK 05 06) is not a project', Uint8Array.from([0x50, 0x4b, 0x05, 0x06, 0, 0]), null],
  ['"PK" as text', utf8('PK is not a zip'), null],
  ['a transcript', utf8('Ann Lee: Hello.\n'), null],
  ['XML (a project.qde taken out of its zip)', utf8('<?xml version="1.0"?><Project/>'), null],
  ['white space only', utf8(' \n\t '), null],
  ['nothing at all', new Uint8Array(0), null],
])('%s is %s (exchangeKindOf)', (_what, bytes, kind) => {
  expect(exchangeKindOf(bytes)).toBe(kind);
});

/** Every file under `path` with its bytes. */
async function snapshot(path: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(path, { recursive: true })) {
    if ((await stat(join(path, name))).isFile()) files[name] = (await readFile(join(path, name))).toString('base64');
  }
  return files;
}

/** Runs an import that must fail, and returns its error; the library must be as it was. */
async function refused(run: () => Promise<unknown>, dataDir: string): Promise<GlossError> {
  const before = await snapshot(dataDir);
  const error = await run().then(
    () => expect.fail('the import was not refused'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GlossError);
  expect(await snapshot(dataDir)).toEqual(before);
  return error as GlossError;
}

test('a file that is neither JSON nor a zip is refused by name, as an invalid request, and nothing is imported', async () => {
  const dataDir = join(dir, 'data');
  const { store } = await storeWithSample(dataDir);
  await writeFile(join(dir, 'notes.txt'), 'Ann Lee: Hello.\n');
  const error = await refused(() => importExchangeFile(store, join(dir, 'notes.txt')), dataDir);
  expect(error.code).toBe('invalid-request');
  expect(error.message).toBe('notes.txt is neither a W3C annotation file (JSON) nor a REFI-QDA project (.qdpx, a zip). Nothing was imported.');
  // Told apart by the bytes, not the name: a project renamed .json is still refused as neither when it is text.
  await expect(importExchangeBytes(store, utf8('<Project/>'), { fileName: 'project.json' })).rejects.toThrow('project.json is neither a W3C annotation file');
});

test('a file that is not there, or a folder, cannot be read: the message names it and says nothing was imported', async () => {
  const dataDir = join(dir, 'data');
  const { store } = await storeWithSample(dataDir);
  const missing = await refused(() => importExchangeFile(store, join(dir, 'gone.jsonld')), dataDir);
  expect(missing.message).toMatch(/^Could not read gone\.jsonld: .*ENOENT.*\. Nothing was imported\.$/);
  await mkdir(join(dir, 'folder.qdpx'));
  const folder = await refused(() => importExchangeFile(store, join(dir, 'folder.qdpx')), dataDir);
  expect(folder.message).toMatch(/^Could not read folder\.qdpx: .*EISDIR.*\. Nothing was imported\.$/);
});

test('a file larger than Gloss imports is refused before it is read, with its size and the limit', async () => {
  const dataDir = join(dir, 'data');
  const { store } = await storeWithSample(dataDir);
  const big = join(dir, 'huge.qdpx');
  // Sparse: as large as it claims to be without taking the disk space.
  await writeFile(big, Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
  await truncate(big, MAX_EXCHANGE_FILE_BYTES + 1024 * 1024);
  const error = await refused(() => importExchangeFile(store, big), dataDir);
  expect(error.code).toBe('invalid-request');
  expect(error.message).toBe('huge.qdpx is 513 MB; Gloss imports files of at most 512 MB. Nothing was imported.');
});
