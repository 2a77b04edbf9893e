/**
 * Recovery, tested on the states the filed defects describe, each written to
 * disk as an interruption or damage would leave it, then opened the way the
 * app opens a library. What is asserted is what a reader would check: which
 * documents the library lists, the highlights and notes each one opens with,
 * that export works, what the notices say, and which bytes are still on disk
 * and where.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { Annotation, StoreNotice } from '../../shared/model';
import { GlossError } from './errors';
import { CURRENT_SCHEMA } from './file-schemas';
import { ANNOTATIONS_FILE, ANNOTATIONS_LOG, BACKUPS_DIR, DOCUMENT_FILE, IMPORT_STAGING_PREFIX, LIBRARY_FILE, SETTINGS_FILE, SOURCE_FILE, TRANSCRIPT_FILE } from './layout';
import { LibraryStore, type StoreOptions } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';
import { SAMPLE, selectorsOf, testId } from './testing/sample-library';

const INTERVIEW = 'Ann Lee: We started the archive in 1998.\n\nBo Chan: And the tapes?\n\nAnn Lee: Digitised in 2004, every one of them.\n';
const TALK = 'Cy Diaz: Welcome to the second talk.\n\nDee Eze: Thank you for having me.\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-recovery-'));
  // The store tells of what it recovers on the console too; the tests read status().notices.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  // A store left open may still be writing a backup in the background as the folder goes: try again then.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

const docDir = (documentId: string) => join(dir, 'documents', documentId);
const docFile = (documentId: string, name: string) => join(docDir(documentId), name);

/** Opens the library as the app does at start: open, then add the sample the first time. */
async function startApp(options: StoreOptions = {}): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, options);
  await store.addSampleOnce(SAMPLE);
  return store;
}

/** A library as a reader leaves it: the sample and two interviews, with highlights and notes on two of them. */
async function readersLibrary(options: StoreOptions = {}) {
  const store = await startApp(options);
  const [sampleDoc] = await store.list();
  const interview = await store.importText({ text: INTERVIEW, source: 'interview.txt', fallbackTitle: 'Interview' });
  const talk = await store.importText({ text: TALK, source: 'talk.txt', fallbackTitle: 'Talk' });
  await store.createAnnotation({ documentId: sampleDoc.id, id: testId(1), color: 'green', selectors: await selectorsOf(store, sampleDoc.id, 'gremlin'), note: 'Agents as gremlins' });
  await store.createAnnotation({ documentId: sampleDoc.id, id: testId(2), color: 'pink', selectors: await selectorsOf(store, sampleDoc.id, 'scaling laws') });
  await store.createAnnotation({ documentId: interview.id, id: testId(3), color: 'blue', selectors: await selectorsOf(store, interview.id, 'Digitised in 2004'), note: 'Check the date' });
  return { store, sampleId: sampleDoc.id, interviewId: interview.id, talkId: talk.id };
}

/** Every listed document by title, with its highlights as a reader sees them (note and colour by quote). */
async function whatTheReaderSees(store: LibraryStore) {
  const seen: Record<string, { quote: string; color: string; note: string }[]> = {};
  for (const doc of await store.list()) {
    const { annotations } = await store.open(doc.id);
    seen[doc.title] = annotations.map((a: Annotation) => ({ quote: a.selectors.quote.exact, color: a.color, note: a.note }));
  }
  return seen;
}

const EVERYTHING = {
  'Democracies must maintain the lead in AI': [
    { quote: 'gremlin', color: 'green', note: 'Agents as gremlins' },
    { quote: 'scaling laws', color: 'pink', note: '' },
  ],
  Interview: [{ quote: 'Digitised in 2004', color: 'blue', note: 'Check the date' }],
  Talk: [],
};

const noticesOf = (store: LibraryStore, kind?: StoreNotice['kind']) => store.status().notices.filter((n) => !kind || n.kind === kind);
const namesIn = async (folder: string) => readdir(folder).catch(() => [] as string[]);
/** Files beside `path` that it was moved to as damaged. */
const asideOf = async (path: string) => {
  const folder = join(path, '..');
  const name = path.slice(folder.length + 1);
  return (await namesIn(folder)).filter((n) => n.startsWith(`${name}.damaged-`)).map((n) => join(folder, n));
};

/** The pid of a process that has certainly ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('a missing or unusable library index', () => {
  test.each([
    ['missing', null],
    ['holding null', 'null'],
    ['holding 0', '0'],
    ['holding false', 'false'],
    ['holding ""', '""'],
    ['empty', ''],
  ])('with library.json %s, the app lists every document with its highlights, does not add the sample again, and keeps a damaged index aside', async (_, content) => {
    await readersLibrary();
    const index = join(dir, LIBRARY_FILE);
    if (content === null) await rm(index);
    else await writeFile(index, content);

    const store = await startApp();

    expect(await whatTheReaderSees(store)).toEqual(EVERYTHING);
    expect((await store.list()).filter((d) => d.source === 'Sample transcript')).toHaveLength(1);
    const aside = await asideOf(index);
    if (content) {
      expect(aside).toHaveLength(1);
      expect(await readFile(aside[0], 'utf8')).toBe(content);
      expect(noticesOf(store)).toEqual([expect.objectContaining({ kind: 'recovered', path: aside[0], message: expect.stringContaining(index) })]);
    }
    // The index is written again, listing every document, and the next start is quiet.
    expect((JSON.parse(await readFile(index, 'utf8')) as { documents: unknown[] }).documents).toHaveLength(3);
    const again = await startApp();
    expect(noticesOf(again)).toEqual([]);
    expect(await again.list()).toHaveLength(3);
  });
});

describe('operations interrupted between their steps', () => {
  test('a remove killed after moving the folder and before writing the index: the entry is dropped, and importing the same text again adds it anew', async () => {
    const { store, interviewId } = await readersLibrary();
    const indexBefore = await readFile(join(dir, LIBRARY_FILE), 'utf8');
    await store.removeDocument(interviewId);
    // The index as it was before the removal: it still lists the interview, whose folder is in removed/.
    await writeFile(join(dir, LIBRARY_FILE), indexBefore);

    const app = await startApp();

    expect((await app.list()).map((d) => d.title).sort()).toEqual(['Democracies must maintain the lead in AI', 'Talk']);
    expect(noticesOf(app)).toEqual([expect.objectContaining({ kind: 'recovered', documentId: interviewId, message: expect.stringContaining('"Interview" was listed') })]);
    const [removed] = await namesIn(join(dir, 'removed'));
    expect(removed.startsWith(interviewId)).toBe(true);
    const again = await app.importText({ text: INTERVIEW, source: 'interview.txt', fallbackTitle: 'Interview' });
    expect(again.id).not.toBe(interviewId);
    expect((await app.open(again.id)).transcript.turns).toHaveLength(3);
    await app.removeDocument(again.id);
    expect((await app.list()).map((d) => d.title)).not.toContain('Interview');
  });

  test('an import killed after its folder was in place and before its index write: the document is listed, with its highlights', async () => {
    const { store, interviewId } = await readersLibrary();
    const indexBefore = await readFile(join(dir, LIBRARY_FILE), 'utf8');
    const added = await store.importText({ text: 'Eve Fox: A late addition.\n', source: 'late.txt', fallbackTitle: 'Late' });
    await store.createAnnotation({ documentId: added.id, id: testId(9), color: 'yellow', selectors: await selectorsOf(store, added.id, 'late addition'), note: 'Kept' });
    await writeFile(join(dir, LIBRARY_FILE), indexBefore);

    const app = await startApp();

    expect(await whatTheReaderSees(app)).toEqual({ ...EVERYTHING, Late: [{ quote: 'late addition', color: 'yellow', note: 'Kept' }] });
    expect((await app.open(interviewId)).annotations).toHaveLength(1);
    expect((JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8')) as { documents: { id: string }[] }).documents.map((d) => d.id)).toContain(added.id);
  });

  test('an import killed before its folder was renamed into place: the staging folder of the ended process is cleared and never listed', async () => {
    await readersLibrary();
    const staging = join(dir, 'documents', `${IMPORT_STAGING_PREFIX}${deadPid()}-${testId(7)}`);
    await mkdir(staging);
    await writeFile(join(staging, SOURCE_FILE), 'Half an import.\n');
    await writeFile(join(staging, TRANSCRIPT_FILE), '{"schemaVersion":2,"transcript":{"title":"Half');

    const app = await startApp();

    expect(await whatTheReaderSees(app)).toEqual(EVERYTHING);
    expect((await namesIn(join(dir, 'documents'))).filter((n) => n.startsWith(IMPORT_STAGING_PREFIX))).toEqual([]);
    expect(noticesOf(app, 'damaged')).toEqual([]);
  });

  test('an import still being written by a running process (gloss add beside the app) is left alone, and not listed', async () => {
    await readersLibrary();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      const staging = join(dir, 'documents', `${IMPORT_STAGING_PREFIX}${other.pid}-${testId(8)}`);
      await mkdir(staging);
      await writeFile(join(staging, SOURCE_FILE), 'An import in progress.\n');

      const app = await startApp();

      expect(await whatTheReaderSees(app)).toEqual(EVERYTHING);
      expect(await readFile(join(staging, SOURCE_FILE), 'utf8')).toBe('An import in progress.\n');
    } finally {
      other.kill('SIGKILL');
    }
  });
});

/** A reader's every step on every document: listing, opening, exporting, highlighting. What failed, by step; never a crash. */
async function everyStep(store: LibraryStore): Promise<string[]> {
  const failures: string[] = [];
  const attempt = async (step: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      // A failure is the store's own, in words: never a TypeError from a shape it did not expect.
      expect(error, step).toBeInstanceOf(GlossError);
      failures.push(`${step}: ${(error as Error).message}`);
    }
  };
  for (const doc of await store.list()) {
    await attempt(`open ${doc.title}`, () => store.open(doc.id));
    await attempt(`export ${doc.title}`, () => store.forExport(doc.id));
    await attempt(`highlight in ${doc.title}`, async () => {
      const { transcript } = await store.open(doc.id);
      const text = plainTextOf(transcript);
      await store.createAnnotation({ documentId: doc.id, id: testId(50), color: 'purple', selectors: createSelectors(text, 0, 3) });
      await store.deleteAnnotation(doc.id, testId(50));
    });
  }
  return failures;
}

type Ids = Awaited<ReturnType<typeof readersLibrary>>;

interface ShapeCase {
  file: string;
  defect: string;
  /** Where the file is, in the library made by readersLibrary. */
  path: (ids: Ids) => string;
  /** What is written to it; `before` is what it held. */
  content: (ids: Ids, before: string) => string;
  /** Highlights go to the change log (documents with many highlights). */
  logged?: boolean;
  /** Also remove this file first (the text kept beside a transcript). */
  without?: (ids: Ids) => string;
  /** What the reader sees afterwards, and where the bytes are. */
  then: (store: LibraryStore, ids: Ids, path: string, content: string) => Promise<void>;
}

const LOGGED = { appendFrom: 0, foldAt: 1e9 };

/** The file was moved aside with its bytes intact, and a notice names the document, the file and where it went. */
async function keptAside(store: LibraryStore, path: string, content: string, documentId?: string) {
  const [aside, ...more] = await asideOf(path);
  expect(more).toEqual([]);
  expect(await readFile(aside, 'utf8')).toBe(content);
  expect(store.status().notices).toContainEqual(expect.objectContaining({ path: aside, message: expect.stringContaining(path), ...(documentId ? { documentId } : {}) }));
}

/** The file is exactly as it was, and a notice or the failure names it. */
async function leftAsItWas(store: LibraryStore, path: string, content: string, failures: string[] = []) {
  expect(await readFile(path, 'utf8')).toBe(content);
  expect(await asideOf(path)).toEqual([]);
  expect([...store.status().notices.map((n) => n.message), ...failures].some((m) => m.includes(path))).toBe(true);
}

const VALID_TRANSCRIPT = { title: 'Talk', speakers: ['Cy Diaz'], turns: [{ speaker: 'Cy Diaz', kind: 'speech', paragraphs: [{ text: 'Welcome.', start: 0, end: 8 }] }] };

const SHAPE_CASES: ShapeCase[] = [
  {
    file: LIBRARY_FILE,
    defect: 'of version 1 holding nothing but {"schemaVersion":1}',
    path: () => join(dir, LIBRARY_FILE),
    content: () => '{"schemaVersion":1}',
    then: async (store) => {
      expect(await whatTheReaderSees(store)).toEqual(EVERYTHING);
    },
  },
  {
    file: LIBRARY_FILE,
    defect: 'listing a document that is not an entry',
    path: () => join(dir, LIBRARY_FILE),
    content: () => '{"schemaVersion":2,"sampleAdded":true,"documents":[{"id":7}]}',
    then: async (store, _, path, content) => {
      expect(await whatTheReaderSees(store)).toEqual(EVERYTHING);
      await keptAside(store, path, content);
    },
  },
  {
    file: LIBRARY_FILE,
    defect: 'holding a list',
    path: () => join(dir, LIBRARY_FILE),
    content: () => '[1,2,3]',
    then: async (store, _, path, content) => {
      expect(await whatTheReaderSees(store)).toEqual(EVERYTHING);
      await keptAside(store, path, content);
    },
  },
  ...[
    ['whose highlights are not a list', (s: string) => `{"schemaVersion":2,"documentId":"${s}","seq":0,"annotations":{}}`],
    ['holding a highlight with no selectors', (s: string) => `{"schemaVersion":2,"documentId":"${s}","seq":1,"annotations":[{"id":"x","documentId":"${s}","color":"yellow","note":"","createdAt":"t","updatedAt":"t"}]}`],
    ['of version 1 with nothing but its version', () => '{"schemaVersion":1}'],
    ['of another document', () => `{"schemaVersion":2,"documentId":"${testId(99)}","seq":0,"annotations":[]}`],
  ].map(
    ([defect, content]): ShapeCase => ({
      file: ANNOTATIONS_FILE,
      defect: `${defect as string}, with no backup`,
      path: (ids) => docFile(ids.sampleId, ANNOTATIONS_FILE),
      content: (ids) => (content as (s: string) => string)(ids.sampleId),
      then: async (store, ids, path, text) => {
        // Kept aside when the document is opened, which starts again with no highlights rather than failing on every step.
        expect((await whatTheReaderSees(store))['Democracies must maintain the lead in AI']).toEqual([]);
        await keptAside(store, path, text, ids.sampleId);
        expect(await everyStep(store)).toEqual([]);
      },
    }),
  ),
  {
    file: TRANSCRIPT_FILE,
    defect: 'whose turns are not a list',
    path: (ids) => docFile(ids.interviewId, TRANSCRIPT_FILE),
    content: () => '{"schemaVersion":2,"transcript":{"title":"Interview","speakers":[],"turns":"none"}}',
    then: async (store, ids, path, content) => {
      // Read again from the text kept beside it.
      expect(await whatTheReaderSees(store)).toEqual(EVERYTHING);
      await keptAside(store, path, content, ids.interviewId);
      expect(await everyStep(store)).toEqual([]);
    },
  },
  {
    file: TRANSCRIPT_FILE,
    defect: 'whose paragraphs are not where their offsets say, with no text beside it',
    path: (ids) => docFile(ids.interviewId, TRANSCRIPT_FILE),
    content: () => '{"schemaVersion":2,"transcript":{"title":"Interview","speakers":[],"turns":[{"speaker":null,"kind":"speech","paragraphs":[{"text":"abc","start":5,"end":6}]}]}}',
    without: (ids) => docFile(ids.interviewId, SOURCE_FILE),
    then: async (store, ids, path, content) => {
      const failures = await everyStep(store);
      expect(failures.map((f) => f.split(':')[0])).toEqual(['open Interview', 'export Interview', 'highlight in Interview']);
      expect(failures[0]).toContain(path);
      await leftAsItWas(store, path, content, failures);
      expect((await store.list()).map((d) => d.id)).toContain(ids.interviewId);
    },
  },
  {
    file: TRANSCRIPT_FILE,
    defect: 'from a newer Gloss, in a shape this one reads',
    path: (ids) => docFile(ids.talkId, TRANSCRIPT_FILE),
    content: () => JSON.stringify({ schemaVersion: CURRENT_SCHEMA + 1, transcript: VALID_TRANSCRIPT, speakerColours: {} }),
    then: async (store, ids, path, content) => {
      expect((await store.open(ids.talkId)).transcript).toEqual(VALID_TRANSCRIPT);
      expect(await everyStep(store)).toEqual([]);
      expect(await readFile(path, 'utf8')).toBe(content);
    },
  },
  {
    file: TRANSCRIPT_FILE,
    defect: 'from a newer Gloss, in a shape this one cannot read',
    path: (ids) => docFile(ids.talkId, TRANSCRIPT_FILE),
    content: () => JSON.stringify({ schemaVersion: CURRENT_SCHEMA + 1, transcript: { sections: [] } }),
    then: async (store, _, path, content) => {
      const failures = await everyStep(store);
      expect(failures.map((f) => f.split(':')[0])).toEqual(['open Talk', 'export Talk', 'highlight in Talk']);
      expect(failures[0]).toMatch(/newer Gloss/);
      await leftAsItWas(store, path, content, failures);
    },
  },
  {
    file: ANNOTATIONS_LOG,
    defect: 'with a line that is not a highlight change ({"seq":999,"put":{"id":"zzz"}})',
    logged: true,
    path: (ids) => docFile(ids.sampleId, ANNOTATIONS_LOG),
    content: (_, logged) => `${logged}{"seq":999,"put":{"id":"zzz"}}\n`,
    then: async (store, ids, path, content) => {
      // The changes that read are applied; the one that does not is never applied, nor written into annotations.json.
      expect(await whatTheReaderSees(store)).toEqual(EVERYTHING);
      expect(await everyStep(store)).toEqual([]);
      expect(await readFile(docFile(ids.sampleId, ANNOTATIONS_FILE), 'utf8')).not.toContain('zzz');
      await keptAside(store, path, content, ids.sampleId);
    },
  },
  {
    file: ANNOTATIONS_LOG,
    defect: 'with no line end at all',
    logged: true,
    path: (ids) => docFile(ids.sampleId, ANNOTATIONS_LOG),
    content: (_, logged) => logged.trimEnd(),
    then: async (store, ids, path, content) => {
      // A line without its end was being written when Gloss stopped, and was never reported saved: not applied, but kept.
      expect((await whatTheReaderSees(store))['Democracies must maintain the lead in AI']).toEqual([EVERYTHING['Democracies must maintain the lead in AI'][0]]);
      expect(await everyStep(store)).toEqual([]);
      await keptAside(store, path, content, ids.sampleId);
    },
  },
  {
    file: DOCUMENT_FILE,
    defect: 'with an entry missing its fields, listed in the index',
    path: (ids) => docFile(ids.talkId, DOCUMENT_FILE),
    content: (ids) => `{"schemaVersion":2,"document":{"id":"${ids.talkId}"}}`,
    then: async (store, ids, path, content) => {
      expect(await whatTheReaderSees(store)).toEqual(EVERYTHING);
      await keptAside(store, path, content, ids.talkId);
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, document: { id: ids.talkId, title: 'Talk' } });
    },
  },
  {
    file: DOCUMENT_FILE,
    defect: 'from a newer Gloss',
    path: (ids) => docFile(ids.talkId, DOCUMENT_FILE),
    content: (ids) => JSON.stringify({ schemaVersion: CURRENT_SCHEMA + 1, document: { id: ids.talkId, title: 'Talk', tags: [] } }),
    then: async (store, ids, path, content) => {
      // Not this Gloss's to change: left where it is, with its folder, and the reader told why it is not listed.
      await leftAsItWas(store, path, content);
      expect(await namesIn(docDir(ids.talkId))).toContain(TRANSCRIPT_FILE);
      expect(noticesOf(store).find((n) => n.message.includes(path))?.message).toMatch(/newer Gloss/);
      const { Talk: _, ...rest } = EVERYTHING;
      expect(await whatTheReaderSees(store)).toEqual(rest);
    },
  },
];

describe('wrongly shaped data files', () => {
  test.each(SHAPE_CASES.map((c) => [c.file, c.defect, c] as const))('%s %s: the app starts, nothing crashes, and the file is named and kept', async (_, __, c) => {
    const ids = await readersLibrary(c.logged ? { changeLog: LOGGED } : {});
    const path = c.path(ids);
    const content = c.content(ids, await readFile(path, 'utf8').catch(() => ''));
    if (c.file === ANNOTATIONS_FILE) await rm(join(docDir(ids.sampleId), BACKUPS_DIR), { recursive: true });
    if (c.without) await rm(c.without(ids));
    await writeFile(path, content);

    const store = await startApp(c.logged ? { changeLog: LOGGED } : {});

    await c.then(store, ids, path, content);
    // Every other data file reads and checks: only a file left as it was may not.
    expect((await checkDataFolder(dir)).problems.filter((p) => !p.startsWith(relative(dir, path)))).toEqual([]);
  });
});

describe('backups', () => {
  /** A clock the test moves on, starting now (backups made earlier by this process carry real times). */
  function clock() {
    let at = Math.ceil(Date.now() / 60_000) * 60_000;
    return { now: () => new Date(at), advance: (minutes: number) => (at += minutes * 60_000) };
  }
  /** The moment in a backup's name (`<file>-2026-11-29T08-00-00-000Z`). */
  const timeOf = (name: string) => Date.parse(name.slice(-24).replace(/^(.{10}T\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, '$1:$2:$3.$4Z'));
  const backupsOf = async (folder: string, file: string) => (await namesIn(folder)).filter((n) => n.startsWith(`${file}-`)).sort();

  test('changes made across six hours leave one backup per hour, the newest N distinct ones, each a good file', async () => {
    const { now, advance } = clock();
    const store = await startApp({ now });
    await store.changeSettings((s) => ({ ...s, backups: { keep: 3, everyMinutes: 60 } }));
    const doc = await store.importText({ text: INTERVIEW, source: 'interview.txt', fallbackTitle: 'Interview' });
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: await selectorsOf(store, doc.id, 'archive') });
    const notes = new Map<number, string>();
    for (let minute = 0; minute <= 360; minute += 20) {
      notes.set(now().getTime(), `note at ${minute} minutes`);
      await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: `note at ${minute} minutes` });
      advance(20);
    }

    const folder = join(docDir(doc.id), BACKUPS_DIR);
    const backups = await backupsOf(folder, ANNOTATIONS_FILE);
    expect(backups).toHaveLength(3);
    const times = backups.map(timeOf);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(60 * 60_000);
    const contents = await Promise.all(backups.map((b) => readFile(join(folder, b), 'utf8')));
    expect(new Set(contents).size).toBe(3);
    // Each holds the note as it was when it was taken.
    contents.forEach((content, i) => expect(JSON.parse(content).annotations[0].note).toBe(notes.get(times[i])));
    expect((await backupsOf(join(dir, BACKUPS_DIR), LIBRARY_FILE)).length).toBeLessThanOrEqual(3);
    expect(await backupsOf(join(dir, BACKUPS_DIR), SETTINGS_FILE)).toHaveLength(1);
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  /** A library whose files were backed up, then changed again within the hour (so the backups are behind). */
  async function changedAfterBackup(options: StoreOptions = {}) {
    const { now, advance } = clock();
    const store = await startApp({ ...options, now });
    const doc = await store.importText({ text: INTERVIEW, source: 'interview.txt', fallbackTitle: 'Interview' });
    await store.changeSettings((s) => ({ ...s, backups: { keep: 5, everyMinutes: 60 } }));
    await store.renameDocument(doc.id, 'Archive interview');
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: await selectorsOf(store, doc.id, 'archive'), note: 'First note' });
    advance(90);
    // Backed up: more than an hour since the last backups.
    await store.changeSettings((s) => ({ ...s, backups: { keep: 6, everyMinutes: 60 } }));
    await store.renameDocument(doc.id, 'Archive interview, 1998');
    await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: 'Second note' });
    advance(5);
    // Not backed up: within the hour.
    await store.changeSettings((s) => ({ ...s, backups: { keep: 7, everyMinutes: 60 } }));
    await store.renameDocument(doc.id, 'Archive interview, 2004');
    await store.createAnnotation({ documentId: doc.id, id: testId(2), color: 'green', selectors: await selectorsOf(store, doc.id, 'tapes'), note: 'Tapes' });
    await store.deleteAnnotation(doc.id, testId(2));
    await store.createAnnotation({ documentId: doc.id, id: testId(3), color: 'blue', selectors: await selectorsOf(store, doc.id, 'Digitised'), note: 'Third' });
    advance(5);
    return { documentId: doc.id, now };
  }

  const DAMAGED = '{"schemaVersion":2,"documentId":';

  test.each([
    {
      file: ANNOTATIONS_FILE,
      backedUp: { title: 'Archive interview, 2004', highlights: [{ quote: 'archive', color: 'yellow', note: 'Second note' }] },
    },
    {
      // The index's copy of the entry is newer than any backup of document.json, so the latest title survives.
      file: DOCUMENT_FILE,
      backedUp: { title: 'Archive interview, 2004', highlights: [{ quote: 'archive', color: 'yellow', note: 'Second note' }, { quote: 'Digitised', color: 'blue', note: 'Third' }] },
    },
  ])('a damaged $file is moved aside and its newest good copy restored; the notice names the document and where the damaged file went', async ({ file, backedUp }) => {
    const { documentId, now } = await changedAfterBackup();
    const path = docFile(documentId, file);
    await writeFile(path, DAMAGED);

    const store = await startApp({ now });

    expect(await whatTheReaderSees(store)).toEqual({ 'Democracies must maintain the lead in AI': [], [backedUp.title]: backedUp.highlights });
    const [aside] = await asideOf(path);
    expect(await readFile(aside, 'utf8')).toBe(DAMAGED);
    expect(noticesOf(store)).toEqual([expect.objectContaining({ kind: 'restored', documentId, path: aside, message: expect.stringContaining(path) })]);
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  test('a damaged settings.json is moved aside and its newest good backup restored, and the notice says where it went', async () => {
    const { now } = await changedAfterBackup();
    const path = join(dir, SETTINGS_FILE);
    await writeFile(path, DAMAGED);

    const store = await startApp({ now });

    expect(store.settingsData.backups).toEqual({ keep: 6, everyMinutes: 60 });
    const [aside] = await asideOf(path);
    expect(await readFile(aside, 'utf8')).toBe(DAMAGED);
    expect(noticesOf(store)).toEqual([expect.objectContaining({ kind: 'restored', path: aside, message: expect.stringContaining(path) })]);
  });

  test('in a document whose changes are logged, the changes logged after the restored backup are applied again', async () => {
    const { documentId, now } = await changedAfterBackup({ changeLog: LOGGED });
    const path = docFile(documentId, ANNOTATIONS_FILE);
    await writeFile(path, DAMAGED);

    const store = await startApp({ now, changeLog: LOGGED });

    const { annotations } = await store.open(documentId);
    expect(annotations.map((a) => [a.selectors.quote.exact, a.note])).toEqual([
      ['archive', 'Second note'],
      ['Digitised', 'Third'],
    ]);
    const [aside] = await asideOf(path);
    expect(noticesOf(store)).toEqual([expect.objectContaining({ kind: 'restored', documentId, path: aside })]);
    // And they are there after the next start too.
    expect((await (await startApp({ now, changeLog: LOGGED })).open(documentId)).annotations).toHaveLength(2);
  });
});
