import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { frontMatter, mergeFrontMatter, readFrontMatter, splitFrontMatter } from './front-matter';

const HOSTILE_TITLES = [
  'Plain title',
  'Key: value',
  '# not a comment',
  '---',
  '--- \n---\n...',
  '"double" and \'single\'',
  'line one\nline two',
  '[a, b]',
  '{ a: 1 }',
  '& anchor',
  '* alias',
  '! tag',
  '| literal',
  '> folded',
  '% directive',
  '@ at',
  '`backtick`',
  'yes',
  'null',
  '012',
  '1e3',
  '2026-11-26',
  '  leading and trailing  ',
  'Ünïcødé 日本語 🚀',
  'tab\there',
  '\u0000 nul and \u202e bidi',
  ': # --- " \' \n [ ] { } & * ! | > % @',
];

describe('frontMatter', () => {
  test.each(HOSTILE_TITLES)('a title %j is valid YAML that reads back as the same string', (title) => {
    const block = frontMatter({ title, speakers: [title, 'Ann'], highlights: 3 });
    const { yaml, body } = splitFrontMatter(`${block}\n\n# Body\n`);
    expect(yaml).not.toBeNull();
    expect(body).toBe('\n# Body\n');
    expect(parse(yaml!)).toEqual({ title, speakers: [title, 'Ann'], highlights: 3 });
  });

  test('splits nothing off a text that does not open with front matter', () => {
    expect(splitFrontMatter('# Title\n---\n')).toEqual({ yaml: null, body: '# Title\n---\n' });
    expect(splitFrontMatter('---\nno end')).toEqual({ yaml: null, body: '---\nno end' });
  });

  test('readFrontMatter gives the fields, or null for YAML that is not a mapping or not YAML', () => {
    expect(readFrontMatter('a: 1\nb: [x]\n')).toEqual({ a: 1, b: ['x'] });
    expect(readFrontMatter('- a\n')).toBeNull();
    expect(readFrontMatter('a: [\n')).toBeNull();
  });
});

describe('mergeFrontMatter', () => {
  test("Gloss's keys take the fresh values, the reader's own keys stay after them", () => {
    const fresh = splitFrontMatter(frontMatter({ title: 'New', highlights: 2 })).yaml!;
    const previous = 'title: Old\ntags:\n  - reading # my comment\nhighlights: 1\naliases: [Talk]\n';
    const merged = mergeFrontMatter(fresh, previous);
    expect(parse(splitFrontMatter(`${merged}\n`).yaml!)).toEqual({ title: 'New', highlights: 2, tags: ['reading'], aliases: ['Talk'] });
    expect(merged).toContain('# my comment');
  });

  test('refuses an earlier front matter that is not valid YAML, saying so', () => {
    expect(() => mergeFrontMatter('title: x\n', 'title: [unclosed\n')).toThrow(/front matter is not valid YAML/);
  });
});
