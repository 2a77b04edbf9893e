import { describe, expect, test } from 'vitest';
import { obsidianTag } from './markdown-tags';
import { parseBack } from './testing/parse-back';
import { toString } from 'mdast-util-to-string';

/** Obsidian's tag syntax: `#`, then letters, digits, `_`, `-`, `/`, at least one of them not a digit. */
const OBSIDIAN_TAG = /^#[\p{L}\p{M}\p{N}_\-/]+$/u;

describe('obsidianTag', () => {
  test.each([
    ['theme/risk', '#theme/risk'],
    ['Risk & Trust', '#Risk_and_Trust'],
    ['theme / sub theme', '#theme/sub_theme'],
    ['method_*x*', '#method_x'],
    ['a/???/b', '#a/b'],
    ['???', '#code'],
    ['2024', '#_2024'],
    ['2024/10', '#_2024/10'],
    ['year/2024', '#year/2024'],
    ['Café/Überblick', '#Café/Überblick'],
    ['日本語 コード', '#日本語_コード'],
    ['emoji 🚀 launch', '#emoji_launch'],
    ['#already-a-tag', '#already-a-tag'],
    ['a.b:c"d', '#a_b_c_d'],
    ['x]](javascript:alert(1))', '#x_javascript_alert_1'],
  ])('%s → %s', (code, tag) => {
    expect(obsidianTag(code)).toBe(tag);
    expect(tag).toMatch(OBSIDIAN_TAG);
    expect(tag.slice(1)).not.toMatch(/^[\d/]+$/);
  });

  test('a tag reads back from CommonMark as the same plain text, with no markup', () => {
    const tags = ['Risk & Trust', '2024', 'a_b_', '_x_', '<b>', '*em*'].map(obsidianTag);
    const tree = parseBack(`Codes: ${tags.join(' ')}`, 'commonmark');
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0].type).toBe('paragraph');
    expect((tree.children[0] as { children: { type: string }[] }).children.map((c) => c.type)).toEqual(['text']);
    expect(toString(tree)).toBe(`Codes: ${tags.join(' ')}`);
  });
});
