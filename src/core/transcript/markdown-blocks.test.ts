import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TranscriptFormatError } from './format-error';
import { MAX_MARKDOWN_NESTING, markdownBlocks } from './markdown-blocks';
import { markdownFromPlainText } from './testing/convert-fixtures';
import { referenceMarkdownBlocks } from './testing/mdast-reference';
import { fixtureText } from './testing/transcript-fixtures';

const repoFile = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** A seeded generator of ordinary Markdown: headings, labels, lists, quotes, code, HTML, links, emphasis, definitions. */
function generatedDocument(seed: number): string {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state >> 8) % n;
  };
  const pick = <T>(items: readonly T[]) => items[next(items.length)];
  const WORDS = ['Alice', 'said', 'the', 'engine', 'Ada Lovelace:', 'MM:', '00:12', '[00:01:02]', 'x_y', 'a*b', 'é', '&amp;', '&hellip;', '&#65;', '\\*', 'http://x.y', '<b>', '</b>', '2 * 3', "don't", '"quoted"', '(aside)', '[laughs]', '#tag', '<!-- c -->', '~~s~~'];
  const inline = () =>
    Array.from({ length: 1 + next(8) }, () => {
      const w = pick(WORDS);
      return pick([`*${w}*`, `**${w}**`, `_${w}_`, `[${w}](http://e.x)`, `\`${w}\``, `![${w}](i.png)`, `[${w}][r]`, w, w, w]);
    }).join(' ');
  const block = () =>
    pick([
      () => `${'#'.repeat(1 + next(4))} ${inline()}`,
      () => `**${pick(['Ada Lovelace', 'Bob', 'MM', 'Note'])}:** ${inline()}`,
      () => `- ${inline()}\n- ${inline()}`,
      () => `> ${inline()}\n> ${inline()}`,
      () => `\`\`\`\n${inline()}\n\`\`\``,
      () => `<div>${inline()}</div>`,
      () => `${inline()}\n${'='.repeat(1 + next(4))}`,
      () => '[r]: http://r.x',
      () => `    ${inline()}`,
      () => `1. ${inline()}\n2. ${inline()}`,
      () => '---',
      () => `### ${pick(['Ada Lovelace', 'Charles Babbage'])}`,
      () => `${inline()}\n${inline()}`,
    ])();
  return `${Array.from({ length: 1 + next(6) }, block).join('\n\n')}\n`;
}

describe('markdownBlocks', () => {
  test.each([
    ['the sample interview as Markdown', markdownFromPlainText(repoFile('resources/sample-interview.txt'))],
    ['Hamlet as Markdown', markdownFromPlainText(fixtureText('plays/shakespeare-hamlet.txt'))],
    ['the fixtures README', fixtureText('plays/README.md')],
    ['200 generated documents', Array.from({ length: 200 }, (_, i) => generatedDocument(i + 1)).join('\n\n***\n\n')],
  ])('reads %s into the same blocks as micromark, the CommonMark parser Gloss used before', (_name, markdown) => {
    expect(markdownBlocks(markdown)).toEqual(referenceMarkdownBlocks(markdown));
  });

  test('keeps a space where a hard line break joins two lines (micromark glued the words together)', () => {
    expect(markdownBlocks('Ada:  \nHello\\\nthere')).toEqual([{ type: 'paragraph', text: 'Ada: Hello there', lead: null }]);
  });

  test('gives the text of an opening bold phrase and the rest, for speaker labels', () => {
    expect(markdownBlocks('**Ada _Lovelace_:** The *engine*.')).toEqual([
      { type: 'paragraph', text: 'Ada Lovelace: The engine.', lead: { bold: 'Ada Lovelace:', rest: 'The engine.' } },
    ]);
  });

  test.each([
    ['quotes', (depth: number) => `${'> '.repeat(depth)}deep`],
    ['lists', (depth: number) => `${'- '.repeat(depth)}deep`],
    ['quotes and lists', (depth: number) => `${'> - '.repeat(depth / 2)}deep`],
  ])(`reads %s nested ${MAX_MARKDOWN_NESTING} deep and refuses one level more, naming the line`, (_name, nest) => {
    expect(markdownBlocks(`intro\n\n${nest(MAX_MARKDOWN_NESTING)}`).map((b) => b.text)).toEqual(['intro', 'deep']);
    const refusal = (() => {
      try {
        markdownBlocks(`intro\n\n${nest(MAX_MARKDOWN_NESTING + 2)}`);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(TranscriptFormatError);
    expect((refusal as Error).message).toBe(`line 3 nests quotes and lists more than ${MAX_MARKDOWN_NESTING} deep; Gloss reads up to ${MAX_MARKDOWN_NESTING}`);
    // The parser is ready for the next document after refusing one.
    expect(markdownBlocks('after').map((b) => b.text)).toEqual(['after']);
  });

  test('drops the tags of an HTML block, and reads a run of "<" without ">" in linear time', () => {
    expect(markdownBlocks('<div>Boxed <b>words</b>\n</div>')).toEqual([{ type: 'text', text: 'Boxed words' }]);
    const started = performance.now();
    markdownBlocks(`<div>\n${'<'.repeat(200_000)}`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
