/**
 * The library commands as a script uses them: add, list and check, their JSON
 * and exit codes, a check that reads without writing, a repair, and the
 * sharing rules with the app running beside them in another process.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LibraryStore } from '../main/store/library-store';
import type { Annotation } from '../shared/model';
import { gloss, ROOT, SAMPLE_PATH, snapshot } from './testing/run-gloss';

const captions = join(ROOT, 'test-fixtures/captions/zoom-meeting.vtt');
let dir: string;
let dataDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-library-'));
  dataDir = join(dir, 'library');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('add imports files as the app does, prints their ids, and refuses a bad file with its reason and exit code 1', async () => {
  const empty = join(dir, 'empty.txt');
  await writeFile(empty, '');
  const added = await gloss('add', SAMPLE_PATH, captions, empty, '--data-dir', dataDir, '--json');
  expect(added.code).toBe(1);
  expect(added.err).toMatch(/^gloss: Could not open empty\.txt: it is empty\.$/m);
  const results = JSON.parse(added.out);
  expect(results).toEqual([
    { file: 'sample-interview.txt', ok: true, id: expect.any(String), title: 'Democracies must maintain the lead in AI', duplicate: false },
    { file: 'zoom-meeting.vtt', ok: true, id: expect.any(String), title: 'zoom-meeting', duplicate: false },
    { file: 'empty.txt', ok: false, error: 'Could not open empty.txt: it is empty.' },
  ]);

  const again = await gloss('add', SAMPLE_PATH, '--data-dir', dataDir, '--json');
  expect(again.code).toBe(0);
  expect(JSON.parse(again.out)[0]).toMatchObject({ id: results[0].id, duplicate: true });

  const listed = await gloss('list', '--json', `--data-dir=${dataDir}`);
  expect(listed.code).toBe(0);
  const documents = JSON.parse(listed.out);
  expect(documents.map((d: { id: string }) => d.id).sort()).toEqual([results[0].id, results[1].id].sort());
  expect(documents.find((d: { id: string }) => d.id === results[0].id)).toMatchObject({
    format: 'text',
    speakers: expect.arrayContaining(['Dario Amodei']),
    highlightCount: 0,
    noteCount: 0,
  });

  // The app reads what the command wrote.
  expect((await (await LibraryStore.open(dataDir)).list()).length).toBe(2);
});

test('check reads every data file without writing anything, names the damaged file, and --repair sets it aside', async () => {
  await gloss('add', SAMPLE_PATH, captions, '--data-dir', dataDir);
  const [doc] = JSON.parse((await gloss('list', '--json', '--data-dir', dataDir)).out);
  expect(await gloss('check', '--data-dir', dataDir)).toMatchObject({ code: 0 });

  const damaged = join(dataDir, 'documents', doc.id, 'annotations.json');
  await writeFile(damaged, '{"schemaVersion":2,"documentId":');
  await writeFile(join(dataDir, 'library.json'), 'null');
  const before = await snapshot(dataDir);
  const checked = await gloss('check', '--json', '--data-dir', dataDir);
  expect(checked.code).toBe(1);
  const report = JSON.parse(checked.out);
  expect(report.ok).toBe(false);
  expect(report.problems.map((p: { path: string }) => p.path).sort()).toEqual([damaged, join(dataDir, 'library.json')].sort());
  expect(await snapshot(dataDir)).toEqual(before);

  const repaired = await gloss('check', '--repair', '--json', '--data-dir', dataDir);
  expect(repaired.code).toBe(0);
  expect(JSON.parse(repaired.out)).toMatchObject({ ok: true, problems: [] });
  const names = await readdir(join(dataDir, 'documents', doc.id));
  expect(names.some((n) => n.startsWith('annotations.json.damaged-'))).toBe(true);
  expect((await readdir(dataDir)).some((n) => n.startsWith('library.json.damaged-'))).toBe(true);
  expect(JSON.parse((await gloss('list', '--json', '--data-dir', dataDir)).out)).toHaveLength(2);
});

test('a library that is not there is an error on stderr, and a wrong command line exits with 2', async () => {
  const missing = await gloss('list', '--data-dir', join(dir, 'nowhere'));
  expect(missing).toMatchObject({ code: 1, out: '' });
  expect(missing.err).toMatch(/There is no library at/);
  expect((await gloss('add', '--data-dir', dataDir)).code).toBe(2);
  expect((await gloss('list', '--repair')).err).toMatch(/unknown option --repair/);
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

interface RunningApp {
  sampleId: string;
  saved: () => number;
  /** Documents the app was told were changed by a gloss command, in order. */
  changed: () => string[];
  stop: () => Promise<{ id: string; title: string }[]>;
  /** The sample's highlights as the app holds them in memory when it stopped. */
  inMemory: Promise<Annotation[]>;
}

/** The app, in another process, serving gloss commands and writing highlights as fast as it can. */
function startApp(): Promise<RunningApp> {
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/testing/running-app.mjs'), dataDir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let saved = 0;
  const changed: string[] = [];
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => code !== 0 && reject(new Error(`the app process failed: ${errors}`)));
    let keepInMemory: (annotations: Annotation[]) => void = () => undefined;
    const inMemory = new Promise<Annotation[]>((done) => (keepInMemory = done));
    const listed = new Promise<{ id: string; title: string }[]>((done) => {
      lines.on('line', (line) => {
        const m = /^saved (\d+)$/.exec(line);
        if (m) saved = Number(m[1]);
        else if (line.startsWith('changed ')) changed.push(line.slice(8));
        else if (line.startsWith('ready ')) resolve({ sampleId: line.slice(6), saved: () => saved, changed: () => [...changed], stop, inMemory });
        else if (line.startsWith('[')) done(JSON.parse(line));
        else if (line.startsWith('{"inMemory"')) keepInMemory(JSON.parse(line).inMemory);
      });
    });
    const stop = async () => {
      child.stdin.write('stop\n');
      return listed;
    };
  });
}

test('beside the running app: add works as a guest, reading works, repair waits, and no acknowledged write is lost', async () => {
  const app = await startApp();
  while (app.saved() < 5) await new Promise((r) => setTimeout(r, 20));

  const copy = join(dir, 'interview-copy.vtt');
  await copyFile(captions, copy);
  const added = await gloss('add', copy, '--json', '--data-dir', dataDir);
  expect(added.code).toBe(0);
  const [{ id: addedId }] = JSON.parse(added.out);
  const listed = await gloss('list', '--json', '--data-dir', dataDir);
  expect(listed.code).toBe(0);
  expect(JSON.parse(listed.out).map((d: { id: string }) => d.id)).toContain(addedId);
  expect((await gloss('check', '--data-dir', dataDir)).code).toBe(0);
  const repair = await gloss('check', '--repair', '--data-dir', dataDir);
  expect(repair.code).toBe(1);
  expect(repair.err).toMatch(/The library is open in Gloss \(process \d+/);

  const appList = await app.stop();
  expect(appList.map((d) => d.id)).toContain(addedId);
  const acknowledged = app.saved();
  const { annotations } = await (await LibraryStore.open(dataDir)).open(app.sampleId);
  expect(annotations.length).toBeGreaterThanOrEqual(acknowledged);
  expect(annotations.slice(0, acknowledged).map((a) => a.note)).toEqual(Array.from({ length: acknowledged }, (_, i) => `note ${i + 1}`));
  // The app gave its lock back: a repair may run now.
  expect((await gloss('check', '--repair', '--data-dir', dataDir)).code).toBe(0);
}, 60_000);

test('beside the running app: gloss highlight and codes rename are made by the app, in its memory and on disk, and neither loses the other’s writes', async () => {
  const app = await startApp();
  while (app.saved() < 3) await new Promise((r) => setTimeout(r, 20));

  const made = await gloss('highlight', '--doc', app.sampleId, '--quote', "the world's most advanced", '--color', 'purple', '--code', 'theme/ai', '--note', 'from the *command line*', '--json', '--data-dir', dataDir);
  expect(made.err).toBe('');
  expect(made.code).toBe(0);
  const highlight = JSON.parse(made.out);
  expect(highlight).toMatchObject({ quote: 'the world’s most advanced', color: 'purple', codes: ['theme/ai'], note: 'from the *command line*' });
  // The app tells its window which document changed (its output may reach us just after the command's answer).
  await until(() => app.changed().length === 1);
  expect(app.changed()).toEqual([app.sampleId]);
  // Reading beside the app sees it on disk at once.
  const listed = JSON.parse((await gloss('highlights', '--doc', app.sampleId, '--json', '--data-dir', dataDir)).out);
  expect(listed.highlights).toContainEqual(highlight);

  const renamed = await gloss('codes', 'rename', 'theme/ai', 'theme/technology', '--json', '--data-dir', dataDir);
  expect(renamed).toMatchObject({ code: 0, err: '' });
  expect(JSON.parse(renamed.out)).toEqual({ highlightsChanged: 1, documentsChanged: 1 });
  await until(() => app.changed().length === 2);
  expect(app.changed()).toEqual([app.sampleId, 'null']);

  // The app goes on writing after the command's change.
  const savedAfter = app.saved();
  while (app.saved() < savedAfter + 3) await new Promise((r) => setTimeout(r, 20));
  await app.stop();
  const acknowledged = app.saved();
  const inMemory = (await app.inMemory).find((a) => a.id === highlight.id);
  expect(inMemory).toMatchObject({ codes: ['theme/technology'], note: 'from the *command line*' });
  const { annotations } = await (await LibraryStore.open(dataDir)).open(app.sampleId);
  expect(annotations.find((a) => a.id === highlight.id)).toEqual(inMemory);
  const appNotes = annotations.filter((a) => a.id !== highlight.id).map((a) => a.note);
  expect(appNotes.slice(0, acknowledged)).toEqual(Array.from({ length: acknowledged }, (_, i) => `note ${i + 1}`));
  // The app gave its lock back: the command writes itself now.
  const after = await gloss('highlight', '--doc', app.sampleId, '--quote', 'let a gremlin loose', '--color', 'red', '--json', '--data-dir', dataDir);
  expect(after.code).toBe(0);
  expect(app.changed()).toHaveLength(2);
}, 60_000);
