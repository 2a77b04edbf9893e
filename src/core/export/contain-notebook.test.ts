import { expect, test } from 'vitest';
import { containNotebookMarkdown } from './contain-notebook';
import { parseBack } from './testing/parse-back';
import type { Heading } from 'mdast';

/** The notebook as the export places it: under "## Notebook", followed by a region's end marker and more. */
function placed(notebook: string) {
  const md = `## Notebook\n\n${containNotebookMarkdown(notebook)}\n\n<!-- gloss:end -->\n\n## After\n`;
  return parseBack(md, 'commonmark');
}

test('keeps the reader\'s structure, headings two levels down', () => {
  const tree = placed('# Themes\n\n## Risk\n\n> a quote\n\n- a list\n\n```js\ncode\n```\n\n***');
  const headings = tree.children.filter((c): c is Heading => c.type === 'heading').map((h) => h.depth);
  expect(headings).toEqual([2, 3, 4, 2]);
  expect(tree.children.map((c) => c.type)).toEqual(['heading', 'heading', 'heading', 'blockquote', 'list', 'code', 'thematicBreak', 'html', 'heading']);
});

test.each([
  ['raw HTML', '<div>\n# in html\n</div>'],
  ['an HTML comment', '<!-- hidden\n\n# still hidden -->'],
  ['a fake region marker', '<!-- gloss:end -->\n\ntext'],
  ['a fence never closed', '```\ncode'],
  ['a fence opened in a list item', '- ```\n  code\n\nafter'],
  ['a setext heading', 'Title\n===\n\nOther\n---'],
  ['a deep heading', '###### six'],
  ['front matter', '---\ntitle: x\n---'],
])('%s cannot reach past the notebook or add HTML', (_what, notebook) => {
  const tree = placed(notebook);
  const html = tree.children.filter((c) => c.type === 'html');
  expect(html.map((h) => (h as { value: string }).value)).toEqual(['<!-- gloss:end -->']);
  expect(tree.children.at(-1)).toMatchObject({ type: 'heading', depth: 2 });
  const depths = tree.children.filter((c): c is Heading => c.type === 'heading').map((h) => h.depth);
  expect(depths.slice(1, -1).every((d) => d >= 3)).toBe(true);
});
