import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, test } from 'vitest';
import { richTextToPlainText } from '../../../../core/notes/rich-text-markdown';
import { $loadNote, noteOf, type NoteContent } from './note-content';
import { NOTE_NODES } from './rich-text-config';

function editor(): LexicalEditor {
  return createEditor({
    namespace: 'note-test',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

function loaded(content: NoteContent): LexicalEditor {
  const e = editor();
  e.update(() => $loadNote(content), { discrete: true });
  return e;
}

/** Node types under the root, depth first. */
function typesIn(e: LexicalEditor): string[] {
  const out: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    out.push(node.type);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(e.getEditorState().toJSON().root as never);
  return out;
}

describe('a note saved as Markdown only opens in the editor', () => {
  test.each([
    ['a bulleted list', '- one\n- two', ['root', 'list', 'listitem', 'text', 'listitem', 'text'], '- one\n- two'],
    ['a numbered list', '1. one\n2. two', ['root', 'list', 'listitem', 'text', 'listitem', 'text'], '1. one\n2. two'],
    ['bold, italic and code', '**b** *i* _j_ `c`', ['root', 'paragraph', 'text', 'text', 'text', 'text', 'text', 'text', 'text'], '**b** *i* *j* `c`'],
    ['a link', 'see [the site](https://example.com)', ['root', 'paragraph', 'text', 'link', 'text'], 'see [the site](<https://example.com>)'],
    ['a javascript: link, as text', '[x](javascript:alert(1))', ['root', 'paragraph', 'text'], '\\[x\\](javascript:alert(1))'],
    ['a heading, as text', '# not a heading', ['root', 'paragraph', 'text'], '\\# not a heading'],
    ['raw HTML, as text', '<script>alert(1)</script>', ['root', 'paragraph', 'text'], '\\<script\\>alert(1)\\</script\\>'],
    ['paragraphs and a line break', 'one\ntwo\n\nthree', ['root', 'paragraph', 'text', 'linebreak', 'text', 'paragraph', 'text'], 'one\\\ntwo\n\nthree'],
  ])('%s', (_what, note, types, markdown) => {
    const e = loaded({ note, noteState: null });
    expect(typesIn(e)).toEqual(types);
    expect(noteOf(e.getEditorState()).note).toBe(markdown);
  });

  test('an empty note is an empty paragraph, saved as no note', () => {
    const e = loaded({ note: '', noteState: null });
    expect(typesIn(e)).toEqual(['root', 'paragraph']);
    expect(noteOf(e.getEditorState())).toEqual({ note: '', noteState: null });
  });
});

describe('a note saved from the editor', () => {
  test('opens from its state exactly as saved', () => {
    const first = loaded({ note: '- **one**\n- [two](https://example.com/2)', noteState: null });
    const saved = noteOf(first.getEditorState());
    const again = loaded(saved);
    expect(noteOf(again.getEditorState())).toEqual(saved);
    expect(richTextToPlainText(saved.noteState)).toBe('one\ntwo');
  });

  test('the state wins over the Markdown saved with it', () => {
    const state = noteOf(loaded({ note: 'from the state', noteState: null }).getEditorState()).noteState;
    expect(noteOf(loaded({ note: 'stale', noteState: state }).getEditorState()).note).toBe('from the state');
  });

  test.each([
    ['not JSON', '{ nope'],
    ['no root', '{"x":1}'],
    ['an empty root', '{"root":{"type":"root","children":[]}}'],
    ['a node type the note editor does not have', '{"root":{"type":"root","children":[{"type":"highlight-quote","version":1}]}}'],
    ['text straight under the root', '{"root":{"type":"root","children":[{"type":"text","text":"x","format":0,"detail":0,"mode":"normal","style":"","version":1}]}}'],
  ])('a state that cannot be read (%s) leaves the Markdown', (_what, noteState) => {
    const e = loaded({ note: '**kept**', noteState });
    expect(noteOf(e.getEditorState()).note).toBe('**kept**');
    e.getEditorState().read(() => expect($getRoot().getTextContent()).toBe('kept'));
  });
});
