import fc from 'fast-check';
import type { Blockquote, Nodes } from 'mdast';
import { describe, expect, test } from 'vitest';
import { exportFileName, exportMarkdown } from './markdown';
import { DIALECTS, linksIn, nodeTypes } from './testing/parse-back';
import { EXPORTED_AT, readBack, SAMPLE, sampleHighlight, textOf, toString } from './testing/markdown-fixtures';

function exportOf(annotations: ReturnType<typeof sampleHighlight>[]): string {
  return exportMarkdown({ title: SAMPLE.title, source: 'Sample transcript', exportedAt: EXPORTED_AT, transcript: SAMPLE, annotations });
}

test('exportMarkdown writes the full export with the default options', () => {
  const back = readBack(exportOf([sampleHighlight('let a gremlin loose', { note: 'Vivid.' })]));
  expect(back.fields).toMatchObject({ title: SAMPLE.title, source: 'Sample transcript', highlights: 1, notes: 1 });
  expect(back.regions.map((r) => r.key.split(':')[0])).toEqual(['title', 'highlights', 'highlight']);
  const [quote, , meta, note] = back.regions[2].blocks;
  expect(toString((quote as Blockquote).children[0])).toBe('let a gremlin loose');
  expect(toString(meta)).toBe('Colour: Yellow');
  expect(toString(note)).toBe('Vivid.');
});

describe('any note, however hostile, stays under its own highlight (CommonMark and GFM)', () => {
  // Fragments that start block and inline markup, mixed with any character, on several lines.
  const fragment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('# ', '## ', '> ', '- ', '* ', '+ ', '1. ', '2) ', '***', '---', '===', '```', '~~~', '    ', '\t', '<div>', '</div>', '<script>', '<!--', '-->', '<!-- gloss:end -->', '[x]: https://e.com', '[x]', '[[x]]', '#tag', '![i](a.png)', '[l](https://e.com)', '[j](javascript:alert(1))', '| a | b |', '|---|', '**', '*', '_', '`', '\\', '&amp;', '\n', '\n\n', 'https://e.com/a_b', 'www.e.com') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 4 }) },
  );
  const note = fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join(''));
  const allowed = ['paragraph', 'text', 'break', 'list', 'listItem', 'strong', 'emphasis', 'delete', 'inlineCode', 'link'];

  test('as Markdown notes (200 pairs of notes)', () => {
    fc.assert(
      fc.property(note, note, (first, second) => {
        const gremlin = sampleHighlight('gremlin', { note: first });
        const laws = sampleHighlight('the scaling laws don’t say', { note: second });
        const md = exportOf([gremlin, laws]);
        for (const dialect of DIALECTS) {
          const back = readBack(md, dialect);
          expect(back.regions.map((r) => r.key), md).toEqual(['title', 'highlights', `highlight:${gremlin.id}`, `highlight:${laws.id}`]);
          expect(back.outside.filter((n) => n.type !== 'html'), md).toEqual([]);
          for (const region of back.regions.slice(2)) {
            const [quote, blockId, meta, ...noteBlocks] = region.blocks;
            expect(quote.type, md).toBe('blockquote');
            expect(textOf(blockId), md).toMatch(/^\^gloss-/);
            expect(textOf(meta), md).toBe('Colour: Yellow');
            const types = noteBlocks.flatMap((b) => [...nodeTypes(b as Nodes)]);
            expect(types.filter((t) => !allowed.includes(t)), md).toEqual([]);
            for (const link of noteBlocks.flatMap((b) => linksIn(b as Nodes))) expect(link.url, md).toMatch(/^(https?:\/\/|mailto:)/);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

test('exportFileName removes characters that file systems refuse', () => {
  expect(exportFileName('AI: the "lead"/<race>?')).toBe('AI the lead race - highlights.md');
  expect(exportFileName('///')).toBe('Gloss export - highlights.md');
});

test('exportFileName turns line breaks, control characters and bidi controls into spaces', () => {
  expect(exportFileName('x.txt\n# Injected\u0000')).toBe('x.txt # Injected - highlights.md');
  expect(exportFileName('invoice\u202Etxt.exe')).toBe('invoice txt.exe - highlights.md');
  expect(exportFileName('a\u2028b\u0085c')).toBe('a b c - highlights.md');
});

test('exportFileName does not cut a character outside the BMP in half', () => {
  const name = exportFileName('x'.repeat(99) + '😀😀');
  expect(name).toBe('x'.repeat(99) + '😀 - highlights.md');
});

