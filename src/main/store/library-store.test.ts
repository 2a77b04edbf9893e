import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type FileSystem, nodeFileSystem } from './file-system';
import { CURRENT_SCHEMA } from './file-schemas';
import { LibraryStore } from './library-store';
import { SAMPLE, selectorsOf, storeWithSample, testId } from './testing/sample-library';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});


describe('LibraryStore', () => {
  test('adds the sample once, with its title, speakers and word count', async () => {
    const store = await LibraryStore.open(dir);
    await store.addSampleOnce(SAMPLE);
    await store.addSampleOnce(SAMPLE);
    const docs = await store.list();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      title: 'Democracies must maintain the lead in AI',
      source: 'Sample transcript',
      speakers: ['Madhumita Murgia', 'Dario Amodei'],
      highlightCount: 0,
    });
    expect(docs[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(docs[0].wordCount).toBeGreaterThan(3500);
  });

  test('keeps highlights and notes across a restart, in a file of their own', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'green', selectors: at('gremlin') });
    await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: 'Agents as gremlins' });

    const reopened = await LibraryStore.open(dir);
    const { annotations } = await reopened.open(doc.id);
    expect(annotations).toEqual([
      expect.objectContaining({ id: testId(1), color: 'green', note: 'Agents as gremlins', documentId: doc.id }),
    ]);
    expect(annotations[0].selectors.quote.exact).toBe('gremlin');
    const onDisk = JSON.parse(await readFile(join(dir, 'documents', doc.id, 'annotations.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: CURRENT_SCHEMA, documentId: doc.id });
    expect(onDisk.annotations[0].note).toBe('Agents as gremlins');
  });

  test('the imported text is kept in source.txt beside the transcript, which no longer carries it', async () => {
    const { doc, store } = await storeWithSample(dir);
    const folder = join(dir, 'documents', doc.id);
    expect(await readFile(join(folder, 'source.txt'), 'utf8')).toBe(SAMPLE.replace(/\r\n?/g, '\n'));
    const file = JSON.parse(await readFile(join(folder, 'transcript.json'), 'utf8'));
    expect(file).not.toHaveProperty('text');
    expect((await store.open(doc.id)).transcript.turns.length).toBeGreaterThan(10);
  });

  test('a transcript file written by an earlier version, with the text inside, still opens', async () => {
    const { doc } = await storeWithSample(dir);
    const folder = join(dir, 'documents', doc.id);
    const file = JSON.parse(await readFile(join(folder, 'transcript.json'), 'utf8'));
    await writeFile(join(folder, 'transcript.json'), JSON.stringify({ ...file, text: SAMPLE }));
    await rm(join(folder, 'source.txt'));
    const reopened = await LibraryStore.open(dir);
    const opened = await reopened.open(doc.id);
    expect(opened.transcript).toEqual(file.transcript);
    await reopened.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: await selectorsOf(reopened, doc.id, 'gremlin') });
    expect((await reopened.open(doc.id)).annotations).toHaveLength(1);
  });

  test('the library lists highlight and note counts from a small file per document, without reading the highlights', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin'), note: 'a note' });
    await store.createAnnotation({ documentId: doc.id, id: testId(2), color: 'blue', selectors: at('scaling laws') });
    const folder = join(dir, 'documents', doc.id);
    expect(JSON.parse(await readFile(join(folder, 'counts.json'), 'utf8'))).toMatchObject({ highlightCount: 2, noteCount: 1 });
    // Proof that a fresh listing reads counts.json alone: the highlights file is unreadable, and the counts still come.
    const annotations = await readFile(join(folder, 'annotations.json'), 'utf8');
    await writeFile(join(folder, 'annotations.json'), '{ not json');
    expect(await (await LibraryStore.open(dir)).list()).toEqual([expect.objectContaining({ highlightCount: 2, noteCount: 1 })]);
    await writeFile(join(folder, 'annotations.json'), annotations);
  });

  test('counts follow every change that alters them, and a missing or wrong counts file is put right', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin') });
    await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: 'now with a note' });
    const folder = join(dir, 'documents', doc.id);
    const saved = async () => JSON.parse(await readFile(join(folder, 'counts.json'), 'utf8'));
    expect(await saved()).toMatchObject({ highlightCount: 1, noteCount: 1 });
    await store.deleteAnnotation(doc.id, testId(1));
    expect(await saved()).toMatchObject({ highlightCount: 0, noteCount: 0 });
    // A library from an earlier version has no counts file: the highlights are counted once and the file written.
    await store.createAnnotation({ documentId: doc.id, id: testId(2), color: 'yellow', selectors: at('gremlin') });
    await rm(join(folder, 'counts.json'));
    expect(await (await LibraryStore.open(dir)).list()).toEqual([expect.objectContaining({ highlightCount: 1 })]);
    expect(await saved()).toMatchObject({ highlightCount: 1, noteCount: 0 });
    // Counts left wrong (a crash between the two writes) are put right when the document is opened.
    await writeFile(join(folder, 'counts.json'), JSON.stringify({ schemaVersion: 1, highlightCount: 7, noteCount: 3 }));
    const reopened = await LibraryStore.open(dir);
    expect((await reopened.open(doc.id)).document).toMatchObject({ highlightCount: 1, noteCount: 0 });
    expect(await saved()).toMatchObject({ highlightCount: 1, noteCount: 0 });
    expect(await reopened.list()).toEqual([expect.objectContaining({ highlightCount: 1, noteCount: 0 })]);
    // Counts that are right are not written again when the document is opened.
    const written = (await stat(join(folder, 'counts.json'))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await (await LibraryStore.open(dir)).open(doc.id);
    expect((await stat(join(folder, 'counts.json'))).mtimeMs).toBe(written);
  });

  test('a highlight change rewrites only that document’s annotations file', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin') });
    const files = ['library.json', `documents/${doc.id}/transcript.json`, `documents/${doc.id}/annotations.json`, `documents/${doc.id}/counts.json`];
    const before = await Promise.all(files.map((f) => stat(join(dir, f))));
    await new Promise((r) => setTimeout(r, 20));
    await store.updateAnnotation({ documentId: doc.id, id: testId(1), color: 'blue' });
    const after = await Promise.all(files.map((f) => stat(join(dir, f))));
    // A colour change alters no count, so counts.json is left alone too.
    expect(after.map((s, i) => s.mtimeMs > before[i].mtimeMs)).toEqual([false, false, true, false]);
  });

  test('in a document with many highlights, a change appends to its log and leaves annotations.json alone', async () => {
    const { doc, at } = await storeWithSample(dir);
    const logging = await LibraryStore.open(dir, { changeLog: { appendFrom: 0, foldAt: 1e9 } });
    await logging.open(doc.id);
    await logging.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin') });
    const snapshot = join(dir, 'documents', doc.id, 'annotations.json');
    const before = await readFile(snapshot, 'utf8');
    await logging.updateAnnotation({ documentId: doc.id, id: testId(1), note: 'Agents as gremlins' });
    await logging.createAnnotation({ documentId: doc.id, id: testId(2), color: 'pink', selectors: at('scaling laws') });
    await logging.deleteAnnotation(doc.id, testId(1));
    expect(await readFile(snapshot, 'utf8')).toBe(before);
    const log = await readFile(join(dir, 'documents', doc.id, 'annotations.log'), 'utf8');
    expect(log.trimEnd().split('\n')).toHaveLength(3);

    const reopened = await LibraryStore.open(dir);
    expect((await reopened.open(doc.id)).annotations.map((a) => [a.id, a.color])).toEqual([[testId(2), 'pink']]);
    expect((await reopened.list())[0]).toMatchObject({ highlightCount: 1, noteCount: 0 });
  });

  test('refuses a highlight whose quote does not match the text at its position', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    const selectors = at('gremlin');
    selectors.quote.exact = 'goblin!';
    await expect(store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors })).rejects.toThrow(
      /does not match the transcript/,
    );
    expect((await store.open(doc.id)).annotations).toEqual([]);
  });

  test('refuses a duplicate id and unknown documents or highlights', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin') });
    await expect(store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin') })).rejects.toThrow(/already exists/);
    await expect(store.open(testId(9))).rejects.toThrow(/No document/);
    await expect(store.updateAnnotation({ documentId: doc.id, id: testId(2), note: 'x' })).rejects.toThrow(/No highlight/);
    await expect(store.deleteAnnotation(doc.id, testId(2))).rejects.toThrow(/No highlight/);
  });

  test('deletes a highlight for good', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin') });
    await store.createAnnotation({ documentId: doc.id, id: testId(2), color: 'pink', selectors: at('scaling laws') });
    await store.deleteAnnotation(doc.id, testId(1));
    const reopened = await LibraryStore.open(dir);
    expect((await reopened.open(doc.id)).annotations.map((a) => a.id)).toEqual([testId(2)]);
    expect((await reopened.list())[0].highlightCount).toBe(1);
  });

  test('does not import the same text twice', async () => {
    const store = await LibraryStore.open(dir);
    const a = await store.importText({ text: 'Ann Lee: Hello.\n\nBo Chan: Hi.', source: 'a.txt', fallbackTitle: 'a' });
    const b = await store.importText({ text: 'Ann Lee: Hello.\r\n\r\nBo Chan: Hi.', source: 'b.txt', fallbackTitle: 'b' });
    expect(b.id).toBe(a.id);
    expect(await store.list()).toHaveLength(1);
  });

  test('rebuilds a damaged library index from the documents and keeps the damaged copy', async () => {
    const { doc } = await storeWithSample(dir);
    await writeFile(join(dir, 'library.json'), '{"schemaVersion":1,"documents":[{"id":');
    const store = await LibraryStore.open(dir);
    expect((await store.list()).map((d) => d.id)).toEqual([doc.id]);
    expect((await readdir(dir)).some((f) => f.startsWith('library.json.damaged-'))).toBe(true);
    await store.addSampleOnce(SAMPLE);
    expect(await store.list()).toHaveLength(1);
  });

  test('a damaged annotations file without a backup is moved aside, never overwritten, and the reader is told where', async () => {
    const { doc, at } = await storeWithSample(dir);
    const path = join(dir, 'documents', doc.id, 'annotations.json');
    await writeFile(path, '{"schemaVersion":1,"annotations":[{"id"');
    const store = await LibraryStore.open(dir);
    const opened = await store.open(doc.id);
    expect(opened.annotations).toEqual([]);
    const [notice] = store.status().notices;
    expect(notice).toMatchObject({ kind: 'damaged', documentId: doc.id });
    expect(notice.message).toContain(path);
    expect(await readFile(notice.path!, 'utf8')).toBe('{"schemaVersion":1,"annotations":[{"id"');
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin') });
    expect(await readFile(notice.path!, 'utf8')).toBe('{"schemaVersion":1,"annotations":[{"id"');
  });

  test('a library written by a newer Gloss opens read-only and is left as it is', async () => {
    await storeWithSample(dir);
    const newer = JSON.stringify({ schemaVersion: 99, documents: [] });
    await writeFile(join(dir, 'library.json'), newer);
    const store = await LibraryStore.open(dir);
    expect(store.status().readOnly).toMatch(/newer Gloss \(schema 99/);
    const [doc] = await store.list();
    expect((await store.open(doc.id)).transcript.turns.length).toBeGreaterThan(10);
    await expect(store.renameDocument(doc.id, 'x')).rejects.toThrow(/newer Gloss/);
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(newer);
  });

  test('a failed write leaves memory as it is on disk', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    // A directory where the file should be makes the atomic rename fail, even for root.
    const path = join(dir, 'documents', doc.id, 'annotations.json');
    await rm(path, { force: true });
    await mkdir(path);
    await expect(store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin') })).rejects.toThrow(/Could not save/);
    expect((await store.open(doc.id)).annotations).toEqual([]);
  });
  test('renames a document, and the new title survives a rebuilt index', async () => {
    const { store, doc } = await storeWithSample(dir);
    expect((await store.renameDocument(doc.id, 'Amodei on AI, FT 2024')).title).toBe('Amodei on AI, FT 2024');
    expect((await (await LibraryStore.open(dir)).list())[0].title).toBe('Amodei on AI, FT 2024');
    await writeFile(join(dir, 'library.json'), 'garbage');
    expect((await (await LibraryStore.open(dir)).list())[0].title).toBe('Amodei on AI, FT 2024');
  });

  test('removes a document with its highlights into the removed folder, where they can still be recovered', async () => {
    const { store, doc, at } = await storeWithSample(dir);
    await store.createAnnotation({ documentId: doc.id, id: testId(1), color: 'yellow', selectors: at('gremlin'), note: 'kept' });
    expect((await store.list())[0]).toMatchObject({ highlightCount: 1, noteCount: 1 });
    await store.removeDocument(doc.id);
    expect(await store.list()).toEqual([]);
    expect(await (await LibraryStore.open(dir)).list()).toEqual([]);
    const [removed] = await readdir(join(dir, 'removed'));
    expect(removed.startsWith(doc.id)).toBe(true);
    expect(await readFile(join(dir, 'removed', removed, 'annotations.json'), 'utf8')).toContain('kept');
    await expect(store.open(doc.id)).rejects.toThrow(/No document/);
  });

  test('reports a re-import of the same text as a duplicate of the existing document', async () => {
    const store = await LibraryStore.open(dir);
    const transcript = { title: 'T', speakers: [], turns: [] };
    const first = await store.importTranscript({ text: 'WEBVTT\n', transcript, format: 'webvtt', source: 'a.vtt' });
    const again = await store.importTranscript({ text: 'WEBVTT\r\n', transcript, format: 'webvtt', source: 'b.vtt' });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ document: first.document, duplicate: true });
    expect(first.document.format).toBe('webvtt');
  });

  test('library-wide settings are checked, saved durably, and govern the backups', async () => {
    const store = await LibraryStore.open(dir);
    expect(store.settingsData.backups).toEqual({ keep: 10, everyMinutes: 60 });
    await expect(store.changeSettings((s) => ({ ...s, backups: { ...s.backups, keep: -1 } }))).rejects.toThrow(/cannot be saved: backups\.keep/);
    await store.changeSettings((s) => ({ ...s, backups: { keep: 2, everyMinutes: 0 } }));
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).backups).toEqual({ keep: 2, everyMinutes: 0 });
    await store.addSampleOnce(SAMPLE);
    const [doc] = await store.list();
    for (const title of ['one', 'two', 'three', 'four']) await store.renameDocument(doc.id, title);
    const backups = await readdir(join(dir, 'documents', doc.id, 'backups'));
    expect(backups.filter((n) => n.startsWith('document.json-'))).toHaveLength(2);
    expect((await (await LibraryStore.open(dir)).settingsData).backups.keep).toBe(2);
  });

  test('a listing that read the folder before an import finished does not lose the imported document', async () => {
    // The first read of documents/ (the listing's) is held until the import has finished.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = false;
    const fs: FileSystem = {
      ...nodeFileSystem,
      readdir: async (path) => {
        const names = await nodeFileSystem.readdir(path);
        if (first && path.endsWith('documents')) {
          first = false;
          await held;
        }
        return names;
      },
    };
    const store = await LibraryStore.open(dir, { fs });
    first = true;
    const listing = store.list();
    const importing = store.importText({ text: 'Ann Lee: Hello.\n\nBo Chan: Hi.', source: 'a.txt', fallbackTitle: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await listing;
    const doc = await importing;
    expect((await store.open(doc.id)).transcript.speakers).toEqual(['Ann Lee', 'Bo Chan']);
    expect((await store.list()).map((d) => d.id)).toEqual([doc.id]);
  });
});

