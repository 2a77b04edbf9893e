/**
 * Gloss makes no request of its own beyond its own files: a whole session,
 * with a transcript and a note that point at remote images, styles and links,
 * is recorded request by request.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { ExportPage } from './support/export-page';

const TRANSCRIPT = `# Seminar on open data

**Ada Lovelace:** The engine weaves algebraic patterns. ![pixel](https://tracker.example/pixel.png) See [the notes](https://tracker.example/notes).

**Charles Babbage:** As the loom weaves flowers and leaves. <img src="https://tracker.example/inline.png">
`;

const NOTE = '<img src="https://tracker.example/note.png"> ![x](https://tracker.example/x.png) <link rel="stylesheet" href="https://tracker.example/x.css">';

test('a whole session (import, highlight, note, export, library, rename, remove) requests nothing but the app’s own files', async ({ gloss }, testInfo) => {
  const { ui, page } = gloss;

  // Import through the Open dialog; a single file opens at once.
  const source = testInfo.outputPath('seminar.md');
  await writeFile(source, TRANSCRIPT);
  await gloss.setFilesToOpen([source]);
  await ui.library.open();
  await ui.library.openTranscripts();
  await expect(ui.title).toHaveText('Seminar on open data');

  // Highlight, and write a note full of remote references.
  await ui.highlight('algebraic patterns', 'green');
  await ui.note.fill(NOTE);
  await page.keyboard.press('Tab');
  await expect(ui.noteState).toHaveText('Saved');

  // Export to Markdown.
  const exported = testInfo.outputPath('seminar highlights.md');
  await gloss.setExportPath(exported);
  await new ExportPage(page).exportMarkdown();
  await expect(ui.status).toContainText(`Exported 1 highlight to ${exported}`);
  const markdown = await readFile(exported, 'utf8');
  expect(markdown).toContain('algebraic patterns');
  expect(markdown).toContain('tracker.example/note.png');

  // The library: rename, then remove.
  await ui.library.open();
  await ui.library.rename('Seminar on open data', 'Open data seminar');
  expect(await ui.library.remove('Open data seminar')).toContain('with its 1 highlight and 1 note');

  const requests = await gloss.requests();
  const own = (url: string) => url.startsWith(`${gloss.appOrigin}/`);
  expect(requests.filter((url) => !own(url)), 'requests outside the app').toEqual([]);
  // The recording worked, and what was asked for is the app's page, scripts, styles and bundled fonts.
  expect(requests).toContain(`${gloss.appOrigin}/index.html`);
  const paths = requests.map((url) => url.slice(gloss.appOrigin.length));
  expect(paths.filter((path) => !/^\/(index\.html|appearance-boot\.js|assets\/[\w.-]+\.(js|css|woff2))$/.test(path)), 'requests other than the app’s files').toEqual([]);
  expect(paths.some((path) => /^\/assets\/literata-[\w.-]+\.woff2$/.test(path)), 'the bundled reading font').toBe(true);
});
