/**
 * `gloss replace-text` and `gloss revert-text` on a real data folder: the
 * sample interview with highlights spread across it (notes and codes on
 * each) replaced by a hand-corrected version (test-fixtures/reanchor/: words
 * fixed, a sentence deleted, a paragraph moved, one relabelled and one split,
 * curly quotes made straight). No highlight is lost, orphans are only where
 * the text was deleted, notes and codes go with each highlight, and the undo
 * brings every highlight back exactly. GLOSS_REANCHOR_REPORT=FILE writes the
 * printed report there (for the closing note).
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createSelectors } from '../core/anchoring/selectors';
import { plainTextOf } from '../core/transcript/plain-text';
import { LibraryStore } from '../main/store/library-store';
import type { Annotation, ReanchoredHighlight, TextReplacement } from '../shared/model';
import { gloss, ROOT, snapshot } from './testing/run-gloss';

const FIXTURES = join(ROOT, 'test-fixtures/reanchor');
const DELETED = 'No one is more tired of it than me.';

let dir: string;
let dataDir: string;
let doc: string;
let corrected: string;

async function run(...argv: string[]) {
  const { code, out, err } = await gloss(...argv, '--data-dir', dataDir);
  expect(err).toBe('');
  expect(code).toBe(0);
  return out;
}

const highlightsOnDisk = async () => (await (await LibraryStore.open(dataDir, { mode: 'inspect' })).open(doc)).annotations;

/** Highlights spread over the whole text: six words into each long paragraph, the last sentence of every other one, and the sentence the correction deletes. */
async function highlightSample(): Promise<{ text: string; made: Annotation[] }> {
  const store = await LibraryStore.open(dataDir);
  const text = plainTextOf((await store.open(doc)).transcript);
  const ranges: [number, number][] = [];
  let at = 0;
  text.split('\n\n').forEach((paragraph, i) => {
    const words = [...paragraph.matchAll(/\S+/g)];
    if (words.length >= 9) ranges.push([at + words[2].index, at + words[7].index + words[7][0].length]);
    const last = paragraph.match(/[^.?!]+[.?!]\s*$/);
    if (i % 2 === 0 && last && words.length >= 12) ranges.push([at + last.index! + (last[0].length - last[0].trimStart().length), at + paragraph.trimEnd().length]);
    at += paragraph.length + 2;
  });
  const deleted = text.indexOf(DELETED);
  ranges.push([deleted, deleted + DELETED.length]);
  const made: Annotation[] = [];
  for (const [n, [start, end]] of ranges.entries()) {
    made.push(
      await store.createAnnotation({
        documentId: doc,
        id: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
        color: (['yellow', 'green', 'blue', 'pink'] as const)[n % 4],
        selectors: createSelectors(text, start, end),
        note: n % 3 === 0 ? `Note on highlight ${n + 1}` : '',
        codes: n % 2 === 0 ? [`theme/t${n % 5}`] : ['method'],
      }),
    );
  }
  // Opened once more, as the next command will: the index catches up with the opening time the store wrote.
  await LibraryStore.open(dataDir);
  return { text, made };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-replace-'));
  dataDir = join(dir, 'library');
  const original = join(dir, 'sample-interview.txt');
  corrected = join(dir, 'sample-corrected.txt');
  await copyFile(join(FIXTURES, 'sample-interview.txt'), original);
  await copyFile(join(FIXTURES, 'sample-corrected.txt'), corrected);
  [{ id: doc }] = JSON.parse(await run('add', original, '--json'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('replace-text re-anchors 50+ highlights into the corrected sample: none lost, orphans only where text was deleted, notes and codes carried; revert-text brings each back exactly', async () => {
  const { text, made } = await highlightSample();
  expect(made.length).toBeGreaterThanOrEqual(50);

  const human = await run('replace-text', '--doc', doc, corrected);
  if (process.env.GLOSS_REANCHOR_REPORT) await writeFile(process.env.GLOSS_REANCHOR_REPORT, `${human}\n`);
  const [line] = human.split('\n');
  expect(line).toMatch(/^\d+ highlights kept, \d+ moved, \d+ changed, \d+ orphaned$/);

  const after = await highlightsOnDisk();
  const newText = plainTextOf((await (await LibraryStore.open(dataDir, { mode: 'inspect' })).open(doc)).transcript);
  expect(newText).not.toContain(DELETED);
  expect(after.map((a) => a.id).sort()).toEqual(made.map((a) => a.id).sort());
  const deletedAt = text.indexOf(DELETED);
  for (const was of made) {
    const now = after.find((a) => a.id === was.id)!;
    expect({ note: now.note, codes: now.codes, color: now.color }).toEqual({ note: was.note, codes: was.codes, color: was.color });
    const { start, end } = was.selectors.position;
    const inDeleted = start >= deletedAt && end <= deletedAt + DELETED.length;
    if (inDeleted) expect(now.orphaned, `“${was.selectors.quote.exact}” was deleted`).toBe(true);
    else if (!now.orphaned) expect(newText.slice(now.selectors.position.start, now.selectors.position.end)).toBe(now.selectors.quote.exact);
    // An orphan only where the text was deleted: a highlight elsewhere is always placed.
    const touchesDeleted = start < deletedAt + DELETED.length && end > deletedAt;
    if (!touchesDeleted) expect(now.orphaned, `“${was.selectors.quote.exact}” is still in the text`).toBeUndefined();
  }
  // Each moved, changed or orphaned one is listed with its quote before (and after).
  expect(human).toMatch(/orphaned 0{8}-.*\n {2}before: \d+-\d+ “No one is more tired of it than me\.”\n {2}after: {2}\(not placed/);

  // The kept version and the new files read and check.
  expect(JSON.parse(await run('check', '--json'))).toMatchObject({ ok: true, problems: [] });
  const folder = await snapshot(dataDir);
  const token = /undo with: gloss revert-text --doc \S+ (\S+)$/m.exec(human)![1];
  const reverted: TextReplacement = JSON.parse(await run('revert-text', '--doc', doc, token, '--json'));
  expect(reverted.orphaned).toBe(0);
  expect(await highlightsOnDisk()).toEqual(made);
  expect(plainTextOf((await (await LibraryStore.open(dataDir, { mode: 'inspect' })).open(doc)).transcript)).toBe(text);
  // The same token again is refused and changes nothing.
  const again = await gloss('revert-text', '--doc', doc, token, '--data-dir', dataDir);
  expect(again.code).toBe(1);
  expect(again.err).toMatch(/has changed since that replace/);
  expect(Object.keys(await snapshot(dataDir)).length).toBeGreaterThan(Object.keys(folder).length);
});

test('--json gives each highlight’s id, status, and place and quote before and after', async () => {
  await highlightSample();
  const report: TextReplacement = JSON.parse(await run('replace-text', '--doc', doc, corrected, '--json'));
  expect(Object.keys(report)).toEqual(['documentId', 'kept', 'moved', 'changed', 'orphaned', 'previousVersion', 'undoToken', 'highlights']);
  expect(report.kept + report.moved + report.changed + report.orphaned).toBe(report.highlights.length);
  const statuses = new Set(report.highlights.map((h: ReanchoredHighlight) => h.status));
  expect(statuses).toContain('orphaned');
  for (const h of report.highlights) {
    expect(Object.keys(h)).toEqual(['id', 'status', 'before', 'after']);
    expect(h.before).toEqual({ start: expect.any(Number), end: expect.any(Number), quote: expect.any(String) });
    if (h.status === 'orphaned') expect(h.after).toBeNull();
    else expect(h.after).toEqual({ start: expect.any(Number), end: expect.any(Number), quote: expect.any(String) });
  }
  // gloss highlights marks the orphan.
  const listed = JSON.parse(await run('highlights', '--doc', doc, '--json'));
  expect(listed.highlights.filter((h: { orphaned?: boolean }) => h.orphaned).length).toBe(report.orphaned);
});

test('a file that cannot be read, the same text, a wrong id or a missing operand write nothing', async () => {
  await highlightSample();
  const before = await snapshot(dataDir);
  const empty = join(dir, 'empty.txt');
  await writeFile(empty, '');
  const refused = await gloss('replace-text', '--doc', doc, empty, '--data-dir', dataDir);
  expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/Could not open empty\.txt: it is empty\. The text was not replaced\./) });
  const same = await gloss('replace-text', '--doc', doc, join(FIXTURES, 'sample-interview.txt'), '--data-dir', dataDir);
  expect(same).toMatchObject({ code: 1, err: expect.stringMatching(/same text/) });
  expect((await gloss('replace-text', '--doc', 'nope', corrected, '--data-dir', dataDir)).code).toBe(1);
  expect((await gloss('replace-text', '--doc', doc, '--data-dir', dataDir)).code).toBe(2);
  expect(await snapshot(dataDir)).toEqual(before);
});
