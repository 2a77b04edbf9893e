/**
 * Backup then restore, on real data folders: into an empty library (compared
 * field by field), into a library changed since (the newer change winning both
 * ways, the report's counts), the same archive twice (nothing changes), a
 * library whose text of a document was corrected since, and `gloss check`
 * clean after each.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkCommand } from '../../cli/library-commands';
import { snapshot } from '../../cli/testing/run-gloss';
import { parseTranscript } from '../../core/transcript/parse-transcript';
import { plainTextOf } from '../../core/transcript/plain-text';
import { CURRENT_SCHEMA } from '../store/file-schemas';
import { LibraryStore } from '../store/library-store';
import { checkDataFolder } from '../store/testing/check-data-folder';
import { testId } from '../store/testing/sample-library';
import { MANIFEST_PATH, type Manifest } from './archive-format';
import { BACKUP_CANCELLED, backupFileName, backupLibrary, restoreLibrary } from './backup-service';
import { RESTORE_CANCELLED } from './restore-merge';
import { runTask } from '../tasks/run-task';
import { cancelAt } from '../tasks/testing/cancel-at';
import { at, libraryContents, noteState, openStore, richLibrary, testClock } from './testing/backup-fixture';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gloss-backup-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function glossCheck(dir: string) {
  const out: string[] = [];
  const code = await checkCommand(dir, false, true, { out: (s) => out.push(s), err: (s) => out.push(s) });
  return { code, report: JSON.parse(out.join('\n')) as { ok: boolean; problems: unknown[] } };
}

describe('backup', () => {
  test('writes one zip whose manifest comes first and lists every file with its size and checksum', async () => {
    const { store, sampleId, timedId } = await richLibrary(join(root, 'lib'));
    const out = join(root, 'out', 'backup.zip');
    await mkdir(join(root, 'out'));
    const report = await backupLibrary(store, out, new Date('2026-03-02T12:00:00Z'));
    expect(report).toEqual({ path: out, documents: 2, highlights: 5, notebooks: 2, bytes: (await stat(out)).size });
    const files = unzipSync(await readFile(out));
    expect(Object.keys(files)[0]).toBe(MANIFEST_PATH);
    const manifest = JSON.parse(Buffer.from(files[MANIFEST_PATH]).toString('utf8')) as Manifest;
    expect(manifest).toMatchObject({ format: 'gloss-backup', version: 1, createdAt: '2026-03-02T12:00:00.000Z', glossSchema: CURRENT_SCHEMA });
    expect(manifest.documents.map((d) => [d.id, d.highlights]).sort()).toEqual([[sampleId, 4], [timedId, 1]].sort());
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [
        'library/settings.json',
        'library/codebook.json',
        'library/notebook.json',
        ...[sampleId, timedId].flatMap((id) => ['document.json', 'transcript.json', 'source.txt', 'annotations.json'].map((f) => `documents/${id}/${f}`)),
        `documents/${sampleId}/notebook.json`,
      ].sort(),
    );
    for (const f of manifest.files) expect(files[f.path].length).toBe(f.bytes);
    // No caches, logs or rolling backups.
    expect(Object.keys(files).filter((p) => /library\.json$|counts\.json|search-index|annotations\.log|backups\/|versions\//.test(p))).toEqual([]);
    expect(backupFileName(new Date('2026-11-29T08:00:00Z'))).toBe('Gloss backup 2026-11-29.zip');
  });

  test('works on a library opened only to read (beside the running app), and refuses a path inside the library', async () => {
    const dir = join(root, 'lib');
    const { store } = await richLibrary(dir);
    const before = await snapshot(dir);
    const reading = await LibraryStore.open(dir, { inspect: true, onNotice: () => undefined });
    const report = await backupLibrary(reading, join(root, 'read.zip'), new Date());
    expect(report.highlights).toBe(5);
    await expect(backupLibrary(store, join(dir, 'inside.zip'), new Date())).rejects.toThrow(/cannot be written inside the library folder/);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('restore', () => {
  test('into an empty library gives back every document, highlight, note, notebook, code and setting, field by field', async () => {
    const { store } = await richLibrary(join(root, 'a'));
    const archive = join(root, 'a.zip');
    await backupLibrary(store, archive, new Date());
    const target = await openStore(join(root, 'b'));
    const report = await restoreLibrary(target, archive);
    expect(report).toEqual({
      documentsAdded: 2,
      documentsMerged: 0,
      highlightsAdded: 5,
      highlightsUpdated: 0,
      highlightsKept: 0,
      notebooksRestored: 2,
      notebooksKept: 0,
      codesAdded: 2,
      codesUpdated: 0,
      settingsRestored: true,
      messages: ['1 colour name came from the backup.'],
    });
    const original = await libraryContents(store);
    const restored = await libraryContents(target);
    expect(restored.documents.map((d) => d.entry)).toEqual(original.documents.map((d) => d.entry));
    expect(restored.documents.map((d) => d.transcript)).toEqual(original.documents.map((d) => d.transcript));
    expect(restored.documents.map((d) => d.source)).toEqual(original.documents.map((d) => d.source));
    expect(restored.documents.map((d) => d.highlights)).toEqual(original.documents.map((d) => d.highlights));
    expect(restored.documents.map((d) => d.notebook)).toEqual(original.documents.map((d) => d.notebook));
    expect(restored.notebook).toEqual(original.notebook);
    expect(restored.codebook).toEqual(original.codebook);
    expect(restored.settings).toEqual(original.settings);
    // The things a reader would look at first.
    const sample = restored.documents.find((d) => d.highlights.length === 4)!;
    expect(sample.highlights.find((h) => h.id === testId(2))).toMatchObject({ codes: ['theme/risk', 'method'], note: 'Worth a look: **risk**', noteState: expect.stringContaining('"risk"') });
    expect(sample.highlights.find((h) => h.id === testId(4))).toMatchObject({ orphaned: true, note: 'Still mine.', updatedAt: '2026-02-01T09:30:00.000Z' });
    expect(restored.documents.some((d) => d.transcript.turns.some((t) => t.paragraphs.some((p) => p.startSeconds === 4.5)))).toBe(true);
    expect(target.colorNames().yellow).toBe('Key claim');
    expect(await glossCheck(join(root, 'b'))).toMatchObject({ code: 0, report: { ok: true } });
    expect((await checkDataFolder(join(root, 'b'))).problems).toEqual([]);
    // A new store on the folder reads the same (nothing only in memory).
    expect(await libraryContents(await openStore(join(root, 'b')))).toEqual(restored);
  });

  test('into a library changed since: the newer change wins both ways, nothing is deleted, and the report counts it right', async () => {
    const clockA = testClock('2026-03-01T10:00:00.000Z');
    const { store: a, sampleId, sampleText } = await richLibrary(join(root, 'a'), clockA);
    await backupLibrary(a, join(root, 'base.zip'), new Date());
    const clockB = testClock('2026-03-05T10:00:00.000Z');
    const b = await openStore(join(root, 'b'), clockB);
    await restoreLibrary(b, join(root, 'base.zip'));

    // Changed in A after the base: highlight 1 (later than B's change of it below), a new highlight, the sample's
    // notebook, a new code, a colour name B also names differently.
    clockA.advance(30 * 86_400_000);
    await a.updateAnnotation({ documentId: sampleId, id: testId(1), note: 'Changed in A, last.', noteState: null });
    await a.createAnnotation({ documentId: sampleId, id: testId(10), selectors: at(sampleText, 'the'), color: 'green', codes: ['theme/new'] });
    await a.saveNotebook(sampleId, noteState('A wrote', 'later'), 'A wrote **later**');
    await a.describeCode('theme/new', { description: 'From A.' });
    await a.nameColor('green', 'Method (A)');
    // Changed in B: highlight 1 earlier than A, highlight 2 only in B, a highlight only in B, the library notebook,
    // the colour green, an empty description filled by A's later, and the settings.
    await b.updateAnnotation({ documentId: sampleId, id: testId(1), note: 'Changed in B, first.', noteState: null });
    await b.updateAnnotation({ documentId: sampleId, id: testId(2), color: 'orange' });
    await b.createAnnotation({ documentId: sampleId, id: testId(11), selectors: at(sampleText, 'and'), color: 'yellow' });
    await b.saveNotebook(null, noteState('B wrote', 'library'), 'B wrote **library**');
    await b.nameColor('green', 'Method (B)');
    await b.describeCode('method', { color: 'green' });
    await a.describeCode('method', { description: 'How it was done.' });
    await b.changeSettings((s) => ({ ...s, backups: { keep: 7, everyMinutes: 5 } }));
    clockB.advance(60 * 86_400_000);
    await b.updateAnnotation({ documentId: sampleId, id: testId(2), note: 'B, later than anything in A.', noteState: null });

    await backupLibrary(a, join(root, 'a.zip'), new Date());
    const report = await restoreLibrary(b, join(root, 'a.zip'));
    expect(report).toEqual({
      documentsAdded: 0,
      documentsMerged: 2,
      highlightsAdded: 1,
      highlightsUpdated: 1,
      highlightsKept: 4,
      notebooksRestored: 1,
      notebooksKept: 1,
      codesAdded: 1,
      codesUpdated: 1,
      settingsRestored: false,
      messages: [
        'The library’s codebook was kept where it differs from the backup’s (1 code or colour name).',
        'The library’s settings were kept: a backup’s settings are restored only into an empty library.',
      ],
    });
    const after = await libraryContents(b);
    const sample = after.documents.find((d) => d.entry.id === sampleId)!;
    const byId = new Map(sample.highlights.map((h) => [h.id, h]));
    expect(byId.get(testId(1))!.note).toBe('Changed in A, last.');
    expect(byId.get(testId(2))).toMatchObject({ note: 'B, later than anything in A.', color: 'orange' });
    expect(byId.get(testId(10))).toMatchObject({ codes: ['theme/new'] });
    expect(byId.has(testId(11))).toBe(true);
    expect(sample.notebook.markdown).toBe('A wrote **later**');
    expect(after.notebook.markdown).toBe('B wrote **library**');
    expect(after.codebook.colors.green).toBe('Method (B)');
    expect(after.codebook.codes['theme/new']).toEqual({ color: null, description: 'From A.' });
    expect(after.codebook.codes.method).toEqual({ color: 'green', description: 'How it was done.' });
    expect(after.settings.backups).toEqual({ keep: 7, everyMinutes: 5 });
    expect(await glossCheck(join(root, 'b'))).toMatchObject({ code: 0 });

    // The same archive again changes nothing at all.
    const files = await snapshot(join(root, 'b'));
    const again = await restoreLibrary(b, join(root, 'a.zip'));
    expect(again).toMatchObject({ documentsAdded: 0, highlightsAdded: 0, highlightsUpdated: 0, highlightsKept: 6, notebooksRestored: 0, notebooksKept: 2, codesAdded: 0, codesUpdated: 0, settingsRestored: false });
    expect(await snapshot(join(root, 'b'))).toEqual(files);
  });

  test('keeps the library’s corrected text of a document and places the backup’s highlights in it', async () => {
    const { store: a, sampleId, sampleText } = await richLibrary(join(root, 'a'));
    await backupLibrary(a, join(root, 'base.zip'), new Date());
    const clockB = testClock('2026-04-01T10:00:00.000Z');
    const b = await openStore(join(root, 'b'), clockB);
    await restoreLibrary(b, join(root, 'base.zip'));
    // B corrects the sample's text: a sentence at the start added.
    const corrected = join(root, 'corrected.txt');
    const source = await readFile(join(root, 'b', 'documents', sampleId, 'source.txt'), 'utf8');
    await writeFile(corrected, `Interviewer: A line added at the start.\n\n${source}`);
    await b.replaceTextFromPath(sampleId, corrected);
    // A makes a highlight after the backup.
    await a.createAnnotation({ documentId: sampleId, id: testId(20), selectors: at(sampleText, 'gremlin'), color: 'yellow', note: 'new in A' });
    await backupLibrary(a, join(root, 'a.zip'), new Date());

    const report = await restoreLibrary(b, join(root, 'a.zip'));
    expect(report).toMatchObject({ documentsMerged: 2, highlightsAdded: 1, highlightsUpdated: 0 });
    expect(report.messages).toContainEqual(expect.stringMatching(/library’s text of “.*” was kept; the backup’s text of it differs .* 1 highlight from the backup was placed in the library’s text\./));
    const { annotations, transcript } = await b.forExport(sampleId);
    const placed = annotations.find((h) => h.id === testId(20))!;
    expect(placed.orphaned).toBeUndefined();
    expect(placed.selectors.quote.exact).toBe('gremlin');
    expect(plainTextOf(transcript).slice(placed.selectors.position.start, placed.selectors.position.end)).toBe('gremlin');
    expect(plainTextOf(transcript)).toContain('A line added at the start.');
    expect(await glossCheck(join(root, 'b'))).toMatchObject({ code: 0 });
  });

  test('a store that may not change the library refuses before anything is written', async () => {
    const { store } = await richLibrary(join(root, 'a'));
    await backupLibrary(store, join(root, 'a.zip'), new Date());
    await openStore(join(root, 'b'));
    const before = await snapshot(join(root, 'b'));
    const guest = await LibraryStore.open(join(root, 'b'), { mode: 'guest', onNotice: () => undefined });
    await expect(restoreLibrary(guest, join(root, 'a.zip'))).rejects.toThrow(/open in Gloss/);
    expect(await snapshot(join(root, 'b'))).toEqual(before);
  });
});

describe('as a task: progress and cancel', () => {
  test('a backup reports a step per document and the archive; cancelled at any step before the archive is written, none is, and an earlier archive there stays', async () => {
    const { store } = await richLibrary(join(root, 'lib'));
    await mkdir(join(root, 'out'));
    const out = join(root, 'out', 'backup.zip');
    const recorded = cancelAt(null);
    await runTask(recorded.tasks, 'backup', 'Backing up', (task) => backupLibrary(store, out, new Date('2026-03-02T12:00:00Z'), task));
    expect(recorded.messages.filter((m) => m.total !== null).map((m) => [m.done, m.total, m.detail, m.cancellable])).toEqual([
      [0, 3, expect.stringMatching(/^Reading “/), true],
      [1, 3, expect.stringMatching(/^Reading “/), true],
      [2, 3, 'Packing the archive', true],
      [3, 3, 'Writing the archive', true],
      [3, 3, 'Writing the archive', false],
      [3, 3, 'Writing the archive', false],
    ]);
    expect(recorded.messages.at(-1)).toMatchObject({ state: 'finished' });
    const earlier = await readFile(out);
    for (const atDone of [0, 1, 2, 3]) {
      const { tasks, messages, cancelled } = cancelAt(atDone);
      const result = await runTask(tasks, 'backup', 'Backing up', (task) => backupLibrary(store, out, new Date('2026-04-01T12:00:00Z'), task));
      expect(cancelled()).toBe(true);
      expect(result).toEqual({ cancelled: true });
      expect(messages.at(-1)).toMatchObject({ state: 'cancelled', detail: BACKUP_CANCELLED });
      expect((await readFile(out)).equals(earlier)).toBe(true);
      expect(await readdir(join(root, 'out'))).toEqual(['backup.zip']);
    }
  });

  test('a restore cancelled at any step before it writes leaves the data folder byte for byte as it was; past the commit it cannot be cancelled', async () => {
    const clockA = testClock('2026-03-01T10:00:00.000Z');
    const { store: a, sampleId, sampleText } = await richLibrary(join(root, 'a'), clockA);
    await backupLibrary(a, join(root, 'base.zip'), new Date());
    const b = await openStore(join(root, 'b'), testClock('2026-03-05T10:00:00.000Z'));
    await restoreLibrary(b, join(root, 'base.zip'));
    // A changes after the base and gains a document, so a second restore both merges and adds.
    clockA.advance(30 * 86_400_000);
    await a.updateAnnotation({ documentId: sampleId, id: testId(1), note: 'Changed in A.', noteState: null });
    await a.createAnnotation({ documentId: sampleId, id: testId(10), selectors: at(sampleText, 'the'), color: 'green', codes: ['theme/new'] });
    const third = 'Ada Lovelace: A third document, only in A.\n';
    await a.importTranscript({ text: third, transcript: parseTranscript(third, 'text', 'Third'), format: 'text', source: 'third.txt' });
    await backupLibrary(a, join(root, 'later.zip'), new Date());
    await b.list();
    const before = await snapshot(join(root, 'b'));

    // Three documents checked (steps 0 to 2), then the commit (3).
    for (const atDone of [0, 1, 2, 3]) {
      const { tasks, messages, cancelled } = cancelAt(atDone);
      const result = await runTask(tasks, 'restore', 'Restoring', (task) => restoreLibrary(b, join(root, 'later.zip'), task));
      expect(cancelled()).toBe(true);
      expect(result).toEqual({ cancelled: true });
      expect(messages.at(-1)).toMatchObject({ state: 'cancelled', detail: RESTORE_CANCELLED });
      expect(await snapshot(join(root, 'b'))).toEqual(before);
    }

    // Asked to stop past the commit (while writing), it goes on to the end.
    const late = cancelAt(4);
    const report = await runTask(late.tasks, 'restore', 'Restoring', (task) => restoreLibrary(b, join(root, 'later.zip'), task));
    expect(late.cancelled()).toBe(false);
    expect(report).toMatchObject({ documentsAdded: 1, documentsMerged: 2, highlightsAdded: 1, highlightsUpdated: 1 });
    expect(late.messages.map((m) => m.detail).filter((d) => d?.startsWith('Restoring'))).toEqual(expect.arrayContaining(['Restoring into the library']));
    expect(late.messages.find((m) => m.detail === 'Restoring into the library' && !m.cancellable)).toBeDefined();
    expect(await snapshot(join(root, 'b'))).not.toEqual(before);
    expect(await glossCheck(join(root, 'b'))).toMatchObject({ code: 0 });
  });
});
