import { describe, expect, test } from 'vitest';
import { needlesFor } from './reveal-notebook-hit';

const hit = (snippet: string, word: string) => {
  const start = snippet.indexOf(word);
  return { snippet, marks: [[start, start + word.length]] as [number, number][] };
};

describe('needlesFor', () => {
  test('looks for the marked word with its context first, then with less, then alone', () => {
    expect(needlesFor(hit('Two moves: name the benefits, then scale them.', 'benefits'))).toEqual([
      'two moves: name the benefits, then scale them.',
      'benefits, then scale them.',
      'two moves: name the benefits',
      'benefits',
    ]);
  });

  test('leaves out what the snippet cut (…) and the Markdown that is not on screen', () => {
    expect(needlesFor(hit('# What he means by the **upside**', 'upside'))).toEqual(['what he means by the upside', 'upside']);
    expect(needlesFor(hit('- [ ] Check the essay for…', 'essay'))[0]).toBe('check the essay for');
    expect(needlesFor(hit('…from people never being told what…', 'never'))[0]).toBe('from people never being told what');
  });

  test('a hit without marks is not looked for', () => {
    expect(needlesFor({ snippet: 'no marks', marks: [] })).toEqual([]);
  });
});
