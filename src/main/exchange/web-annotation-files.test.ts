import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { plainTextOf } from '../../core/transcript/plain-text';
import { HIGHLIGHT_COLORS, type Annotation } from '../../shared/model';
import { LibraryStore } from '../store/library-store';
import { SAMPLE, testId } from '../store/testing/sample-library';
import { runExport } from './export-service';
import { importExchangeFile } from './import-service';
import { importWebAnnotations, nameBasedUuid } from './web-annotation-files';

let dir: string;
const NOW = new Date('2025-03-01T10:00:00.000Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-w3c-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Emoji and a flag before the highlights, so code point and UTF-16 offsets differ.
const TEXT = SAMPLE.replace('Dario Amodei', 'Dario Amodei 😀🇫🇷');

async function libraryWithText(at: string) {
  const store = await LibraryStore.open(at);
  const doc = await store.importText({ text: TEXT, source: 'interview.txt', fallbackTitle: 'Interview' });
  const text = plainTextOf((await store.open(doc.id)).transcript);
  const at_ = (quote: string) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in the text`);
    return createSelectors(text, start, start + quote.length);
  };
  return { store, doc, text, at: at_ };
}

const QUOTES = ['gremlin', 'the lead in AI', 'scaling', 'Democracies', 'chips', 'autocracies', 'biology'];
const NOTE = 'A *reader*’s note:\n\n- a list item\n- another, with [a link](https://example.org/a?b=c)\n\n1. first\n2. second';

/** A library whose document has a highlight of every colour, notes, codes, and an orphan. */
async function studied(at: string) {
  const lib = await libraryWithText(at);
  const { store, doc } = lib;
  for (const [i, quote] of QUOTES.entries()) {
    await store.createAnnotation({ documentId: doc.id, id: testId(i + 1), color: HIGHLIGHT_COLORS[i], selectors: lib.at(quote) });
  }
  await store.updateAnnotation({ documentId: doc.id, id: testId(1), note: NOTE, codes: ['theme/risk', 'people/Dario'] });
  await store.updateAnnotation({ documentId: doc.id, id: testId(3), codes: ['theme/scale'] });
  await store.updateAnnotation({ documentId: doc.id, id: testId(4), note: 'Just a *note*' });
  const orphan: Annotation = {
    id: testId(99),
    documentId: doc.id,
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'a sentence corrected away', prefix: 'before ', suffix: ' after' }, position: { type: 'TextPositionSelector', start: 120, end: 145 } },
    color: 'purple',
    note: 'Still my work',
    noteState: null,
    codes: ['orphaned/kept'],
    orphaned: true,
    createdAt: '2024-12-01T00:00:00.000Z',
    updatedAt: '2024-12-02T00:00:00.000Z',
  };
  await store.mergeAnnotations(doc.id, [orphan]);
  return lib;
}

/** Every file under `root` with its bytes, to compare a data folder before and after. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(path.slice(root.length), (await readFile(path)).toString('base64'));
    }
  };
  await walk(root);
  return out;
}

describe('W3C export then import into an empty library', () => {
  test('gives back every highlight field by field: id, quote, position, colour, note, codes, times, orphan; a second import adds nothing', async () => {
    const a = await studied(join(dir, 'a'));
    const target = join(dir, 'highlights.jsonld');
    const report = await runExport(a.store, { format: 'w3c', documentIds: [a.doc.id] }, target, NOW);
    expect(report).toMatchObject({ format: 'w3c', files: [target], documents: 1, highlights: 8 });
    expect(report.leftOut.join(' ')).toMatch(/speaker/i);
    const file = JSON.parse(await readFile(target, 'utf8'));
    expect(file).toMatchObject({ type: 'AnnotationCollection', total: 8, first: { type: 'AnnotationPage' } });

    // Another library, the same transcript added: another document id.
    const b = await libraryWithText(join(dir, 'b'));
    expect(b.doc.id).not.toBe(a.doc.id);
    const first = await importExchangeFile(b.store, target);
    expect(first).toMatchObject({ format: 'w3c', documentsUpdated: [{ id: b.doc.id }], highlightsAdded: 8, highlightsUpdated: 0, highlightsUnchanged: 0, orphaned: 1, notCarried: [] });

    const before = (await a.store.open(a.doc.id)).annotations;
    const { annotations: after } = await b.store.forExport(b.doc.id);
    expect(after).toHaveLength(before.length);
    for (const original of before) {
      const copy = after.find((x) => x.id === original.id);
      expect(copy, original.id).toBeDefined();
      expect(copy!.documentId).toBe(b.doc.id);
      expect(copy!.selectors).toEqual(original.selectors);
      expect(copy!.color).toBe(original.color);
      expect(copy!.note).toBe(original.note);
      expect(copy!.codes).toEqual(original.codes);
      expect(copy!.createdAt).toBe(original.createdAt);
      expect(copy!.updatedAt).toBe(original.updatedAt);
      expect(copy!.orphaned ?? false).toBe(original.orphaned ?? false);
    }
    expect(new Set(after.map((x) => x.color))).toEqual(new Set(HIGHLIGHT_COLORS));
    const codes = (await b.store.codebook()).codes.map((c) => c.path);
    expect(codes).toEqual(expect.arrayContaining(['theme/risk', 'theme/scale', 'people/Dario', 'orphaned/kept']));
    expect(first.codesAdded).toBe(codes.length);

    const again = await importExchangeFile(b.store, target);
    expect(again).toMatchObject({ highlightsAdded: 0, highlightsUpdated: 0, highlightsUnchanged: 8, codesAdded: 0, documentsUpdated: [] });
    expect((await b.store.forExport(b.doc.id)).annotations).toHaveLength(8);
    expect((await b.store.list())[0]).toMatchObject({ highlightCount: 8, noteCount: 3 });
  });

  test('a newer change in the file replaces the library’s; an older one does not', async () => {
    const a = await studied(join(dir, 'a'));
    const target = join(dir, 'h.jsonld');
    await runExport(a.store, { format: 'w3c', documentIds: [a.doc.id] }, target, NOW);
    const file = JSON.parse(await readFile(target, 'utf8'));
    const gremlin = file.first.items.find((i: { id: string }) => i.id === `urn:uuid:${testId(1)}`);
    gremlin.modified = '2099-01-01T00:00:00.000Z';
    gremlin['gloss:color'] = 'red';
    const older = file.first.items.find((i: { id: string }) => i.id === `urn:uuid:${testId(2)}`);
    older.modified = '2000-01-01T00:00:00.000Z';
    older['gloss:color'] = 'red';
    const report = await importWebAnnotations(a.store, new TextEncoder().encode(JSON.stringify(file)), { fileName: 'h.jsonld' });
    expect(report).toMatchObject({ highlightsAdded: 0, highlightsUpdated: 1, highlightsUnchanged: 7 });
    const { annotations } = await a.store.forExport(a.doc.id);
    expect(annotations.find((x) => x.id === testId(1))!.color).toBe('red');
    expect(annotations.find((x) => x.id === testId(2))!.color).toBe('green');
  });
});

describe('W3C import from other tools', () => {
  test('places Hypothesis- and Recogito-style annotations by quote (no position, oa: types, body as one object, bodyValue), derives stable ids, and reports what it cannot carry', async () => {
    const lib = await libraryWithText(join(dir, 'lib'));
    const gremlin = lib.at('gremlin');
    const file = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://hypothes.is/a/abc123',
        type: ['oa:Annotation'],
        body: [
          { type: 'TextualBody', value: 'From *Hypothesis*', format: 'text/markdown' },
          { type: 'TextualBody', value: 'Theme / Risk ', purpose: 'tagging' },
          { type: 'TextualBody', value: '', purpose: 'tagging' },
        ],
        target: { source: 'https://example.org/interview.html', selector: [{ type: 'RangeSelector' }, { type: 'TextQuoteSelector', exact: 'gremlin', prefix: gremlin.quote.prefix, suffix: gremlin.quote.suffix }] },
      },
      { id: 'recogito-17', type: 'Annotation', bodyValue: 'plain note', target: [{ source: 'https://example.org/interview.html', selector: { type: 'TextQuoteSelector', exact: 'the lead in AI' } }] },
      { type: 'Annotation', body: 'https://example.org/a-web-page', target: 'https://example.org/interview.html#whole' },
    ];
    const bytes = new TextEncoder().encode(JSON.stringify(file));
    const report = await importWebAnnotations(lib.store, bytes, { fileName: 'h.json', documentId: lib.doc.id });
    expect(report).toMatchObject({ highlightsAdded: 2, orphaned: 0 });
    expect(report.notCarried.join('\n')).toMatch(/1 annotation points at no passage/);
    expect(report.notCarried.join('\n')).toMatch(/1 tag could not be made codes.*a code cannot be empty/);
    expect(report.notCarried.join('\n')).toMatch(/2 annotations had no Gloss colour and were made yellow/);
    const { annotations } = await lib.store.forExport(lib.doc.id);
    const hyp = annotations.find((a) => a.id === nameBasedUuid('https://hypothes.is/a/abc123'))!;
    expect(hyp).toMatchObject({ note: 'From *Hypothesis*', codes: ['Theme/Risk'], color: 'yellow', selectors: gremlin });
    expect(annotations.find((a) => a.id === nameBasedUuid('recogito-17'))).toMatchObject({ note: 'plain note', selectors: lib.at('the lead in AI') });
    // The same file again: the same ids, nothing added.
    expect(await importWebAnnotations(lib.store, bytes, { fileName: 'h.json', documentId: lib.doc.id })).toMatchObject({ highlightsAdded: 0, highlightsUnchanged: 2 });
  });

  test('annotations on a document not in the library, with no document open, are reported and not imported', async () => {
    const lib = await libraryWithText(join(dir, 'lib'));
    const items = Array.from({ length: 12 }, (_, i) => ({ id: `x-${i}`, type: 'Annotation', target: { source: 'https://example.org/other.html', selector: { type: 'TextQuoteSelector', exact: 'gremlin' } } }));
    const report = await importWebAnnotations(lib.store, new TextEncoder().encode(JSON.stringify({ type: 'AnnotationPage', items })), { fileName: 'p.json' });
    expect(report.highlightsAdded).toBe(0);
    expect(report.notCarried).toContain('12 annotations are on a document not in this library: https://example.org/other.html');
  });

  test('a quote that is not in the text becomes an orphan, counted, with its note kept', async () => {
    const lib = await libraryWithText(join(dir, 'lib'));
    const file = { type: 'Annotation', id: 'urn:uuid:12345678-1234-4234-8234-123456789abc', bodyValue: 'kept', target: { source: 'x:y', selector: { type: 'TextQuoteSelector', exact: 'words that are nowhere in this transcript at all' } } };
    const report = await importWebAnnotations(lib.store, new TextEncoder().encode(JSON.stringify(file)), { fileName: 'o.json', documentId: lib.doc.id });
    expect(report).toMatchObject({ highlightsAdded: 1, orphaned: 1 });
    expect((await lib.store.forExport(lib.doc.id)).annotations[0]).toMatchObject({ id: '12345678-1234-4234-8234-123456789abc', orphaned: true, note: 'kept' });
  });
});

describe('W3C import refuses a file that is not valid, saying why, and changes nothing', () => {
  const cases: [string, () => Uint8Array | string, RegExp][] = [
    ['not JSON', () => '{ "type": "Annotation", oops', /not valid JSON/],
    ['JSON of the wrong shape', () => JSON.stringify({ hello: 'world' }), /not W3C annotations: it has no type/],
    ['a number', () => '42', /neither a W3C annotation file/],
    ['an annotation without a target', () => JSON.stringify([{ type: 'Annotation', id: 'urn:x:1', bodyValue: 'note' }]), /Annotation 1 \(urn:x:1\) has no target/],
    [
      'a position past the end of the text, with no quote',
      () => JSON.stringify({ type: 'Annotation', id: 'urn:x:2', target: { source: 's:1', selector: { type: 'TextPositionSelector', start: 10_000_000, end: 10_000_005 } } }),
      /annotation 1 \(urn:x:2\) selects characters 10000000 to 10000005, past the end of "Democracies must maintain the lead in AI" \(\d+ characters\), and has no quote to search for/,
    ],
    ['a position that is not a range', () => JSON.stringify({ type: 'Annotation', target: { selector: { type: 'TextPositionSelector', start: 9, end: 3 } } }), /Annotation 1: its TextPositionSelector \(start 9, end 3\) selects no text/],
    ['both body and bodyValue', () => JSON.stringify({ type: 'Annotation', body: 'x:y', bodyValue: 'n', target: 'x:z' }), /has both a body and a bodyValue/],
    ['50 MB of nonsense', () => `[${'nonsense,'.repeat(50 * 1024 * 1024 / 9)}]`, /not valid JSON/],
    ['a page that is only linked', () => JSON.stringify({ type: 'AnnotationCollection', total: 3, first: 'https://example.org/page1' }), /first page \(https:\/\/example.org\/page1\) is not in the file/],
    [
      'a collection of 5,000 items whose last has no target',
      () => {
        const items: unknown[] = Array.from({ length: 4999 }, (_, i) => ({ id: `urn:x:${i}`, type: 'Annotation', target: { source: 's:1', selector: { type: 'TextQuoteSelector', exact: 'gremlin' } } }));
        items.push({ id: 'urn:x:last', type: 'Annotation' });
        return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 5000, first: { type: 'AnnotationPage', items } });
      },
      /Annotation 5000 \(urn:x:last\) has no target/,
    ],
  ];
  test.each(cases)('%s', async (_name, content, message) => {
    const lib = await libraryWithText(join(dir, 'lib'));
    await lib.store.createAnnotation({ documentId: lib.doc.id, id: testId(1), color: 'blue', selectors: lib.at('gremlin') });
    const path = join(dir, 'bad.json');
    const made = content();
    await writeFile(path, made);
    const before = await snapshot(join(dir, 'lib'));
    const refusal = await importExchangeFile(lib.store, path, { documentId: lib.doc.id }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(message);
    expect(refusal).toMatch(/Nothing was imported\.$/);
    expect(await snapshot(join(dir, 'lib'))).toEqual(before);
    expect((await lib.store.forExport(lib.doc.id)).annotations).toHaveLength(1);
  });
});

describe('W3C import speed', () => {
  test('5,000 annotations into a 250,000-word document', async () => {
    const store = await LibraryStore.open(join(dir, 'big'));
    const words = SAMPLE.split(/\s+/).length;
    const big = Array.from({ length: Math.ceil(250_000 / words) + 1 }, (_, i) => SAMPLE.replace(/^.*\n/, `Part ${i}\n`)).join('\n\n');
    const doc = await store.importText({ text: big, source: 'big.txt', fallbackTitle: 'Big' });
    expect(doc.wordCount).toBeGreaterThanOrEqual(250_000);
    const text = plainTextOf((await store.open(doc.id)).transcript);
    const step = Math.floor(text.length / 5000);
    const items = Array.from({ length: 5000 }, (_, i) => {
      const start = i * step + 3;
      const s = createSelectors(text, start, start + 40);
      return {
        id: `urn:uuid:${testId(i + 1)}`,
        type: 'Annotation',
        motivation: 'commenting',
        'gloss:color': HIGHLIGHT_COLORS[i % 7],
        body: [{ type: 'TextualBody', value: `note ${i}`, format: 'text/markdown', purpose: 'commenting' }, { type: 'TextualBody', value: `code/${i % 50}`, purpose: 'tagging' }],
        target: { type: 'SpecificResource', source: { id: `urn:gloss:document:${doc.id}`, 'gloss:sha256': doc.hash }, selector: [s.quote, s.position] },
      };
    });
    const path = join(dir, 'big.jsonld');
    await writeFile(path, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 5000, first: { type: 'AnnotationPage', items } }));
    const started = performance.now();
    const cpu = process.cpuUsage();
    const report = await importExchangeFile(store, path);
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    console.log(`W3C import of 5,000 annotations into a ${doc.wordCount.toLocaleString('en')}-word document (${(await stat(path)).size} bytes): ${Math.round(ms)} ms (${Math.round((user + system) / 1000)} ms of CPU)`);
    expect(report).toMatchObject({ highlightsAdded: 5000, orphaned: 0 });
    // The bench holds it to 2 s; here a looser bound, so a slow CI machine does not fail the unit tests.
    expect(ms).toBeLessThan(8000);
  }, 60_000);
});
