/**
 * Hostile text renders as inert text: a transcript whose file name and text
 * carry HTML, scripts, event handlers, javascript: links, bidi overrides and
 * zero-width characters, renamed to a title of the same kind and highlighted
 * with a note of the same kind, shows every one of them as the characters
 * typed. Nothing runs (no dialog, the canary global is never set) and no
 * element is injected into the app. Markup injected into the transcript
 * editor would be taken out again by Lexical, which undoes DOM changes it did
 * not make; the canary, the dialogs and the fixture's check for CSP
 * violations catch what ran meanwhile. (Codes do not exist yet; they get the
 * same test when they do.)
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { DIALECTS, linksIn, nodeTypes } from '../src/core/export/testing/parse-back';
import { readBack } from '../src/core/export/testing/markdown-fixtures';
import { expect, test } from './support/fixtures';
import { ExportPage } from './support/export-page';

/** Each payload, if it ever ran, would set window.__pwned to say where it came from, or open a dialog. */
const hostile = (where: string) => ({
  script: `<script>window.__pwned='${where} script'</script>`,
  img: `<img src=x onerror="window.__pwned='${where} img'">`,
  svg: `<svg onload="window.__pwned='${where} svg'"></svg>`,
  iframe: `<iframe src="javascript:alert('${where} iframe')"></iframe>`,
  link: `<a href="javascript:alert('${where} a')">click</a>`,
  markdownLink: `[click](javascript:alert('${where} link'))`,
  bidi: `\u202Etxt.exe\u202C`,
  zeroWidth: `zero\u200Bwidth`,
});

const inText = hostile('text');
const TITLE_LINE = `Hostile ${inText.img} transcript`;
const ADA_SAYS = `Hello ${inText.script} and ${inText.img} and ${inText.markdownLink} there.`;
const BABBAGE_SAYS = `Look ${inText.svg} ${inText.iframe} ${inText.link} at ${inText.bidi} and ${inText.zeroWidth} now.`;
const TRANSCRIPT = `${TITLE_LINE}

Ada Lovelace: ${ADA_SAYS}

Charles Babbage: ${BABBAGE_SAYS}
`;

// A file name cannot hold '/', so its tags are not closed.
const inName = hostile('file name');
const FILE_NAME = `${inName.img} ${inName.svg.replace('</svg>', '')} ${inName.bidi}${inName.zeroWidth} <script>.txt`;

const inTitle = hostile('title');
const TITLE = `${inTitle.script} ${inTitle.img} ${inTitle.link} ${inTitle.bidi} ${inTitle.zeroWidth}`;

// Short enough for the side panel to show whole (it shortens notes over 240 characters).
const inNote = hostile('note');
const NOTE = [inNote.script, inNote.img, inNote.svg, inNote.markdownLink, `${inNote.bidi} ${inNote.zeroWidth}`].join(' ');

/** A title or file name as the export's one-line fields write it: bidi controls become spaces, so they cannot reorder what follows. */
function oneLine(text: string): string {
  return text.replace(/[\u202A-\u202E]/g, ' ').replace(/\s+/g, ' ').trim();
}

test('HTML, scripts, javascript: links, bidi overrides and zero-width characters in a file name, transcript, title and note show as inert text', async ({ gloss }, testInfo) => {
  const { page, ui } = gloss;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const expectNothingRan = async (after: string) => {
    expect(dialogs, `no dialog opened (after ${after})`).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), `the canary is not set (after ${after})`).toBeUndefined();
    expect(await ui.injectedElements(), `no element injected (after ${after})`).toEqual([]);
  };

  // Import through the Open dialog; a single file opens at once.
  const file = testInfo.outputPath(FILE_NAME);
  await writeFile(file, TRANSCRIPT);
  await gloss.setFilesToOpen([file]);
  await ui.library.open();
  await ui.library.openTranscripts();
  await expect(ui.transcriptTitle).toHaveText(TITLE_LINE);
  await expect(ui.paragraph('Hello')).toHaveText(ADA_SAYS);
  await expect(ui.paragraph('Look')).toHaveText(BABBAGE_SAYS);
  expect(await ui.speakerOf('Hello')).toBe('Ada Lovelace');
  await expectNothingRan('importing');

  // Highlight the passage with the script and the image in it, and write a hostile note.
  await ui.highlight('Hello', 'pink', 'there.');
  await ui.note.fill(NOTE);
  await page.keyboard.press('Tab');
  await expect(ui.noteState).toHaveText('Saved');
  await expect(ui.note).toHaveText(NOTE);
  await expect(ui.highlightQuotes).toHaveText([ADA_SAYS]);
  await expectNothingRan('writing the note');

  // The library lists the file name as it is; rename the document to a hostile title.
  await ui.library.open();
  await expect(ui.library.row(FILE_NAME)).toHaveCount(1);
  await expect(ui.library.row(FILE_NAME)).toContainText(TITLE_LINE);
  await ui.library.rename(TITLE_LINE, TITLE);
  await expect(ui.library.row(TITLE)).toContainText(FILE_NAME);
  await expectNothingRan('renaming');

  // Open it again: the toolbar shows the new title, the side panel the quote and the note, all as typed.
  await ui.library.row(TITLE).getByRole('button', { name: TITLE, exact: true }).click();
  await expect(ui.title).toHaveText(TITLE);
  await expect(ui.paragraph('Hello')).toHaveText(ADA_SAYS);
  await expect(ui.highlightQuotes).toHaveText([ADA_SAYS]);
  await expect(ui.highlightNotes).toHaveText([NOTE]);
  await expectNothingRan('opening the document again');

  // The export reads back, in CommonMark and in GFM, as the same text and nothing but text.
  const exported = testInfo.outputPath('hostile highlights.md');
  await gloss.setExportPath(exported);
  await new ExportPage(page).exportMarkdown();
  await expect(ui.status).toContainText(`Exported 1 highlight to ${exported}`);
  const markdown = await readFile(exported, 'utf8');
  for (const dialect of DIALECTS) {
    const { fields, regions } = readBack(markdown, dialect);
    // The front matter is valid YAML that gives the title and the file name back as data, exactly.
    expect(fields.title).toBe(TITLE);
    expect(fields.source).toBe(FILE_NAME);
    // Gloss's own regions (the reader's text would sit between them): the title, the quote, the note.
    const blocks = regions.flatMap((r) => r.blocks);
    const texts = blocks.map((node) => toString(node));
    expect(texts[0]).toBe(oneLine(TITLE));
    expect(texts).toContain(NOTE);
    expect(toString(blocks.find((node) => node.type === 'blockquote')!)).toContain(ADA_SAYS);
    const types = new Set(blocks.flatMap((node) => [...nodeTypes(node as Nodes)]));
    const markup = [...types].filter((type) => !['heading', 'list', 'listItem', 'paragraph', 'text', 'blockquote', 'link'].includes(type));
    expect(markup, `no markup but the export's own in ${dialect}`).toEqual([]);
    // The only links are the export's own, back into Gloss.
    expect(blocks.flatMap((node) => linksIn(node as Nodes)).filter((l) => !l.url.startsWith('gloss://')), `no link but Gloss's in ${dialect}`).toEqual([]);
  }
});
