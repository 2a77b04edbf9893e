import { expect, test } from 'vitest';
import { containMarkdownNote } from '../notes/note-markdown';
import { escapeThematicBreaks, restoreObsidianMarkup } from './obsidian-markup';
import { nodeTypes, parseBack } from './testing/parse-back';

const note = (markdown: string) => restoreObsidianMarkup(containMarkdownNote(markdown));

test('a note keeps its wiki links and its tags for Obsidian', () => {
  expect(note('See [[Agents]] and [[Risk register#Q3|the register]].')).toBe('See [[Agents]] and [[Risk register#Q3|the register]].');
  expect(note('#followup first\n\n- #todo item\n- [[Page^block]]')).toBe('#followup first\n\n- #todo item\n- [[Page^block]]');
  expect(note('a #mid-line tag')).toBe('a #mid-line tag');
});

test('a heading stays text, and a wiki link that could start markup stays escaped', () => {
  expect(note('# Heading')).toBe('\\# Heading');
  expect(note('#')).toBe('\\#');
  expect(note('[[<script>]]')).toBe('\\[\\[\\<script\\>\\]\\]');
  expect(note('[[a`b]]')).toContain('\\[\\[');
});

test('lines inside a code fence are left as they are', () => {
  expect(restoreObsidianMarkup('```\n\\#x \\[\\[y\\]\\]\n```\n\\#z')).toBe('```\n\\#x \\[\\[y\\]\\]\n```\n#z');
});

test('what comes back is inline text and links only: no heading, no HTML', () => {
  const md = note('#tag [[A|b]] [[<b>x</b>]]\n\n#\n\n1. #n [[Q]]');
  const types = nodeTypes(parseBack(md, 'commonmark'));
  expect([...types].filter((t) => !['root', 'paragraph', 'text', 'list', 'listItem'].includes(t))).toEqual([]);
});

test.each([
  ['*\t*\t*', '- - -'],
  [' - - -', '- - -'],
  ['- Foo\n- * * *', '- Foo\n  - - -'],
  ['Foo\nbar\n* * *\nbaz', 'Foo\\\nbar\n\n- - -\n\nbaz'],
])('a note typed as %j, which the note writer gives as %j, holds no thematic break once exported', (typed, written) => {
  expect(containMarkdownNote(typed)).toBe(written);
  const exported = escapeThematicBreaks(containMarkdownNote(typed));
  expect(nodeTypes(parseBack(exported, 'commonmark'))).not.toContain('thematicBreak');
  expect(escapeThematicBreaks('- * * *\n1. ___\n> ***')).toBe('- * * \\*\n1. __\\_\n> **\\*');
});
