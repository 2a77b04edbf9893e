/**
 * The study commands on a real data folder, as a script uses them:
 * highlight a quote and read it back, list codes and rename or merge them,
 * count by speaker; their text and JSON, their errors and exit codes, and
 * that a failed command writes nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createSelectors } from '../core/anchoring/selectors';
import { plainTextOf } from '../core/transcript/plain-text';
import { LibraryStore } from '../main/store/library-store';
import { gloss, SAMPLE_PATH, snapshot } from './testing/run-gloss';

const TITLE = 'Democracies must maintain the lead in AI';
let dir: string;
let dataDir: string;
let doc: string;

/** Runs a command that must succeed and parses its JSON. */
async function json(...argv: string[]) {
  const { code, out, err } = await gloss(...argv, '--json', '--data-dir', dataDir);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-study-'));
  dataDir = join(dir, 'library');
  [{ id: doc }] = await json('add', SAMPLE_PATH);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('highlight makes a highlight from a typed quote as the app would, and highlights reads it back the same', async () => {
  const made = await json('highlight', '--doc', doc, '--quote', "worked in the world's most advanced", '--color', 'blue', '--code', 'theme/ai', '--code', ' method ', '--note', '**Why** it matters\n\n- one');
  const text = plainTextOf((await (await LibraryStore.open(dataDir)).open(doc)).transcript);
  const start = text.indexOf('worked in the world’s most advanced');
  expect(made).toEqual({
    id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    documentId: doc,
    quote: 'worked in the world’s most advanced',
    start,
    end: start + 35,
    speakers: [],
    color: 'blue',
    colorName: 'Blue',
    codes: ['theme/ai', 'method'],
    note: '**Why** it matters\n\n- one',
    createdAt: expect.any(String),
    updatedAt: made.createdAt,
  });
  // The files hold what the app would have written: the same selectors, the note as Markdown with no editor state.
  const [onDisk] = (await (await LibraryStore.open(dataDir)).open(doc)).annotations;
  expect(onDisk).toMatchObject({ id: made.id, color: 'blue', codes: ['theme/ai', 'method'], note: made.note, noteState: null });
  expect(onDisk.selectors).toEqual(createSelectors(text, start, start + 35));

  const gremlin = await json('highlight', '--doc', doc, '--quote', 'let a gremlin loose', '--color=yellow');
  expect(gremlin.speakers).toEqual(['Dario Amodei']);
  const listed = await json('highlights', '--doc', doc);
  expect(listed.document).toEqual({ id: doc, title: TITLE, source: 'sample-interview.txt', format: 'text', speakers: expect.arrayContaining(['Dario Amodei', 'Madhumita Murgia']) });
  expect(listed.highlights).toEqual([made, gremlin]);

  const text1 = await gloss('highlights', '--doc', doc, '--data-dir', dataDir);
  expect(text1.code).toBe(0);
  expect(text1.out).toContain(`“${TITLE}” (${doc}): 2 highlights`);
  expect(text1.out).toContain(`${start}-${start + 35}  Blue  (no speaker)\n  “worked in the world’s most advanced”\n  codes: theme/ai, method\n  note: **Why** it matters\n\n        - one\n  id: ${made.id}`.replace('\n\n', '\n'));
  expect(text1.out).toContain('Yellow  Dario Amodei\n  “let a gremlin loose”');
});

test('a highlight spanning two turns names both speakers, and is typed without their names (they are not in the text)', async () => {
  const across = await json('highlight', '--doc', doc, '--quote', 'concreteness in the positive benefits. There are a lot of assumptions', '--color', 'red');
  expect(across.speakers).toEqual(['Dario Amodei', 'Madhumita Murgia']);
  expect(across.quote).toBe('concreteness in the positive benefits.\n\nThere are a lot of assumptions');
});

test('a quote that is not there, or is there more than once, is an error naming the document, and nothing is written', async () => {
  const before = await snapshot(dataDir);
  const missing = await gloss('highlight', '--doc', doc, '--quote', 'gremlins everywhere', '--color', 'yellow', '--data-dir', dataDir);
  expect(missing).toMatchObject({ code: 1, out: '' });
  expect(missing.err).toBe(`gloss: The quote “gremlins everywhere” is not in “${TITLE}” (${doc}); nothing was written.`);

  const ambiguous = await gloss('highlight', '--doc', doc, '--quote', 'scaling laws', '--color', 'yellow', '--data-dir', dataDir);
  expect(ambiguous.code).toBe(1);
  expect(ambiguous.err).toMatch(new RegExp(`^gloss: The quote occurs 4 times in “${TITLE}” \\(${doc}\\); choose one with --occurrence N`));
  expect(ambiguous.err).toMatch(/\n {2}1\. at 913: …n for observing the so-called \[scaling laws\] — the phenomenon whereby AI s…\n {2}2\. at \d+ \(Dario Amodei\): /);

  const tooFar = await gloss('highlight', '--doc', doc, '--quote', 'scaling laws', '--occurrence', '5', '--color', 'yellow', '--data-dir', dataDir);
  expect(tooFar).toMatchObject({ code: 1 });
  expect(tooFar.err).toMatch(/occurs only 4 times/);
  expect(await snapshot(dataDir)).toEqual(before);

  const second = await json('highlight', '--doc', doc, '--quote', 'scaling laws', '--occurrence', '2', '--color', 'yellow');
  expect(second.speakers).toEqual(['Dario Amodei']);
  expect(second.start).toBeGreaterThan(913);
});

test.each([
  [['--color', 'mauve'], 2, /--color mauve: not a colour; use one of yellow, green, blue, pink, purple, orange, red/],
  [['--color', 'yellow', '--code', ''], 2, /--code "": a code cannot be empty/],
  [['--color', 'yellow', '--code', 'a\nb'], 2, /--code "a\\nb": a code cannot hold control characters/],
  [['--color', 'yellow', '--occurrence', '0'], 2, /--occurrence 0: give the occurrence's number, counting from 1/],
  [['--color', 'yellow', '--occurrence', 'two'], 2, /--occurrence two/],
  [['--color', 'yellow', '--doc', 'x'], 2, /--doc can be given only once/],
  [['--color', 'yellow', '--shade', 'dark'], 2, /unknown option --shade for gloss highlight/],
  [[], 2, /gloss highlight needs --color/],
  [['--color', 'yellow', '--quote', 'x'], 2, /--quote can be given only once/],
])('highlight with %j exits with %d and writes nothing', async (extra, code, message) => {
  const before = await snapshot(dataDir);
  const result = await gloss('highlight', '--doc', doc, '--quote', 'let a gremlin loose', ...extra, '--data-dir', dataDir);
  expect(result).toMatchObject({ code, out: '' });
  expect(result.err).toMatch(message);
  expect(await snapshot(dataDir)).toEqual(before);
});

test('an unknown document, a missing --doc and a library that is not there are errors; the folder is not created', async () => {
  const unknown = '99999999-9999-4999-8999-999999999999';
  for (const argv of [
    ['highlights', '--doc', unknown],
    ['highlight', '--doc', unknown, '--quote', 'x', '--color', 'red'],
    ['overview', '--doc', unknown],
  ]) {
    const result = await gloss(...argv, '--data-dir', dataDir);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toMatch(new RegExp(`^gloss: .*${unknown}`));
  }
  expect(await gloss('highlights', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringMatching(/gloss highlights needs --doc/) });
  const nowhere = join(dir, 'nowhere');
  for (const argv of [['highlight', '--doc', doc, '--quote', 'x', '--color', 'red'], ['codes', 'rename', 'a', 'b'], ['codes']]) {
    const result = await gloss(...argv, '--data-dir', nowhere);
    expect(result).toMatchObject({ code: 1, err: `gloss: There is no library at ${nowhere}.` });
  }
  await expect(stat(nowhere)).rejects.toThrow();
});

test('codes lists the code tree with counts; rename and merge change every highlight and say how many', async () => {
  const highlight = (quote: string, ...codes: string[]) => json('highlight', '--doc', doc, '--quote', quote, '--color', 'green', ...codes.flatMap((c) => ['--code', c]));
  await highlight('let a gremlin loose', 'theme/risk', 'method');
  await highlight('build, build, build', 'theme/hope');
  await highlight('Machines of Loving Grace', 'theme', 'theme/hope');
  const codes = await json('codes');
  expect(codes.map((c: { path: string; count: number; total: number }) => [c.path, c.count, c.total])).toEqual([
    ['method', 1, 1],
    ['theme', 1, 3],
    ['theme/hope', 2, 2],
    ['theme/risk', 1, 1],
  ]);
  expect(codes[0]).toEqual({ path: 'method', count: 1, total: 1, color: null, description: '' });
  const tree = await gloss('codes', '--data-dir', dataDir);
  expect(tree.out).toBe(['method  1', 'theme   3  (1 on theme itself)', '  hope  2', '  risk  1'].join('\n'));

  expect(await json('codes', 'rename', 'theme/hope', 'theme/optimism')).toEqual({ highlightsChanged: 2, documentsChanged: 1 });
  const merged = await gloss('codes', 'merge', 'method', 'theme/risk', '--data-dir', dataDir);
  expect(merged).toEqual({ code: 0, out: 'Merged “method” into “theme/risk”: 1 highlight in 1 document changed.', err: '' });
  const { highlights } = await json('highlights', '--doc', doc);
  expect(highlights.map((h: { quote: string; codes: string[] }) => [h.quote, h.codes])).toEqual([
    ['Machines of Loving Grace', ['theme', 'theme/optimism']],
    ['build, build, build', ['theme/optimism']],
    ['let a gremlin loose', ['theme/risk']],
  ]);
  expect((await json('codes')).map((c: { path: string }) => c.path)).toEqual(['theme', 'theme/optimism', 'theme/risk']);

  expect(await gloss('codes', 'rename', 'theme', '', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringMatching(/NEW "": a code cannot be empty/) });
  expect(await gloss('codes', 'rename', 'theme', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringMatching(/wrong number of operands/) });
  expect(await gloss('codes', 'split', 'a', 'b', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringMatching(/rename OLD NEW, or merge FROM INTO/) });
});

test('overview counts highlights by speaker and code for a document or the whole library, as a table or JSON', async () => {
  await json('highlight', '--doc', doc, '--quote', 'I want to kick off by talking about your essay', '--color', 'red', '--code', 'theme/risk');
  await json('highlight', '--doc', doc, '--quote', 'scaling laws', '--occurrence', '2', '--color', 'red', '--code', 'method');
  await json('highlight', '--doc', doc, '--quote', 'concreteness in the positive benefits. There are a lot of assumptions', '--color', 'yellow', '--code', 'theme');
  const overview = await json('overview', '--doc', doc);
  expect(overview.documentId).toBe(doc);
  expect(overview.codes).toEqual(['method', 'theme', 'theme/risk']);
  expect(overview.totals.highlights).toBe(3);
  const row = (speaker: string) => overview.rows.find((r: { speaker: string }) => r.speaker === speaker);
  expect(row('Dario Amodei')).toMatchObject({ highlights: 2, codes: { method: 1, theme: 1 }, colors: { red: 1, yellow: 1 } });
  expect(row('Madhumita Murgia')).toMatchObject({ highlights: 2, codes: { theme: 2, 'theme/risk': 1 } });
  expect((await json('overview')).documentId).toBeNull();

  const table = await gloss('overview', '--doc', doc, '--data-dir', dataDir);
  expect(table.code).toBe(0);
  const lines = table.out.split('\n');
  expect(lines[0]).toBe(`3 highlights in “${TITLE}”, by speaker.`);
  expect(lines).toContain('Speaker           method  theme  theme/risk  Highlights');
  expect(lines).toContain('Dario Amodei           1      1           0           2');
  expect(lines).toContain('Total                  1      2           1           3');
  expect(lines).toContain('Speaker           Yellow  Red  Highlights');
  const library = await gloss('overview', '--data-dir', dataDir);
  expect(library.out.split('\n')[0]).toBe('3 highlights in the library, by speaker.');
});

/** A lock naming a running app (a live process that is not this one) with what it says about its command socket. */
async function fakeAppLock(socket: Record<string, string>) {
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  await writeFile(join(dataDir, 'gloss.lock'), JSON.stringify({ pid: sleeper.pid, host: hostname(), owner: 'app', since: new Date().toISOString(), ...socket }));
  return () => sleeper.kill();
}

test('while an app that cannot be reached holds the library, writing commands fail with the reason and write nothing; reading works', async () => {
  for (const [socket, message] of [
    [{}, /The library is open in Gloss \(process \d+\), which does not take changes from the command line.*Nothing was written/],
    [{ socket: join(dir, 'gone.sock'), token: 'x' }, /The library is open in Gloss \(process \d+\), but Gloss did not answer at .*gone\.sock \(ENOENT.*Nothing was written/],
  ] as const) {
    const stop = await fakeAppLock(socket);
    try {
      const before = await snapshot(dataDir);
      const made = await gloss('highlight', '--doc', doc, '--quote', 'let a gremlin loose', '--color', 'red', '--data-dir', dataDir);
      expect(made).toMatchObject({ code: 1, out: '' });
      expect(made.err).toMatch(message);
      expect((await gloss('codes', 'rename', 'a', 'b', '--data-dir', dataDir)).err).toMatch(message);
      expect(await snapshot(dataDir)).toEqual(before);
      expect((await json('highlights', '--doc', doc)).highlights).toEqual([]);
    } finally {
      stop();
    }
  }
});
