/**
 * The plain-text parser on the label styles people write, on a play, on
 * hostile input, and on a 50 MB transcript.
 */
import { describe, expect, test } from 'vitest';
import { parsePlainText } from './parse-plain-text';
import { plainTextOf, wordCountOf } from './plain-text';
import { expectOffsetsToSliceText, fixtureText } from './testing/transcript-fixtures';

const parseFixture = (name: string) => parsePlainText(fixtureText(`plain-text/${name}`), name);
const speechOf = (t: ReturnType<typeof parsePlainText>) => t.turns.filter((turn) => turn.kind === 'speech');
/** Each speech turn as "Speaker @seconds: first words". */
const summaryOf = (t: ReturnType<typeof parsePlainText>) =>
  speechOf(t).map((turn) => {
    const p = turn.paragraphs[0];
    return `${turn.speaker ?? '-'}${p.startSeconds != null ? ` @${p.startSeconds}` : ''}: ${p.text.split(' ').slice(0, 3).join(' ')}`;
  });

describe('label styles', () => {
  test('[Name] labels, with a bracketed remark kept as an aside', () => {
    const t = parseFixture('bracket-labels.txt');
    expect(t.title).toBe('Town hall on the library budget');
    expect(t.speakers).toEqual(['Moderator', 'Councillor Ruiz']);
    expect(summaryOf(t)).toEqual([
      'Moderator: Good evening, and',
      'Councillor Ruiz: Thank you. I',
      'Moderator: Please.',
      'Councillor Ruiz: The branch budget',
      'Moderator: A question from',
    ]);
    expect(t.turns.find((turn) => turn.kind === 'aside')?.paragraphs[0].text).toBe('[Applause]');
  });

  test('Name (00:00): alone on its line, speech on the next (Rev style)', () => {
    const t = parseFixture('rev-timed-labels.txt');
    expect(t.speakers).toEqual(['Speaker 1', 'Speaker 2']);
    expect(summaryOf(t)).toEqual(['Speaker 1 @0: Welcome back to', 'Speaker 2 @6: Thanks for having', 'Speaker 1 @11: How alive?', 'Speaker 2 @3723: A teaspoon of']);
  });

  test('a name and time alone on a line, even when the answer is one word (Otter style)', () => {
    const t = parseFixture('otter-names-alone.txt');
    expect(t.speakers).toEqual(['Grace Okafor', 'Tomás Ferreira']);
    expect(summaryOf(t)).toEqual(['Grace Okafor @2: So the first', 'Tomás Ferreira @9: In the archive?', 'Grace Okafor @11: Yes', 'Tomás Ferreira @75: What was in']);
    expect(speechOf(t)[2].paragraphs.map((p) => p.text)).toEqual(['Yes', 'Nobody had opened those boxes since 1974.']);
  });

  test('time stamps before the label, bracketed or bare, and titles such as "Dr." in names', () => {
    const t = parseFixture('stamps-before-labels.txt');
    expect(t.speakers).toEqual(['Dr. Helen Park', 'Mr. Ade Bello']);
    expect(summaryOf(t)).toEqual([
      'Dr. Helen Park @5: Let us begin',
      'Mr. Ade Bello @41: It failed twice,',
      'Dr. Helen Park @70: Twice under the',
      'Mr. Ade Bello @75: Under the same',
      // "HP" resolves to the full name, skipping the title.
      'Dr. Helen Park @120: Then it is',
    ]);
  });

  test('NAME alone on a line (screenplay style), with the title and a parenthesised direction', () => {
    const t = parseFixture('caps-screenplay.txt');
    expect(t.title).toBe('THE LIGHTHOUSE');
    expect(t.speakers).toEqual(['MARGARET', 'ELIAS']);
    expect(summaryOf(t)).toEqual(['MARGARET: You left the', 'ELIAS: The oil ran', 'MARGARET: Then we walk', 'ELIAS: In this wind?']);
    expect(t.turns.filter((turn) => turn.kind === 'aside').map((turn) => turn.paragraphs[0].text)).toEqual(['(She turns to the window.)']);
  });

  test('NAME: in capitals', () => {
    const t = parseFixture('caps-colon-labels.txt');
    expect(t.speakers).toEqual(['INTERVIEWER', 'RUTH ABERNATHY']);
    expect(speechOf(t)).toHaveLength(4);
  });

  test('no labels: one speaker-less turn of timed paragraphs, a lone time stamp timing the paragraph after it', () => {
    const t = parseFixture('lecture-no-labels.txt');
    expect(t.title).toBe('Lecture 4: Tides');
    expect(t.speakers).toEqual([]);
    expect(summaryOf(t)).toEqual(['- @12: Good morning. Last']);
    expect(speechOf(t)[0].paragraphs.map((p) => [p.startSeconds, p.text.slice(0, 20)])).toEqual([
      [12, 'Good morning. Last w'],
      [160, 'The first thing to s'],
      [300, 'The second bulge is '],
    ]);
  });

  test('Q: and A: in a hearing', () => {
    const t = parsePlainText('Q: Where were you?\n\nA: At home.\n\nQ: Alone?\n\nA: Yes.');
    expect(t.speakers).toEqual(['Q', 'A']);
    expect(speechOf(t)).toHaveLength(4);
  });
});

describe('hostile labels lose no text', () => {
  const t = parseFixture('hostile-labels.txt');
  const text = plainTextOf(t);

  test('an impossible time stamp is not a label: the line is kept whole', () => {
    expect(text).toContain('[99:99:99] Ada: The stamp before me is not a time.');
    expect(text).toContain('Ada (12:75): Neither is this one.');
  });

  test('a time at the start of speech stays part of it', () => {
    expect(summaryOf(t)).toContain('Ada: 12:30 is when');
  });

  test('markup is text, brackets alone are asides, and a label with nothing after it is kept', () => {
    expect(text).toContain('<script>alert(1)</script> is just text here.');
    const asides = t.turns.filter((turn) => turn.kind === 'aside').map((turn) => turn.paragraphs[0].text);
    expect(asides).toEqual(['[Enter Ghost]', '[]', '()', 'Ada:']);
    expect(t.speakers).toEqual(['Ada', 'Ben']);
    expectOffsetsToSliceText(t);
  });
});

describe('a play: Hamlet', () => {
  const t = parsePlainText(fixtureText('plays/shakespeare-hamlet.txt'), 'shakespeare-hamlet.txt');
  const kinds = (kind: string) => t.turns.filter((turn) => turn.kind === kind);

  test('has no title line, so the file name is the title', () => {
    expect(t.title).toBe('shakespeare-hamlet.txt');
  });

  test('makes every "Act I, Scene I" line a section heading', () => {
    expect(kinds('heading').map((turn) => turn.paragraphs[0].text).slice(0, 3)).toEqual(['Act I, Scene I', 'Act I, Scene II', 'Act I, Scene III']);
    expect(kinds('heading')).toHaveLength(20);
  });

  test('keeps every stage direction line as an aside, never glued to a speech', () => {
    expect(kinds('aside')).toHaveLength(206);
    expect(kinds('aside')[0].paragraphs[0].text).toBe('[FRANCISCO at his post. Enter to him BERNARDO]');
    for (const turn of kinds('speech')) for (const p of turn.paragraphs) expect(p.text).not.toMatch(/^\[[^\]]*\]$/);
    // A direction inside a speaker's line stays in the speech.
    expect(kinds('speech').some((turn) => turn.paragraphs[0].text.startsWith('[Aside]  A little more than kin'))).toBe(true);
  });

  test('finds all 34 speakers and a turn for every speaker line', () => {
    expect(t.speakers).toHaveLength(34);
    expect(t.speakers).toEqual(expect.arrayContaining(['Hamlet', 'King Claudius', 'Lord Polonius', 'First Clown', 'Prologue']));
    expect(kinds('speech')).toHaveLength(1202);
    expect(kinds('speech')[0]).toMatchObject({ speaker: 'Bernardo', paragraphs: [{ text: "Who's there?" }] });
  });
});

describe('a 50 MB transcript', () => {
  const play = fixtureText('plays/shakespeare-hamlet.txt');
  const copies = Math.ceil(50_000_000 / play.length);
  const big = Array.from({ length: copies }, () => play).join('\n\n');

  test('parses whole, every copy of the play in its place', () => {
    expect(big.length).toBeGreaterThanOrEqual(50_000_000);
    const t = parsePlainText(big, 'big.txt');
    expect(t.speakers).toHaveLength(34);
    expect(t.turns.filter((turn) => turn.kind === 'speech')).toHaveLength(1202 * copies);
    expect(t.turns.filter((turn) => turn.kind === 'heading')).toHaveLength(20 * copies);
    expect(wordCountOf(t)).toBeGreaterThan(8_000_000);
    const last = t.turns.at(-1)?.paragraphs.at(-1);
    expect(plainTextOf(t).slice(last?.start, last?.end)).toBe(last?.text);
    // About 1.5 s here; generous, as the machines that run the tests are shared.
  }, 30_000);
});
