import { readFileSync } from 'node:fs';
import type { Blockquote, Heading, Nodes, RootContent } from 'mdast';
import { describe, expect, test } from 'vitest';
import type { Annotation, Codebook, Transcript } from '../../shared/model';
import { parseGlossUrl } from '../links/gloss-url';
import { compareCodes } from '../study/code-path';
import { parseWebVtt } from '../transcript/parse-webvtt';
import { plainTextOf } from '../transcript/plain-text';
import { exportedNoteMarkdown } from '../notes/note-markdown';
import { seededRandom } from '../testing/seeded-random';
import { markdownForDocument, markdownForHighlights, markdownIndex, noteMarkdown, quoteWithCitation, type MarkdownDocument } from './markdown-export';
import { escapeThematicBreaks, restoreObsidianMarkup } from './obsidian-markup';
import { regionKey } from './markdown-regions';
import { asExported, DIALECTS, linksIn, nodeTypes, parseBack } from './testing/parse-back';
import {
  contextWith,
  DOC_ID,
  EXPORTED_AT,
  highlightOn,
  readBack,
  sampleDocument,
  sampleHighlight,
  SAMPLE,
  textOf,
  toString,
  type ReadBack,
} from './testing/markdown-fixtures';

const OPENING = 'I want to kick off by talking about your essay';
const GREMLIN = 'let a gremlin loose';

/** A highlight region's parts: its quote, block id, colour-and-codes line and note blocks. */
interface HighlightParts {
  key: string;
  quote: string[];
  attribution: string;
  blockId: string | null;
  meta: string | null;
  note: RootContent[];
}

function highlightParts(region: ReadBack['regions'][number]): HighlightParts {
  const [quote, ...rest] = region.blocks;
  expect(quote.type, region.key).toBe('blockquote');
  const paragraphs = (quote as Blockquote).children;
  let blockId: string | null = null;
  let meta: string | null = null;
  if (rest[0]?.type === 'paragraph' && /^\^gloss-[a-z0-9-]+$/.test(toString(rest[0]))) blockId = toString(rest.shift()!).slice(1);
  if (rest[0]?.type === 'paragraph' && /^(Colour: |Codes: )/.test(toString(rest[0]))) meta = toString(rest.shift()!);
  return { key: region.key, quote: paragraphs.slice(0, -1).map((p) => textOf(p)), attribution: toString(paragraphs.at(-1)!), blockId, meta, note: rest };
}

const highlightRegions = (back: ReadBack) => back.regions.filter((r) => r.key.startsWith('highlight:')).map(highlightParts);
const headings = (back: ReadBack) => back.tree.children.filter((c): c is Heading => c.type === 'heading').map((h) => [h.depth, toString(h)]);

function sample(annotations: Annotation[], fields: Partial<MarkdownDocument> = {}) {
  return sampleDocument(annotations, fields);
}

describe('a document exported with every option', () => {
  const opening = sampleHighlight(OPENING, { color: 'green', note: 'Opening question.' });
  const gremlin = sampleHighlight(GREMLIN, { color: 'pink', codes: ['theme/risk', 'Risk & Trust'], note: 'Vivid image for **agent risk**, see [[Agents]].\n\n- one\n- #followup' });
  const md = markdownForDocument(sample([gremlin, opening], { notebook: '# Themes\n\nRisk, *mostly*.' }), contextWith({}, { pink: 'Key claim' }));
  const back = readBack(md);

  test('opens with YAML front matter: title, source, format, speakers, export time, counts, codes and gloss-id', () => {
    expect(back.fields).toEqual({
      title: SAMPLE.title,
      source: 'sample-interview.txt',
      format: 'text',
      speakers: SAMPLE.speakers,
      exported: EXPORTED_AT.toISOString(),
      highlights: 2,
      notes: 2,
      codes: ['Risk & Trust', 'theme/risk'],
      'gloss-id': DOC_ID,
    });
  });

  test('then the title, the highlights in document order, and the notebook, each in its own region', () => {
    expect(back.regions.map((r) => r.key)).toEqual(['title', 'highlights', `highlight:${opening.id}`, `highlight:${gremlin.id}`, 'notebook']);
    expect(back.outside.filter((n) => n.type !== 'html')).toEqual([]);
    expect(headings(back)).toEqual([
      [1, SAMPLE.title],
      [2, 'Highlights'],
      [2, 'Notebook'],
      [3, 'Themes'],
    ]);
  });

  test('each highlight: its quote attributed to its speaker with a link back, its block id, colour name, codes as tags and note', () => {
    const [first, second] = highlightRegions(back);
    expect(first.quote).toEqual([OPENING]);
    expect(first.attribution).toBe('— Madhumita Murgia · Open in Gloss');
    expect(first.blockId).toBe(`gloss-${opening.id.replace(/-/g, '').slice(0, 12)}`);
    expect(first.meta).toBe('Colour: Green');
    expect(first.note.map((n) => toString(n))).toEqual(['Opening question.']);

    expect(second.quote).toEqual([GREMLIN]);
    expect(second.attribution).toBe('— Dario Amodei · Open in Gloss');
    expect(second.meta).toBe('Colour: Key claim · Codes: #theme/risk #Risk_and_Trust');
    expect(second.note.map((n) => n.type)).toEqual(['paragraph', 'list']);
    expect(toString(second.note[0])).toBe('Vivid image for agent risk, see [[Agents]].');
    expect(nodeTypes(second.note[0] as Nodes)).toContain('strong');
    expect(second.note.map(textOf)).toEqual(['Vivid image for agent risk, see [[Agents]].', 'one#followup']);
  });

  test('the link back opens Gloss at that highlight', () => {
    const links = linksIn(back.tree);
    expect(links).toHaveLength(2);
    expect(links.map((l) => parseGlossUrl(l.url))).toEqual([
      { ok: true, place: { documentId: DOC_ID, highlightId: opening.id } },
      { ok: true, place: { documentId: DOC_ID, highlightId: gremlin.id } },
    ]);
  });

  test('the block id sits alone between blank lines right after the quote, as Obsidian names a quote block', () => {
    const blockId = highlightRegions(back)[0].blockId!;
    expect(md).toContain(`> — Madhumita Murgia · [Open in Gloss](<gloss://document/${DOC_ID}/highlight/${opening.id}>)\n\n^${blockId}\n\n`);
  });

  test('reads the same as GitHub-flavoured Markdown', () => {
    const gfm = readBack(md, 'gfm');
    expect(gfm.regions.map((r) => r.key)).toEqual(back.regions.map((r) => r.key));
    expect(highlightRegions(gfm).map((h) => [h.quote, h.meta, h.blockId])).toEqual(highlightRegions(back).map((h) => [h.quote, h.meta, h.blockId]));
  });
});

describe('each option changes the export', () => {
  const opening = sampleHighlight(OPENING, { color: 'green', note: 'Opening.', codes: ['method'] });
  // Across two turns: Madhumita Murgia's question and the aside after it.
  const across = sampleHighlight('actually look like?\n\nAI Exchange', { color: 'blue', codes: ['theme/risk', 'method'] });
  const gremlin = sampleHighlight(GREMLIN, { color: 'pink', codes: ['theme/risk'], note: 'Vivid.' });
  const LAWS = 'the scaling laws don’t say';
  const plain = sampleHighlight(LAWS, { color: 'pink' });
  const all = [gremlin, opening, across, plain];
  const codebook: Codebook = { colors: [], codes: [{ path: 'method', count: 2, total: 2, color: null, description: 'How the *work* is done.\n# not a heading' }] };
  const exported = (options: Parameters<typeof contextWith>[0], doc = sample(all)) => readBack(markdownForDocument(doc, { ...contextWith(options, { pink: 'Key claim' }), codebook }));

  const blockIdsUnique = (back: ReadBack) => {
    const ids = highlightRegions(back)
      .map((h) => h.blockId)
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(all.length);
  };

  test('grouped by speaker: a heading per speaker in speaking order, a highlight spanning two turns under both, its block id once', () => {
    const back = exported({ groupBy: 'speaker' });
    expect(headings(back)).toEqual([
      [1, SAMPLE.title],
      [2, 'Madhumita Murgia'],
      [2, 'Dario Amodei'],
      [2, 'No speaker'],
    ]);
    expect(back.regions.map((r) => r.key)).toEqual([
      'title',
      'group:speaker:is:Madhumita%20Murgia',
      `highlight:${opening.id}`,
      `highlight:${across.id}`,
      'group:speaker:is:Dario%20Amodei',
      `highlight:${gremlin.id}`,
      `highlight:${plain.id}`,
      'group:speaker:none',
      `highlight:${across.id}:2`,
    ]);
    const repeat = highlightRegions(back).at(-1)!;
    expect(repeat.blockId).toBeNull();
    expect(repeat.quote).toEqual(['actually look like?', 'AI Exchange']);
    blockIdsUnique(back);
  });

  test('grouped by colour: a heading per colour used, by its name, in the toolbar order', () => {
    const back = exported({ groupBy: 'color' });
    expect(headings(back).slice(1)).toEqual([
      [2, 'Green'],
      [2, 'Blue'],
      [2, 'Key claim'],
    ]);
    expect(highlightRegions(back).map((h) => h.quote[0])).toEqual([OPENING, 'actually look like?', GREMLIN, LAWS]);
    blockIdsUnique(back);
  });

  test('grouped by code: a heading per code in tree order with its description, a highlight with two codes under both, "No code" last', () => {
    const back = exported({ groupBy: 'code' });
    expect(headings(back).slice(1)).toEqual([
      [2, 'method'],
      [2, 'theme/risk'],
      [2, 'No code'],
    ]);
    const method = back.regions.find((r) => r.key === 'group:code:is:method')!;
    expect(method.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph']);
    expect(textOf(method.blocks[1])).toBe('How the *work* is done.\n# not a heading');
    expect(back.regions.map((r) => r.key).filter((k) => k.startsWith('highlight:'))).toEqual([
      `highlight:${opening.id}`,
      `highlight:${across.id}`,
      `highlight:${across.id}:2`,
      `highlight:${gremlin.id}`,
      `highlight:${plain.id}`,
    ]);
    blockIdsUnique(back);
  });

  test('notes: left out when turned off', () => {
    const on = highlightRegions(exported({}));
    const off = highlightRegions(exported({ notes: false }));
    expect(on.map((h) => h.note.length)).toEqual([1, 0, 1, 0]);
    expect(off.map((h) => h.note.length)).toEqual([0, 0, 0, 0]);
  });

  test('codes: tags and the front matter list left out when turned off', () => {
    const off = exported({ codes: false });
    expect(highlightRegions(off).map((h) => h.meta)).toEqual(['Colour: Green', 'Colour: Blue', 'Colour: Key claim', 'Colour: Key claim']);
    expect(off.fields).not.toHaveProperty('codes');
    expect(exported({}).fields.codes).toEqual(['method', 'theme/risk']);
  });

  test('colour names: left out when turned off', () => {
    const off = exported({ colorNames: false });
    expect(highlightRegions(off).map((h) => h.meta)).toEqual(['Codes: #method', 'Codes: #theme/risk #method', 'Codes: #theme/risk', null]);
    expect(highlightRegions(exported({ colorNames: false, codes: false })).map((h) => h.meta)).toEqual([null, null, null, null]);
  });

  test('links: left out when turned off', () => {
    const off = exported({ links: false });
    expect(linksIn(off.tree)).toEqual([]);
    expect(highlightRegions(off)[0].attribution).toBe('— Madhumita Murgia');
  });

  test('times: each quote with the time it is said at, for a timed transcript, unless turned off', () => {
    const captions = parseWebVtt(readFileSync(new URL('../../../test-fixtures/captions/zoom-meeting.vtt', import.meta.url), 'utf8'), 'Zoom');
    const text = plainTextOf(captions);
    const doc = sampleDocument([highlightOn(text, 'the budget'), highlightOn(text, 'Eight percent?')], { transcript: captions });
    expect(highlightRegions(exported({}, doc)).map((h) => h.attribution)).toEqual(['— Dana Whitfield (0:05) · Open in Gloss', '— Dana Whitfield (0:13) · Open in Gloss']);
    expect(highlightRegions(exported({ times: false }, doc)).map((h) => h.attribution)).toEqual(['— Dana Whitfield · Open in Gloss', '— Dana Whitfield · Open in Gloss']);
    // A transcript without times writes none either way.
    expect(highlightRegions(exported({ times: true })).every((h) => !/\(\d/.test(h.attribution))).toBe(true);
  });

  test('notebook: after the highlights under its own heading, unless turned off', () => {
    const doc = sample(all, { notebook: 'My *overall* view.' });
    const on = exported({}, doc);
    expect(on.regions.at(-1)!.key).toBe('notebook');
    expect(on.regions.at(-1)!.blocks.map(textOf)).toEqual(['Notebook', 'My overall view.']);
    expect(exported({ notebook: false }, doc).regions.map((r) => r.key)).not.toContain('notebook');
  });

  test('orphans: under their own heading with their quote as it was, unless turned off', () => {
    const orphan = { ...sampleHighlight('scaling laws', { note: 'Keep me.', codes: ['theme/risk'] }), orphaned: true };
    orphan.selectors = { ...orphan.selectors, quote: { ...orphan.selectors.quote, exact: 'words no longer in the text' } };
    const doc = sample([...all, orphan]);
    const on = exported({}, doc);
    expect(headings(on).at(-1)).toEqual([2, 'Orphans']);
    const last = highlightRegions(on).at(-1)!;
    expect(last).toMatchObject({ key: `highlight:${orphan.id}`, quote: ['words no longer in the text'], attribution: '— Not placed in the current text · Open in Gloss' });
    expect(last.note.map((n) => toString(n))).toEqual(['Keep me.']);
    expect(on.fields.highlights).toBe(5);
    const off = exported({ orphans: false }, doc);
    expect(headings(off).map((h) => h[1])).not.toContain('Orphans');
    expect(off.fields.highlights).toBe(4);
  });

  test('a document with no highlights says so', () => {
    const back = exported({ groupBy: 'speaker' }, sample([]));
    expect(back.regions.map((r) => r.key)).toEqual(['title', 'highlights']);
    expect(back.regions[1].blocks.map(textOf)).toEqual(['Highlights', 'No highlights.']);
  });
});

describe('hostile titles, speakers, codes, quotes and notes cannot change the structure', () => {
  const HOSTILE = [
    '# Heading',
    '---',
    '***',
    '```\nfence',
    '~~~',
    '<div>html</div>',
    '<!-- gloss:end -->',
    '<!-- gloss:begin highlight:x 00000000 -->',
    '> quote',
    '- item',
    '1. item',
    '    indented code',
    'Title\n===',
    '[x]: https://e.com',
    '[link](javascript:alert(1))',
    '![img](a.png)',
    '| a | b |\n|---|---|',
    '^gloss-deadbeef0000',
    '%% obsidian comment %%',
    '[[Wiki]] #tag',
    '$$ math $$',
    ': # --- " \' \n [ ] { } & * ! | > % @',
    '\u202e bidi \u0000 nul',
  ];

  function hostileTranscript(text: string, speaker: string): Transcript {
    return { title: 'T', speakers: [speaker], turns: [{ speaker, kind: 'speech', paragraphs: [{ text, start: 0, end: text.length }] }] };
  }

  test.each(HOSTILE)('%j as title, speaker, code, colour name, quote and note', (hostile) => {
    const quote = `Said: ${hostile}`;
    const transcript = hostileTranscript(quote, hostile);
    const a = highlightOn(plainTextOf(transcript), quote, { note: hostile, codes: [hostile, 'plain'] });
    const b = highlightOn(plainTextOf(transcript), 'Said', { note: `${hostile}\n\n${hostile}` });
    const doc = sampleDocument([a, b], { transcript, notebook: hostile }, { title: hostile, source: hostile });
    for (const groupBy of ['document', 'speaker', 'code'] as const) {
      const md = markdownForDocument(doc, { ...contextWith({ groupBy }, { yellow: hostile }) });
      for (const dialect of DIALECTS) {
        const back = readBack(md, dialect);
        expect(back.fields.title, md).toBe(hostile);
        expect(back.fields.speakers).toEqual([hostile]);
        // Every HTML block is one of Gloss's markers, and every region is closed (readBack throws otherwise).
        expect(back.outside.filter((n) => n.type !== 'html'), md).toEqual([]);
        const [first, second] = [hostile, 'plain'].sort(compareCodes);
        const expectedKeys = {
          document: ['title', 'highlights', `highlight:${b.id}`, `highlight:${a.id}`],
          speaker: ['title', regionKey('group', 'speaker', 'is', hostile), `highlight:${b.id}`, `highlight:${a.id}`],
          code: ['title', regionKey('group', 'code', 'is', first), `highlight:${a.id}`, regionKey('group', 'code', 'is', second), `highlight:${a.id}:2`, 'group:code:none', `highlight:${b.id}`],
        }[groupBy];
        expect(back.regions.map((r) => r.key), md).toEqual([...expectedKeys, 'notebook']);
        // Headings up to level 2: the title, the section or group headings, "Notebook"; the notebook's own are below.
        const gloss = back.tree.children.filter((c): c is Heading => c.type === 'heading' && c.depth <= 2).map((h) => toString(h));
        // eslint-disable-next-line no-control-regex -- the NUL of the hostile text
        const shown = (text: string) => text.replace(/[\u0000\u202e\n]/g, ' ').replace(/\s+/g, ' ').trim();
        const groups = { document: ['Highlights'], speaker: [shown(hostile)], code: [shown(first), shown(second), 'No code'] }[groupBy];
        expect(gloss, md).toEqual([shown(hostile), ...groups, 'Notebook']);
        for (const h of highlightRegions(back)) {
          expect(h.quote.join('\n\n'), md).toBe(asExported(h.key.includes(b.id) ? 'Said' : quote).join('\n\n'));
          for (const block of h.note) {
            const types = [...nodeTypes(block as Nodes)].filter((t) => !['paragraph', 'text', 'break', 'list', 'listItem', 'strong', 'emphasis', 'delete', 'inlineCode', 'link'].includes(t));
            expect(types, md).toEqual([]);
          }
        }
      }
    }
  });

  const spec = JSON.parse(readFileSync(new URL('../../../test-fixtures/commonmark/spec.json', import.meta.url), 'utf8')) as { markdown: string; example: number }[];

  test(`each of the ${spec.length} CommonMark spec examples, as a quote, a note, a notebook, a code and a title, stays in its place`, () => {
    const failures: string[] = [];
    for (const { markdown, example } of spec) {
      const quote = markdown.replace(/\n+$/, '') || ' ';
      const transcript = hostileTranscript(quote, 'Ann');
      const text = plainTextOf(transcript);
      // eslint-disable-next-line no-control-regex -- codes hold no control characters
      const a: Annotation = { ...highlightOn(text, text), note: markdown, codes: [markdown.replace(/[\u0000-\u001f]/g, ' ').trim() || 'x'] };
      const doc = sampleDocument([a], { transcript, notebook: markdown }, { title: markdown });
      const md = markdownForDocument(doc, contextWith({}));
      try {
        const back = readBack(md);
        expect(back.regions.map((r) => r.key)).toEqual(['title', 'highlights', `highlight:${a.id}`, 'notebook']);
        expect(back.outside.filter((n) => n.type !== 'html')).toEqual([]);
        expect(back.fields.title).toBe(markdown);
        const [title] = back.regions;
        expect(title.blocks.map((b) => b.type)).toEqual(['heading']);
        const [h] = highlightRegions(back);
        expect(h.quote.join('\n\n')).toBe(asExported(quote).join('\n\n'));
        expect(h.blockId).not.toBeNull();
        expect(h.meta).toMatch(/^Colour: Yellow · Codes: #/);
        for (const block of h.note) {
          const types = [...nodeTypes(block as Nodes)].filter((t) => !['paragraph', 'text', 'break', 'list', 'listItem', 'strong', 'emphasis', 'delete', 'inlineCode', 'link'].includes(t));
          expect(types).toEqual([]);
        }
        const notebook = back.regions[3].blocks;
        expect(notebook[0]).toMatchObject({ type: 'heading', depth: 2 });
        expect(notebook.filter((n) => n.type === 'html' || (n.type === 'heading' && n.depth < 3)).length).toBe(1);
      } catch (error) {
        failures.push(`example ${example}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});

describe('markdownForHighlights (Copy as Markdown)', () => {
  test('the highlights named, in document order, without markers, block ids or headings', () => {
    const opening = sampleHighlight(OPENING, { note: 'Why now?' });
    const gremlin = sampleHighlight(GREMLIN);
    const other = sampleHighlight('scaling laws');
    const md = markdownForHighlights(sample([gremlin, other, opening]), [gremlin.id, opening.id], contextWith());
    const tree = parseBack(md, 'commonmark');
    expect(tree.children.map((c) => c.type)).toEqual(['blockquote', 'paragraph', 'paragraph', 'blockquote', 'paragraph']);
    expect(tree.children.map(textOf)).toEqual([`${OPENING}— Madhumita Murgia · Open in Gloss`, 'Colour: Yellow', 'Why now?', `${GREMLIN}— Dario Amodei · Open in Gloss`, 'Colour: Yellow']);
    expect(md).not.toMatch(/gloss:begin|\^gloss-/);
  });

  test('nothing named, nothing copied', () => {
    expect(markdownForHighlights(sample([sampleHighlight(GREMLIN)]), [], contextWith())).toBe('');
  });
});

describe('quoteWithCitation', () => {
  test('a blockquote of the quote, its last line the speaker, the document in italics, the time and the link', () => {
    const md = quoteWithCitation({ quote: 'First *line*\n\nSecond', speaker: 'Dario Amodei', documentTitle: 'The *lead* in AI', seconds: 723, link: `gloss://document/${DOC_ID}` });
    expect(md).toBe(`> First \\*line\\*\n>\n> Second\n>\n> — Dario Amodei, *The \\*lead\\* in AI* (12:03) · [Open in Gloss](<gloss://document/${DOC_ID}>)\n`);
    const tree = parseBack(md, 'commonmark');
    expect(tree.children.map((c) => c.type)).toEqual(['blockquote']);
    const [first, second, citation] = (tree.children[0] as Blockquote).children;
    expect([textOf(first), textOf(second)]).toEqual(['First *line*', 'Second']);
    expect(toString(citation)).toBe('— Dario Amodei, The *lead* in AI (12:03) · Open in Gloss');
    expect(nodeTypes(citation)).toContain('emphasis');
    expect(linksIn(citation)).toEqual([{ text: 'Open in Gloss', url: `gloss://document/${DOC_ID}` }]);
  });

  test('no speaker, no time: the document alone; a hostile title stays in the citation', () => {
    const md = quoteWithCitation({ quote: '# not a heading', speaker: null, documentTitle: '<b>x</b>\n# y', link: '' });
    const tree = parseBack(md, 'commonmark');
    expect(tree.children.map((c) => c.type)).toEqual(['blockquote']);
    expect((tree.children[0] as Blockquote).children.map((n) => toString(n))).toEqual(['# not a heading', '— <b>x</b> # y']);
  });
});

describe('markdownIndex', () => {
  test('front matter, then a link to each file, relative, that opens it whatever its name holds', () => {
    const names = ['Interview with Dario Amodei.md', 'Q&A (2) [draft] 日本.md'];
    const entries = names.map((fileName, i) => ({ document: { ...sampleDocument([]).document, title: i ? 'Q&A *(2)* [draft] 日本' : 'Interview', source: `s${i}.txt` }, fileName, highlights: i + 1 }));
    const back = readBack(markdownIndex(entries, contextWith()));
    expect(back.fields).toEqual({ title: 'Gloss library', exported: EXPORTED_AT.toISOString(), documents: 2, highlights: 3, 'gloss-index': true });
    expect(back.regions.map((r) => r.key)).toEqual(['title', 'documents']);
    const links = linksIn(back.tree);
    expect(links.map((l) => l.text)).toEqual(['Interview', 'Q&A *(2)* [draft] 日本']);
    expect(links.map((l) => decodeURIComponent(l.url))).toEqual(names);
    expect(toString(back.regions[1].blocks[0])).toContain('2 highlights, from s1.txt');
  });
});

test('a note is written as the note reader writes it, whether or not it could be written without reading it (seeded)', () => {
  const next = seededRandom(31);
  const alphabet = ['word', ' ', '  ', '\n', '#', '#tag', '-', '+', '1', '2024', '.', ')', '*', '_', '`', '[[', ']]', '<', '&', '=', ':', '>', '~', 'https://x.y', 'www.a.b', '\t', 'é', '---', '\u0002'];
  for (let i = 0; i < 3000; i++) {
    let note = '';
    const length = 1 + Math.floor(next() * 8);
    for (let j = 0; j < length; j++) note += alphabet[Math.floor(next() * alphabet.length)];
    const a = { note, noteState: null };
    expect(noteMarkdown(a as Annotation), JSON.stringify(note)).toBe(restoreObsidianMarkup(escapeThematicBreaks(exportedNoteMarkdown(a))));
  }
});
