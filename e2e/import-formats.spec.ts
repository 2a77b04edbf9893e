/**
 * Each transcript format, imported as a user would and read on screen:
 * Markdown (sections, bold labels, no markup left), a play in plain text
 * (acts as sections, stage directions as asides), and timed plain text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { ROOT } from './support/paths';

const MARKDOWN = `# Oral history: the river crossing

## Part one

**Interviewer:** When did you *first* cross the river?

**Mary Oyelaran:** In the winter of 1962, with my [brother](https://example.com/brother).

- We carried the boat
- We carried the \`bread\`

## Part two

### Mary Oyelaran

We never went **back**.
`;

test('a Markdown transcript: headings become sections, bold labels speakers, and no markup is left', async ({ gloss }) => {
  const { page, ui } = gloss;
  await ui.dropFiles([{ name: 'river.md', content: MARKDOWN }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oral history: the river crossing');
  await expect(ui.transcript.getByRole('heading', { level: 2 })).toHaveText(['Part one', 'Part two']);
  expect(await ui.speakerOf('When did you first cross the river?')).toBe('Interviewer');
  expect(await ui.speakerOf('In the winter of 1962, with my brother.')).toBe('Mary Oyelaran');
  expect(await ui.speakerOf('We never went back.')).toBe('Mary Oyelaran');
  const text = await ui.transcriptText();
  for (const markup of ['**', '*first*', '](', '`', '## ', '- We']) expect(text).not.toContain(markup);
  // The link's text is there; the link is not (and nothing is fetched: the fixture fails on any request).
  await expect(ui.transcript.locator('a')).toHaveCount(0);
  await ui.highlight('with my brother', 'purple');
  await expect(ui.highlights.first()).toContainText('Mary Oyelaran');

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  // The Format column.
  await expect(page.locator('.library__table tbody tr').filter({ hasText: 'river.md' }).locator('td').nth(1)).toHaveText('Markdown');
});

test('a play in plain text: acts are sections, stage directions asides, and every line has its speaker', async ({ gloss }) => {
  const { page, ui } = gloss;
  const hamlet = join(ROOT, 'test-fixtures/plays/shakespeare-hamlet.txt');
  await gloss.setFilesToOpen([hamlet]);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Open transcripts…' }).click();
  // A single imported file opens at once (the document on screen says it was imported).
  await expect(page.locator('.toolbar__title')).toHaveText('shakespeare-hamlet');

  const sections = ui.transcript.getByRole('heading', { level: 2 });
  await expect(sections).toHaveCount(20);
  await expect(sections.first()).toHaveText('Act I, Scene I');
  await expect(ui.paragraph('[FRANCISCO at his post. Enter to him BERNARDO]')).toHaveClass(/para--aside/);
  expect(await ui.speakerOf("Who's there?")).toBe('Bernardo');
  expect(await ui.speakerOf('Nay, answer me: stand, and unfold yourself.')).toBe('Francisco');
  await ui.highlight('To be, or not to be', 'yellow', 'that is the question');
  await expect(ui.highlights.first()).toContainText('Hamlet');

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const row = page.locator('.library__table tbody tr').filter({ hasText: 'shakespeare-hamlet' });
  await expect(row.locator('.library__speakers')).toHaveText('Bernardo, Francisco, Horatio, Marcellus and 30 more');
  await expect(row.locator('.library__speakers')).toHaveAttribute('title', /, Osric, Lord, First Ambassador$/);
  await expect(row.locator('td').nth(1)).toHaveText('Text');
});

test('time stamps in a plain-text transcript stand in the margin', async ({ gloss }, testInfo) => {
  const { page, ui } = gloss;
  const file = testInfo.outputPath('soil.txt');
  await writeFile(file, await readFile(join(ROOT, 'test-fixtures/plain-text/rev-timed-labels.txt')));
  await gloss.setFilesToOpen([file]);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Open transcripts…' }).click();
  await expect(page.locator('.toolbar__title')).toHaveText('soil');
  await expect(ui.paragraph('How alive?')).toHaveAttribute('data-time', '0:11');
  await expect(ui.paragraph('A teaspoon of healthy soil')).toHaveAttribute('data-time', '1:02:03');
  expect(await ui.speakerOf('A teaspoon of healthy soil')).toBe('Speaker 2');
});
