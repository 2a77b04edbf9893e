/**
 * Replacing a document's text with a corrected version through the store:
 * every highlight re-anchored with its note, codes and colour, none lost (an
 * orphan where its text was deleted), the old text kept, the undo (also after
 * a restart, refused once stale), orphans kept as orphans through changes and
 * re-attached by new selectors, a new import of a file with the same name
 * offered as a new version, and atomicity: a kill at any write leaves the old
 * text with the old highlights or the new text with the new ones.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { Annotation, TextReplacement } from '../../shared/model';
import { parseTranscriptBytes, readTranscriptFile } from '../import/read-transcript-file';
import type { TranscriptReader } from '../import/off-thread-reader';
import { importPaths } from '../import/import-files';
import { ANNOTATIONS_LOG, SOURCE_FILE, TEXT_CHANGE_FILE, VERSIONS_DIR } from './layout';
import { LibraryStore, type StoreOptions } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';
import { faultyFileSystem, WRITE_OPS } from './testing/faulty-file-system';
import { testId } from './testing/sample-library';

/** Reads files in this thread (the store's tests need no worker). */
const reader: TranscriptReader = { readFile: readTranscriptFile, parseBytes: async (name, bytes) => parseTranscriptBytes(name, bytes) };

const OLD = [
  'Ann Lee: The tide comes in at six. No one is more tired of it than me. We swim anyway.',
  'Bo Chen: The harbour wall was built in 1910, and the storms of 1953 broke it twice.',
  'Ann Lee: My grandmother kept the lighthouse log, every night, for forty years.',
].join('\n\n');
/** Corrected: a word fixed, a sentence deleted, the last two turns swapped. */
const NEW = [
  'Ann Lee: The tide comes in at seven. We swim anyway.',
  'Ann Lee: My grandmother kept the lighthouse log, every night, for forty years.',
  'Bo Chen: The harbour wall was built in 1910, and the storms of 1953 broke it twice.',
].join('\n\n');

let dir: string;
let store: LibraryStore;
let docId: string;
let text: string;

const open = (options: StoreOptions = {}) => LibraryStore.open(dir, { reader, onNotice: () => undefined, ...options });
const file = (content: string, name = 'tides-corrected.txt') => ({ name, bytes: new TextEncoder().encode(content) });
const byId = (list: readonly Annotation[]) => new Map(list.map((a) => [a.id, a]));

async function highlight(n: number, quote: string, extra: Partial<Pick<Annotation, 'note' | 'codes' | 'color'>> = {}) {
  const start = text.indexOf(quote);
  return store.createAnnotation({ documentId: docId, id: testId(n), color: extra.color ?? 'yellow', selectors: createSelectors(text, start, start + quote.length), note: extra.note, codes: extra.codes });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-replace-'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  store = await open();
  docId = (await store.importText({ text: OLD, source: 'tides.txt', fallbackTitle: 'Tides' })).id;
  await store.renameDocument(docId, 'Tides, as told');
  text = plainTextOf((await store.open(docId)).transcript);
  await highlight(1, 'The tide comes in at six', { note: 'When', codes: ['time'] });
  await highlight(2, 'No one is more tired of it than me', { note: 'Weariness', codes: ['mood/tired'], color: 'pink' });
  await highlight(3, 'The harbour wall was built in 1910', { codes: ['place/harbour'] });
  await highlight(4, 'kept the lighthouse log', { note: 'A duty', color: 'green' });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('replacing the text', () => {
  test('re-anchors every highlight with its note, codes and colour; the deleted sentence’s highlight is an orphan, never dropped', async () => {
    const before = byId((await store.open(docId)).annotations);
    const report = await store.replaceText(docId, file(NEW));
    expect(report.highlights).toHaveLength(4);
    expect(report.kept + report.moved + report.changed + report.orphaned).toBe(4);
    expect(report.highlights.find((h) => h.id === testId(2))).toMatchObject({ status: 'orphaned', before: { quote: 'No one is more tired of it than me' }, after: null });
    // The two turns swapped: one of them (which, is the matcher's choice) moved, and both keep their quotes.
    const swapped = report.highlights.filter((h) => h.id === testId(3) || h.id === testId(4));
    expect(swapped.map((h) => h.status).sort()).toEqual(expect.arrayContaining(['moved']));
    for (const h of swapped) expect(h.after?.quote).toBe(h.before.quote);

    const opened = await store.open(docId);
    const newText = plainTextOf(opened.transcript);
    expect(newText).toContain('at seven');
    expect(opened.document).toMatchObject({ title: 'Tides, as told', source: 'tides-corrected.txt', wordCount: expect.any(Number) });
    for (const a of opened.annotations) {
      const was = before.get(a.id)!;
      expect({ note: a.note, codes: a.codes, color: a.color, createdAt: a.createdAt }).toEqual({ note: was.note, codes: was.codes, color: was.color, createdAt: was.createdAt });
      if (a.id === testId(2)) {
        expect(a.orphaned).toBe(true);
        expect(a.selectors).toEqual(was.selectors);
      } else {
        expect(a.orphaned).toBeUndefined();
        expect(newText.slice(a.selectors.position.start, a.selectors.position.end)).toBe(a.selectors.quote.exact);
      }
    }
    // Counts go on counting the orphan: it is still a highlight with a note.
    expect((await store.list())[0]).toMatchObject({ highlightCount: 4, noteCount: 3 });
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });

  test('keeps the old text, its entry and its highlights in versions/<token>, and a fresh start reads the new text', async () => {
    const oldEntry = (await store.open(docId)).document;
    const report = await store.replaceText(docId, file(NEW));
    expect(report.previousVersion).toBe(`documents/${docId}/${VERSIONS_DIR}/${report.undoToken}`);
    const kept = join(dir, report.previousVersion);
    expect(await readFile(join(kept, SOURCE_FILE), 'utf8')).toBe(OLD);
    expect(JSON.parse(await readFile(join(kept, 'document.json'), 'utf8')).document).toMatchObject({ hash: oldEntry.hash, source: 'tides.txt' });
    expect(JSON.parse(await readFile(join(kept, 'annotations.json'), 'utf8')).annotations.map((a: Annotation) => a.id)).toEqual([1, 2, 3, 4].map(testId));
    expect(await readdir(join(dir, 'documents', docId))).not.toContain(TEXT_CHANGE_FILE);

    const again = await open();
    const opened = await again.open(docId);
    expect(plainTextOf(opened.transcript)).toContain('at seven');
    expect(opened.document.hash).not.toBe(oldEntry.hash);
    expect(opened.annotations.filter((a) => a.orphaned).map((a) => a.id)).toEqual([testId(2)]);
  });

  test('tells listeners the transcript changed, once it is saved', async () => {
    const heard: string[] = [];
    store.onChange((c) => heard.push(`${c.kind}:${c.documentId}`));
    await store.replaceText(docId, file(NEW));
    expect(heard).toContain(`transcript:${docId}`);
  });

  test('a file that cannot be read, or holds the same text, is refused and changes nothing', async () => {
    const listed = await store.list();
    await expect(store.replaceText(docId, file(''))).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/Could not open tides-corrected\.txt: it is empty\. The text was not replaced\./) });
    await expect(store.replaceText(docId, { name: 'x.txt', bytes: new Uint8Array([0, 1, 2, 0, 0, 3]) })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(store.replaceText(docId, file(OLD.replace(/\n/g, '\r\n')))).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/same text .*nothing was replaced/) });
    await expect(store.replaceTextFromPath(docId, join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/missing\.txt: it could not be read/) });
    await expect(store.replaceText(testId(99), file(NEW))).rejects.toMatchObject({ code: 'not-found' });
    expect(await store.list()).toEqual(listed);
    expect(await readdir(join(dir, 'documents', docId))).not.toContain(VERSIONS_DIR);
  });

  test('replaces asked for at once run one after another; a highlight made meanwhile is never misplaced', async () => {
    const third = NEW.replace('at seven', 'at eight');
    const start = text.indexOf('the storms of 1953');
    const [first, second, made] = await Promise.allSettled([
      store.replaceText(docId, file(NEW)),
      store.replaceText(docId, file(third, 'tides-v3.txt')),
      store.createAnnotation({ documentId: docId, id: testId(9), color: 'blue', selectors: createSelectors(text, start, start + 18) }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'fulfilled', value: { highlights: expect.arrayContaining([expect.objectContaining({ id: testId(1), before: expect.objectContaining({ quote: 'The tide comes in at seven' }) })]) } });
    const opened = await store.open(docId);
    const final = plainTextOf(opened.transcript);
    expect(final).toContain('at eight');
    // Made from the old text's offsets: either made before the replace (and re-anchored with the rest) or refused
    // after it; never left pointing at other words.
    const nine = opened.annotations.find((a) => a.id === testId(9));
    if (made.status === 'fulfilled') expect(final.slice(nine!.selectors.position.start, nine!.selectors.position.end)).toBe('the storms of 1953');
    else expect(made.reason).toMatchObject({ code: 'invalid-request' });
    expect(opened.annotations.find((a) => a.id === testId(1))?.selectors.quote.exact).toBe('The tide comes in at eight');
  });

  test('an inspecting store cannot replace text', async () => {
    const inspect = await open({ mode: 'inspect' });
    await expect(inspect.replaceText(docId, file(NEW))).rejects.toMatchObject({ code: 'read-only' });
  });
});

describe('undo', () => {
  test('puts the old text back and every highlight exactly where it was, with its note and codes as they are now', async () => {
    const before = (await store.open(docId)).annotations;
    const report = await store.replaceText(docId, file(NEW));
    await store.updateAnnotation({ documentId: docId, id: testId(1), note: 'Changed after the replace' });
    await store.updateAnnotation({ documentId: docId, id: testId(2), codes: ['mood/tired', 'orphan/kept'] });
    const reverted = await store.revertText(docId, report.undoToken);
    expect(reverted.orphaned).toBe(0);
    expect(reverted.highlights.find((h) => h.id === testId(2))).toMatchObject({ status: 'kept', after: { quote: 'No one is more tired of it than me' } });

    const opened = await store.open(docId);
    expect(plainTextOf(opened.transcript)).toBe(text);
    expect(opened.document.source).toBe('tides.txt');
    const now = byId(opened.annotations);
    for (const was of before) {
      const expected = { ...was, ...(was.id === testId(1) ? { note: 'Changed after the replace', updatedAt: now.get(was.id)!.updatedAt } : {}), ...(was.id === testId(2) ? { codes: ['mood/tired', 'orphan/kept'], updatedAt: now.get(was.id)!.updatedAt } : {}) };
      expect(now.get(was.id)).toEqual(expected);
    }
  });

  test('a highlight made after the replace is re-anchored back into the old text; one deleted stays deleted', async () => {
    const report = await store.replaceText(docId, file(NEW));
    const newText = plainTextOf((await store.open(docId)).transcript);
    const start = newText.indexOf('the storms of 1953');
    await store.createAnnotation({ documentId: docId, id: testId(5), color: 'blue', selectors: createSelectors(newText, start, start + 'the storms of 1953'.length), codes: ['storm'] });
    await store.deleteAnnotation(docId, testId(4));
    await store.revertText(docId, report.undoToken);
    const opened = await store.open(docId);
    const made = opened.annotations.find((a) => a.id === testId(5))!;
    expect(text.slice(made.selectors.position.start, made.selectors.position.end)).toBe('the storms of 1953');
    expect(made.codes).toEqual(['storm']);
    expect(opened.annotations.map((a) => a.id).sort()).toEqual([1, 2, 3, 5].map(testId));
  });

  test('the token works after a restart, is refused once used or stale, and the undo can itself be undone', async () => {
    const report = await store.replaceText(docId, file(NEW));
    const restarted = await open();
    const undo: TextReplacement = await restarted.revertText(docId, report.undoToken);
    await expect(restarted.revertText(docId, report.undoToken)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/has changed since that replace/) });
    await expect(restarted.revertText(docId, '../../etc')).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(restarted.revertText(docId, '2020-01-01T00-00-00-000Z')).rejects.toMatchObject({ code: 'not-found' });
    await restarted.revertText(docId, undo.undoToken);
    expect(plainTextOf((await restarted.open(docId)).transcript)).toContain('at seven');
    expect((await checkDataFolder(dir)).problems).toEqual([]);
  });
});

describe('orphans', () => {
  let orphan: Annotation;
  beforeEach(async () => {
    await store.replaceText(docId, file(NEW));
    orphan = (await store.open(docId)).annotations.find((a) => a.orphaned)!;
  });

  test('a change to its note, codes or colour keeps it an orphan', async () => {
    const changed = await store.updateAnnotation({ documentId: docId, id: orphan.id, note: 'Still here', codes: ['x'], color: 'blue' });
    expect(changed).toMatchObject({ orphaned: true, note: 'Still here', codes: ['x'], color: 'blue', selectors: orphan.selectors });
  });

  test('re-attaching it to new text clears the mark and keeps the rest; selectors that do not fit the text are refused', async () => {
    const newText = plainTextOf((await store.open(docId)).transcript);
    const start = newText.indexOf('We swim anyway');
    const selectors = createSelectors(newText, start, start + 'We swim anyway'.length);
    await expect(store.reattachAnnotation({ documentId: docId, id: orphan.id, selectors: { ...selectors, quote: { ...selectors.quote, exact: 'We swam anyway' } } })).rejects.toMatchObject({ code: 'invalid-request' });
    const placed = await store.reattachAnnotation({ documentId: docId, id: orphan.id, selectors });
    expect(placed).toEqual({ ...orphan, selectors, orphaned: undefined, updatedAt: placed.updatedAt });
    expect('orphaned' in (await store.open(docId)).annotations.find((a) => a.id === orphan.id)!).toBe(false);
    await expect(store.reattachAnnotation({ documentId: docId, id: testId(77), selectors })).rejects.toMatchObject({ code: 'not-found' });
  });

  test('deleted then restored (undo), it comes back as an orphan', async () => {
    await store.deleteAnnotation(docId, orphan.id);
    expect(await store.restoreAnnotation(orphan)).toEqual(orphan);
    await expect((await open()).open(docId).then((d) => d.annotations.find((a) => a.id === orphan.id))).resolves.toEqual(orphan);
  });

  test('the overview counts it for no speaker; a notebook quoting it still links to it', async () => {
    const overview = await store.overview(docId);
    expect(overview.totals.highlights).toBe(3);
    expect((await store.overviewHighlights({ documentId: docId, code: 'mood/tired' })).map((h) => h.id)).toEqual([]);
    expect((await store.overviewHighlights({ documentId: docId, code: 'time' })).map((h) => h.id)).toEqual([testId(1)]);
    const quote = (highlightId: string) => ({ type: 'highlight-quote', documentId: docId, highlightId, children: [{ type: 'text', text: 'quoted' }] });
    const state = JSON.stringify({ root: { type: 'root', children: [quote(orphan.id), quote(testId(1)), quote(testId(66))] } });
    await store.saveNotebook(null, state, 'quotes');
    expect((await store.openNotebook(null)).unlinked).toEqual([testId(66)]);
  });

  test('works with the change log: orphans read back from appended lines', async () => {
    const logged = await LibraryStore.open(dir, { reader, changeLog: { appendFrom: 0, foldAt: 100 }, onNotice: () => undefined });
    await logged.updateAnnotation({ documentId: docId, id: orphan.id, note: 'Logged' });
    expect(await readdir(join(dir, 'documents', docId))).toContain(ANNOTATIONS_LOG);
    await expect((await open()).open(docId).then((d) => d.annotations.find((a) => a.id === orphan.id))).resolves.toMatchObject({ orphaned: true, note: 'Logged' });
  });
});

describe('a new version imported', () => {
  test('a file named as a document’s source, with other text, is offered as its new version; adopting it replaces the text and removes the import', async () => {
    const path = join(dir, 'tides.txt');
    await writeFile(path, NEW);
    const [result] = await importPaths(store, [path], reader);
    expect(result).toMatchObject({ ok: true, duplicate: false, newVersionOf: { id: docId, title: 'Tides, as told' } });
    const imported = (result as { document: { id: string } }).document.id;
    const report = await store.adoptVersion(imported, docId);
    expect(report.highlights).toHaveLength(4);
    expect((await store.list()).map((d) => d.id)).toEqual([docId]);
    expect(plainTextOf((await store.open(docId)).transcript)).toContain('at seven');
    // The same file again is the same text: a duplicate, not a new version.
    const [again] = await importPaths(store, [path], reader);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(again).not.toHaveProperty('newVersionOf');
  });

  test('a document with highlights of its own is not adopted', async () => {
    const other = await store.importText({ text: NEW, source: 'tides.txt', fallbackTitle: 'Other' });
    const t = plainTextOf((await store.open(other.id)).transcript);
    await store.createAnnotation({ documentId: other.id, id: testId(50), color: 'yellow', selectors: createSelectors(t, 0, 3) });
    await expect(store.adoptVersion(other.id, docId)).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.list()).length).toBe(2);
  });
});

describe('atomicity', () => {
  /** What a fresh start finds: 'old', 'new', or what is mixed. */
  async function stateOf(folder: string): Promise<string> {
    const fresh = await LibraryStore.open(folder, { reader, onNotice: () => undefined });
    const opened = await fresh.open(docId);
    const t = plainTextOf(opened.transcript);
    const anchored = opened.annotations.every((a) => a.orphaned || t.slice(a.selectors.position.start, a.selectors.position.end) === a.selectors.quote.exact);
    const orphans = opened.annotations.filter((a) => a.orphaned).length;
    const textIs = t === text ? 'old' : t.includes('at seven') ? 'new' : 'other';
    const entryIs = opened.document.source === 'tides.txt' ? 'old' : 'new';
    const highlightsAre = orphans === 0 ? 'old' : 'new';
    if (!anchored || opened.annotations.length !== 4) return `mixed: ${opened.annotations.length} highlights, anchored ${anchored}`;
    return new Set([textIs, entryIs, highlightsAre]).size === 1 ? textIs : `mixed: text ${textIs}, entry ${entryIs}, highlights ${highlightsAre}`;
  }

  test('a kill at any write of a replace leaves, after a restart, the old text with the old highlights or the new with the new', async () => {
    const template = await mkdtemp(join(tmpdir(), 'gloss-replace-template-'));
    await cp(dir, template, { recursive: true });
    const probe = faultyFileSystem();
    const counting = await LibraryStore.open(template, { reader, fs: probe, onNotice: () => undefined });
    const from = probe.calls.length;
    await counting.replaceText(docId, file(NEW));
    const writes = probe.calls.slice(from).filter((c) => WRITE_OPS.includes(c.op)).length;
    await rm(template, { recursive: true, force: true });
    await cp(dir, template, { recursive: true });
    expect(writes).toBeGreaterThan(8);

    const outcomes = new Set<string>();
    let finished = 0;
    for (let k = 1; k <= writes + 1; k++) {
      const folder = await mkdtemp(join(tmpdir(), 'gloss-replace-kill-'));
      try {
        await cp(template, folder, { recursive: true });
        const fs = faultyFileSystem();
        const dying = await LibraryStore.open(folder, { reader, fs, onNotice: () => undefined });
        // From the k-th write on, every write fails: the process is as good as dead.
        let seen = 0;
        fs.fail({ op: WRITE_OPS, when: () => ++seen >= k, code: 'EIO' });
        await dying.replaceText(docId, file(NEW)).catch(() => undefined);
        const journalLeft = (await readdir(join(folder, 'documents', docId))).includes(TEXT_CHANGE_FILE);
        const notices: string[] = [];
        await LibraryStore.open(folder, { reader, onNotice: (n) => notices.push(`${n.kind}: ${n.message}`) });
        if (journalLeft) finished++;
        if (journalLeft) expect(notices, `killed at write ${k}`).toContainEqual(expect.stringMatching(/^recovered: Replacing the text of "Tides, as told" was interrupted; it was finished/));
        const state = await stateOf(folder);
        expect(state, `killed at write ${k} of ${writes}`).toMatch(/^(old|new)$/);
        outcomes.add(state);
        expect(await readdir(join(folder, 'documents', docId)), `killed at write ${k}`).not.toContain(TEXT_CHANGE_FILE);
        expect((await checkDataFolder(folder)).problems, `killed at write ${k}`).toEqual([]);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    expect([...outcomes].sort()).toEqual(['new', 'old']);
    expect(finished, 'some kills fell after the commit point and were finished at the next start').toBeGreaterThan(0);
    await rm(template, { recursive: true, force: true });
  }, 60_000);

  test('a replace left unfinished is reported by a store that only reads, and finished by the next one that may write', async () => {
    const fs = faultyFileSystem();
    const failing = await LibraryStore.open(dir, { reader, fs, onNotice: () => undefined });
    fs.fail({ op: 'replaceFile', path: new RegExp(`${docId}/document\\.json$`), code: 'EIO' });
    await expect(failing.replaceText(docId, file(NEW))).rejects.toMatchObject({ code: 'storage' });
    const heard: string[] = [];
    await LibraryStore.open(dir, { mode: 'inspect', onNotice: (n) => heard.push(`${n.kind}: ${n.message}`) });
    expect(heard).toContainEqual(expect.stringMatching(/^damaged: A replacement of the text of "Tides, as told" was interrupted; opening the library in Gloss finishes it/));
    expect(await readdir(join(dir, 'documents', docId))).toContain(TEXT_CHANGE_FILE);
    expect((await checkDataFolder(dir)).problems).toEqual([]);
    heard.length = 0;
    await LibraryStore.open(dir, { reader, onNotice: (n) => heard.push(`${n.kind}: ${n.message}`) });
    expect(heard).toContainEqual(expect.stringMatching(/^recovered: Replacing the text of "Tides, as told" was interrupted; it was finished/));
    expect(await stateOf(dir)).toBe('new');
  });

  test('a write that fails after the commit point is finished before the next change to the document', async () => {
    const fs = faultyFileSystem();
    const failing = await LibraryStore.open(dir, { reader, fs, onNotice: () => undefined });
    const rule = fs.fail({ op: 'replaceFile', path: new RegExp(`${docId}/document\\.json$`), code: 'ENOSPC', times: 2 });
    await expect(failing.replaceText(docId, file(NEW))).rejects.toMatchObject({ code: 'storage', message: expect.stringMatching(/was replaced, but not every file could be written.*finishes it before the next change/) });
    expect(rule.fired).toBe(2);
    expect(await readdir(join(dir, 'documents', docId))).toContain(TEXT_CHANGE_FILE);
    await failing.updateAnnotation({ documentId: docId, id: testId(1), note: 'After' });
    expect(await readdir(join(dir, 'documents', docId))).not.toContain(TEXT_CHANGE_FILE);
    expect(await stateOf(dir)).toBe('new');
  });
});
