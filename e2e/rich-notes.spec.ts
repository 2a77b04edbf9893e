/**
 * Rich notes: Markdown shortcuts and the formatting toolbar make bold,
 * italic, code, lists and links; the note is the same after a restart; the
 * export writes it as Markdown; a note written as Markdown outside the app
 * opens formatted; links open nothing; and what a note looks like at 1280
 * and 900 px wide.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { expect, test, type GlossApp } from './support/fixtures';
import { NotePage } from './support/note-page';
import { ExportPage } from './support/export-page';

async function documentId(dataDir: string): Promise<string> {
  return JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')).documents[0].id;
}

/** Each highlight's note and rich-text state as saved on disk. */
async function notesOnDisk(dataDir: string): Promise<{ note: string; noteState: string | null }[]> {
  const file = join(dataDir, 'documents', await documentId(dataDir), 'annotations.json');
  return JSON.parse(await readFile(file, 'utf8')).annotations.map((a: { note: string; noteState: string | null }) => ({ note: a.note, noteState: a.noteState }));
}

/** The blocks of the export that follow the quote of the highlight quoting `quote`, up to the next quote. */
function noteBlocks(tree: Root, quote: string): RootContent[] {
  const at = tree.children.findIndex((c) => c.type === 'blockquote' && toString(c).includes(quote));
  // Gloss's region markers (HTML comments) aside.
  const rest = tree.children.slice(at + 1).filter((c) => c.type !== 'html');
  const end = rest.findIndex((c) => c.type === 'blockquote' || c.type === 'heading');
  const blocks = end < 0 ? rest : rest.slice(0, end);
  // The quote's block id (^gloss-…) and its colour-and-codes line come before the note.
  return blocks.filter((c) => !(c.type === 'paragraph' && /^\^gloss-[0-9a-f]+$|^Colour: /.test(toString(c))));
}

async function exportNow(gloss: GlossApp, path: string): Promise<string> {
  await gloss.setExportPath(path);
  await new ExportPage(gloss.page).exportMarkdown();
  await expect(gloss.ui.status).toContainText(`to ${path}`);
  return readFile(path, 'utf8');
}

test('Markdown typed in a note becomes bold and a list, is there after a restart, and is exported as Markdown', async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;
  const note = new NotePage(page);
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.typeNote('A **vivid** image');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- first point');
  await page.keyboard.press('Enter');
  await page.keyboard.type('second point');
  await expect(note.bold('vivid')).toHaveText('vivid');
  await expect(note.listItems('bulleted')).toHaveText(['first point', 'second point']);
  await expect(ui.noteState).toHaveText('Saved');
  expect(await ui.noteText()).toBe('A vivid image\nfirst point\nsecond point');
  // Saved as Markdown, with the editor's state beside it.
  const [saved] = await notesOnDisk(gloss.dataDir);
  expect(saved.note).toBe('A **vivid** image\n\n- first point\n- second point');
  expect(saved.noteState).toContain('"listType":"bullet"');

  await gloss.restart();
  const again = new NotePage(gloss.page);
  // The list shows the note's text, without its Markdown.
  await expect(gloss.ui.highlightNotes.first()).toHaveText('A vivid image first point second point');
  await gloss.ui.highlights.first().locator('.highlight-item__open').click();
  await expect(again.bold('vivid')).toHaveText('vivid');
  await expect(again.listItems('bulleted')).toHaveText(['first point', 'second point']);

  const tree = fromMarkdown(await exportNow(gloss, testInfo.outputPath('rich note.md')));
  const [paragraph, list] = noteBlocks(tree, 'let a gremlin loose');
  expect(paragraph.type).toBe('paragraph');
  expect((paragraph as { children: Nodes[] }).children.map((c) => [c.type, toString(c)])).toEqual([
    ['text', 'A '],
    ['strong', 'vivid'],
    ['text', ' image'],
  ]);
  expect(list).toMatchObject({ type: 'list', ordered: false });
  expect((list as { children: Nodes[] }).children.map((item) => toString(item))).toEqual(['first point', 'second point']);
});

test('the toolbar and the keyboard make bold, italic, code, numbered lists and links; a link opens nothing', async ({ gloss }) => {
  const { ui, page } = gloss;
  const note = new NotePage(page);
  await ui.highlight('the scaling laws', 'green');
  await ui.typeNote('Risk and evidence in code');
  await note.selectWord('Risk');
  await note.button('Bold').click();
  await expect(note.bold('Risk')).toHaveText('Risk');
  await expect(note.button('Bold')).toHaveAttribute('aria-pressed', 'true');
  await note.selectWord('and');
  await page.keyboard.press('ControlOrMeta+i');
  await expect(note.italic('and')).toHaveText('and');
  await note.selectWord('code');
  await note.button('Code').click();
  await expect(note.code('code')).toHaveText('code');
  // A web address without its scheme is taken as https; anything but web and mail addresses is refused.
  await note.selectWord('evidence');
  await note.button('Link').click();
  await note.linkAddress.fill('javascript:alert(1)');
  await note.linkAddress.press('Enter');
  await expect(note.linkProblem).toHaveText('Only web addresses (https://…) and mail addresses can be links.');
  await note.linkAddress.fill('example.com/paper');
  await note.linkAddress.press('Enter');
  await expect(note.links()).toHaveText(['evidence']);
  await expect(note.links()).toHaveAttribute('href', 'https://example.com/paper');
  await expect(note.links()).toHaveAttribute('title', 'https://example.com/paper');
  await note.button('Numbered list').click();
  await expect(note.listItems('numbered')).toHaveText(['Risk and evidence in code']);
  await expect(ui.noteState).toHaveText('Saved');
  await expect.poll(async () => (await notesOnDisk(gloss.dataDir))[0].note).toBe('1. **Risk** *and* [evidence](<https://example.com/paper>) in `code`');

  // Clicking the link, with or without a modifier key, opens nothing and leaves the app where it is.
  const url = page.url();
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));
  await note.links().click();
  await note.links().click({ modifiers: ['ControlOrMeta'] });
  await note.links().click({ button: 'middle' });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  expect(popups).toEqual([]);
  await expect(ui.transcript).toBeVisible();
});

test('a link typed as Markdown to anything but a web or mail address stays the text typed', async ({ gloss }) => {
  const { ui, page } = gloss;
  const note = new NotePage(page);
  await ui.highlight('the scaling laws', 'green');
  await ui.typeNote('[click](javascript:alert(1)) and [site](https://example.com)');
  await expect(note.links()).toHaveText(['site']);
  expect(await ui.noteText()).toBe('[click](javascript:alert(1)) and site');
  await expect(ui.noteState).toHaveText('Saved');
  const [saved] = await notesOnDisk(gloss.dataDir);
  expect(saved.note).toBe('\\[click\\](javascript:alert(1)) and [site](<https://example.com>)');
  expect(saved.noteState).not.toContain('"url":"javascript:');
});

test('a note written as Markdown outside the app (gloss highlight --note) opens formatted, its HTML as text', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'pink');
  await ui.leaveNote();
  const [id] = await ui.highlightIds();
  const docId = await documentId(gloss.dataDir);
  const markdown = '- one\n- **two**\n\n<img src=x onerror="window.__pwned=1"> # not a heading';
  // As the command line writes a note: Markdown only, no editor state.
  const answer = await page.evaluate(
    ([documentId, highlightId, note]) => (window as unknown as { gloss: { invoke: (c: string, r: unknown) => Promise<{ ok: boolean }> } }).gloss.invoke('annotations:update', { documentId, id: highlightId, note }),
    [docId, id, markdown],
  );
  expect(answer.ok).toBe(true);
  await gloss.restart();
  const note = new NotePage(gloss.page);
  await gloss.ui.highlights.first().locator('.highlight-item__open').click();
  await expect(note.listItems('bulleted')).toHaveText(['one', 'two']);
  await expect(note.bold('two')).toHaveText('two');
  expect(await gloss.ui.noteText()).toBe('one\ntwo\n<img src=x onerror="window.__pwned=1"> # not a heading');
  expect(await gloss.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await gloss.ui.injectedElements()).toEqual([]);
  // Opening it changes nothing on disk; writing in it saves it with its state.
  await gloss.ui.leaveNote();
  expect((await notesOnDisk(gloss.dataDir))[0]).toEqual({ note: markdown, noteState: null });
  await gloss.ui.typeNote('!');
  await expect(gloss.ui.noteState).toHaveText('Saved');
  const [saved] = await notesOnDisk(gloss.dataDir);
  expect(saved.note).toBe('- one\n- **two**\n\n\\<img src=x onerror="window.\\_\\_pwned=1"\\> # not a heading\\!');
  expect(saved.noteState).not.toBeNull();
});

test('how a rich note looks at 1280 and 900 px wide', async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;
  await ui.highlight('let a gremlin loose', 'yellow');
  await ui.typeNote('A **vivid** image of `agents` acting ');
  await page.keyboard.type('*unpredictably*');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- see the essay');
  await page.keyboard.press('Enter');
  await page.keyboard.type('compare with the scaling laws');
  await expect(ui.noteState).toHaveText('Saved');
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: testInfo.outputPath(`rich-note-${width}.png`) });
    const box = await new NotePage(page).editor.boundingBox();
    // The whole note is on screen, beside the transcript.
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
  // The field a link's address is typed in, with why an address was refused.
  const note = new NotePage(page);
  await note.selectWord('essay');
  await note.button('Link').click();
  await note.linkAddress.fill('ftp://example.com');
  await note.linkAddress.press('Enter');
  await expect(note.linkProblem).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('rich-note-link-900.png') });
});
