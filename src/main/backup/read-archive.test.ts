/**
 * Damaged and foreign archives: each is refused with a message that says
 * what is wrong, and the library it was to be restored into is byte for byte
 * as it was (every file hashed before and after).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { snapshot } from '../../cli/testing/run-gloss';
import { CURRENT_SCHEMA } from '../store/file-schemas';
import type { LibraryStore } from '../store/library-store';
import { isSafeEntryName, type Manifest, MANIFEST_PATH } from './archive-format';
import { backupLibrary, restoreLibrary } from './backup-service';
import { richLibrary } from './testing/backup-fixture';

let root: string;
let good: Uint8Array;
let store: LibraryStore;
let sampleId: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gloss-restore-damaged-'));
  const library = await richLibrary(join(root, 'lib'));
  ({ store, sampleId } = library);
  await backupLibrary(store, join(root, 'good.zip'), new Date('2026-03-02T12:00:00Z'));
  good = await readFile(join(root, 'good.zip'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The good archive's files, changed by `change`, zipped again (the manifest first, as written). */
function rezip(change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(good);
  change(files);
  return zipSync(files as Zippable);
}

const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(Buffer.from(files[MANIFEST_PATH]).toString('utf8')) as Manifest;
const withManifest = (files: Record<string, Uint8Array>, change: (m: Manifest) => void) => {
  const m = manifestOf(files);
  change(m);
  files[MANIFEST_PATH] = strToU8(JSON.stringify(m));
};
/** Replaces a file and its manifest entry (size and checksum right), so only its content is wrong. */
async function replaceListed(files: Record<string, Uint8Array>, path: string, text: string) {
  files[path] = strToU8(text);
  withManifest(files, (m) => {
    const f = m.files.find((x) => x.path === path)!;
    f.bytes = files[path].length;
    f.sha256 = createHash('sha256').update(files[path]).digest('hex');
  });
}

const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
  ['a zip cut short', () => good.slice(0, Math.floor(good.length / 2)), /is damaged: the zip archive cannot be read/],
  ['a zip missing its last byte', () => good.slice(0, good.length - 1), /is damaged: the zip archive cannot be read/],
  [
    'a byte flipped inside a file',
    () => {
      // A stored (uncompressed) archive, so the flipped byte changes a file's content and nothing else.
      const files = unzipSync(good);
      const bytes = zipSync(files as Zippable, { level: 0 });
      const at = Buffer.from(bytes).indexOf('Key claim');
      bytes[at] ^= 0x20;
      return bytes;
    },
    /is damaged: library\/codebook\.json does not match its checksum/,
  ],
  ['a file removed', () => rezip((f) => delete f[`documents/${sampleId}/transcript.json`]), /is damaged: documents\/.*\/transcript\.json is missing/],
  ['a file the manifest does not list', () => rezip((f) => (f['documents/extra.json'] = strToU8('{}'))), /holds documents\/extra\.json, which its manifest does not list/],
  ['a zip-slip entry', () => rezip((f) => (f['../../outside.txt'] = strToU8('gotcha'))), /unsafe path \("\.\.\/\.\.\/outside\.txt"\)/],
  ['an absolute path', () => rezip((f) => (f['/etc/gloss.txt'] = strToU8('gotcha'))), /unsafe path \("\/etc\/gloss\.txt"\)/],
  ['a zip that is not a Gloss backup', () => zipSync({ 'readme.txt': strToU8('hello'), 'data/x.json': strToU8('{}') }), /is a zip archive but not a Gloss backup \(it has no manifest\.json\)/],
  ['an empty zip', () => zipSync({}), /an empty zip archive, not a Gloss backup/],
  ['a text file', () => strToU8('Interviewer: this is a transcript, not a backup.\n'), /is not a zip archive, so not a Gloss backup/],
  ['an empty file', () => new Uint8Array(0), /the file is empty/],
  ['a manifest of another format', () => rezip((f) => withManifest(f, (m) => ((m as { format: string }).format = 'other-backup'))), /not a Gloss backup \(its manifest\.json is not a Gloss backup's\)/],
  ['a manifest that is not JSON', () => rezip((f) => (f[MANIFEST_PATH] = strToU8('{"format": "gloss-backup",'))), /its manifest\.json is damaged \(not valid JSON/],
  ['a newer data schema', () => rezip((f) => withManifest(f, (m) => (m.glossSchema = CURRENT_SCHEMA + 1))), new RegExp(`made by a newer Gloss \\(data schema ${CURRENT_SCHEMA + 1}; this Gloss reads up to ${CURRENT_SCHEMA}\\)`)],
  ['a newer backup format', () => rezip((f) => withManifest(f, (m) => (m.version = 2))), /made by a newer Gloss \(backup format 2; this Gloss reads format 1\)/],
  [
    'a data file of a newer schema',
    async () => {
      const files = unzipSync(good);
      const path = 'library/settings.json';
      const settings = JSON.parse(Buffer.from(files[path]).toString('utf8')) as { schemaVersion: number };
      await replaceListed(files, path, JSON.stringify({ ...settings, schemaVersion: CURRENT_SCHEMA + 1 }));
      return zipSync(files as Zippable);
    },
    new RegExp(`made by a newer Gloss \\(library/settings\\.json has data schema ${CURRENT_SCHEMA + 1}`),
  ],
  [
    'a highlight that does not quote its text',
    async () => {
      const files = unzipSync(good);
      const path = `documents/${sampleId}/annotations.json`;
      const snapshotFile = JSON.parse(Buffer.from(files[path]).toString('utf8')) as { annotations: { orphaned?: boolean; selectors: { position: { start: number; end: number } } }[] };
      const placed = snapshotFile.annotations.find((a) => !a.orphaned)!;
      placed.selectors.position.start += 1;
      placed.selectors.position.end += 1;
      await replaceListed(files, path, JSON.stringify(snapshotFile));
      return zipSync(files as Zippable);
    },
    /annotations\.json in it is damaged \(highlight .* does not quote the document's text at its position\)/,
  ],
  ['a document id that is a path', () => rezip((f) => withManifest(f, (m) => (m.documents[0].id = '../x'))), /its manifest\.json is damaged \(documents\.0\.id: not a document id\)/],
];

describe('a damaged or foreign archive changes nothing and says why', () => {
  test.each(cases)('%s', async (_name, make, message) => {
    const path = join(root, 'bad.zip');
    await writeFile(path, await make());
    const before = await snapshot(join(root, 'lib'));
    const error = await restoreLibrary(store, path).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).toMatch(/^bad\.zip cannot be restored: .*\. Nothing was changed\.$/s);
    expect(await snapshot(join(root, 'lib'))).toEqual(before);
  });

  test('a missing archive says there is no file', async () => {
    await expect(restoreLibrary(store, join(root, 'nowhere.zip'))).rejects.toThrow(/There is no file at .*nowhere\.zip; nothing was changed\./);
  });
});

test.each([
  ['documents/x/notebook.json', true],
  ['manifest.json', true],
  ['../x', false],
  ['a/../../x', false],
  ['/abs', false],
  ['C:/x', false],
  ['a\\b', false],
  ['a//b', false],
  ['./a', false],
  ['', false],
])('an entry named %j is %s a safe name', (name, safe) => {
  expect(isSafeEntryName(name)).toBe(safe);
});
