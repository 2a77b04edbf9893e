import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlainText } from './parse-plain-text';
import { attributionOf, paragraphsOf, plainTextOf, wordCountOf } from './plain-text';

const sample = readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8');

describe('the sample interview', () => {
  const t = parsePlainText(sample);
  const speech = t.turns.filter((turn) => turn.kind === 'speech' && turn.speaker);

  test('takes the first line as the title', () => {
    expect(t.title).toBe('Democracies must maintain the lead in AI');
    expect(t.turns[0]).toMatchObject({ kind: 'heading', speaker: null });
  });

  test('finds exactly the two speakers, by full name', () => {
    expect(t.speakers).toEqual(['Madhumita Murgia', 'Dario Amodei']);
  });

  test('has one turn per speaker label: 19 each, alternating, interviewer first', () => {
    expect(speech).toHaveLength(38);
    speech.forEach((turn, i) => expect(turn.speaker).toBe(i % 2 === 0 ? 'Madhumita Murgia' : 'Dario Amodei'));
  });

  test('resolves initials to full names and strips the label from the text', () => {
    const q = speech.find((turn) => turn.paragraphs[0].text.startsWith('What drew you to the areas'));
    expect(q?.speaker).toBe('Madhumita Murgia');
    const a = speech.find((turn) => turn.paragraphs[0].text.startsWith('I looked at the places'));
    expect(a?.speaker).toBe('Dario Amodei');
    for (const turn of speech) expect(turn.paragraphs[0].text).not.toMatch(/^(MM|DA|Dario Amodei|Madhumita Murgia):/);
  });

  test('keeps unlabelled paragraphs with the turn before them', () => {
    const turn = speech.find((x) => x.paragraphs[0].text.startsWith('Two things: one would be'));
    expect(turn?.speaker).toBe('Dario Amodei');
    expect(turn?.paragraphs.map((p) => p.text.slice(0, 24))).toEqual([
      'Two things: one would be',
      'And the second would be ',
      'It is my hope, like some',
      'Anthropic is working wit',
    ]);
  });

  test('puts the intro before the first label in an unlabelled turn', () => {
    const intro = t.turns[2];
    expect(intro).toMatchObject({ kind: 'speech', speaker: null });
    expect(intro.paragraphs[0].text).toMatch(/^Dario Amodei has worked/);
    expect(intro.paragraphs).toHaveLength(5);
  });

  test.each([
    ['a photo caption with a credit, both of its lines', 'A man wearing glasses', 'Dario Amodei on stage last year during TechCrunch Disrupt in San Francisco © Kimberly White/Getty Images for TechCrunch'],
    ['the second photo caption', 'A smartphone displaying', 'The Anthropic website and mobile phone app © AP'],
    ['the sidebar box with its heading', 'AI Exchange', 'This spin-off from our popular Tech Exchange series of dialogues will examine the benefits, risks and ethics of using artificial intelligence, by talking to those at the centre of its development'],
  ])('shows %s as an aside, not speech', (_what, first, last) => {
    const aside = t.turns.find((x) => x.paragraphs[0].text.startsWith(first));
    expect(aside).toMatchObject({ kind: 'aside', speaker: null });
    expect(aside?.paragraphs.at(-1)?.text).toBe(last);
  });

  test('keeps the page footer as an aside rather than glueing it to the last answer', () => {
    const last = t.turns.at(-1);
    expect(last?.kind).toBe('aside');
    expect(last?.paragraphs.map((p) => p.text)).toContain('Leave a Reply');
    expect(speech.at(-1)?.paragraphs.at(-1)?.text).toMatch(/^I think innovation is going to coexist/);
  });

  test('gives every paragraph offsets that slice its own text out of the plain text', () => {
    const text = plainTextOf(t);
    for (const p of paragraphsOf(t)) expect(text.slice(p.start, p.end)).toBe(p.text);
    const at = text.indexOf('gremlin');
    expect(attributionOf(t, at, at + 7)).toBe('Dario Amodei');
    const across = text.indexOf('What are some of the challenges?');
    expect(attributionOf(t, across, across + 60)).toBe('Madhumita Murgia, Dario Amodei');
  });

  test('loses no words of the source', () => {
    const sourceWords = sample.split(/\s+/).filter((w) => w && !/^(MM|DA|Murgia|Amodei):$/.test(w)).length;
    // Labels "Madhumita Murgia:" and "Dario Amodei:" each leave one extra word ("Madhumita", "Dario").
    expect(wordCountOf(t)).toBe(sourceWords - 2);
  });
});

describe('label rules', () => {
  test.each([
    ['a one-off "Note:" is not a speaker', 'Alice Smith: Hello.\n\nNote: this was recorded.\n\nBob Jones: Hi.', ['Alice Smith', 'Bob Jones'], 2],
    ['a recurring single name is a speaker, and so is a one-off beside it', 'Alice: Hi.\n\nBob: Hello.\n\nAlice: Bye.', ['Alice', 'Bob'], 3],
    ['"Note:" stays text even among one-word speakers', 'Alice: Hi.\n\nNote: inaudible.\n\nAlice: Bye.', ['Alice'], 2],
    ['initials without a full name still count when they recur', 'AB: one\n\nCD: two\n\nAB: three\n\nCD: four', ['AB', 'CD'], 4],
    ['text without labels is one unlabelled turn', 'First paragraph of a lecture.\n\nSecond paragraph.', [], 1],
    ['CRLF line ends and a BOM are accepted', '\uFEFFAlice Smith: a\r\n\r\nBob Jones: b\r\n', ['Alice Smith', 'Bob Jones'], 2],
    ['hard-wrapped prose is joined into one paragraph', 'Alice Smith: this answer was wrapped at a fixed width by the\ntool that produced it, and continues on the next line.', ['Alice Smith'], 1],
  ])('%s', (_name, input, speakers, turns) => {
    const t = parsePlainText(input);
    expect(t.speakers).toEqual(speakers);
    expect(t.turns.filter((x) => x.kind === 'speech')).toHaveLength(turns);
  });

  test('an empty text yields an empty transcript with the fallback title', () => {
    expect(parsePlainText('', 'notes.txt')).toEqual({ title: 'notes.txt', speakers: [], turns: [] });
  });
});
