/**
 * `gloss backup` and `gloss restore` on real data folders: the text and JSON
 * reports, a backup into a folder, a restore into a folder that does not
 * exist yet, a damaged archive refused with exit 1 and nothing created or
 * changed, usage errors, and both beside the running app (the backup reads
 * beside it; the restore is run by the app on its own store).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { richLibrary } from '../main/backup/testing/backup-fixture';
import { commandRequestSchema, PROTOCOL_VERSION } from '../main/remote/protocol';
import { LibraryStore } from '../main/store/library-store';
import { gloss, ROOT, snapshot } from './testing/run-gloss';

let dir: string;
let source: string;
let sampleId: string;
let timedId: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-backup-'));
  source = join(dir, 'source');
  ({ sampleId, timedId } = await richLibrary(source));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('gloss backup writes the archive and says what is in it; --json gives the report', async () => {
  const out = join(dir, 'lib.zip');
  const text = await gloss('backup', out, '--data-dir', source);
  expect(text).toEqual({ code: 0, err: '', out: `Backed up 2 documents, 5 highlights and 2 notebooks to ${out} (${(await stat(out)).size} bytes).` });
  const json = await gloss('backup', out, '--json', '--data-dir', source);
  expect(JSON.parse(json.out)).toEqual({ path: out, documents: 2, highlights: 5, notebooks: 2, bytes: (await stat(out)).size });
  // Into a folder: the archive is named by the date.
  await mkdir(join(dir, 'backups'));
  const into = JSON.parse((await gloss('backup', join(dir, 'backups'), '--json', '--data-dir', source)).out) as { path: string };
  expect(into.path).toMatch(/backups\/Gloss backup \d{4}-\d{2}-\d{2}\.zip$/);
  expect(await readdir(join(dir, 'backups'))).toHaveLength(1);
});

test('gloss restore into a folder that does not exist yet creates the library; again, it changes nothing; gloss check is clean', async () => {
  const archive = join(dir, 'lib.zip');
  await gloss('backup', archive, '--data-dir', source);
  const target = join(dir, 'new-computer', 'Gloss');
  const first = await gloss('restore', archive, '--data-dir', target);
  expect(first).toEqual({
    code: 0,
    err: '',
    out: [
      `Restored ${archive}:`,
      '  documents:  2 added, 0 merged',
      '  highlights: 5 added, 0 updated (newer in the backup), 0 kept (as new or newer in the library)',
      '  notebooks:  2 restored, 0 kept',
      '  codes:      2 added, 0 updated',
      '  settings:   restored',
      '  1 colour name came from the backup.',
    ].join('\n'),
  });
  const listed = JSON.parse((await gloss('list', '--json', '--data-dir', target)).out) as { id: string; highlightCount: number }[];
  expect(listed.map((d) => [d.id, d.highlightCount]).sort()).toEqual([[sampleId, 4], [timedId, 1]].sort());
  expect(await gloss('check', '--data-dir', target)).toMatchObject({ code: 0 });

  const files = await snapshot(target);
  const again = JSON.parse((await gloss('restore', archive, '--json', '--data-dir', target)).out);
  expect(again).toEqual({
    documentsAdded: 0,
    documentsMerged: 2,
    highlightsAdded: 0,
    highlightsUpdated: 0,
    highlightsKept: 5,
    notebooksRestored: 0,
    notebooksKept: 2,
    codesAdded: 0,
    codesUpdated: 0,
    settingsRestored: false,
    messages: [],
  });
  expect(await snapshot(target)).toEqual(files);
});

test('a damaged archive: exit 1, the reason, and nothing created or changed', async () => {
  const archive = join(dir, 'lib.zip');
  await gloss('backup', archive, '--data-dir', source);
  const bytes = await readFile(archive);
  await writeFile(archive, bytes.subarray(0, bytes.length - 200));
  const nowhere = join(dir, 'nowhere');
  expect(await gloss('restore', archive, '--data-dir', nowhere)).toEqual({
    code: 1,
    out: '',
    err: expect.stringMatching(/^gloss: lib\.zip cannot be restored: it is damaged: the zip archive cannot be read .*Nothing was changed\.$/),
  });
  expect(await stat(nowhere).catch(() => null)).toBeNull();
  const before = await snapshot(source);
  expect(await gloss('restore', archive, '--data-dir', source)).toMatchObject({ code: 1, err: expect.stringContaining('cannot be restored') });
  expect(await snapshot(source)).toEqual(before);
});

test('usage: one archive each; gloss backup of a folder that is no library', async () => {
  expect(await gloss('backup', '--data-dir', source)).toMatchObject({ code: 2, err: expect.stringContaining('gloss backup: wrong number of archives') });
  expect(await gloss('restore', 'a.zip', 'b.zip', '--data-dir', source)).toMatchObject({ code: 2, err: expect.stringContaining('gloss restore: wrong number of archives') });
  expect(await gloss('backup', join(dir, 'x.zip'), '--data-dir', join(dir, 'none'))).toEqual({ code: 1, out: '', err: `gloss: There is no library at ${join(dir, 'none')}.` });
});

test('the app takes a restore only with an archive’s full path', () => {
  const request = (path: string) => ({ version: PROTOCOL_VERSION, token: 't', name: 'restore', request: { path } });
  expect(commandRequestSchema.safeParse(request('/tmp/a.zip')).success).toBe(true);
  expect(commandRequestSchema.safeParse(request('a.zip')).success).toBe(false);
  expect(commandRequestSchema.safeParse({ ...request('/tmp/a.zip'), request: { path: '/tmp/a.zip', extra: 1 } }).success).toBe(false);
});

/** The app in another process (testing/running-app.mjs), holding the library, serving gloss commands and making highlights. */
function startApp(dataDir: string) {
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/testing/running-app.mjs'), dataDir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const changed: string[] = [];
  let errors = '';
  let list = '';
  child.stderr.on('data', (d) => (errors += d));
  let stopped: () => void = () => undefined;
  return new Promise<{ changed: () => string[]; stop: () => Promise<{ id: string }[]> }>((resolve, reject) => {
    child.on('exit', (code) => code !== 0 && reject(new Error(`the app process failed: ${errors}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('changed ')) changed.push(line.slice(8));
      else if (line.startsWith('[')) list = line;
      // Its last line: the lock is released just after.
      else if (line.startsWith('{"inMemory"')) stopped();
      else if (line.startsWith('ready ')) {
        resolve({
          changed: () => [...changed],
          stop: () => {
            child.stdin.write('stop\n');
            return new Promise((done) => (stopped = () => done(JSON.parse(list) as { id: string }[])));
          },
        });
      }
    });
  });
}

test('beside the running app, gloss backup reads the library as it is and gloss restore is run by the app on its own store', async () => {
  const archive = join(dir, 'lib.zip');
  await gloss('backup', archive, '--data-dir', source);
  const appDir = join(dir, 'app');
  const app = await startApp(appDir);
  let documents: { id: string }[];
  try {
    const backup = await gloss('backup', join(dir, 'app.zip'), '--json', '--data-dir', appDir);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ documents: 1 });
    const restored = await gloss('restore', archive, '--json', '--data-dir', appDir);
    expect(restored.err).toBe('');
    const report = JSON.parse(restored.out) as { documentsAdded: number; messages: string[] };
    expect(report.documentsAdded).toBe(2);
    // The app's sample and the backup's are the same text under different ids: both kept, and said.
    expect(report.messages).toContainEqual(expect.stringMatching(/was added beside “.*”, which has the same text/));
    expect(app.changed()).toContain('null');
  } finally {
    documents = await app.stop();
  }
  // The app listed the restored documents from its own store.
  expect(documents.map((d) => d.id)).toEqual(expect.arrayContaining([sampleId, timedId]));
  const store = await LibraryStore.open(appDir, { inspect: true, onNotice: () => undefined });
  expect((await store.forExport(sampleId)).annotations).toHaveLength(4);
  expect(await gloss('check', '--data-dir', appDir)).toMatchObject({ code: 0 });
}, 30_000);
