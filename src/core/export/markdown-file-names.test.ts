import { describe, expect, test } from 'vitest';
import { fileStem, INDEX_FILE_NAME, markdownFileNames } from './markdown-file-names';

// eslint-disable-next-line no-control-regex -- control characters are refused in names
const REFUSED_ANYWHERE = /[\\/:*?"<>|#^[\]\u0000-\u001f]/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

describe('fileStem', () => {
  test.each([
    ['Interview with Dario Amodei', 'Interview with Dario Amodei'],
    ['AI: the "lead"/<race>?', 'AI the lead race'],
    ['a\\b|c*d', 'a b c d'],
    ['[[Wiki]] #tag ^block', 'Wiki tag block'],
    ['x.txt\n# Injected\u0000', 'x.txt Injected'],
    ['invoice\u202Etxt.exe', 'invoice txt.exe'],
    ['...hidden', 'hidden'],
    ['trailing dots... ', 'trailing dots'],
    ['CON', 'CON_'],
    ['nul.tar', 'nul_.tar'],
    ['com1', 'com1_'],
    ['Console', 'Console'],
    ['///', 'Untitled'],
    ['', 'Untitled'],
  ])('%j → %j', (title, stem) => {
    expect(fileStem(title)).toBe(stem);
  });

  test('a long title is cut to 100 characters by whole characters, and to 200 UTF-8 bytes', () => {
    expect(fileStem('x'.repeat(99) + '😀😀')).toBe('x'.repeat(99) + '😀');
    const cjk = fileStem('字'.repeat(150));
    expect(utf8Bytes(cjk)).toBeLessThanOrEqual(200);
    expect(cjk).toBe('字'.repeat(66));
  });
});

describe('markdownFileNames', () => {
  test('names each document after its title', () => {
    expect(markdownFileNames([{ id: 'a', title: 'One' }, { id: 'b', title: 'Two: the sequel' }])).toEqual(['One.md', 'Two the sequel.md']);
  });

  test('documents whose names clash (case and normalisation aside) all take their ids, whatever order they come in', () => {
    const docs = [
      { id: '3f2a9c1d-0000', title: 'Café' },
      { id: '7b7b7b7b-0000', title: 'CAFE\u0301' },
      { id: 'c0ffee00-0000', title: 'Other' },
    ];
    const names = markdownFileNames(docs);
    expect(names).toEqual(['Café (3f2a9c1d).md', 'CAFÉ (7b7b7b7b).md', 'Other.md']);
    expect(markdownFileNames([...docs].reverse())).toEqual([...names].reverse());
  });

  test('a name already in use by something else, or the index, is not taken', () => {
    expect(markdownFileNames([{ id: 'abc', title: 'notes' }], ['Notes.md'])).toEqual(['notes (abc).md']);
    expect(markdownFileNames([{ id: 'abc', title: 'Gloss index' }])).toEqual(['Gloss index (abc).md']);
    expect(INDEX_FILE_NAME).toBe('Gloss index.md');
  });

  test('ids sharing their first characters still give unique names', () => {
    const names = markdownFileNames([
      { id: 'aaaaaaaa-1', title: 'Same' },
      { id: 'aaaaaaaa-2', title: 'Same' },
      { id: 'aaaaaaaa-2', title: 'Same' },
    ]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
  });

  test('every name is safe on Windows, macOS and Linux and in an Obsidian link, however hostile the title', () => {
    const titles = ['CON', 'aux.md', '  .  ', 'a/b\\c', '<script>', 'x'.repeat(500), '🙂'.repeat(300), 'tab\there', 'LPT9', 'end.', 'end ', '\u202e'];
    const names = markdownFileNames(titles.map((title, i) => ({ id: `id${i}`, title })));
    for (const name of names) {
      expect(name).toMatch(/\.md$/);
      expect(name).not.toMatch(REFUSED_ANYWHERE);
      expect(name).not.toMatch(WINDOWS_RESERVED);
      expect(name).not.toMatch(/^[ .]/);
      expect(name.slice(0, -3)).not.toMatch(/[ .]$/);
      expect([...name].length).toBeLessThanOrEqual(120);
      expect(utf8Bytes(name)).toBeLessThanOrEqual(255);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});
