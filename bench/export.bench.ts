/**
 * Figure 6: export. 5,000 highlights on a 250,000-word transcript written as
 * Markdown by the function the app's export uses.
 */
import { test } from '@playwright/test';
import { exportMarkdown } from '../src/core/export/markdown';
import { annotations, transcript } from './generate';
import { measure } from './measure';
import { record, summarise } from './results';

test('export: 5,000 highlights to Markdown', async () => {
  const t = transcript(250_000, 1);
  const highlights = annotations(t, 'generated', 5_000);
  const input = { title: t.title, source: 'hearing.txt', exportedAt: new Date(Date.UTC(2026, 0, 2)), transcript: t, annotations: highlights };
  exportMarkdown(input);
  const run = await measure(9, () => exportMarkdown(input));
  record('export: 5,000 highlights to Markdown, 250,000 words (median of 9)', summarise(run.times).median, 'ms', { target: { max: 100 } });
});
