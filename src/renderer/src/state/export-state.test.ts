import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ResponseOf } from '../../../shared/contract';
import { DEFAULT_MARKDOWN_OPTIONS, type ExportReport, type ExportRequest, type MarkdownOptions } from '../../../shared/model';
import { ExportDialogStore, exportRequest, filterUnavailable, folderOf, previewLine, reportMessage, timesUnavailable, type ExportOpening } from './export-state';

type Preview = ResponseOf<'export:preview'>;

/** A main process whose preview answers come back when the test says so, in any order. */
function slowMain(remembered: MarkdownOptions = { ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'speaker', notes: false }) {
  const asked: ExportRequest[] = [];
  const waiting: { resolve: (p: Preview) => void; reject: (e: Error) => void }[] = [];
  const runs: ExportRequest[] = [];
  let runAnswer: () => Promise<ResponseOf<'export:run'>> = async () => ({ cancelled: true });
  return {
    asked,
    runs,
    answer: (i: number, preview: Preview) => waiting[i].resolve(preview),
    fail: (i: number, message: string) => waiting[i].reject(new Error(message)),
    setRun: (fn: typeof runAnswer) => (runAnswer = fn),
    main: {
      options: async () => remembered,
      preview: (request: ExportRequest) =>
        new Promise<Preview>((resolve, reject) => {
          asked.push(request);
          waiting.push({ resolve, reject });
        }),
      run: (request: ExportRequest) => {
        runs.push(request);
        return runAnswer();
      },
    },
  };
}

const DOC = { id: 'd1', title: 'Interview', timed: false };
const FILTER = { colors: ['yellow' as const], codes: [], speakers: [], withNote: false };

function opening(patch: Partial<ExportOpening> = {}): ExportOpening {
  return { documents: [DOC], scope: 'documents', library: { documents: 3, timed: true }, filter: null, inReader: true, ...patch };
}

const report = (patch: Partial<ExportReport>): ExportReport => ({ format: 'md', files: [], documents: 1, highlights: 0, leftOut: [], readerTextKept: 0, ...patch });

describe('what the dialog says', () => {
  test('the preview line counts highlights and documents, in the singular where there is one', () => {
    expect(previewLine('md', { documents: 1, highlights: 142, leftOut: [] })).toBe('142 highlights from 1 document');
    expect(previewLine('qdpx', { documents: 3, highlights: 1, leftOut: [] })).toBe('1 highlight from 3 documents');
    expect(previewLine('md', { documents: 50, highlights: 250000, leftOut: [] })).toBe('250,000 highlights from 50 documents');
    // Empty exports say what to do to have something in them.
    expect(previewLine('w3c', { documents: 2, highlights: 0, leftOut: [] })).toBe(
      '0 highlights from 2 documents: nothing is highlighted yet. Select a passage in a transcript and pick a colour to highlight it, or export anyway for a file without highlights.',
    );
    expect(previewLine('md', { documents: 0, highlights: 0, leftOut: [] })).toBe('No documents to export: open transcripts into the library first (Open transcripts… in the library).');
  });

  test('a report names the file, or the folder and how many files, and the passages the reader added that were kept', () => {
    expect(reportMessage(report({ files: ['/home/a/Interview.md'], highlights: 142 }))).toBe('Exported 142 highlights to /home/a/Interview.md');
    expect(reportMessage(report({ files: ['/out/A.md', '/out/B.md', '/out/Index.md'], documents: 2, highlights: 9 }))).toBe(
      'Exported 9 highlights from 2 documents to /out (3 files)',
    );
    expect(reportMessage(report({ files: ['/home/a/Interview.md'], highlights: 1, readerTextKept: 3 }))).toBe(
      'Exported 1 highlight to /home/a/Interview.md; kept 3 passages you added to the file',
    );
    expect(reportMessage(report({ format: 'qdc', files: ['C:\\Users\\a\\Gloss codebook.qdc'], documents: 0 }))).toBe('Exported the codebook to C:\\Users\\a\\Gloss codebook.qdc');
    expect(folderOf('C:\\Users\\a\\x.md')).toBe('C:\\Users\\a');
  });

  test('Times cannot be chosen for a transcript without media times, and says why', () => {
    expect(timesUnavailable({ opening: opening(), scope: 'documents' })).toBe('This transcript has no media times');
    expect(timesUnavailable({ opening: opening({ documents: [{ ...DOC, timed: true }] }), scope: 'documents' })).toBeNull();
    expect(timesUnavailable({ opening: opening(), scope: 'library' })).toBeNull();
    expect(timesUnavailable({ opening: opening({ library: { documents: 2, timed: false } }), scope: 'library' })).toBe('None of these transcripts has media times');
  });

  test('"only matching the filter" needs a filter, highlights and this document', () => {
    expect(filterUnavailable({ opening: opening(), scope: 'documents', format: 'md' })).toBe('The side panel shows every highlight');
    expect(filterUnavailable({ opening: opening({ filter: FILTER }), scope: 'documents', format: 'md' })).toBeNull();
    expect(filterUnavailable({ opening: opening({ filter: FILTER }), scope: 'library', format: 'md' })).toMatch(/this document/);
    expect(filterUnavailable({ opening: opening({ filter: FILTER }), scope: 'documents', format: 'qdc' })).toMatch(/codes, not highlights/);
  });
});

describe('the request the choices make', () => {
  const state = (patch: Partial<Parameters<typeof exportRequest>[0]> = {}) => {
    const store = new ExportDialogStore(slowMain().main);
    void store.open(opening({ filter: FILTER }));
    return { ...store.getState(), ...patch };
  };

  test('this document, as Markdown, with the options and the filter', () => {
    const s = state({ markdown: { ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'code', times: true } });
    expect(exportRequest(s)).toEqual({ format: 'md', documentIds: ['d1'], filter: FILTER, markdown: { ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'code', times: false } });
  });

  test('the whole library takes no ids, no filter; only Markdown takes options; a codebook takes neither documents nor all', () => {
    expect(exportRequest(state({ scope: 'library', format: 'w3c' }))).toEqual({ format: 'w3c', documentIds: [], all: true, filter: null });
    expect(exportRequest(state({ format: 'qdc' }))).toEqual({ format: 'qdc', documentIds: [], filter: null });
    expect(exportRequest(state({ onlyFiltered: false, format: 'qdpx' }))).toEqual({ format: 'qdpx', documentIds: ['d1'], filter: null });
  });
});

describe('ExportDialogStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('opening loads the remembered Markdown options and asks for a preview at once', async () => {
    const m = slowMain();
    const store = new ExportDialogStore(m.main, 100);
    await store.open(opening());
    expect(store.getState().markdown).toMatchObject({ groupBy: 'speaker', notes: false });
    expect(store.getState().optionsLoaded).toBe(true);
    expect(m.asked).toHaveLength(1);
    m.answer(0, { documents: 1, highlights: 4, leftOut: [] });
    await vi.runAllTimersAsync();
    expect(store.getState().preview).toEqual({ documents: 1, highlights: 4, leftOut: [] });
  });

  test('changes are previewed once they pause, and an answer overtaken by a newer question is dropped', async () => {
    const m = slowMain();
    const store = new ExportDialogStore(m.main, 100);
    await store.open(opening());
    store.choose({ format: 'qdpx' });
    await vi.advanceTimersByTimeAsync(50);
    store.choose({ scope: 'library' });
    await vi.advanceTimersByTimeAsync(99);
    expect(m.asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(m.asked.map((r) => [r.format, r.all ?? false])).toEqual([
      ['md', false],
      ['qdpx', true],
    ]);
    // The newer answer first, then the older one late: the older is dropped.
    m.answer(1, { documents: 3, highlights: 10, leftOut: ['REFI-QDA has no colour per highlight'] });
    await vi.runAllTimersAsync();
    m.answer(0, { documents: 1, highlights: 4, leftOut: [] });
    await vi.runAllTimersAsync();
    expect(store.getState().preview).toEqual({ documents: 3, highlights: 10, leftOut: ['REFI-QDA has no colour per highlight'] });
  });

  test('a preview that fails says why, and the next one clears it', async () => {
    const m = slowMain();
    const store = new ExportDialogStore(m.main, 10);
    await store.open(opening());
    m.fail(0, 'No document with id d1 in this library.');
    await vi.runAllTimersAsync();
    expect(store.getState().previewError).toBe('No document with id d1 in this library.');
    store.choose({ format: 'w3c' });
    await vi.advanceTimersByTimeAsync(10);
    m.answer(1, { documents: 1, highlights: 2, leftOut: [] });
    await vi.runAllTimersAsync();
    expect(store.getState().previewError).toBeNull();
  });

  test('an export reports what it wrote; a cancelled one writes nothing and says so; a failed one says why', async () => {
    const m = slowMain();
    const store = new ExportDialogStore(m.main, 10);
    await store.open(opening());
    m.setRun(async () => ({ cancelled: true }));
    expect(await store.run()).toBeNull();
    expect(store.getState()).toMatchObject({ cancelled: true, done: null, error: null, running: false });
    m.setRun(async () => report({ files: ['/x/Interview.md'], highlights: 3 }));
    expect(await store.run()).toMatchObject({ highlights: 3 });
    expect(store.getState().done?.message).toBe('Exported 3 highlights to /x/Interview.md');
    m.setRun(async () => {
      throw new Error('Could not write /x/Interview.md: EACCES');
    });
    await store.run();
    expect(store.getState().error).toBe('Export failed: Could not write /x/Interview.md: EACCES');
    expect(m.runs.every((r) => r.markdown?.groupBy === 'speaker')).toBe(true);
  });

  test('a library opening with no documents offers the library only; the format chosen last is offered again', async () => {
    const m = slowMain();
    const store = new ExportDialogStore(m.main, 10);
    await store.open(opening());
    store.choose({ format: 'qdpx' });
    store.close();
    await store.open(opening({ documents: [], scope: 'documents' }));
    expect(store.getState()).toMatchObject({ scope: 'library', format: 'qdpx' });
  });

  test('answers that come after the dialog closed change nothing', async () => {
    const m = slowMain();
    const store = new ExportDialogStore(m.main, 10);
    await store.open(opening());
    store.close();
    m.answer(0, { documents: 1, highlights: 4, leftOut: [] });
    await vi.runAllTimersAsync();
    expect(store.getState().preview).toBeNull();
    expect(store.getState().opening).toBeNull();
  });
});
