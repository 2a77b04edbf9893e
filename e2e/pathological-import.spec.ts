/** Files built to be slow to parse (issue 9): refused with a reason or read quickly, off the main thread, and the app goes on working. */
import { REPORTED_INPUTS } from '../src/core/transcript/testing/pathological-inputs';
import { expect, test } from './support/fixtures';

test('deeply nested Markdown is refused with the line and the limit, a line of time stamps is read, and the next file imports', async ({ gloss }) => {
  const { ui } = gloss;
  await ui.dropFiles(REPORTED_INPUTS.map(({ fileName, text }) => ({ name: fileName, content: text })));
  await expect(ui.status).toContainText('Could not open quotes.md: line 1 nests quotes and lists more than 32 deep; Gloss reads up to 32.');
  await expect(ui.status).toContainText('Could not open lists.md: line 1 nests quotes and lists more than 32 deep; Gloss reads up to 32.');

  await ui.dropFiles([{ name: 'after.txt', content: 'Ada Lovelace: The engine weaves algebraic patterns.\n' }]);
  // The import opens what it imported; only then is the library looked at (opening it sooner raced that).
  await expect(ui.title).toHaveText('after');
  await ui.library.open();
  // The sample, the time stamps and the file after.
  await expect(ui.library.rows).toHaveCount(3);
  await expect(ui.library.row('after')).toHaveCount(1);
});
