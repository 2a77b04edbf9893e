import { describe, expect, test } from 'vitest';
import { SEED_LENGTH, SeedIndex, seedsOf } from './seed-index';

describe('seedsOf', () => {
  test('takes pieces of a long quote, at its start and end among them', () => {
    const quote = 'the phenomenon whereby AI software gets dramatically better';
    const seeds = seedsOf(quote, 'prefix ', ' suffix');
    expect(seeds[0]).toEqual({ text: quote.slice(0, SEED_LENGTH), offset: 0 });
    expect(seeds.at(-1)).toEqual({ text: quote.slice(-SEED_LENGTH), offset: quote.length - SEED_LENGTH });
    for (const s of seeds) expect(quote.slice(s.offset, s.offset + SEED_LENGTH)).toBe(s.text);
  });

  test('takes a short quote with some of its context', () => {
    expect(seedsOf('Yes.', 'and he said ', ' Then we left')).toEqual([
      { text: 'he said Yes.'.slice(-SEED_LENGTH), offset: 4 - SEED_LENGTH },
      { text: 'Yes. Then ', offset: 0 },
      { text: 'd he said ', offset: -SEED_LENGTH },
      { text: ' Then we l', offset: 4 },
    ]);
  });
});

describe('SeedIndex', () => {
  test('finds where each registered quote may start, in one pass', () => {
    const text = 'Intro. The witness said nothing at all that day. Later, the committee asked again. Yes. Then we left.';
    const index = new SeedIndex();
    const quote = 'the committee asked again';
    index.add(1, seedsOf(quote, 'Later, ', '.'));
    index.add(2, seedsOf('Yes.', 'again. ', ' Then we left'));
    index.add(3, seedsOf('not in the text at all, anywhere', '', ''));
    index.scan(text);
    expect(index.places(1, 8)).toEqual([{ at: text.indexOf(quote), votes: 2 }]);
    // Its stored prefix is too short for a seed of context alone: three seeds.
    expect(index.places(2, 8)).toEqual([{ at: text.indexOf('Yes.'), votes: 3 }]);
    expect(index.places(3, 8)).toEqual([]);
  });

  test('leaves out a seed found too often to say where the quote is', () => {
    const text = 'the record, '.repeat(100) + 'the record of the hearing, at last';
    const index = new SeedIndex();
    index.add(0, [{ text: 'the record', offset: 0 }, { text: 'he hearing', offset: 'the record of t'.length }]);
    index.scan(text);
    expect(index.places(0, 8)).toEqual([{ at: text.indexOf('the record of'), votes: 1 }]);
  });
});
