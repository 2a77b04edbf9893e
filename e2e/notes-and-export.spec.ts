/** Notes saved as the reader types, and the Markdown export a notes app will read. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { expect, test } from './support/fixtures';

/** Each highlight's note and rich-text state as saved in the document's annotations.json. */
async function notesOnDisk(dataDir: string): Promise<{ note: string; noteState: string | null }[]> {
  const library = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'));
  const file = join(dataDir, 'documents', library.documents[0].id, 'annotations.json');
  return JSON.parse(await readFile(file, 'utf8')).annotations.map((a: { note: string; noteState: string | null }) => ({ note: a.note, noteState: a.noteState }));
}

test('a note is saved while typing, without a Save button', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  // The new highlight leaves the focus in the text; N opens its note for writing.
  await expect(ui.note).not.toBeFocused();
  await page.keyboard.press('n');
  await expect(ui.note).toBeFocused();
  await ui.note.pressSequentially('Agents need supervision.', { delay: 10 });
  await expect(page.locator('.note-editor__state')).toHaveText('Saved');
  await expect(page.getByRole('button', { name: /save/i })).toHaveCount(0);
  const library = JSON.parse(await readFile(join(gloss.dataDir, 'library.json'), 'utf8'));
  const file = join(gloss.dataDir, 'documents', library.documents[0].id, 'annotations.json');
  expect(JSON.parse(await readFile(file, 'utf8')).annotations[0].note).toBe('Agents need supervision.');
  // Picking another highlight shows the note in the list.
  await ui.highlight('the scaling laws', 'green');
  await expect(ui.highlights.filter({ hasText: 'gremlin' })).toContainText('Agents need supervision.');
});

test('a new highlight\'s empty note says nothing about saving until something is written and saved', async ({ gloss }) => {
  const { ui } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await expect(ui.note).toBeVisible();
  // Nothing was written: no "Saved", not even after the typing pause.
  await ui.page.waitForTimeout(600);
  await expect(ui.noteState).toHaveText('');
  await ui.typeNote('A');
  await expect(ui.noteState).toHaveText('Saved');
  // Taking the text away again is a change that is saved too.
  await ui.note.press('Backspace');
  await expect(ui.noteState).toHaveText('Saved');
  await expect.poll(async () => (await notesOnDisk(gloss.dataDir))[0]).toEqual({ note: '', noteState: null });
});

test('a note typed just before a restart is not lost', async ({ gloss }) => {
  await gloss.ui.highlight('let a gremlin loose', 'yellow');
  await gloss.ui.note.fill('Written right before quitting');
  // Leaving the field saves at once, without waiting for the typing pause.
  await gloss.page.keyboard.press('Tab');
  await expect(gloss.page.locator('.note-editor__state')).toHaveText('Saved');
  await gloss.restart();
  await expect(gloss.ui.highlights.first()).toContainText('Written right before quitting');
});

/** A node's text, a hard line break as '\n' (mdast-util-to-string leaves breaks out). */
function textOf(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map(textOf).join('');
  return 'value' in node ? node.value : '';
}

/** Each highlight of an export: its quote's paragraphs, its colour and codes line, and its note's blocks (paragraphs and lists), as text. */
function highlightGroups(tree: Root): { quote: string[]; meta: string; note: string[] }[] {
  const start = tree.children.findIndex((c) => c.type === 'heading' && toString(c) === 'Highlights');
  const groups: { quote: string[]; meta: string; note: string[] }[] = [];
  for (const node of tree.children.slice(start + 1) as RootContent[]) {
    // The markers of Gloss's own regions (what a re-export replaces) are HTML comments a notes app does not show.
    if (node.type === 'html') continue;
    if (node.type === 'heading') break;
    if (node.type === 'blockquote') groups.push({ quote: node.children.map((c) => toString(c)), meta: '', note: [] });
    else if (node.type === 'paragraph' || node.type === 'list') {
      const text = textOf(node);
      // The quote's block id, for links from notes apps.
      if (/^\^gloss-[0-9a-f]+$/.test(text)) continue;
      if (text.startsWith('Colour:')) groups.at(-1)!.meta = text;
      else groups.at(-1)!.note.push(text);
    } else throw new Error(`unexpected ${node.type} in the highlights`);
  }
  return groups;
}

/** The file's Markdown after its YAML front matter, parsed, and the front matter's lines. */
function withoutFrontMatter(markdown: string): { front: string; tree: Root } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  return { front: match?.[1] ?? '', tree: fromMarkdown(match ? markdown.slice(match[0].length) : markdown) };
}

test('exports every highlight with its speaker and note to a Markdown file', async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'pink');
  await ui.note.fill('# heading\n> quote\n```\n<script>alert(1)</script>');
  await ui.highlight('I want to kick off by talking about your essay', 'green');
  await ui.note.fill('The opening question.');
  await page.keyboard.press('Tab');
  await expect(page.locator('.note-editor__state')).toHaveText('Saved');

  const path = testInfo.outputPath('export via button.md');
  await gloss.setExportPath(path);
  // The toolbar's Export… opens the Export dialog, Markdown chosen; its Export… asks where and writes.
  await page.locator('.toolbar').getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: /^Markdown/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Export…', exact: true }).click();
  await expect(ui.status).toContainText(`Exported 2 highlights to ${path}`);
  const markdown = await readFile(path, 'utf8');
  const { front, tree } = withoutFrontMatter(markdown);
  expect(front).toMatch(/^title: Democracies must maintain the lead in AI$/m);
  expect(front).toMatch(/^source: Sample transcript$/m);
  expect(front).toMatch(new RegExp(`^exported: ${new Date().toISOString().slice(0, 10)}`, 'm'));
  const title = tree.children.find((c) => c.type === 'heading');
  expect(title).toMatchObject({ type: 'heading', depth: 1 });
  expect(toString(title!)).toBe('Democracies must maintain the lead in AI');
  expect(highlightGroups(tree)).toEqual([
    { quote: ['I want to kick off by talking about your essay', '— Madhumita Murgia · Open in Gloss'], meta: 'Colour: Green', note: ['The opening question.'] },
    // Typed in the rich-text note, Markdown is text: it comes out as typed, line by line, and breaks nothing out.
    { quote: ['let a gremlin loose', '— Dario Amodei · Open in Gloss'], meta: 'Colour: Pink', note: ['# heading\n> quote\n```\n<script>alert(1)</script>'] },
  ]);
});

test('exports from the File menu too, and a cancelled dialog writes nothing', async ({ gloss }, testInfo) => {
  await gloss.ui.highlight('let a gremlin loose', 'yellow');
  const dialog = gloss.page.getByRole('dialog', { name: 'Export' });
  await gloss.setExportPath(null);
  await gloss.menu('export');
  await dialog.getByRole('button', { name: 'Export…', exact: true }).click();
  await expect(dialog).toContainText('Nothing was exported');
  await expect(gloss.ui.status).not.toContainText('Exported');

  const path = testInfo.outputPath('export via menu.md');
  await gloss.setExportPath(path);
  await dialog.getByRole('button', { name: 'Export…', exact: true }).click();
  await expect(gloss.ui.status).toContainText(`Exported 1 highlight to ${path}`);
  expect((await stat(path)).size).toBeGreaterThan(0);
  expect(highlightGroups(withoutFrontMatter(await readFile(path, 'utf8')).tree)).toEqual([
    { quote: ['let a gremlin loose', '— Dario Amodei · Open in Gloss'], meta: 'Colour: Yellow', note: [] },
  ]);
});
