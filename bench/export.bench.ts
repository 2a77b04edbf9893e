/**
 * Figure 6: export. One document of 250,000 words with 5,000 highlights (a
 * fifth with notes, some notes with #tags) written as the Markdown file the
 * app's export writes (markdown-export.ts with the default options: front
 * matter, Gloss's regions with their fingerprints, each quote with its
 * speaker, time and gloss:// link, block ids, colour names), from a
 * transcript and highlights as the store reads them from disk (JSON).
 */
import { test } from '@playwright/test';
import { markdownForDocument, type MarkdownContext, type MarkdownDocument } from '../src/core/export/markdown-export';
import { plainTextOf } from '../src/core/transcript/plain-text';
import { DEFAULT_COLOR_NAMES, DEFAULT_MARKDOWN_OPTIONS, type Annotation, type Transcript } from '../src/shared/model';
import { annotations, transcript } from './generate';
import { measure } from './measure';
import { record, summarise } from './results';

test('export: one document with 5,000 highlights to Markdown', async () => {
  const generated = transcript(250_000, 1);
  // As read from the store's files: parsed JSON, not the generator's own strings.
  const t = JSON.parse(JSON.stringify(generated)) as Transcript;
  const highlights = JSON.parse(JSON.stringify(annotations(generated, '7c0e9f4a-1b2c-4d3e-8f4a-5b6c7d8e9f00', 5_000))) as Annotation[];
  const exportedAt = new Date(Date.UTC(2026, 0, 2));
  const doc: MarkdownDocument = {
    document: {
      id: '7c0e9f4a-1b2c-4d3e-8f4a-5b6c7d8e9f00',
      title: t.title,
      source: 'hearing.txt',
      format: 'text',
      hash: '',
      speakers: t.speakers,
      wordCount: 250_000,
      highlightCount: highlights.length,
      noteCount: highlights.filter((h) => h.note !== '').length,
      addedAt: exportedAt.toISOString(),
      openedAt: null,
    },
    transcript: t,
    plainText: plainTextOf(t),
    annotations: highlights,
    notebook: '',
  };
  const ctx: MarkdownContext = { options: { ...DEFAULT_MARKDOWN_OPTIONS }, colorNames: { ...DEFAULT_COLOR_NAMES }, exportedAt };
  markdownForDocument(doc, ctx);
  const run = await measure(9, () => markdownForDocument(doc, ctx));
  record(
    'export: one document to Markdown with the default options (regions, block ids, links), 5,000 highlights, 250,000 words (median of 9)',
    summarise(run.times).median,
    'ms',
    { target: { max: 100 } },
  );
});
