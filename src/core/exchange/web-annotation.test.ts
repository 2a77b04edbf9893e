import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_COLOR_NAMES, HIGHLIGHT_COLORS, type Annotation } from '../../shared/model';
import { createSelectors } from '../anchoring/selectors';
import { parsePlainText } from '../transcript/parse-plain-text';
import { plainTextOf } from '../transcript/plain-text';
import { ASSERTIONS, wptSchemas } from './testing/wpt-annotation-schemas';
import { glossContext, webAnnotationCollection, type W3CAnnotation } from './web-annotation';

const sample = readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8');
// An emoji and a flag early in the text, so positions in code points and in UTF-16 units differ after them.
const text = plainTextOf(parsePlainText(sample.replace('Dario Amodei', 'Dario Amodei 😀🇫🇷'), 'Sample'));
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function highlight(n: number, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no ${quote}`);
  return {
    id: id(n),
    documentId: 'doc-1',
    selectors: createSelectors(text, start, start + quote.length),
    color: HIGHLIGHT_COLORS[n % HIGHLIGHT_COLORS.length],
    note: '',
    noteState: null,
    codes: [],
    createdAt: '2025-01-02T03:04:05.006Z',
    updatedAt: '2025-02-03T04:05:06.007Z',
    ...extra,
  };
}

const annotations: Annotation[] = [
  highlight(1, 'gremlin', { note: 'Agents as *gremlins*:\n\n- one\n- two\n\n[a link](https://example.org)', codes: ['theme/risk', 'people'] }),
  highlight(2, 'the lead in AI'),
  highlight(3, 'scaling', { codes: ['theme/scale'] }),
  { ...highlight(4, 'Democracies'), orphaned: true, selectors: { quote: { type: 'TextQuoteSelector', exact: 'text corrected away', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 40, end: 59 } } },
];

const collection = webAnnotationCollection([{ document: { id: 'doc-1', title: 'Sample', hash: 'a'.repeat(64) }, plainText: text, annotations }], {
  collectionId: 'urn:uuid:11111111-1111-4111-8111-111111111111',
  pageId: 'urn:uuid:22222222-2222-4222-8222-222222222222',
  label: 'Gloss highlights: Sample',
  generated: new Date('2025-03-04T05:06:07.000Z'),
  colorNames: { ...DEFAULT_COLOR_NAMES, green: 'Key claim' },
});
const items = collection.first.items;
/** An annotation as a file of one would hold it: with the context. */
const standalone = (a: W3CAnnotation) => ({ '@context': glossContext(), ...a });
const { check } = wptSchemas();

describe('webAnnotationCollection', () => {
  test('writes a collection with one embedded page holding every highlight, placed ones in text order and orphans last', () => {
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 4, label: 'Gloss highlights: Sample', generated: '2025-03-04T05:06:07.000Z' });
    expect(collection['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { gloss: 'https://gloss.invalid/ns#' }]);
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', partOf: collection.id, startIndex: 0 });
    expect(items.map((a) => a.id).sort()).toEqual([1, 2, 3, 4].map((n) => `urn:uuid:${id(n)}`));
    expect(items[3].id).toBe(`urn:uuid:${id(4)}`);
    const starts = items.slice(0, 3).map((a) => a.target.selector[1].start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(items[3].target['gloss:orphaned']).toBe(true);
  });

  test('an annotation carries its note as Markdown, its codes as tags, its colour and its name, its times and its document', () => {
    const gremlin = items.find((a) => a.id === `urn:uuid:${id(1)}`)!;
    expect(gremlin).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-01-02T03:04:05.006Z',
      modified: '2025-02-03T04:05:06.007Z',
      'gloss:color': 'green',
      'gloss:colorName': 'Key claim',
      body: [
        { type: 'TextualBody', value: annotations[0].note, format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'theme/risk', purpose: 'tagging' },
        { type: 'TextualBody', value: 'people', purpose: 'tagging' },
      ],
      target: { type: 'SpecificResource', source: { id: 'urn:gloss:document:doc-1', type: 'Text', 'gloss:sha256': 'a'.repeat(64), 'gloss:title': 'Sample' } },
    });
    const plain = items.find((a) => a.id === `urn:uuid:${id(2)}`)!;
    expect(plain.motivation).toBe('highlighting');
    expect(plain).not.toHaveProperty('body');
  });

  test('positions count code points: after an emoji and a flag, three fewer than UTF-16 units', () => {
    const gremlin = annotations[0];
    const [quote, position] = items.find((a) => a.id === `urn:uuid:${id(1)}`)!.target.selector;
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'gremlin', prefix: gremlin.selectors.quote.prefix, suffix: gremlin.selectors.quote.suffix });
    expect(text.indexOf('😀')).toBeLessThan(gremlin.selectors.position.start);
    expect(position).toEqual({ type: 'TextPositionSelector', start: gremlin.selectors.position.start - 3, end: gremlin.selectors.position.end - 3 });
    expect([...text].slice(position.start, position.end).join('')).toBe('gremlin');
  });
});

describe('the W3C annotation-model test schemas (web-platform-tests)', () => {
  test.each(ASSERTIONS.annotationMusts)('every annotation passes the MUST assertion %s', (file) => {
    for (const a of items) expect(check(file, standalone(a)), a.id).toEqual([]);
  });

  test.each(ASSERTIONS.annotationOptionals)('every annotation with the feature passes the optional assertion %s', (file) => {
    // An annotation without a note or codes has no body, as the model allows (a highlight says nothing more).
    const concerned = file.endsWith('3.1-bodyKeyFound.json') ? items.filter((a) => a.body) : items;
    for (const a of concerned) expect(check(file, standalone(a)), a.id).toEqual([]);
  });

  test.each(ASSERTIONS.bodyOptionals)('annotations with bodies pass the optional body assertion %s', (file) => {
    // Only a note says its format (text/markdown); a tag is a bare value, so bodyFormat concerns annotations with a note.
    const concerned = items.filter((i) => (file.endsWith('3.2.1-bodyFormat.json') ? i.motivation === 'commenting' : i.body));
    expect(concerned.length).toBeGreaterThan(0);
    for (const a of concerned) expect(check(file, standalone(a)), a.id).toEqual([]);
  });

  test('bodies and targets pass the definitions the body and target MUSTs are built from', () => {
    for (const a of items) {
      expect(check('bodyTarget.json#/definitions/optionalTargetPropertiesMust', a.target)).toEqual([]);
      expect(check('specificResource.json#/definitions/specificeResourceDetected', a.target)).toEqual([]);
      expect(check('specificResource.json#/definitions/textQuoteSelectorDetected', a.target.selector[0])).toEqual([]);
      expect(check('specificResource.json#/definitions/prefixPropertyFound', a.target.selector[0])).toEqual([]);
      expect(check('specificResource.json#/definitions/suffixPropertyFound', a.target.selector[0])).toEqual([]);
      expect(check('specificResource.json#/definitions/textPositionSelectorDetected', a.target.selector[1])).toEqual([]);
      for (const body of a.body ?? []) {
        expect(check('bodyTarget.json#/definitions/optionalBodyPropertiesMust', body)).toEqual([]);
        expect(check('bodyTarget.json#/definitions/optionalBodyPurposePropertyShould', body)).toEqual([]);
        expect(check('bodyTarget.json#/definitions/embeddedTextTypeIncludesTextualBody', body)).toEqual([]);
      }
    }
  });

  test.each(ASSERTIONS.pageMusts)('the collection with its embedded page passes the page MUST assertion %s', (file) => {
    expect(check(file, collection)).toEqual([]);
  });

  test('the collection passes the definitions the collection MUSTs are built from', () => {
    for (const definition of ['annotationCollectionTypeValueFound', 'labelFound', 'totalFound', 'firstRequiredIfTotalMoreThanZero', 'firstFound']) {
      expect(check(`collections.json#/definitions/${definition}`, collection), definition).toEqual([]);
    }
    expect(check('collections.json#/definitions/contextValueInArrayFound', collection['@context'])).toEqual([]);
  });

  test('a broken annotation fails them: no target, an id with a space, another context, a position that is not a number, body and bodyValue', () => {
    const good = standalone(items.find((a) => a.motivation === 'commenting')!);
    const fails = (file: string, broken: unknown) => expect(check(`annotations/${file}`, broken).length, file).toBeGreaterThan(0);
    const { target: _target, ...noTarget } = good;
    void _target;
    fails('3.1-targetKeyFound.json', noTarget);
    fails('3.1-annotationIdValidated.json', { ...good, id: 'not an iri' });
    fails('3.1-annotationContextValidated.json', { ...good, '@context': 'http://example.org/other.jsonld' });
    fails('3.1-annotationTypeValidated.json', { ...good, type: 'Note' });
    fails('3.3.1-annotationCreatedValidated.json', { ...good, created: 'yesterday' });
    fails('3.2.5-notBodyBodyValue.json', { ...good, bodyValue: 'a note' });
    fails('3.2-targetObjectsRecognized.json', { ...good, target: { ...good.target, source: 'not an iri', selector: 'not a selector either' } });
    expect(check('specificResource.json#/definitions/textPositionSelectorDetected', { type: 'TextPositionSelector', start: 'ten', end: 12 }).length).toBeGreaterThan(0);
    fails('3.2-bodyObjectsRecognized.json', { ...good, body: [{ type: 'TextualBody', value: 42 }] });
    expect(check('collections/pages/5.2-pageItemsValidated.json', { ...collection, first: { ...collection.first, items: [{ type: 'Note' }] } }).length).toBeGreaterThan(0);
  });
});
