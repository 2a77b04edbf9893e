import { createEditor, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../../core/transcript/parse-plain-text';
import { plainTextOf } from '../../../core/transcript/plain-text';
import { NOTEBOOK_NODES } from './notebook-editor-config';
import { notebookMarkdown } from './notebook-markdown';
import { $appendQuote, contentOf, quotedHighlightIds } from './notebook-state';
import { speakerOf, type HighlightQuote } from './quote';

/** The opening of the sample transcript (resources/sample-interview.txt): an introduction, then two speakers. */
const sample = parsePlainText(
  [
    'Democracies must maintain the lead in AI',
    '',
    'Dario Amodei has worked in the world’s most advanced artificial intelligence labs: at Google, OpenAI, and now Anthropic.',
    '',
    'Madhumita Murgia: I want to kick off by talking about your essay, Machines of Loving Grace. Why choose to outline these upsides in this detail right now?',
    '',
    'Dario Amodei: In a sense, it shouldn’t be new because this dichotomy between the risks of AI and the benefits of AI has been playing out in the world for the last two or three years. No one is more tired of it than me.',
  ].join('\n'),
);
const text = plainTextOf(sample);

function editor() {
  return createEditor({
    namespace: 'test',
    nodes: [...NOTEBOOK_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

const quote: HighlightQuote = {
  documentId: 'doc-1',
  highlightId: 'hl-1',
  speaker: 'Dario Amodei',
  text: 'let a gremlin loose',
  documentTitle: 'Democracies must maintain the lead in AI',
};

describe('speakerOf', () => {
  it('names the speaker of the turn a passage is in', () => {
    const at = text.indexOf('No one is more tired of it than me');
    expect(speakerOf(sample, at, at + 10)).toBe('Dario Amodei');
  });

  it('names both speakers of a passage across two turns, in order', () => {
    const start = text.indexOf('Why choose to outline');
    const end = text.indexOf('it shouldn’t be new') + 5;
    expect(speakerOf(sample, start, end)).toBe('Madhumita Murgia, Dario Amodei');
  });

  it('gives null for the introduction, which no speaker says', () => {
    const at = text.indexOf('has worked in the world’s most advanced');
    expect(speakerOf(sample, at, at + 20)).toBeNull();
  });
});

describe('a notebook with quotes', () => {
  it('keeps every field of a quote through saving and opening again', () => {
    const first = editor();
    first.update(() => $appendQuote(quote), { discrete: true });
    const saved = contentOf(first.getEditorState(), 'document').state;
    const again = editor();
    again.setEditorState(again.parseEditorState(saved));
    expect(contentOf(again.getEditorState(), 'document').state).toBe(saved);
    expect(JSON.parse(saved).root.children[0]).toMatchObject({ type: 'highlight-quote', ...quote });
    expect(quotedHighlightIds(saved)).toEqual(['hl-1']);
  });

  it('appends a quote before an empty last paragraph, which stays to write on', () => {
    const e = editor();
    e.update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode('Themes')), $createParagraphNode());
        $appendQuote(quote);
        $appendQuote({ ...quote, highlightId: 'hl-2' });
      },
      { discrete: true },
    );
    const types = JSON.parse(contentOf(e.getEditorState(), 'document').state).root.children.map((c: { type: string }) => c.type);
    expect(types).toEqual(['paragraph', 'highlight-quote', 'highlight-quote', 'paragraph']);
  });

  it('writes a quote in Markdown as a blockquote attributed to its speaker, and in the library notebook to its document too', () => {
    const e = editor();
    e.update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode('Before')));
        $appendQuote({ ...quote, text: 'First line\nsecond line' });
        $appendQuote({ ...quote, speaker: null });
      },
      { discrete: true },
    );
    expect(notebookMarkdown(e.getEditorState().toJSON(), 'document')).toBe(
      ['Before', '', '> First line', '> second line', '>', '> — Dario Amodei', '', '> let a gremlin loose', '>', '> — No speaker'].join('\n'),
    );
    expect(notebookMarkdown(e.getEditorState().toJSON(), 'library')).toContain('> — Dario Amodei, in “Democracies must maintain the lead in AI”');
  });

  it('escapes a quote so that its Markdown reads back as the passage, not as markup', () => {
    const e = editor();
    e.update(() => void $appendQuote({ ...quote, text: '# not a heading <script>', speaker: '*Starred* Name' }), { discrete: true });
    const markdown = notebookMarkdown(e.getEditorState().toJSON(), 'document');
    expect(markdown).not.toContain('> # not');
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('> — *Starred*');
  });

  it('finds no quotes in a state that does not parse', () => {
    expect(quotedHighlightIds('{not json')).toEqual([]);
    expect(quotedHighlightIds(null)).toEqual([]);
  });
});
