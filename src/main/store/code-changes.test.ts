/**
 * Code operations across the library through the store: every document and
 * the codebook changed, the counts reported, refusals that change nothing,
 * undo (and undo of the undo) for the session, and atomicity: a failure or
 * a kill at any write leaves, once the library is opened again, either every
 * document changed or none.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CodeOperation } from '../../shared/model';
import { ANNOTATIONS_FILE, CODE_OPERATION_FILE, CODEBOOK_FILE } from './layout';
import { LibraryStore } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';
import { faultyFileSystem, WRITE_OPS } from './testing/faulty-file-system';
import { SAMPLE, selectorsOf, testId } from './testing/sample-library';
import { CURRENT_SCHEMA } from './file-schemas';

const OTHER = 'Ann Lee: We spoke about risk and about method.\n\nBo Chen: And about the tide, and the risk again.';
const THIRD = 'Cy Dee: Nothing coded here at all.';

let template: string;
let dir: string;
let docs: { sample: string; other: string; third: string };

/** Codes of every highlight in the library, read by a fresh store: `document/highlight: codes`. */
async function codesOnDisk(folder = dir): Promise<string[]> {
  const store = await LibraryStore.open(folder, { mode: 'inspect' });
  const out: string[] = [];
  for (const d of (await store.list()).sort((a, b) => a.title.localeCompare(b.title))) {
    for (const a of (await store.open(d.id)).annotations) out.push(`${d.title}/${Number(a.id.slice(-4))}: ${a.codes.join(', ')}`);
  }
  return out;
}

beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'gloss-code-ops-template-'));
  const store = await LibraryStore.open(template);
  await store.addSampleOnce(SAMPLE);
  const other = await store.importText({ text: OTHER, source: 'other.txt', fallbackTitle: 'Other' });
  const third = await store.importText({ text: THIRD, source: 'third.txt', fallbackTitle: 'Third' });
  const first = (await store.list()).find((d) => d.source === 'Sample transcript')!;
  docs = { sample: first.id, other: other.id, third: third.id };
  let n = 0;
  const highlight = async (documentId: string, quote: string, codes: string[]) => {
    await store.createAnnotation({ documentId, id: testId(++n), color: 'yellow', selectors: await selectorsOf(store, documentId, quote), codes });
  };
  await highlight(docs.sample, 'gremlin', ['theme/risk', 'method']);
  await highlight(docs.sample, 'scaling laws', ['theme/danger', 'theme/risk/ai']);
  await highlight(docs.sample, 'Anthropic', ['people']);
  await highlight(docs.other, 'risk', ['theme/risk']);
  await highlight(docs.other, 'tide', ['theme']);
  await highlight(docs.third, 'Nothing', []);
  await store.describeCode('theme/risk', { color: 'red', description: 'What could go wrong' });
  await store.describeCode('theme/danger', { description: 'Danger' });
});
afterAll(() => rm(template, { recursive: true, force: true }));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-code-ops-'));
  await cp(template, dir, { recursive: true });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const BEFORE = [
  'Democracies must maintain the lead in AI/1: theme/risk, method',
  'Democracies must maintain the lead in AI/2: theme/danger, theme/risk/ai',
  'Democracies must maintain the lead in AI/3: people',
  'Other/4: theme/risk',
  'Other/5: theme',
  'Third/6: ',
];

describe('a code operation changes every document and the codebook', () => {
  const cases: [string, CodeOperation, number, number, string[], [string, string][]][] = [
    [
      'a rename, children following',
      { kind: 'rename', from: 'theme/risk', to: 'theme/hazard' },
      3,
      2,
      ['AI/1: theme/hazard, method', 'AI/2: theme/danger, theme/hazard/ai', 'AI/3: people', 'Other/4: theme/hazard', 'Other/5: theme', 'Third/6: '],
      [['theme/danger', 'Danger'], ['theme/hazard', 'What could go wrong']],
    ],
    [
      'a merge, one code kept where a highlight carried both',
      { kind: 'merge', from: 'theme/danger', into: 'theme/risk' },
      1,
      1,
      ['AI/1: theme/risk, method', 'AI/2: theme/risk, theme/risk/ai', 'AI/3: people', 'Other/4: theme/risk', 'Other/5: theme', 'Third/6: '],
      [['theme/risk', 'What could go wrong']],
    ],
    [
      'a move to the top',
      { kind: 'move', code: 'theme/risk', parent: '' },
      3,
      2,
      ['AI/1: risk, method', 'AI/2: theme/danger, risk/ai', 'AI/3: people', 'Other/4: risk', 'Other/5: theme', 'Third/6: '],
      [['theme/danger', 'Danger'], ['risk', 'What could go wrong']],
    ],
    [
      'a delete of a code and its children',
      { kind: 'delete', code: 'theme' },
      4,
      2,
      ['AI/1: method', 'AI/2: ', 'AI/3: people', 'Other/4: ', 'Other/5: ', 'Third/6: '],
      [],
    ],
  ];
  test.each(cases)('%s', async (_what, operation, highlights, documents, after, entries) => {
    const store = await LibraryStore.open(dir);
    const result = await store.applyCodeOperation(operation);
    expect(result).toEqual({ highlightsChanged: highlights, documentsChanged: documents, undoToken: expect.any(String) });
    expect((await codesOnDisk()).map((l) => l.replace('Democracies must maintain the lead in ', ''))).toEqual(after);
    const codebook = JSON.parse(await readFile(join(dir, CODEBOOK_FILE), 'utf8'));
    expect(Object.entries(codebook.codes).map(([path, e]) => [path, (e as { description: string }).description])).toEqual(entries);
    expect(await readdir(dir)).not.toContain(CODE_OPERATION_FILE);
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  test('the codebook counts follow the operation', async () => {
    const store = await LibraryStore.open(dir);
    await store.applyCodeOperation({ kind: 'rename', from: 'theme/risk', to: 'theme/hazard' });
    const rows = (await (await LibraryStore.open(dir)).codebook()).codes.map((c) => [c.path, c.count, c.total]);
    expect(rows).toEqual([
      ['method', 1, 1],
      ['people', 1, 1],
      ['theme', 1, 4],
      ['theme/danger', 1, 1],
      ['theme/hazard', 2, 3],
      ['theme/hazard/ai', 1, 1],
    ]);
  });

  test('a refused operation says why and changes nothing on disk', async () => {
    const store = await LibraryStore.open(dir);
    const before = await everyFile();
    await expect(store.applyCodeOperation({ kind: 'rename', from: 'theme/danger', to: 'theme/risk' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already in use.*merge/) });
    await expect(store.applyCodeOperation({ kind: 'move', code: 'theme', parent: 'theme/risk' })).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/under itself/) });
    await expect(store.applyCodeOperation({ kind: 'delete', code: 'nothing' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await everyFile()).toEqual(before);
  });

  test('a document that cannot be changed refuses the whole operation before any document is changed', async () => {
    const path = join(dir, 'documents', docs.other, ANNOTATIONS_FILE);
    const snapshot = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...snapshot, schemaVersion: CURRENT_SCHEMA + 1 }));
    const store = await LibraryStore.open(dir);
    const before = await everyFile();
    await expect(store.applyCodeOperation({ kind: 'rename', from: 'theme', to: 'topic' })).rejects.toMatchObject({ code: 'read-only' });
    expect(await everyFile()).toEqual(before);
  });
});

describe('undo', () => {
  test('puts back every changed highlight’s codes and the codebook, and its own undo makes the change again', async () => {
    const store = await LibraryStore.open(dir);
    const codebookBefore = await readFile(join(dir, CODEBOOK_FILE), 'utf8');
    const applied = await store.applyCodeOperation({ kind: 'merge', from: 'theme', into: 'topic' });
    expect(applied).toMatchObject({ highlightsChanged: 4, documentsChanged: 2 });
    const changed = await codesOnDisk();

    const undone = await store.revertCodeOperation(applied.undoToken);
    expect(undone).toMatchObject({ highlightsChanged: 4, documentsChanged: 2 });
    expect(await codesOnDisk()).toEqual(BEFORE);
    expect(JSON.parse(await readFile(join(dir, CODEBOOK_FILE), 'utf8'))).toEqual(JSON.parse(codebookBefore));
    await expect(store.revertCodeOperation(applied.undoToken)).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/cannot be undone/) });

    const redone = await store.revertCodeOperation(undone.undoToken);
    expect(redone).toMatchObject({ highlightsChanged: 4, documentsChanged: 2 });
    expect(await codesOnDisk()).toEqual(changed);
  });

  test('an unknown token is refused clearly', async () => {
    const store = await LibraryStore.open(dir);
    await expect(store.revertCodeOperation('no-such-token')).rejects.toMatchObject({ code: 'not-found' });
  });
});

/** Every file in the data folder, by path, with its content. */
async function everyFile(folder = dir): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(relative(folder, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

describe('atomic across documents', () => {
  const operation: CodeOperation = { kind: 'rename', from: 'theme', to: 'topic' };
  const AFTER = BEFORE.map((l) => l.replace(/theme/g, 'topic'));

  test('a kill at any write of the operation leaves, after a restart, every document changed or none', async () => {
    // How many writes the operation makes, on a copy.
    const probe = faultyFileSystem();
    const counted = await LibraryStore.open(dir, { fs: probe });
    const from = probe.calls.length;
    await counted.applyCodeOperation(operation);
    const writes = probe.calls.slice(from).filter((c) => WRITE_OPS.includes(c.op)).length;
    expect(writes).toBeGreaterThan(5);

    const outcomes = new Set<string>();
    for (let k = 1; k <= writes; k++) {
      const folder = await mkdtemp(join(tmpdir(), 'gloss-code-ops-kill-'));
      try {
        await cp(template, folder, { recursive: true });
        const fs = faultyFileSystem();
        const store = await LibraryStore.open(folder, { fs });
        // From the k-th write on, every write fails: the process is as good as dead.
        let seen = 0;
        fs.fail({ op: WRITE_OPS, when: () => ++seen >= k, code: 'EIO' });
        await store.applyCodeOperation(operation).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 20));

        const restarted = await LibraryStore.open(folder);
        const codes = await codesOnDisk(folder);
        const state = JSON.stringify(codes) === JSON.stringify(AFTER) ? 'all' : JSON.stringify(codes) === JSON.stringify(BEFORE) ? 'none' : `partly: ${codes.join(' | ')}`;
        expect(state, `killed at write ${k} of ${writes}`).toMatch(/^(all|none)$/);
        outcomes.add(state);
        expect(await readdir(folder), `killed at write ${k}`).not.toContain(CODE_OPERATION_FILE);
        if (state === 'all' && k > 1) expect(restarted.status().notices.map((n) => n.kind)).toContain('recovered');
        const codebook = (await restarted.codebook()).codes.filter((c) => c.description !== '').map((c) => c.path);
        expect(codebook, `killed at write ${k}: the codebook moves with the documents`).toEqual(state === 'all' ? ['topic/danger', 'topic/risk'] : ['theme/danger', 'theme/risk']);
        expect((await checkDataFolder(folder)).problems).toEqual([]);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    // Killed before the journal was written, nothing changed; after, everything did.
    expect([...outcomes].sort()).toEqual(['all', 'none']);
  });

  test('a failed write part-way is finished before the next code change, and the reader is told it will be', async () => {
    const fs = faultyFileSystem();
    const store = await LibraryStore.open(dir, { fs });
    const rule = fs.fail({ op: 'replaceFile', path: `${docs.other}/${ANNOTATIONS_FILE}`, code: 'ENOSPC' });
    await expect(store.applyCodeOperation(operation)).rejects.toMatchObject({ code: 'storage', message: expect.stringMatching(/disk is full.*will be finished/) });
    rule.remove();
    await store.applyCodeOperation({ kind: 'rename', from: 'people', to: 'persons' });
    expect(await codesOnDisk()).toEqual(AFTER.map((l) => l.replace('people', 'persons')));
  });
});
