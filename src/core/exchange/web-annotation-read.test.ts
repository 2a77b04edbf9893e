import { describe, expect, test } from 'vitest';
import { readWebAnnotations } from './web-annotation-read';

const target = { source: 'urn:gloss:document:d1', selector: [{ type: 'TextQuoteSelector', exact: 'gremlin', prefix: 'a ', suffix: ' loose' }, { type: 'TextPositionSelector', start: 5, end: 12 }] };
const annotation = { id: 'urn:uuid:00000000-0000-4000-8000-000000000001', type: 'Annotation', target };

describe('readWebAnnotations', () => {
  const containers: [string, unknown][] = [
    ['a collection with its first page embedded', { type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage', items: [annotation] } }],
    ['a page', { type: 'AnnotationPage', items: [annotation] }],
    ['one annotation', annotation],
    ['a list of annotations', [annotation]],
    ['type as a list, with the oa: prefix', { ...annotation, type: ['oa:Annotation'] }],
    ['a target in a list, one selector as an object', { ...annotation, target: [{ ...target, selector: target.selector[0] }] }],
  ];
  test.each(containers)('reads %s', (_name, file) => {
    const [read] = readWebAnnotations(file).annotations;
    expect(read).toMatchObject({ index: 1, id: annotation.id, source: 'urn:gloss:document:d1', quote: { exact: 'gremlin', prefix: 'a ', suffix: ' loose' } });
  });

  test('follows a collection page by page when each next page is written in the file', () => {
    const page2 = { type: 'AnnotationPage', items: [{ ...annotation, id: 'urn:x:2' }] };
    const file = { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [annotation], next: page2 } };
    expect(readWebAnnotations(file).annotations.map((a) => a.id)).toEqual([annotation.id, 'urn:x:2']);
  });

  test('notes from bodyValue or untagged bodies, tags from tagging bodies, the Gloss colour, times and the orphan flag', () => {
    const file = {
      ...annotation,
      created: '2025-01-01T00:00:00Z',
      'gloss:color': 'pink',
      body: [
        { type: 'TextualBody', value: 'first', purpose: 'commenting' },
        { type: 'TextualBody', value: 'second' },
        { type: 'TextualBody', value: 'a/tag', purpose: ['tagging'] },
        'https://example.org/linked',
      ],
      target: { ...target, source: { id: 'urn:gloss:document:d1', 'gloss:sha256': 'AB'.repeat(32) }, 'gloss:orphaned': true },
    };
    const { annotations, notCarried } = readWebAnnotations(file);
    expect(annotations[0]).toMatchObject({ note: 'first\n\nsecond', tags: ['a/tag'], color: 'pink', created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z', orphaned: true, sourceHash: 'ab'.repeat(32) });
    expect(notCarried).toEqual(['1 body links to a web resource rather than holding text, and was left out.']);
    expect(readWebAnnotations({ ...annotation, bodyValue: 'only' }).annotations[0].note).toBe('only');
  });

  const refusals: [string, unknown, RegExp][] = [
    ['a string', 'hello', /not W3C annotations: a string/],
    ['an object of another type', { type: 'Person' }, /its type is "Person"/],
    ['an item that is not an annotation', { type: 'AnnotationPage', items: [{ type: 'Note', target }] }, /Item 1 is "Note", not an Annotation/],
    ['no target', [{ type: 'Annotation', id: 'urn:x:1' }], /Annotation 1 \(urn:x:1\) has no target/],
    ['an empty quote', [{ ...annotation, target: { selector: { type: 'TextQuoteSelector', exact: '' } } }], /its TextQuoteSelector has no exact text/],
    ['a prefix that is not text', [{ ...annotation, target: { selector: { type: 'TextQuoteSelector', exact: 'x', prefix: 3 } } }], /prefix is a number, not text/],
    ['a position in words', [{ ...annotation, target: { selector: { type: 'TextPositionSelector', start: 'ten', end: 12 } } }], /start and end are not whole numbers/],
    ['a note that is not text', [{ ...annotation, body: { type: 'TextualBody', value: 42 } }], /a body's value is a number, not text/],
    ['a created time that is not a time', [{ ...annotation, created: 'last Tuesday' }], /its created time is not a date and time/],
    ['a page not in the file', { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [], next: 'https://example.org/p2' } }, /Page 2 of the collection \(https:\/\/example.org\/p2\) is not in the file/],
  ];
  test.each(refusals)('refuses %s, saying where', (_name, file, message) => {
    expect(() => readWebAnnotations(file)).toThrow(message);
  });

  test('an annotation on no passage of a text is counted, not refused', () => {
    const { annotations, notCarried } = readWebAnnotations([annotation, { type: 'Annotation', target: 'https://example.org/page' }, { type: 'Annotation', target: { source: 'x:y', selector: { type: 'FragmentSelector', value: 'xywh=1,2,3,4' } } }]);
    expect(annotations).toHaveLength(1);
    expect(notCarried[0]).toMatch(/^2 annotations point at no passage of a text/);
  });
});
