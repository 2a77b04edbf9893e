import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../../../core/transcript/parse-plain-text';
import { paragraphsOf, plainTextOf } from '../../../../core/transcript/plain-text';
import { PARAGRAPH_SEPARATOR } from '../../../../shared/model';
import { moveCaret, snapOffset, type CaretDirection, type CaretUnit } from './caret-moves';

/** The opening of the sample transcript (resources/sample-interview.txt): its title, an introduction, two speakers. */
const sample = parsePlainText(
  [
    'Democracies must maintain the lead in AI',
    '',
    'Dario Amodei has worked in the world’s most advanced artificial intelligence labs: at Google, OpenAI, and now Anthropic. At OpenAI, Amodei drove the company’s core research strategy, building its GPT class of models for five years, until 2021 — a year before the launch of ChatGPT.',
    '',
    'After quitting over differences about the future of the technology, he founded Anthropic, the AI start-up now known for its industry-leading chatbot, Claude.',
    '',
    'Madhumita Murgia: I want to kick off by talking about your essay, Machines of Loving Grace, which describes in great depth the ways in which AI could be beneficial to society. Why choose to outline these upsides in this detail right now?',
    '',
    'Dario Amodei: In a sense, it shouldn’t be new because this dichotomy between the risks of AI and the benefits of AI has been playing out in the world for the last two or three years. No one is more tired of it than me. On the risk side . . . I’ve tried to be specific.',
  ].join('\n'),
);
const text = plainTextOf(sample);
const spans = paragraphsOf(sample);
/** The index of the paragraph that starts with `words`. */
const paragraphOf = (words: string) => spans.findIndex((p) => text.startsWith(words, p.start));

/** The offset just before `words` (its first occurrence), or just after it with `after`. */
function at(words: string, after = false): number {
  const i = text.indexOf(words);
  if (i < 0) throw new Error(`not in the sample: ${words}`);
  return after ? i + words.length : i;
}

/** Moves from `offset` `times` times and gives the text passed over. */
function walk(offset: number, unit: CaretUnit, direction: CaretDirection, times = 1): { to: number; passed: string } {
  let to = offset;
  for (let n = 0; n < times; n++) to = moveCaret(text, spans, to, unit, direction);
  return { to, passed: text.slice(Math.min(offset, to), Math.max(offset, to)) };
}

describe('moveCaret on the sample transcript', () => {
  it('moves forward by word to the end of each word, and back to the start of each', () => {
    expect(walk(at('Dario Amodei has worked'), 'word', 'forward', 3).passed).toBe('Dario Amodei has');
    expect(walk(at('has worked in', true), 'word', 'backward', 2).passed).toBe('worked in');
  });

  it('skips punctuation and spaces between words', () => {
    // "labs: at Google," — the colon and comma are not words.
    expect(walk(at('labs: at') + 'labs'.length, 'word', 'forward', 1).passed).toBe(': at');
    expect(walk(at('labs: at', true), 'word', 'backward', 1).passed).toBe('at');
  });

  it('moves forward by sentence to the end of the sentence, without the space after it', () => {
    const start = at('No one is more tired');
    expect(walk(start, 'sentence', 'forward').passed).toBe('No one is more tired of it than me.');
    // From the end of one sentence, on to the end of the next.
    expect(walk(at('three years.', true), 'sentence', 'forward').passed).toBe(' No one is more tired of it than me.');
  });

  it('moves back by sentence to the start of the sentence, then of the one before', () => {
    const inside = at('more tired of it');
    expect(walk(inside, 'sentence', 'backward').passed).toBe('No one is ');
    expect(walk(inside, 'sentence', 'backward', 2).to).toBe(at('In a sense, it shouldn’t be new'));
  });

  it('moves by paragraph to the start of the next one, and back to the start of this one, then the one before', () => {
    const inParagraph = at('OpenAI, and now Anthropic');
    const next = walk(inParagraph, 'paragraph', 'forward').to;
    expect(text.slice(next).startsWith('After quitting over differences')).toBe(true);
    expect(walk(inParagraph, 'paragraph', 'backward').to).toBe(at('Dario Amodei has worked'));
    expect(walk(at('Dario Amodei has worked'), 'paragraph', 'backward').to).toBe(spans[paragraphOf('Dario Amodei has worked') - 1].start);
  });

  it('crosses from the end of a paragraph to the start of the next by character, never into the gap between them', () => {
    const i = paragraphOf('Dario Amodei has worked');
    const end = spans[i].end;
    expect(moveCaret(text, spans, end, 'character', 'forward')).toBe(spans[i + 1].start);
    expect(moveCaret(text, spans, spans[i + 1].start, 'character', 'backward')).toBe(end);
    expect(moveCaret(text, spans, end - 1, 'character', 'forward')).toBe(end);
  });

  it('moves by word from the last word of a paragraph into the next paragraph', () => {
    const i = paragraphOf('Dario Amodei has worked');
    const lastWord = walk(spans[i].end, 'word', 'backward').to;
    expect(text.slice(lastWord, spans[i].end)).toBe('ChatGPT.');
    const { to, passed } = walk(lastWord, 'word', 'forward', 2);
    expect(passed.split(PARAGRAPH_SEPARATOR)).toHaveLength(2);
    expect(text.slice(spans[i + 1].start, to)).toBe('After');
  });

  it('steps over a letter written with a combining accent as one character', () => {
    const accented = 'Cafe\u0301 au lait';
    const one = [{ start: 0, end: accented.length }];
    expect(moveCaret(accented, one, 3, 'character', 'forward')).toBe(5);
    expect(moveCaret(accented, one, 5, 'character', 'backward')).toBe(3);
  });

  it('goes to the start and end of the transcript (of what is built so far)', () => {
    expect(moveCaret(text, spans, at('founded Anthropic'), 'document', 'backward')).toBe(0);
    expect(moveCaret(text, spans, 0, 'document', 'forward')).toBe(text.length);
    expect(moveCaret(text, spans.slice(0, 3), 0, 'document', 'forward')).toBe(spans[2].end);
  });

  it('stays put at the very start and end', () => {
    expect(moveCaret(text, spans, 0, 'character', 'backward')).toBe(0);
    expect(moveCaret(text, spans, text.length, 'character', 'forward')).toBe(text.length);
    expect(moveCaret(text, spans, text.length, 'word', 'forward')).toBe(text.length);
  });
});

describe('snapOffset', () => {
  it('moves a point between paragraphs onto the text beside it', () => {
    const gap = spans[0].end + 1;
    expect(snapOffset(spans, gap, 'forward')).toBe(spans[1].start);
    expect(snapOffset(spans, gap, 'backward')).toBe(spans[0].end);
    expect(snapOffset(spans, spans[2].start + 2)).toBe(spans[2].start + 2);
  });
});
