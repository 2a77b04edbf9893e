/**
 * `gloss export` and `gloss import` on a real data folder, as a script uses
 * them: what the flags ask for, the name an export takes when --out is not
 * given, every command-line mistake refused with exit code 2 and a message
 * naming it, a bad file refused with exit code 1 and the import service's
 * reason, and nothing written by a command that fails. Beside the running
 * app, import goes through the app (which reads the file itself) and export
 * only reads.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { exportFileName } from '../core/export/markdown';
import { commandRequestSchema, PROTOCOL_VERSION } from '../main/remote/protocol';
import { DEFAULT_MARKDOWN_OPTIONS, type ExchangeImportReport, type ExportRequest, HIGHLIGHT_COLORS } from '../shared/model';
import { parseArgs, UsageError } from './args';
import { defaultExportName, EXCHANGE_FLAGS, exportCommand, exportRequestOf, importCommand, importLines } from './exchange-commands';
import { gloss, ROOT, SAMPLE_PATH, snapshot } from './testing/run-gloss';

const TITLE = 'Democracies must maintain the lead in AI';
const UNKNOWN = '99999999-9999-4999-8999-999999999999';
let dir: string;
let dataDir: string;
let doc: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-exchange-'));
  dataDir = join(dir, 'library');
  const added = await gloss('add', SAMPLE_PATH, '--json', '--data-dir', dataDir);
  [{ id: doc }] = JSON.parse(added.out);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const requestOf = (...argv: string[]) => exportRequestOf(parseArgs(['export', ...argv], EXCHANGE_FLAGS, {}));

test('export starts from the default Markdown options, whatever the app last chose, and each flag changes one', () => {
  expect(requestOf('--format', 'md', '--doc', 'A')).toEqual({
    request: { format: 'md', documentIds: ['A'], markdown: { ...DEFAULT_MARKDOWN_OPTIONS }, filter: null },
    out: undefined,
  });
  const everyFlag = requestOf('--format=MD', '--all', '--group-by', 'Colour', '--no-notes', '--no-codes', '--no-color-names', '--no-times', '--no-notebook', '--no-orphans', '--no-links', '--out', 'x');
  expect(everyFlag).toEqual({
    request: {
      format: 'md',
      documentIds: [],
      all: true,
      markdown: { groupBy: 'color', notes: false, codes: false, colorNames: false, times: false, notebook: false, orphans: false, links: false },
      filter: null,
    },
    out: 'x',
  });
  expect(requestOf('--format', 'md', '--all', '--no-colour-names', '--group-by', 'color').request.markdown).toEqual({ ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'color', colorNames: false });
  expect(requestOf('--format', 'md', '--all', '--group-by', 'speaker').request.markdown?.groupBy).toBe('speaker');
});

test('export takes repeated --doc in order, each once; the other formats carry no Markdown options; a codebook takes no documents', () => {
  expect(requestOf('--format', 'w3c', '--doc', 'B', '--doc', 'A', '--doc', 'B').request).toEqual({ format: 'w3c', documentIds: ['B', 'A'], filter: null });
  expect(requestOf('--format', 'qdpx', '--all').request).toEqual({ format: 'qdpx', documentIds: [], all: true, filter: null });
  expect(requestOf('--format', 'qdc', '--out', 'codes.qdc')).toEqual({ request: { format: 'qdc', documentIds: [], filter: null }, out: 'codes.qdc' });
});

test('the filter flags make the side panel’s filter: colours (either spelling), codes as Gloss keeps them, speakers, with a note', () => {
  const { request } = requestOf('--format', 'w3c', '--all', '--colour', 'Red', '--color', 'blue', '--colour', 'red', '--code', ' theme // risk ', '--speaker', ' Ann Lee ', '--with-note');
  expect(request.filter).toEqual({ colors: ['red', 'blue'], codes: ['theme/risk'], speakers: ['Ann Lee'], withNote: true });
  expect(requestOf('--format', 'md', '--doc', 'A', '--with-note').request.filter).toEqual({ colors: [], codes: [], speakers: [], withNote: true });
});

test.each<[string, string[], string]>([
  ['no format', ['--all'], 'gloss export needs --format: md (Markdown), w3c (W3C Web Annotations), qdpx (REFI-QDA project) or qdc (REFI-QDA codebook)'],
  ['an unknown format', ['--format', 'pdf', '--all'], '--format pdf: not a format Gloss exports; use md (Markdown), w3c (W3C Web Annotations), qdpx (REFI-QDA project) or qdc (REFI-QDA codebook)'],
  ['neither --doc nor --all', ['--format', 'md'], 'gloss export --format md needs --doc ID (once or more) or --all'],
  ['both --doc and --all', ['--format', 'w3c', '--doc', 'A', '--all'], 'give --doc ID (once or more) or --all, not both'],
  ['an empty --doc', ['--format', 'w3c', '--doc', ' '], '--doc needs a document id (gloss list shows them)'],
  ['documents for a codebook', ['--format', 'qdc', '--all'], 'a codebook (--format qdc) is the code tree of the whole library: it takes no --doc or --all'],
  ['a filter for a codebook', ['--format', 'qdc', '--colour', 'red'], '--colour does not apply to a codebook (--format qdc)'],
  ['a Markdown option for W3C', ['--format', 'w3c', '--all', '--no-notes'], '--no-notes is a Markdown option: it needs --format md'],
  ['a grouping for REFI-QDA', ['--format', 'qdpx', '--all', '--group-by', 'speaker'], '--group-by is a Markdown option: it needs --format md'],
  ['an unknown grouping', ['--format', 'md', '--all', '--group-by', 'time'], '--group-by time: group by document, speaker, colour or code'],
  ['an unknown colour', ['--format', 'md', '--all', '--colour', 'crimson'], `--colour crimson: not a colour; use one of ${HIGHLIGHT_COLORS.join(', ')}`],
  ['an empty code', ['--format', 'md', '--all', '--code', ' / '], '--code " / ": a code cannot be empty'],
  ['an empty speaker', ['--format', 'md', '--all', '--speaker', ''], '--speaker needs a speaker’s name'],
])('export refuses %s', (_what, argv, message) => {
  expect(() => requestOf(...argv)).toThrow(new UsageError(message));
});

test('mistakes on the command line exit with code 2 and a message naming them; nothing is written anywhere', async () => {
  const out = join(dir, 'out');
  const before = await snapshot(dir);
  const cases: [string[], string][] = [
    [['export', '--format', 'odt', '--all'], '--format odt: not a format Gloss exports'],
    [['export', '--format', 'md', '--out', out], 'gloss export --format md needs --doc ID (once or more) or --all'],
    [['export', '--format', 'md', '--doc', doc, '--all', '--out', out], 'give --doc ID (once or more) or --all, not both'],
    [['export', '--format', 'md', '--doc', UNKNOWN, '--out', out], `--doc ${UNKNOWN}: there is no document with this id in ${dataDir} (gloss list shows them)`],
    [['export', '--format', 'w3c', '--doc', doc, '--doc', UNKNOWN, '--out', out], `--doc ${UNKNOWN}: there is no document with this id`],
    [['export', '--format', 'md', '--all', '--no-speakers', '--out', out], 'unknown option --no-speakers for gloss export'],
    [['export', '--format', 'md', '--all', 'extra', '--out', out], 'gloss export: unexpected "extra"'],
    [['import'], 'gloss import: wrong number of files'],
    [['import', 'a.jsonld', 'b.jsonld'], 'gloss import: wrong number of files'],
    [['import', join(dir, 'a.jsonld'), '--doc', UNKNOWN], `--doc ${UNKNOWN}: there is no document with this id in ${dataDir} (gloss list shows them)`],
    [['import', join(dir, 'a.jsonld'), '--doc', doc, '--doc', doc], '--doc can be given only once'],
  ];
  for (const [argv, message] of cases) {
    const result = await gloss(...argv, '--data-dir', dataDir);
    expect(result, argv.join(' ')).toMatchObject({ code: 2, out: '' });
    expect(result.err, argv.join(' ')).toMatch(/^gloss[: ]/);
    expect(result.err, argv.join(' ')).toContain(message);
  }
  expect(await snapshot(dir)).toEqual(before);
});

test('an export names its file after the document, or the library, as the app’s Save dialog does', () => {
  const documents = [
    { id: 'A', title: TITLE },
    { id: 'B', title: 'Q&A: what/why?' },
  ];
  const name = (request: Omit<ExportRequest, 'documentIds'> & { documentIds?: string[] }, extension: string, folder = false) => defaultExportName({ documentIds: [], ...request }, documents, extension, folder, exportFileName);
  expect(name({ format: 'md', documentIds: ['A'] }, 'md')).toBe(`${TITLE} - highlights.md`);
  expect(name({ format: 'w3c', documentIds: ['B'] }, 'jsonld')).toBe('Q&A what why - highlights.jsonld');
  expect(name({ format: 'qdpx', documentIds: ['A', 'B'] }, 'qdpx')).toBe('Gloss library.qdpx');
  expect(name({ format: 'md', documentIds: ['A', 'B'] }, 'md', true)).toBe('Gloss library');
  expect(name({ format: 'md', all: true }, 'md', true)).toBe('Gloss library');
  expect(name({ format: 'w3c', all: true }, 'jsonld')).toBe('Gloss library.jsonld');
  expect(name({ format: 'qdc' }, 'qdc')).toBe('Gloss codebook.qdc');
});

test('an import’s report reads as a sentence: what was added where, updated, orphaned, and what could not be carried', () => {
  const report: ExchangeImportReport = {
    format: 'qdpx',
    documentsAdded: [{ id: 'N', title: 'Focus group 2' }],
    documentsUpdated: [{ id: 'A', title: TITLE }],
    highlightsAdded: 12,
    highlightsUpdated: 3,
    highlightsUnchanged: 0,
    orphaned: 1,
    codesAdded: 2,
    notCarried: ['2 selections on a picture (Gloss holds text only)', 'the project’s users'],
  };
  expect(importLines(report)).toEqual([
    'Added the document “Focus group 2” (N)',
    `Added 12 highlights to “Focus group 2” and “${TITLE}”, 3 updated, 1 orphaned (their text was not found; kept with their notes and codes); 2 new codes.`,
    'Not carried: 2 selections on a picture (Gloss holds text only)',
    'Not carried: the project’s users',
  ]);
  const again = { ...report, format: 'w3c' as const, documentsAdded: [], highlightsAdded: 0, highlightsUpdated: 0, highlightsUnchanged: 16, orphaned: 0, codesAdded: 0, notCarried: [] };
  expect(importLines(again)).toEqual(['Nothing new: 16 highlights already as in the library.']);
  expect(importLines({ ...again, highlightsUnchanged: 15, orphaned: 1 })).toEqual([`Added 0 highlights to “${TITLE}”, 15 already as in the library, 1 orphaned (their text was not found; kept with their notes and codes).`]);
});

test('a file that is neither W3C annotations nor a REFI-QDA project, or that is not there, is refused with exit code 1 and the reason; nothing changes', async () => {
  const notes = join(dir, 'notes.txt');
  await writeFile(notes, 'Ann Lee: Hello.\n');
  const before = await snapshot(dataDir);
  expect(await gloss('import', notes, '--data-dir', dataDir)).toEqual({
    code: 1,
    out: '',
    err: 'gloss: notes.txt is neither a W3C annotation file (JSON) nor a REFI-QDA project (.qdpx, a zip). Nothing was imported.',
  });
  const missing = await gloss('import', join(dir, 'gone.jsonld'), '--doc', doc, '--json', '--data-dir', dataDir);
  expect(missing).toMatchObject({ code: 1, out: '' });
  expect(missing.err).toMatch(/^gloss: Could not read gone\.jsonld: .*ENOENT.*\. Nothing was imported\.$/);
  expect(await snapshot(dataDir)).toEqual(before);
  const nowhere = join(dir, 'nowhere');
  expect(await gloss('import', notes, '--data-dir', nowhere)).toEqual({ code: 1, out: '', err: `gloss: There is no library at ${nowhere}.` });
  expect(await gloss('export', '--format', 'qdc', '--out', join(dir, 'c.qdc'), '--data-dir', nowhere)).toMatchObject({ code: 1, err: `gloss: There is no library at ${nowhere}.` });
  expect(await readdir(dir)).toEqual(expect.not.arrayContaining(['nowhere', 'c.qdc']));
});

test('the app takes an import only with a file’s full path', () => {
  const request = (path: string) => ({ version: PROTOCOL_VERSION, token: 't', name: 'import', request: { path, documentId: null } });
  expect(commandRequestSchema.safeParse(request('/tmp/a.jsonld')).success).toBe(true);
  expect(commandRequestSchema.safeParse(request('a.jsonld')).success).toBe(false);
  expect(commandRequestSchema.safeParse({ ...request('/tmp/a.jsonld'), request: { path: '/tmp/a.jsonld', documentId: null, extra: 1 } }).success).toBe(false);
});

/** The app in another process (testing/running-app.mjs), holding the library and serving gloss commands. */
function startApp() {
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/testing/running-app.mjs'), dataDir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const changed: string[] = [];
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  let stopped: () => void = () => undefined;
  return new Promise<{ changed: () => string[]; stop: () => Promise<void> }>((resolve, reject) => {
    child.on('exit', (code) => code !== 0 && reject(new Error(`the app process failed: ${errors}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('changed ')) changed.push(line.slice(8));
      // Its last line: the lock is released just after.
      else if (line.startsWith('{"inMemory"')) stopped();
      else if (line.startsWith('ready ')) {
        resolve({
          changed: () => [...changed],
          stop: () => {
            child.stdin.write('stop\n');
            return new Promise<void>((done) => (stopped = done));
          },
        });
      }
    });
  });
}

test('beside the running app, import is run by the app on its own store (which reads the file itself, and tells the window), and export only reads', async () => {
  // Highlights made in another library, exported as W3C annotations.
  const elsewhere = join(dir, 'elsewhere');
  const [{ id: theirs }] = await json('add', SAMPLE_PATH, '--data-dir', elsewhere);
  await json('highlight', '--doc', theirs, '--quote', 'let a gremlin loose', '--color', 'red', '--code', 'theme/risk', '--data-dir', elsewhere);
  const annotations = join(dir, 'theirs.jsonld');
  await json('export', '--format', 'w3c', '--all', '--out', annotations, '--data-dir', elsewhere);
  const notes = join(dir, 'notes.txt');
  await writeFile(notes, 'Ann Lee: Hello.\n');

  const app = await startApp();
  try {
    // The app's own import service answered: the command could not have taken the library the app holds.
    expect(await gloss('import', notes, '--data-dir', dataDir)).toEqual({
      code: 1,
      out: '',
      err: 'gloss: notes.txt is neither a W3C annotation file (JSON) nor a REFI-QDA project (.qdpx, a zip). Nothing was imported.',
    });
    const missing = await gloss('import', join(dir, 'gone.qdpx'), '--data-dir', dataDir);
    expect(missing.err).toMatch(/^gloss: Could not read gone\.qdpx: .*ENOENT/);
    expect(app.changed()).toEqual([]);

    const report = await json('import', annotations, '--doc', doc, '--data-dir', dataDir);
    expect(report).toMatchObject({ format: 'w3c', highlightsAdded: 1, documentsUpdated: [{ id: doc, title: TITLE }] });
    expect(app.changed()).toEqual(['null']);

    const settings = join(dataDir, 'settings.json');
    const before = await readFile(settings, 'utf8').catch(() => null);
    const exported = await json('export', '--format', 'w3c', '--doc', doc, '--code', 'theme', '--out', join(dir, 'mine.jsonld'), '--data-dir', dataDir);
    expect(exported).toMatchObject({ documents: 1, highlights: 1 });
    expect(await readFile(settings, 'utf8').catch(() => null)).toBe(before);
    expect(await gloss('export', '--format', 'w3c', '--doc', UNKNOWN, '--out', join(dir, 'x.jsonld'), '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringContaining(`--doc ${UNKNOWN}: there is no document`) });
  } finally {
    await app.stop();
  }
}, 30_000);

/** Runs a command that must succeed and parses its JSON. */
async function json(...argv: string[]) {
  const { code, out, err } = await gloss(...argv, '--json');
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

/** Two highlights in the sample: one red with a code and a note, one blue. */
async function twoHighlights(library = dataDir) {
  const red = await json('highlight', '--doc', doc, '--quote', 'let a gremlin loose', '--color', 'red', '--code', 'theme/risk', '--note', 'why *this*', '--data-dir', library);
  const blue = await json('highlight', '--doc', doc, '--quote', 'concreteness', '--color', 'blue', '--data-dir', library);
  return [red, blue];
}

test('a W3C export of a document, imported into another library holding the same transcript, gives back the same highlights; a second import changes nothing', async () => {
  const made = await twoHighlights();
  const file = join(dir, 'out', 'sample.jsonld');
  await mkdir(join(dir, 'out'));
  const exported = await gloss('export', '--format', 'w3c', '--doc', doc, '--out', file, '--data-dir', dataDir);
  expect(exported.code).toBe(0);
  expect(exported.out.split('\n')).toEqual([`Wrote ${file}`, 'Exported 1 document and 2 highlights as W3C Web Annotations.', expect.stringMatching(/^Left out: .*speaker/i)]);
  const collection = JSON.parse(await readFile(file, 'utf8'));
  expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 2 });

  const other = join(dir, 'other');
  const [{ id: otherDoc }] = await json('add', SAMPLE_PATH, '--data-dir', other);
  const report = await json('import', file, '--data-dir', other);
  expect(report).toEqual({
    format: 'w3c',
    documentsAdded: [],
    documentsUpdated: [{ id: otherDoc, title: TITLE }],
    highlightsAdded: 2,
    highlightsUpdated: 0,
    highlightsUnchanged: 0,
    orphaned: 0,
    codesAdded: expect.any(Number),
    notCarried: expect.any(Array),
  });
  const fields = (h: Record<string, unknown>) => ({ id: h.id, quote: h.quote, start: h.start, end: h.end, color: h.color, codes: h.codes, note: h.note, speakers: h.speakers });
  expect((await json('highlights', '--doc', otherDoc, '--data-dir', other)).highlights.map(fields)).toEqual(made.sort((a, b) => a.start - b.start).map(fields));
  // A path relative to the folder the command runs in.
  const printed: string[] = [];
  expect(await importCommand(other, join('out', 'sample.jsonld'), undefined, false, { out: (line) => printed.push(line), err: (line) => printed.push(line) }, dir)).toBe(0);
  expect(printed).toEqual(['Nothing new: 2 highlights already as in the library.']);
  expect((await json('highlights', '--doc', otherDoc, '--data-dir', other)).highlights).toHaveLength(2);
});

test('export with filter flags takes only the highlights the side panel would show; --json prints the report', async () => {
  await twoHighlights();
  const file = join(dir, 'red.jsonld');
  const report = await json('export', '--format', 'w3c', '--doc', doc, '--colour', 'red', '--out', file, '--data-dir', dataDir);
  expect(report).toEqual({ format: 'w3c', files: [file], documents: 1, highlights: 1, leftOut: [expect.any(String)], readerTextKept: 0 });
  expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ total: 1 });
  expect(await json('export', '--format', 'w3c', '--all', '--code', 'theme', '--out', file, '--data-dir', dataDir)).toMatchObject({ highlights: 1 });
  expect(await json('export', '--format', 'w3c', '--all', '--with-note', '--colour', 'blue', '--out', file, '--data-dir', dataDir)).toMatchObject({ highlights: 0 });
});

test('without --out an export takes its default name in the current folder; a folder given as --out receives that name', async () => {
  await twoHighlights();
  const io = { out: () => undefined, err: () => undefined };
  const args = (...argv: string[]) => parseArgs(['export', ...argv], EXCHANGE_FLAGS, {});
  const cwd = join(dir, 'here');
  await mkdir(cwd);
  expect(await exportCommand(dataDir, args('--format', 'qdpx', '--all'), io, cwd)).toBe(0);
  expect(await exportCommand(dataDir, args('--format', 'w3c', '--doc', doc), io, cwd)).toBe(0);
  expect(await exportCommand(dataDir, args('--format', 'qdc', '--out', 'codes/'), io, cwd)).toBe(0);
  expect(await exportCommand(dataDir, args('--format', 'qdc', '--out', cwd), io, cwd)).toBe(0);
  expect((await readdir(cwd, { recursive: true })).sort()).toEqual(['Gloss codebook.qdc', 'Gloss library.qdpx', `${TITLE} - highlights.jsonld`, 'codes', join('codes', 'Gloss codebook.qdc')].sort());
  expect((await readFile(join(cwd, 'codes', 'Gloss codebook.qdc'), 'utf8')).startsWith('<?xml')).toBe(true);
  // A file in a folder that is not there is not guessed at.
  const result = await gloss('export', '--format', 'qdc', '--out', join(dir, 'nowhere', 'codes.qdc'), '--data-dir', dataDir);
  expect(result).toEqual({ code: 1, out: '', err: `gloss: There is no folder ${join(dir, 'nowhere')} to write ${join(dir, 'nowhere', 'codes.qdc')} into; nothing was exported.` });
});

test('a REFI-QDA project exported from one library is imported into an empty one: its document, coded highlights and codes', async () => {
  await twoHighlights();
  const file = join(dir, 'project.qdpx');
  expect(await json('export', '--format', 'qdpx', '--all', '--out', file, '--data-dir', dataDir)).toMatchObject({ files: [file], documents: 1, highlights: 2 });
  const empty = join(dir, 'empty');
  await mkdir(empty);
  const report = await gloss('import', file, '--data-dir', empty);
  expect(report).toMatchObject({ code: 0, err: '' });
  const [added] = await json('list', '--data-dir', empty);
  expect(report.out.split('\n').slice(0, 2)).toEqual([`Added the document “${added.title}” (${added.id})`, expect.stringMatching(new RegExp(`^Added \\d+ highlights? to “${added.title}”`))]);
  const highlights = (await json('highlights', '--doc', added.id, '--data-dir', empty)).highlights;
  // The highlight with neither a code nor a note comes back too (only Gloss's own speaker turns are left out).
  expect(highlights).toContainEqual(expect.objectContaining({ quote: 'concreteness', codes: [], note: '' }));
  expect(highlights).toContainEqual(expect.objectContaining({ quote: 'let a gremlin loose', codes: ['theme/risk'], note: 'why *this*', speakers: ['Dario Amodei'] }));
  expect(await json('codes', '--data-dir', empty)).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'theme/risk', count: 1 })]));
});

test('Markdown flags change the file from the default options, and the app’s remembered options stay as they were', async () => {
  await twoHighlights();
  const full = join(dir, 'full.md');
  const bare = join(dir, 'bare.md');
  expect(await gloss('export', '--format', 'md', '--doc', doc, '--out', full, '--data-dir', dataDir)).toMatchObject({ code: 0, out: `Wrote ${full}\nExported 1 document and 2 highlights as Markdown.` });
  const everything = await readFile(full, 'utf8');
  expect(everything).toContain('why *this*');
  expect(everything).toContain('gloss://');
  expect(everything).toContain('theme/risk');
  const report = await json('export', '--format', 'md', '--doc', doc, '--no-notes', '--no-links', '--no-codes', '--group-by', 'speaker', '--out', bare, '--data-dir', dataDir);
  expect(report).toEqual({ format: 'md', files: [bare], documents: 1, highlights: 2, leftOut: expect.any(Array), readerTextKept: 0 });
  // What the flags turned off is said to be left out: the notes, the codes, the links.
  expect(report.leftOut).toHaveLength(3);
  const less = await readFile(bare, 'utf8');
  expect(less).not.toContain('why *this*');
  expect(less).not.toContain('gloss://');
  expect(less).not.toMatch(/#theme\/risk/);
  expect(less).toMatch(/^#+ .*Dario Amodei/m);
  expect(less).toContain('> let a gremlin loose');
  const { LibraryStore } = await import('../main/store/library-store');
  expect((await LibraryStore.open(dataDir, { mode: 'inspect' })).exportOptions()).toEqual(DEFAULT_MARKDOWN_OPTIONS);
});

test('Markdown of the library goes to a folder (created, or named by default), one file per document and an index; what the reader added survives a re-export', async () => {
  await twoHighlights();
  await json('add', join(ROOT, 'test-fixtures/reanchor/sample-corrected.txt'), '--data-dir', dataDir);
  const io = { out: () => undefined, err: () => undefined };
  const cwd = join(dir, 'here');
  await mkdir(cwd);
  expect(await exportCommand(dataDir, parseArgs(['export', '--format', 'md', '--all'], EXCHANGE_FLAGS, {}), io, cwd)).toBe(0);
  expect(await readdir(cwd)).toEqual(['Gloss library']);
  expect(await readdir(join(cwd, 'Gloss library'))).toHaveLength(3);

  const folder = join(dir, 'notes', 'gloss');
  const first = await json('export', '--format', 'md', '--all', '--out', folder, '--data-dir', dataDir);
  expect(first).toMatchObject({ format: 'md', documents: 2, highlights: 2, readerTextKept: 0 });
  expect(first.files).toHaveLength(3);
  expect((await readdir(folder)).sort()).toEqual(first.files.map((f: string) => f.slice(folder.length + 1)).sort());
  const mine = first.files.find((f: string) => f.includes(TITLE));
  await writeFile(mine, `${await readFile(mine, 'utf8')}\nMy own line at the end.\n`);
  const again = await gloss('export', '--format', 'md', '--all', '--out', folder, '--data-dir', dataDir);
  expect(again.code).toBe(0);
  expect(again.out).toContain('Kept 1 passage you had added to the exported files.');
  expect(await readFile(mine, 'utf8')).toContain('My own line at the end.');

  // A file where the folder should be is refused, and left alone.
  const before = await snapshot(dir);
  const refused = await gloss('export', '--format', 'md', '--all', '--out', mine, '--data-dir', dataDir);
  expect(refused).toMatchObject({ code: 2, out: '' });
  expect(refused.err).toContain(`--out ${mine}: that is a file; a Markdown export of several documents (or --all) writes one file per document into a folder`);
  expect(await snapshot(dir)).toEqual(before);
});

test('--help names export and import with their flags', async () => {
  const { code, out } = await gloss('--help');
  expect(code).toBe(0);
  for (const usage of ['export --format md|w3c|qdpx|qdc (--doc ID... | --all) [--out PATH]', 'import FILE [--doc ID]', '--group-by', '--no-colour-names', '--with-note', 'revert-text, import']) {
    expect(out).toContain(usage);
  }
});
