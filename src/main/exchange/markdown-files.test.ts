import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { plainTextOf } from '../../core/transcript/plain-text';
import { readBack, SAMPLE, sampleHighlight, summaryOf } from '../../core/export/testing/markdown-fixtures';
import { DEFAULT_COLOR_NAMES, DEFAULT_MARKDOWN_OPTIONS, type Annotation, type MarkdownOptions } from '../../shared/model';
import { GlossError } from '../store/errors';
import { faultyFileSystem } from '../store/testing/faulty-file-system';
import type { LibraryStore } from '../store/library-store';
import type { ExportDocument, ExportJob } from './export-documents';
import { markdownLeftOut, writeMarkdownExport } from './markdown-files';
import { EXPORT_CANCELLED } from './export-service';
import { TaskCancelled } from '../tasks/run-task';
import { TaskSteps } from '../tasks/task-steps';
import { cancelAt } from '../tasks/testing/cancel-at';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-md-files-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const IDS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

function exportDocument(id: string, title: string, annotations: Annotation[], extra: Partial<ExportDocument> = {}): ExportDocument {
  return {
    document: summaryOf(SAMPLE, { id, title }),
    transcript: SAMPLE,
    plainText: plainTextOf(SAMPLE),
    annotations: annotations.map((a) => ({ ...a, documentId: id })),
    totalHighlights: annotations.length,
    notebook: '',
    ...extra,
  };
}

function job(documents: ExportDocument[], target: string, markdown: Partial<MarkdownOptions> = {}): ExportJob {
  return {
    // The writer never reaches for the store: everything it needs is in the job.
    store: null as unknown as LibraryStore,
    documents,
    codebook: { colors: [], codes: [] },
    colorNames: { ...DEFAULT_COLOR_NAMES },
    libraryNotebook: '',
    markdown: { ...DEFAULT_MARKDOWN_OPTIONS, ...markdown },
    filter: null,
    target,
    now: new Date('2026-11-26T19:40:00Z'),
  };
}

const gremlin = sampleHighlight('let a gremlin loose', { note: 'Vivid.' });
const laws = sampleHighlight('the scaling laws don’t say');

describe('one document to a file', () => {
  test('writes the file and reports it', async () => {
    const target = join(dir, 'talk.md');
    const report = await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin, laws])], target));
    expect(report).toEqual({ format: 'md', files: [target], documents: 1, highlights: 2, leftOut: [], readerTextKept: 0 });
    const back = readBack(await readFile(target, 'utf8'));
    expect(back.fields).toMatchObject({ title: 'Talk', 'gloss-id': IDS[0], highlights: 2 });
    expect(await readdir(dir)).toEqual(['talk.md']);
  });

  test('writing again over an earlier export keeps what the reader added', async () => {
    const target = join(dir, 'talk.md');
    await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin, laws])], target));
    await writeFile(target, `${await readFile(target, 'utf8')}\nMy own closing thought.\n`);
    const report = await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin])], target));
    expect(report.readerTextKept).toBe(1);
    const text = await readFile(target, 'utf8');
    expect(text.split('\n')).toContain('My own closing thought.');
    expect(readBack(text).regions.map((r) => r.key)).toEqual(['title', 'highlights', `highlight:${gremlin.id}`]);
  });

  test('refuses to write over a file that is not a Gloss export, naming it, and leaves it as it was', async () => {
    const target = join(dir, 'My notes.md');
    await writeFile(target, '# My notes\n\nWritten by hand.\n');
    const attempt = writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin])], target));
    await expect(attempt).rejects.toBeInstanceOf(GlossError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(`${target} is not a Gloss export`) });
    await expect(attempt).rejects.toThrow(/Nothing was written/);
    expect(await readFile(target, 'utf8')).toBe('# My notes\n\nWritten by hand.\n');
    expect(await readdir(dir)).toEqual(['My notes.md']);
  });

  test("refuses to merge into another document's export", async () => {
    const target = join(dir, 'talk.md');
    await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin])], target));
    const before = await readFile(target, 'utf8');
    await expect(writeMarkdownExport(job([exportDocument(IDS[1], 'Other', [laws])], target))).rejects.toThrow(/is the export of another document, not of "Other"/);
    expect(await readFile(target, 'utf8')).toBe(before);
  });
});

describe('several documents to a folder', () => {
  test('one file per document and an index whose links open them', async () => {
    const folder = join(dir, 'export');
    const docs = [exportDocument(IDS[0], 'Talk: part 1', [gremlin]), exportDocument(IDS[1], 'talk  part 1', [laws]), exportDocument(IDS[2], 'Notes', [])];
    const report = await writeMarkdownExport(job(docs, folder));
    const names = ['Talk part 1 (11111111).md', 'talk part 1 (22222222).md', 'Notes.md', 'Gloss index.md'];
    expect(report.files).toEqual(names.map((n) => join(folder, n)));
    expect(report).toMatchObject({ documents: 3, highlights: 2, readerTextKept: 0 });
    expect((await readdir(folder)).sort()).toEqual([...names].sort());
    const index = readBack(await readFile(join(folder, 'Gloss index.md'), 'utf8'));
    expect(index.fields).toMatchObject({ title: 'Gloss library', documents: 3, highlights: 2 });
    const links: string[] = [];
    JSON.stringify(index.tree, (key, value: unknown) => {
      if (key === 'url' && typeof value === 'string') links.push(decodeURIComponent(value));
      return value;
    });
    expect(links).toEqual(names.slice(0, 3));
    for (const [i, name] of names.slice(0, 3).entries()) expect(readBack(await readFile(join(folder, name), 'utf8')).fields['gloss-id']).toBe(IDS[i]);
  });

  test('a file that cannot be written stops the export with nothing written: the files before it are taken back, and the folder it made', async () => {
    const folder = join(dir, 'export');
    const docs = [exportDocument(IDS[0], 'One', [gremlin]), exportDocument(IDS[1], 'Two', [laws]), exportDocument(IDS[2], 'Three', [gremlin])];
    const fs = faultyFileSystem();
    fs.fail({ op: 'replaceFile', path: 'Two.md', code: 'ENOSPC' });
    const attempt = writeMarkdownExport(job(docs, folder), fs);
    await expect(attempt).rejects.toThrow(GlossError);
    await expect(attempt).rejects.toThrow(`Could not write ${join(folder, 'Two.md')}`);
    await expect(attempt).rejects.toThrow('Nothing was written.');
    expect(await readdir(dir)).toEqual([]);
  });

  test("a re-export finds each document's file by its gloss-id, even renamed, keeps the reader's text, and never writes over the reader's files", async () => {
    const folder = join(dir, 'vault');
    await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin]), exportDocument(IDS[1], 'Other', [laws])], folder));
    // The reader renames a file in their notes app, adds a line to it, and has notes of their own named like a document and like the index.
    await rm(join(folder, 'Talk.md'));
    const first = await readFile(join(folder, 'Other.md'), 'utf8');
    await rm(join(folder, 'Other.md'));
    await writeFile(join(folder, 'Renamed by me.md'), `${first}\nMy line.\n`);
    await writeFile(join(folder, 'Talk.md'), '# Talk\n\nMy own note, not an export.\n');
    await writeFile(join(folder, 'Gloss index.md'), '---\ntitle: mine\n---\n# mine\n');
    const before = await readdir(folder);

    const report = await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin]), exportDocument(IDS[1], 'Other (renamed in Gloss)', [laws])], folder));
    expect(report.readerTextKept).toBe(1);
    expect(report.files.map((f) => f.slice(folder.length + 1))).toEqual(['Talk (11111111).md', 'Renamed by me.md', 'Gloss index (2).md']);
    expect(await readFile(join(folder, 'Talk.md'), 'utf8')).toBe('# Talk\n\nMy own note, not an export.\n');
    expect(await readFile(join(folder, 'Gloss index.md'), 'utf8')).toBe('---\ntitle: mine\n---\n# mine\n');
    const renamed = await readFile(join(folder, 'Renamed by me.md'), 'utf8');
    expect(renamed.split('\n')).toContain('My line.');
    expect(readBack(renamed).fields.title).toBe('Other (renamed in Gloss)');
    expect((await readdir(folder)).sort()).toEqual([...before, 'Talk (11111111).md', 'Gloss index (2).md'].sort());
    // And again: the same files, nothing new.
    const again = await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin]), exportDocument(IDS[1], 'Other (renamed in Gloss)', [laws])], folder));
    expect(again.files).toEqual(report.files);
    expect(again.readerTextKept).toBe(1);
  });

  test('a file whose front matter the reader broke is left alone, the document written beside it', async () => {
    const folder = join(dir, 'vault');
    await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin]), exportDocument(IDS[1], 'Other', [laws])], folder));
    const broken = (await readFile(join(folder, 'Other.md'), 'utf8')).replace('format: text', 'format: [text');
    await writeFile(join(folder, 'Other.md'), broken);
    const report = await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', []), exportDocument(IDS[1], 'Other', [laws])], folder));
    expect(report.files.map((f) => f.slice(folder.length + 1))).toEqual(['Talk.md', 'Other (22222222).md', 'Gloss index.md']);
    expect(await readFile(join(folder, 'Other.md'), 'utf8')).toBe(broken);
  });

  test('a single file whose front matter the reader broke is refused, nothing written', async () => {
    const target = join(dir, 'talk.md');
    await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin])], target));
    const broken = (await readFile(target, 'utf8')).replace('format: text', 'format: [text');
    await writeFile(target, broken);
    await expect(writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [])], target))).rejects.toThrow(/talk\.md cannot be merged with the new export: its front matter is not valid YAML.*Nothing was written/);
    expect(await readFile(target, 'utf8')).toBe(broken);
    expect(await readdir(dir)).toEqual(['talk.md']);
  });
});

describe('progress and cancel', () => {
  /** A job whose task is cancelled when `atDone` steps are done (one step per file written). */
  function cancelled(documents: ExportDocument[], target: string, atDone: number | null) {
    const registry = cancelAt(atDone);
    const steps = new TaskSteps(registry.tasks.start('export', 'Exporting'), documents.length + 1, EXPORT_CANCELLED);
    return { job: { ...job(documents, target), steps }, registry };
  }
  const three = () => [exportDocument(IDS[0], 'One', [gremlin]), exportDocument(IDS[1], 'Two', [laws]), exportDocument(IDS[2], 'Three', [])];

  /** Every file under `folder` with its bytes. */
  async function snapshot(folder: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const name of (await readdir(folder)).sort()) out[name] = await readFile(join(folder, name), 'utf8');
    return out;
  }

  test('reports a step per file as it is written, and the files are named as they go', async () => {
    const folder = join(dir, 'export');
    const { job: j, registry } = cancelled(three(), folder, null);
    await writeMarkdownExport(j);
    expect(registry.messages.map((m) => [m.done, m.total, m.detail, m.cancellable])).toEqual([
      [0, null, undefined, true],
      [0, 4, 'Writing One.md', true],
      [1, 4, 'Writing Two.md', true],
      [2, 4, 'Writing Three.md', true],
      [3, 4, 'Writing Gloss index.md', true],
      [4, 4, 'Putting the files in place', true],
      [4, 4, 'Putting the files in place', false],
    ]);
  });

  for (const atDone of [1, 2, 4]) {
    test(`cancelled after ${atDone} of 4 files into a new folder: nothing is left, not even the folder`, async () => {
      const folder = join(dir, 'export');
      const { job: j, registry } = cancelled(three(), folder, atDone);
      await expect(writeMarkdownExport(j)).rejects.toThrow(TaskCancelled);
      expect(registry.cancelled()).toBe(true);
      expect(await readdir(dir)).toEqual([]);
    });
  }

  test('cancelled while updating an earlier export in its folder: every file is exactly as it was, the reader\'s lines and files included', async () => {
    const folder = join(dir, 'vault');
    await writeMarkdownExport(job(three(), folder));
    await writeFile(join(folder, 'Two.md'), `${await readFile(join(folder, 'Two.md'), 'utf8')}\nMy own line.\n`);
    await writeFile(join(folder, 'My notes.md'), '# Mine\n');
    const before = await snapshot(folder);
    const changed = [exportDocument(IDS[0], 'One', []), exportDocument(IDS[1], 'Two', [gremlin, laws]), exportDocument(IDS[2], 'Three', [laws])];
    const { job: j } = cancelled(changed, folder, 3);
    await expect(writeMarkdownExport(j)).rejects.toThrow(EXPORT_CANCELLED);
    expect(await snapshot(folder)).toEqual(before);
    // Not cancelled, the same export changes them.
    await writeMarkdownExport(job(changed, folder));
    expect(await snapshot(folder)).not.toEqual(before);
  });

  test('cancelled before its one file is put in place: an earlier export of the document stays as it was', async () => {
    const target = join(dir, 'talk.md');
    await writeMarkdownExport(job([exportDocument(IDS[0], 'Talk', [gremlin])], target));
    const before = await readFile(target, 'utf8');
    const registry = cancelAt(1);
    const steps = new TaskSteps(registry.tasks.start('export', 'Exporting'), 1, EXPORT_CANCELLED);
    await expect(writeMarkdownExport({ ...job([exportDocument(IDS[0], 'Talk', [gremlin, laws])], target), steps })).rejects.toThrow(TaskCancelled);
    expect(await readFile(target, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['talk.md']);
  });
});

test('markdownLeftOut names what the options turn off and what the filter leaves out', () => {
  const orphan = { ...sampleHighlight('gremlin', { note: 'n', codes: ['c'] }), orphaned: true };
  const doc = { ...exportDocument(IDS[0], 'Talk', [gremlin, orphan], { notebook: 'x' }), totalHighlights: 5 };
  const { target: _target, ...everything } = job([doc], '', {});
  void _target;
  expect(markdownLeftOut(everything)).toEqual(['3 highlights not matching the filter.']);
  const { target: _t2, ...nothing } = job([doc], '', { notes: false, codes: false, orphans: false, colorNames: false, links: false, notebook: false });
  void _t2;
  expect(markdownLeftOut(nothing)).toEqual([
    'The notes of 2 highlights (notes are turned off).',
    'The codes of 1 highlight (codes are turned off).',
    '1 orphaned highlight (orphans are turned off).',
    'Colour names (turned off).',
    'Links back into Gloss (turned off).',
    'Notebooks (turned off).',
    '3 highlights not matching the filter.',
  ]);
});
