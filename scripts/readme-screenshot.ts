/**
 * Takes the README's screenshot of the real renderer: the sample transcript
 * with a few highlights (two overlapping) and notes, one selected.
 * Run with `npm run screenshot`; writes docs/screenshot.png.
 */
import { join } from 'node:path';
import { test } from '../e2e/support/fixtures';
import { ROOT } from '../e2e/support/paths';

test('README screenshot', async ({ gloss }) => {
  const { ui, page } = gloss;
  await ui.highlight('I want to kick off by talking about your essay, Machines of Loving Grace', 'blue');
  await ui.note.fill('Frames the whole interview: why describe the upside now?');
  await ui.highlight('there’s been a real lack of concreteness in the positive benefits', 'yellow');
  await ui.note.fill('His core complaint about AI optimism.');
  await ui.highlight('the upside is being explained in either very vague, emotive terms, or really extreme', 'green');
  await ui.highlight('very vague, emotive terms', 'pink');
  await ui.note.fill('Compare with the "build, build, build" posts.');
  await page.keyboard.press('Tab');
  await page.locator('.note-editor__state--saved').waitFor();
  await ui.paragraph('I want to kick off by talking').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.locator('.reader').evaluate((el) => el.scrollBy(0, -40));
  await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
});
