/**
 * `gloss find` on a real data folder: matches in one document with offsets
 * that point at the text, in text and JSON, the toggles, its errors, and
 * that it writes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { plainTextOf } from '../core/transcript/plain-text';
import { LibraryStore } from '../main/store/library-store';
import { gloss, SAMPLE_PATH, snapshot } from './testing/run-gloss';

// find only reads: one library with the sample serves every test.
const library = { dir: '', dataDir: '', doc: '' };

/** `gloss find` over the library with --json, which must succeed: what it printed, parsed. */
async function findJson(...argv: string[]) {
  const run = await gloss('find', '--doc', library.doc, ...argv, '--json', '--data-dir', library.dataDir);
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
  return JSON.parse(run.out);
}

beforeAll(async () => {
  library.dir = await mkdtemp(join(tmpdir(), 'gloss-cli-find-'));
  library.dataDir = join(library.dir, 'library');
  const added = await gloss('add', SAMPLE_PATH, '--json', '--data-dir', library.dataDir);
  library.doc = JSON.parse(added.out)[0].id;
});
afterAll(() => rm(library.dir, { recursive: true, force: true }));

test('find gives every match with offsets into the plain text, the speaker and context, as the find bar finds them', async () => {
  const text = plainTextOf((await (await LibraryStore.open(library.dataDir)).open(library.doc)).transcript);
  // Typed with a straight apostrophe; the transcript has a curly one.
  const found = await findJson("the world's most");
  expect(found).toEqual({
    documentId: library.doc,
    query: "the world's most",
    total: 1,
    matches: [{ start: expect.any(Number), end: expect.any(Number), text: 'the world’s most', speaker: 'Introduction', context: expect.stringContaining('the world’s most advanced') }],
  });
  const [m] = found.matches;
  expect(text.slice(m.start, m.end)).toBe('the world’s most');

  const laws = await findJson('Scaling', 'laws');
  expect(laws.total).toBe(4);
  expect(laws.matches.map((x: { start: number; end: number }) => text.slice(x.start, x.end).toLowerCase())).toEqual(Array(4).fill('scaling laws'));
  expect(laws.matches.map((x: { speaker: string }) => x.speaker)).toContain('Dario Amodei');
});

test('--match-case and --whole-word narrow the matches', async () => {
  expect((await findJson('claude')).total).toBe(6);
  expect((await findJson('claude', '--match-case')).total).toBe(0);
  expect((await findJson('law')).total).toBe(5);
  expect((await findJson('law', '--whole-word')).total).toBe(1);
});

test('find prints a count and each match with its offsets, speaker and the match in brackets, and writes nothing', async () => {
  const before = await snapshot(library.dataDir);
  const { code, out, err } = await gloss('find', '--doc', library.doc, 'gremlin', '--data-dir', library.dataDir);
  expect({ code, err }).toEqual({ code: 0, err: '' });
  const lines = out.split('\n');
  expect(lines[0]).toBe(`1 match for "gremlin" in “Democracies must maintain the lead in AI” (${library.doc})`);
  expect(lines[1]).toMatch(/^\d+-\d+ {2}Dario Amodei$/);
  expect(lines[2]).toContain('let a [gremlin] loose');
  expect((await gloss('find', '--doc', library.doc, 'zeppelin', '--data-dir', library.dataDir)).out).toMatch(/^No matches for "zeppelin"/);
  expect(await snapshot(library.dataDir)).toEqual(before);
});

test('find without a query, or for a document that is not there, says what is wrong', async () => {
  const empty = await gloss('find', '--doc', library.doc, '  ', '--data-dir', library.dataDir);
  expect(empty.code).toBe(2);
  expect(empty.err).toContain('find needs some text to look for');
  const none = await gloss('find', '--doc', library.doc, '--data-dir', library.dataDir);
  expect(none.code).toBe(2);
  const missing = await gloss('find', '--doc', 'no-such-document', 'gremlin', '--data-dir', library.dataDir);
  expect(missing.code).toBe(1);
  expect(missing.err).toMatch(/^gloss: .*no-such-document/);
});
