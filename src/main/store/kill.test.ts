/**
 * Kill test: a highlight the store acknowledged survives the process being
 * killed (SIGKILL) the moment after, and the data file is never left half-written.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { ChangeLogOptions } from './highlights-file';
import { LibraryStore } from './library-store';

const sample = readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8');
const root = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Starts the writer and kills it right after it reports `killAfter` acknowledged writes. */
function writeAndKill(dataDir: string, documentId: string, start: number, end: number, killAfter: number, changeLog?: ChangeLogOptions): Promise<number> {
  const args = [dataDir, documentId, String(start), String(end), '1000', ...(changeLog ? [JSON.stringify(changeLog)] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'src/main/store/testing/write-then-die.mjs'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acknowledged = 0;
    let errors = '';
    child.stderr.on('data', (d) => (errors += d));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const m = /^saved (\d+)$/.exec(line);
        if (m) acknowledged = Number(m[1]);
      }
      if (acknowledged >= killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited without being killed: ${errors}`))));
  });
}

/** A library holding the sample transcript, and where 'gremlin' starts in its text. */
async function sampleLibrary() {
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-kill-'));
  dirs.push(dataDir);
  const store = await LibraryStore.open(dataDir);
  await store.addSampleOnce(sample);
  const [doc] = await store.list();
  const text = plainTextOf((await store.open(doc.id)).transcript);
  return { dataDir, doc, start: text.indexOf('gremlin') };
}

const notesUpTo = (n: number) => Array.from({ length: n }, (_, i) => `note ${i + 1}`);

test.each([1, 25, 60])('every highlight acknowledged before a SIGKILL after %i writes is on disk, intact', async (killAfter) => {
  const { dataDir, doc, start } = await sampleLibrary();

  const acknowledged = await writeAndKill(dataDir, doc.id, start, start + 7, killAfter);
  expect(acknowledged).toBeGreaterThanOrEqual(killAfter);

  const raw = await readFile(join(dataDir, 'documents', doc.id, 'annotations.json'), 'utf8');
  const saved = JSON.parse(raw).annotations as { note: string }[];
  expect(saved.length).toBeGreaterThanOrEqual(acknowledged);
  expect(saved.slice(0, acknowledged).map((a) => a.note)).toEqual(notesUpTo(acknowledged));
  const reopened = await LibraryStore.open(dataDir);
  expect((await reopened.open(doc.id)).annotations.length).toBe(saved.length);
}, 30_000);

test.each([1, 25, 60])('with changes appended to the log and folded now and then, every highlight acknowledged before a SIGKILL after %i writes survives', async (killAfter) => {
  const { dataDir, doc, start } = await sampleLibrary();

  // Every change is logged until the log is twice the snapshot's size, then folded into it.
  const acknowledged = await writeAndKill(dataDir, doc.id, start, start + 7, killAfter, { appendFrom: 0, foldAt: 2 });
  expect(acknowledged).toBeGreaterThanOrEqual(killAfter);

  const { annotations } = await (await LibraryStore.open(dataDir)).open(doc.id);
  expect(annotations.length).toBeGreaterThanOrEqual(acknowledged);
  expect(annotations.slice(0, acknowledged).map((a) => a.note)).toEqual(notesUpTo(acknowledged));
}, 30_000);
