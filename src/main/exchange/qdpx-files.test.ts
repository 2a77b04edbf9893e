import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { validateCodebook, validateProject } from '../../core/exchange/refi-qda/testing/xmllint';
import { plainTextOf } from '../../core/transcript/plain-text';
import type { Annotation } from '../../shared/model';
import { LibraryStore } from '../store/library-store';
import { SAMPLE, storeWithSample, testId } from '../store/testing/sample-library';
import { previewExport, runExport } from './export-service';
import { importExchangeBytes } from './import-service';

let dir: string;
const NOW = new Date('2025-03-01T10:00:00.000Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-qdpx-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const EMOJI_TEXT = 'Party notes\n\nAna: We met at the 🎉🎉 party and talked about 𝒳-rays for hours.\n\nBo: Then 😀 we left before the cake arrived.\n\nAna: A pity.\n\nBo: Yes.';

async function textOf(store: LibraryStore, documentId: string): Promise<string> {
  return plainTextOf((await store.open(documentId)).transcript);
}

async function highlight(store: LibraryStore, documentId: string, n: number, quote: string, extra: { note?: string; codes?: string[]; color?: Annotation['color'] } = {}) {
  const text = await textOf(store, documentId);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return store.createAnnotation({ documentId, id: testId(n), color: extra.color ?? 'yellow', selectors: createSelectors(text, start, start + quote.length), note: extra.note, codes: extra.codes });
}

/** A library with the sample and a short transcript with emoji, highlighted, coded and noted. */
async function studiedLibrary(at: string) {
  const { store, doc } = await storeWithSample(at);
  const party = await store.importText({ text: EMOJI_TEXT, source: 'party.txt', fallbackTitle: 'Party' });
  await store.describeCode('theme', { color: 'blue', description: 'The big themes' });
  await store.describeCode('theme/risk', { color: 'red', description: 'What could go wrong' });
  await store.describeCode('unused code', { color: 'green', description: 'Described, never used' });
  await highlight(store, doc.id, 1, 'Machines of Loving Grace', { codes: ['theme/risk', 'method'], note: 'A **bold** thought\n\n- and a list', color: 'pink' });
  await highlight(store, doc.id, 2, 'scaling laws', { codes: ['theme'] });
  await highlight(store, doc.id, 3, 'Amazon invested $4bn', { note: 'Only a note', color: 'green' });
  await highlight(store, party.id, 4, 'talked about 𝒳-rays', { codes: ['theme/risk'], note: 'after two emoji' });
  await highlight(store, party.id, 5, 'we left before the cake', { codes: ['method'] });
  return { store, sample: doc, party };
}

function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, new TextDecoder().decode(data)]));
}

describe('REFI-QDA export', () => {
  test('writes a .qdpx whose project.qde the REFI-QDA schema accepts, with a text file per document', async () => {
    const { store, sample, party } = await studiedLibrary(join(dir, 'lib'));
    const target = join(dir, 'study.qdpx');
    const report = await runExport(store, { format: 'qdpx', documentIds: [sample.id, party.id] }, target, NOW);
    expect(report).toMatchObject({ format: 'qdpx', files: [target], documents: 2, highlights: 5 });
    expect(report.leftOut[0]).toBe('5 highlights’ colours (REFI-QDA keeps a colour per code, not per highlight: each code carries its codebook colour)');
    const files = unzipText(new Uint8Array(await readFile(target)));
    const verdict = validateProject(files['project.qde']);
    expect(verdict.output).toContain('validates');
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${sample.id.toUpperCase()}.txt`, `sources/${party.id.toUpperCase()}.txt`].sort());
    expect(files[`sources/${party.id.toUpperCase()}.txt`]).toBe(EMOJI_TEXT);
    // No temporary file is left beside the export.
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['study.qdpx']));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });

  test('says before the export what REFI-QDA cannot carry', async () => {
    const { store, sample } = await studiedLibrary(join(dir, 'lib'));
    await store.nameColor('pink', 'Key claim');
    const preview = await previewExport(store, { format: 'qdpx', documentIds: [sample.id] }, NOW);
    expect(preview.leftOut).toEqual([
      '3 highlights’ colours (REFI-QDA keeps a colour per code, not per highlight: each code carries its codebook colour)',
      'The formatting of notes and notebooks: they are written as Markdown text, so other tools show the marks (**bold**, - lists) rather than the formatting',
      'The names you gave 1 colour (REFI-QDA has codes, not named colours)',
    ]);
    const qdc = await previewExport(store, { format: 'qdc', documentIds: [] }, NOW);
    expect(qdc.leftOut[0]).toMatch(/^Documents, highlights, notes and notebooks: a codebook file holds only the code tree/);
    await store.close();
  });

  test('writes the codebook alone as a .qdc: nested codes with colours and descriptions', async () => {
    const { store } = await studiedLibrary(join(dir, 'lib'));
    const target = join(dir, 'codes.qdc');
    const report = await runExport(store, { format: 'qdc', documentIds: [] }, target, NOW);
    expect(report).toMatchObject({ format: 'qdc', files: [target], documents: 0, highlights: 0 });
    const xml = await readFile(target, 'utf8');
    expect(validateCodebook(xml)).toMatchObject({ ok: true });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Gloss">\n {2}<Codes>\n/);
    expect(xml).toMatch(/name="theme" isCodable="true" color="#BFDBFE"><Description>The big themes<\/Description>\n\s+<Code [^>]*name="risk" isCodable="true" color="#FCA5A5"><Description>What could go wrong/);
    expect(xml).toContain('name="unused code" isCodable="true" color="#BBF7D0"><Description>Described, never used</Description>');
    expect(xml).toContain('name="method" isCodable="true">');
    await store.close();
  });

  test('refuses a .qdc of a library with no codes, writing nothing', async () => {
    const { store } = await storeWithSample(join(dir, 'lib'));
    await expect(runExport(store, { format: 'qdc', documentIds: [] }, join(dir, 'codes.qdc'), NOW)).rejects.toThrow(/no codes yet.*Nothing was written/);
    expect(await readdir(dir)).toEqual(['lib']);
    await store.close();
  });
});

describe('REFI-QDA round trip', () => {
  test('a .qdpx exported then imported into an empty library gives back the highlights, quotes, codes, notes and codebook', async () => {
    const { store, sample, party } = await studiedLibrary(join(dir, 'lib'));
    const target = join(dir, 'study.qdpx');
    await runExport(store, { format: 'qdpx', documentIds: [sample.id, party.id] }, target, NOW);
    const original = [...(await store.open(sample.id)).annotations, ...(await store.open(party.id)).annotations];
    await store.close();

    const fresh = await LibraryStore.open(join(dir, 'fresh'));
    const report = await importExchangeBytes(fresh, new Uint8Array(await readFile(target)), { fileName: 'study.qdpx' });
    expect(report).toMatchObject({ format: 'qdpx', highlightsAdded: 5, highlightsUpdated: 0, highlightsUnchanged: 0, orphaned: 0, documentsUpdated: [] });
    expect(report.documentsAdded.map((d) => d.title).sort()).toEqual(['Democracies must maintain the lead in AI', 'Party notes']);
    // Every code of the tree, described or used: theme, theme/risk, method, unused code.
    expect(report.codesAdded).toBe(4);
    expect(report.notCarried).toEqual([
      '42 speakers’ turns written by Gloss (Gloss finds speakers from the labels in the text)',
      '4 cases (Gloss knows speakers from the transcript’s own labels)',
      '1 user (Gloss does not keep who made a highlight)',
    ]);
    const docs = await fresh.list();
    const imported = (await Promise.all(docs.map(async (d) => (await fresh.open(d.id)).annotations))).flat();
    const byId = new Map(imported.map((a) => [a.id, a]));
    for (const before of original) {
      const after = byId.get(before.id)!;
      expect(after, before.selectors.quote.exact).toBeDefined();
      expect(after.selectors.quote.exact).toBe(before.selectors.quote.exact);
      expect(after.selectors.position).toEqual(before.selectors.position);
      expect(after.codes).toEqual(before.codes);
      expect(after.note).toBe(before.note);
      expect(after.createdAt).toBe(before.createdAt);
      expect(after.updatedAt).toBe(before.updatedAt);
    }
    // Colours go by code: a highlight takes its first coloured code's colour, yellow without one.
    expect(Object.fromEntries(imported.map((a) => [a.selectors.quote.exact, a.color]))).toEqual({
      'Machines of Loving Grace': 'red',
      'scaling laws': 'blue',
      'Amazon invested $4bn': 'yellow',
      'talked about 𝒳-rays': 'red',
      'we left before the cake': 'yellow',
    });
    const codebook = await fresh.codebook();
    expect(codebook.codes.map((c) => [c.path, c.color, c.description])).toEqual([
      ['method', null, ''],
      ['theme', 'blue', 'The big themes'],
      ['theme/risk', 'red', 'What could go wrong'],
      ['unused code', 'green', 'Described, never used'],
    ]);
    // The documents have the same text as the originals (speaker labels became speakers again).
    const sampleAgain = docs.find((d) => d.title.startsWith('Democracies'))!;
    expect(sampleAgain.speakers).toEqual(['Madhumita Murgia', 'Dario Amodei']);

    // Importing the same file again adds nothing.
    const again = await importExchangeBytes(fresh, new Uint8Array(await readFile(target)), { fileName: 'study.qdpx' });
    expect(again).toMatchObject({ documentsAdded: [], highlightsAdded: 0, highlightsUnchanged: 5, codesAdded: 0 });
    expect(again.documentsUpdated).toHaveLength(2);
    expect((await fresh.list()).length).toBe(2);
    await fresh.close();
  });
});

/** Every file under `root` with its bytes, as text (to show that an import changed nothing). */
async function filesUnder(root: string): Promise<Record<string, string>> {
  const names = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n.slice(root.length), await readFile(n, 'base64')] as const)));
}

describe('REFI-QDA import into the library that exported it', () => {
  test('a .qdpx imported back into the library that still holds its documents adds none and changes nothing', async () => {
    const lib = join(dir, 'lib');
    const { store, sample, party } = await studiedLibrary(lib);
    const target = join(dir, 'study.qdpx');
    await runExport(store, { format: 'qdpx', documentIds: [sample.id, party.id] }, target, NOW);
    const listed = await store.list();
    const files = await filesUnder(lib);

    const report = await importExchangeBytes(store, new Uint8Array(await readFile(target)), { fileName: 'study.qdpx' });
    expect(report).toMatchObject({ format: 'qdpx', documentsAdded: [], highlightsAdded: 0, highlightsUpdated: 0, highlightsUnchanged: 5, orphaned: 0, codesAdded: 0 });
    expect(report.documentsUpdated.map((d) => d.id).sort()).toEqual([sample.id, party.id].sort());
    expect(await store.list()).toEqual(listed);
    expect(await filesUnder(lib)).toEqual(files);
    await store.close();
  });

  test('a source whose GUID is a document of the library goes into it, whatever the case of the GUID', async () => {
    const { store, sample } = await studiedLibrary(join(dir, 'lib'));
    const target = join(dir, 'one.qdpx');
    await runExport(store, { format: 'qdpx', documentIds: [sample.id] }, target, NOW);
    const zip = unzipSync(new Uint8Array(await readFile(target)));
    const xml = new TextDecoder().decode(zip['project.qde']);
    expect(xml).toContain(`<TextSource guid="${sample.id.toUpperCase()}"`);
    // Another tool may write the GUID in braces and lower case; a highlight it adds joins the same document.
    const lower = xml.replace(`<TextSource guid="${sample.id.toUpperCase()}"`, `<TextSource guid="{${sample.id.toLowerCase()}}"`);
    expect(lower).not.toBe(xml);
    // Its text has a line more than the document's (so not the same plain text): the highlights are placed again.
    const source = `sources/${sample.id.toUpperCase()}.txt`;
    const longer = strToU8(`${new TextDecoder().decode(zip[source])}\n\nDario Amodei: One more line said later.`);
    const report = await importExchangeBytes(store, zipSync({ ...zip, 'project.qde': strToU8(lower), [source]: longer }), { fileName: 'one.qdpx' });
    expect(report).toMatchObject({ documentsAdded: [], documentsUpdated: [{ id: sample.id, title: sample.title }], highlightsUnchanged: 3, orphaned: 0 });
    expect((await store.list()).length).toBe(2);
    await store.close();
  });

  test('a highlight changed in the library after the export keeps its newer note; one deleted since comes back', async () => {
    const { store, sample } = await studiedLibrary(join(dir, 'lib'));
    const target = join(dir, 'one.qdpx');
    await runExport(store, { format: 'qdpx', documentIds: [sample.id] }, target, NOW);
    const [first] = (await store.open(sample.id)).annotations.filter((a) => a.id === testId(2));
    const later = new Date(Date.parse(first.updatedAt) + 60_000).toISOString();
    await store.mergeAnnotations(sample.id, [{ ...first, note: 'Changed after the export', updatedAt: later }]);
    await store.deleteAnnotation(sample.id, testId(3));

    const report = await importExchangeBytes(store, new Uint8Array(await readFile(target)), { fileName: 'one.qdpx' });
    expect(report).toMatchObject({ documentsAdded: [], documentsUpdated: [{ id: sample.id }], highlightsAdded: 1, highlightsUpdated: 0, highlightsUnchanged: 2 });
    const after = new Map((await store.open(sample.id)).annotations.map((a) => [a.id, a]));
    expect(after.get(testId(2))).toMatchObject({ note: 'Changed after the export', updatedAt: later });
    expect(after.get(testId(3))?.selectors.quote.exact).toBe('Amazon invested $4bn');
    expect((await store.list()).length).toBe(2);
    await store.close();
  });

  test('a source with another GUID but the plain text of a library document goes into that document', async () => {
    const { store, party } = await studiedLibrary(join(dir, 'lib'));
    // The party transcript as another tool holds it: its own GUID, CRLF line ends, one passage coded.
    const other = 'C0FFEE00-0000-4000-8000-000000000001';
    const crlf = EMOJI_TEXT.replace(/\n/g, '\r\n');
    const at = [...crlf.slice(0, crlf.indexOf('A pity'))].length;
    const xml = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Project xmlns="urn:QDA-XML:project:1.0" name="Party" origin="Other QDA">',
      `  <Sources><TextSource guid="${other}" name="party.txt" plainTextPath="internal://${other}.txt">`,
      `    <PlainTextSelection guid="C0FFEE00-0000-4000-8000-000000000002" name="pity" startPosition="${at}" endPosition="${at + 6}"/>`,
      '  </TextSource></Sources>',
      '</Project>',
    ].join('\n');
    // Its text differs from the library's (line ends and a title line of its own), its plain text does not.
    const text = `${crlf}\r\n`;
    const report = await importExchangeBytes(store, zipSync({ 'project.qde': strToU8(xml), [`sources/${other}.txt`]: strToU8(text) }), { fileName: 'party.qdpx' });
    expect(report).toMatchObject({ documentsAdded: [], documentsUpdated: [{ id: party.id }], highlightsAdded: 1, orphaned: 0 });
    expect((await store.list()).length).toBe(2);
    expect((await store.open(party.id)).annotations.map((a) => a.selectors.quote.exact)).toContain('A pity');
    await store.close();
  });
});

describe('REFI-QDA round trip of plain highlights', () => {
  test('a highlight with neither a code nor a note, and one with only a colour, come back with their quote, place, times and id', async () => {
    const { store, doc } = await storeWithSample(join(dir, 'lib'));
    const labelled = await store.importText({ text: 'Directions\n\nAna: Turn: left at the corner, then right.\n\nBo: Thanks.', source: 'turns.txt', fallbackTitle: 'Directions' });
    const plain = (id: string, documentId: string, text: string, quote: string, color: Annotation['color'], createdAt: string, updatedAt: string): Annotation => {
      const start = text.indexOf(quote);
      if (start < 0) throw new Error(`"${quote}" is not in the text`);
      return { id, documentId, selectors: createSelectors(text, start, start + quote.length), color, note: '', noteState: null, codes: [], createdAt, updatedAt };
    };
    const sampleText = await textOf(store, doc.id);
    const labelledText = await textOf(store, labelled.id);
    const originals = [
      plain(testId(21), doc.id, sampleText, 'scaling laws', 'yellow', '2025-02-01T08:00:00.000Z', '2025-02-01T08:00:00.000Z'),
      plain(testId(22), doc.id, sampleText, 'Machines of Loving Grace', 'pink', '2025-02-02T08:00:00.000Z', '2025-02-05T17:30:00.000Z'),
      // Named "Turn: left …" like a speaker's turn, but no case refers to it: a highlight like any other.
      plain(testId(23), labelled.id, labelledText, 'Turn: left at the corner', 'green', '2025-02-03T08:00:00.000Z', '2025-02-03T08:00:00.000Z'),
    ];
    await store.mergeAnnotations(doc.id, originals.slice(0, 2));
    await store.mergeAnnotations(labelled.id, originals.slice(2));
    const target = join(dir, 'plain.qdpx');
    const exported = await runExport(store, { format: 'qdpx', documentIds: [doc.id, labelled.id] }, target, NOW);
    expect(exported.highlights).toBe(3);
    const files = unzipText(new Uint8Array(await readFile(target)));
    expect(validateProject(files['project.qde']).output).toContain('validates');
    // The bare highlights are selections with no coding and no description.
    expect(files['project.qde']).toMatch(new RegExp(`<PlainTextSelection guid="${testId(21).toUpperCase()}" name="scaling laws" startPosition="\\d+" endPosition="\\d+" creationDateTime="2025-02-01T08:00:00.000Z"/>`));
    await store.close();

    const fresh = await LibraryStore.open(join(dir, 'fresh'));
    const report = await importExchangeBytes(fresh, new Uint8Array(await readFile(target)), { fileName: 'plain.qdpx' });
    expect(report).toMatchObject({ highlightsAdded: 3, orphaned: 0 });
    // The speakers' turns (Gloss's own, named "Turn: …", referred to by their speaker's case) are the only selections left out.
    expect(report.notCarried[0]).toMatch(/^\d+ speakers’ turns written by Gloss/);
    const imported = new Map<string, Annotation>();
    for (const d of await fresh.list()) for (const a of (await fresh.open(d.id)).annotations) imported.set(a.id, a);
    expect(imported.size).toBe(3);
    for (const before of originals) {
      const after = imported.get(before.id);
      expect(after, before.selectors.quote.exact).toBeDefined();
      expect(after!.selectors.quote.exact).toBe(before.selectors.quote.exact);
      expect(after!.selectors.position).toEqual(before.selectors.position);
      expect(after!.createdAt).toBe(before.createdAt);
      expect(after!.updatedAt).toBe(before.updatedAt);
      expect(after!.codes).toEqual([]);
      expect(after!.note).toBe('');
      // REFI-QDA has no colour per highlight (the export says so): an uncoded highlight comes back yellow.
      expect(after!.color).toBe('yellow');
    }
    await fresh.close();
  });
});

// ---- A project as another tool writes it ----

const G = {
  user: '{5A3C0F62-1B2D-4E8F-9A01-23456789ABCD}',
  theme: 'B1A2C3D4-0001-4000-8000-000000000001',
  risk: 'B1A2C3D4-0001-4000-8000-000000000002',
  hope: 'B1A2C3D4-0001-4000-8000-000000000003',
  text: '{C1A2C3D4-0002-4000-8000-000000000001}',
  sel1: 'D1A2C3D4-0003-4000-8000-000000000001',
  sel2: 'D1A2C3D4-0003-4000-8000-000000000002',
  sel3: 'D1A2C3D4-0003-4000-8000-000000000003',
  sel4: 'D1A2C3D4-0003-4000-8000-000000000004',
  pic: 'E1A2C3D4-0004-4000-8000-000000000001',
  picSel: 'E1A2C3D4-0004-4000-8000-000000000002',
  note1: 'F1A2C3D4-0005-4000-8000-000000000001',
  note2: 'F1A2C3D4-0005-4000-8000-000000000002',
  link: 'F1A2C3D4-0006-4000-8000-000000000001',
  caseA: 'A1A2C3D4-0007-4000-8000-000000000001',
};

/** The interview's text as the other tool stored it: a BOM, CRLF line ends, emoji before the passages coded. */
const OTHER_TEXT =
  '\uFEFFInterviewer: How did the move go? 🙂\r\n\r\nRespondent: Honestly 😅 it was hard. We worried about money all the time.\r\n\r\nInterviewer: And now?\r\n\r\nRespondent: Now we feel hopeful about the future.';

/** Code-point offsets of `quote` in the text as stored (without its BOM, CRLF counted). */
function codePoints(quote: string): [number, number] {
  const text = OTHER_TEXT.slice(1);
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(quote);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...quote].length];
}

function otherToolProject(overrides: { sel1?: [number, number] } = {}): string {
  const [s1, e1] = overrides.sel1 ?? codePoints('We worried about money');
  const [s2, e2] = codePoints('hopeful about the future');
  const [s3, e3] = codePoints('it was hard');
  const [s4, e4] = codePoints('How did the move go?');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Moving study" origin="Other QDA 2.1" creatingUserGUID="${G.user}" creationDateTime="2024-05-01T08:00:00Z">`,
    `  <Users><User guid="${G.user}" name="R. Searcher"/></Users>`,
    '  <CodeBook><Codes>',
    `    <Code guid="${G.theme}" name="Feelings" isCodable="false" color="#1E90FF"><Description>How people feel\r\nabout it</Description>`,
    `      <Code guid="${G.risk}" name="Worry" isCodable="true" color="#E31A1C"/>`,
    `      <Code guid="${G.hope}" name="Hope / optimism" isCodable="true" color="#33A02C"/>`,
    '    </Code>',
    '  </Codes></CodeBook>',
    `  <Cases><Case guid="${G.caseA}" name="Respondent 1"><SourceRef targetGUID="${G.text}"/><SelectionRef targetGUID="${G.sel1}"/><SelectionRef targetGUID="${G.sel4}"/></Case></Cases>`,
    '  <Sources>',
    `    <TextSource guid="${G.text}" name="Interview 1.docx" plainTextPath="internal://${G.text.slice(1, -1)}.txt" creatingUser="${G.user}">`,
    `      <PlainTextSelection guid="${G.sel1}" name="We worried" startPosition="${s1}" endPosition="${e1}" creatingUser="${G.user}" creationDateTime="2024-05-02T09:30:00Z"><Coding guid="11111111-0000-4000-8000-000000000001" creatingUser="${G.user}"><CodeRef targetGUID="${G.risk}"/></Coding><NoteRef targetGUID="${G.note1}"/></PlainTextSelection>`,
    `      <PlainTextSelection guid="${G.sel2}" name="hopeful" startPosition="${s2}" endPosition="${e2}"><Coding guid="11111111-0000-4000-8000-000000000002"><CodeRef targetGUID="${G.hope}"/></Coding><Coding guid="11111111-0000-4000-8000-000000000003"><CodeRef targetGUID="${G.theme}"/></Coding></PlainTextSelection>`,
    `      <PlainTextSelection guid="${G.sel3}" name="it was hard" startPosition="${s3}" endPosition="${e3}"><Description>Said with a sigh &amp; a laugh.</Description></PlainTextSelection>`,
    `      <PlainTextSelection guid="${G.sel4}" name="question" startPosition="${s4}" endPosition="${e4}"/>`,
    '    </TextSource>',
    `    <PictureSource guid="${G.pic}" name="House.jpg" path="internal://${G.pic}.jpg"><PictureSelection guid="${G.picSel}" firstX="1" firstY="2" secondX="30" secondY="40"><Coding guid="11111111-0000-4000-8000-000000000004"><CodeRef targetGUID="${G.theme}"/></Coding></PictureSelection></PictureSource>`,
    '  </Sources>',
    '  <Notes>',
    `    <Note guid="${G.note1}" name="Memo on money"><PlainTextContent>Money came up three times.\r\nCheck the second interview.</PlainTextContent></Note>`,
    `    <Note guid="${G.note2}" name="Memo on hope" plainTextPath="internal://${G.note2}.txt"/>`,
    '  </Notes>',
    `  <Links><Link guid="${G.link}" name="memo" direction="OneWay" originGUID="${G.note2}" targetGUID="${G.sel2}"/></Links>`,
    '</Project>',
  ].join('\r\n');
}

function otherToolQdpx(xml = otherToolProject(), extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    'project.qde': strToU8(xml),
    [`Sources/${G.text.slice(1, -1)}.txt`]: strToU8(OTHER_TEXT),
    [`Sources/${G.note2}.txt`]: strToU8('Hope is the turning point.\r\n'),
    [`Sources/${G.pic}.jpg`]: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    ...extra,
  });
}

describe('REFI-QDA import of another tool’s project', () => {
  test('the hand-built project is itself valid REFI-QDA', () => {
    expect(validateProject(otherToolProject()).output).toContain('validates');
  });

  test('makes the text source a document, joins the code tree, and places every selection, coded or not', async () => {
    const store = await LibraryStore.open(join(dir, 'lib'));
    const report = await importExchangeBytes(store, otherToolQdpx(), { fileName: 'moving.qdpx' });
    expect(report).toMatchObject({ format: 'qdpx', highlightsAdded: 4, orphaned: 0, codesAdded: 3, documentsUpdated: [] });
    expect(report.documentsAdded).toHaveLength(1);
    expect(report.notCarried).toEqual([
      '1 picture source',
      '1 selection on a picture, PDF, audio or video source',
      '1 case (Gloss knows speakers from the transcript’s own labels; 2 passages in it are kept as highlights)',
      '1 user (Gloss does not keep who made a highlight)',
    ]);
    const [doc] = await store.list();
    expect(doc).toMatchObject({ title: 'Interview 1', speakers: ['Interviewer', 'Respondent'] });
    const { annotations } = await store.open(doc.id);
    const text = await textOf(store, doc.id);
    const byQuote = Object.fromEntries(annotations.map((a) => [a.selectors.quote.exact, a]));
    expect(Object.keys(byQuote).sort()).toEqual(['How did the move go?', 'We worried about money', 'hopeful about the future', 'it was hard']);
    for (const a of annotations) expect(text.slice(a.selectors.position.start, a.selectors.position.end)).toBe(a.selectors.quote.exact);
    // Nested codes become paths; a "/" inside a name does not make a level.
    expect(byQuote['We worried about money']).toMatchObject({ codes: ['Feelings/Worry'], color: 'red', note: 'Money came up three times.\nCheck the second interview.', id: G.sel1.toLowerCase(), createdAt: '2024-05-02T09:30:00.000Z' });
    expect(byQuote['hopeful about the future']).toMatchObject({ codes: ['Feelings/Hope ∕ optimism', 'Feelings'], color: 'green', note: 'Hope is the turning point.' });
    // A selection with a description and no coding is kept, with its description as its note.
    expect(byQuote['it was hard']).toMatchObject({ codes: [], color: 'yellow', note: 'Said with a sigh & a laugh.' });
    // A selection with neither (a case refers to it, but it is no Gloss turn) is kept as a plain highlight.
    expect(byQuote['How did the move go?']).toMatchObject({ codes: [], color: 'yellow', note: '', id: G.sel4.toLowerCase() });
    const codebook = await store.codebook();
    expect(codebook.codes.map((c) => [c.path, c.color, c.description])).toEqual([
      ['Feelings', 'blue', 'How people feel\nabout it'],
      ['Feelings/Hope ∕ optimism', 'green', ''],
      ['Feelings/Worry', 'red', ''],
    ]);
    await store.close();
  });

  test('reads a project whose texts are inline, in a folder, or named by a relative path', async () => {
    const inline = otherToolProject().replace(/ plainTextPath="internal:\/\/C1A2[^"]+"( creatingUser="[^"]+")>/, `$1><PlainTextContent>${OTHER_TEXT.slice(1).replace(/\r/g, '&#13;')}</PlainTextContent>`);
    expect(inline).toContain('<PlainTextContent>Interviewer:');
    const store = await LibraryStore.open(join(dir, 'lib'));
    const report = await importExchangeBytes(store, zipSync({ 'project.qde': strToU8(inline), [`sources/${G.note2}.txt`]: strToU8('Hope.') }), { fileName: 'inline.qdpx' });
    expect(report.highlightsAdded).toBe(4);
    await store.close();
  });

  test('refuses what is not a readable project, saying why and changing nothing', async () => {
    const store = await LibraryStore.open(join(dir, 'lib'));
    await store.describeCode('mine', { color: 'blue', description: 'kept' });
    const cases: [string, Uint8Array, RegExp][] = [
      ['damaged.qdpx', otherToolQdpx().slice(0, 300), /damaged\.qdpx cannot be imported: it is not a readable zip .*Nothing was imported\./],
      ['empty.qdpx', zipSync({ 'readme.txt': strToU8('hello') }), /holds no project\.qde, so it is not a REFI-QDA project\. Nothing was imported\./],
      ['broken.qdpx', otherToolQdpx(otherToolProject().replace('</Sources>', '</Source>')), /cannot be imported: project\.qde is not well-formed XML \(line \d+: .*\)\. Nothing was imported\./],
      ['past.qdpx', otherToolQdpx(otherToolProject({ sel1: [10, 500] })), /the selection "We worried" in "Interview 1\.docx" runs from position 10 to 500, but its text has 189 characters\. Nothing was imported\./],
      ['not-refi.qdpx', zipSync({ 'project.qde': strToU8('<?xml version="1.0"?><Library/>') }), /no Project element/],
    ];
    // 189 code points: the text without its BOM, each CRLF two, each emoji one.
    expect([...OTHER_TEXT.slice(1)]).toHaveLength(189);
    for (const [name, bytes, message] of cases) {
      await expect(importExchangeBytes(store, bytes, { fileName: name }), name).rejects.toThrow(message);
    }
    expect(await store.list()).toEqual([]);
    expect((await store.codebook()).codes.map((c) => c.path)).toEqual(['mine']);
    await store.close();
  });

  test('keeps the library’s own colour and description of a code it already has', async () => {
    const store = await LibraryStore.open(join(dir, 'lib'));
    await store.describeCode('Feelings/Worry', { color: 'purple', description: 'My own words' });
    const report = await importExchangeBytes(store, otherToolQdpx(), { fileName: 'moving.qdpx' });
    // Feelings was in the codebook already, as Worry's parent.
    expect(report.codesAdded).toBe(1);
    const worry = (await store.codebook()).codes.find((c) => c.path === 'Feelings/Worry');
    expect(worry).toMatchObject({ color: 'purple', description: 'My own words' });
    await store.close();
  });
});

describe('REFI-QDA speed', () => {
  test('exports a document with 5,000 highlights quickly', async () => {
    const { store, doc, text } = await storeWithSample(join(dir, 'lib'));
    const words = [...text.matchAll(/\b\w{4,}\b/g)];
    const annotations: Annotation[] = [];
    for (let i = 0; i < 5000; i++) {
      const w = words[(i * 7) % words.length];
      const start = w.index!;
      annotations.push({
        id: testId(10_000 + i),
        documentId: doc.id,
        selectors: createSelectors(text, start, start + w[0].length),
        color: 'yellow',
        note: i % 3 === 0 ? `Note ${i} with a few words in it` : '',
        noteState: null,
        codes: i % 2 === 0 ? [`theme/t${i % 20}`, 'method'] : [],
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-02T00:00:00.000Z',
      });
    }
    await store.mergeAnnotations(doc.id, annotations);
    const target = join(dir, 'big.qdpx');
    const began = performance.now();
    const report = await runExport(store, { format: 'qdpx', documentIds: [doc.id] }, target, NOW);
    const took = performance.now() - began;
    console.log(`REFI-QDA export of one document with 5,000 highlights: ${took.toFixed(0)} ms, ${(await readFile(target)).length} bytes`);
    expect(report.highlights).toBe(5000);
    expect(took).toBeLessThan(2000);
    const files = unzipText(new Uint8Array(await readFile(target)));
    expect(validateProject(files['project.qde']).ok).toBe(true);
    await writeFile(join(dir, 'unused'), '');
    await store.close();
  });
});

void SAMPLE;
