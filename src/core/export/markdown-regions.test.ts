import { expect, test } from 'vitest';
import { fnv1a } from './fnv-hash';
import { hasRegions, neutraliseMarkers, parseRegions, region, regionKey, regionOfSafeBody } from './markdown-regions';
import { parseBack } from './testing/parse-back';

test('a region reads back as its key and body, intact', () => {
  const text = region('highlight:abc', '> quote\n\nnote');
  expect(parseRegions(text)).toEqual([{ kind: 'region', key: 'highlight:abc', body: '> quote\n\nnote', intact: true, raw: text }]);
  expect(hasRegions(text)).toBe(true);
  expect(hasRegions('no regions\n<!-- gloss:end -->')).toBe(false);
});

test('a region the reader typed into is no longer intact', () => {
  const text = region('k', 'body').replace('body', 'body\nmy line');
  expect(parseRegions(text)).toEqual([{ kind: 'region', key: 'k', body: 'body\nmy line', intact: false, raw: text }]);
});

test('keys hold no space and no "-->", whatever the names in them', () => {
  const key = regionKey('group', 'speaker', 'Ann --> <b> Lee: x');
  expect(key).not.toMatch(/\s|-->/);
  expect(parseRegions(region(key, 'x'))[0]).toMatchObject({ key });
});

test('the text between regions is kept apart; a deleted end marker ends the region at the next begin; a stray end marker is dropped', () => {
  const text = ['top', region('a', 'A'), 'between', region('b', 'B').replace('<!-- gloss:end -->', ''), region('c', 'C'), '<!-- gloss:end -->', 'after'].join('\n');
  const pieces = parseRegions(text);
  expect(pieces.map((p) => (p.kind === 'text' ? `text:${p.text.trim()}` : `region:${p.key}`))).toEqual(['text:top', 'region:a', 'text:between', 'region:b', 'region:c', 'text:after']);
});

test('content that looks like a marker is moved one space in, and so is not one', () => {
  const body = '```\n<!-- gloss:end -->\n<!-- GLOSS:begin x 00000000 -->\n```';
  expect(neutraliseMarkers(body)).toBe('```\n <!-- gloss:end -->\n <!-- GLOSS:begin x 00000000 -->\n```');
  const pieces = parseRegions(region('k', body));
  expect(pieces).toHaveLength(1);
  expect(pieces[0]).toMatchObject({ kind: 'region', key: 'k', intact: true });
});

test('markers are HTML blocks of their own in CommonMark, showing nothing, with the body between them', () => {
  const tree = parseBack(`${region('a', '> quote\n- item')}\n\n${region('b', 'para')}\n`, 'commonmark');
  expect(tree.children.map((c) => c.type)).toEqual(['html', 'blockquote', 'list', 'html', 'html', 'paragraph', 'html']);
});

test('a region made from a body known to hold no marker is the region of that body', () => {
  for (const body of ['> quote\n\nnote', '> quote\n\nnote  \n\n \t', 'x', '']) expect(regionOfSafeBody('k', body)).toBe(region('k', body));
});

test('fingerprints are 32-bit FNV-1a as 8 hex digits', () => {
  // Published FNV-1a test values (ASCII, where code units are bytes).
  expect(fnv1a('')).toBe('811c9dc5');
  expect(fnv1a('a')).toBe('e40c292c');
  expect(fnv1a('foobar')).toBe('bf9cf968');
});
