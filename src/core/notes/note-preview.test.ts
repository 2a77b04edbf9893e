import { describe, expect, it } from 'vitest';
import { markdownPlainText, notePreviewText } from './note-preview';

describe('a note previewed on one line', () => {
  it('shows the words of a Markdown-only note without its markup', () => {
    expect(notePreviewText({ note: 'Agents as *gremlins*, see [the essay](https://example.org) and `code`', noteState: null })).toBe(
      'Agents as gremlins, see the essay and code',
    );
    expect(markdownPlainText('# Why\n\n- **one** point\n- another\n\n> quoted')).toBe('Why one point another quoted');
  });

  it('keeps what is not markup: wiki links, tags, arithmetic, HTML as text', () => {
    expect(markdownPlainText('compare [[Agents]] #follow-up, 5 * 3 = 15')).toBe('compare [[Agents]] #follow-up, 5 * 3 = 15');
    expect(markdownPlainText('<b>bold</b> and <script>x</script>')).toBe('<b>bold</b> and <script>x</script>');
  });

  it('prefers the rich-text state when the note has one', () => {
    const state = JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'from the editor', format: 0 }] }] } });
    expect(notePreviewText({ note: '*from Markdown*', noteState: state })).toBe('from the editor');
  });

  it('falls back to the note as written when its Markdown holds no words', () => {
    expect(notePreviewText({ note: '---', noteState: null })).toBe('---');
  });
});
