import { describe, expect, test } from 'vitest';
import { PARAGRAPH_SEPARATOR } from '../../shared/model';
import { CaptionFormatError, cuesToTranscript, decodeEntities, withSpeakerLabels, type Cue } from './caption-cues';
import { paragraphsOf, plainTextOf } from './plain-text';

const cue = (start: number, end: number, speaker: string | null, text: string): Cue => ({ start, end, speaker, text });

describe('cuesToTranscript', () => {
  const cues = [
    cue(0, 2, 'Alice Smith', 'Hello.'),
    cue(2, 4, 'Alice Smith', 'Shall we begin?'),
    cue(4, 5, 'Bob Jones', 'Yes.'),
    cue(5, 6, 'Bob Jones', '   '),
    cue(6, 8, null, '[music]'),
    cue(8, 9, null, '[applause]'),
    cue(9, 11, 'Alice Smith', 'Good.'),
  ];
  const t = cuesToTranscript(cues, 'meeting.vtt');

  test('merges consecutive cues by the same speaker, and consecutive unlabelled cues, into one speech turn', () => {
    expect(t.turns.map((turn) => [turn.kind, turn.speaker, turn.paragraphs.length])).toEqual([
      ['speech', 'Alice Smith', 2],
      ['speech', 'Bob Jones', 1],
      ['speech', null, 2],
      ['speech', 'Alice Smith', 1],
    ]);
  });

  test('lists speakers once, in order of first appearance, and keeps the title', () => {
    expect(t.speakers).toEqual(['Alice Smith', 'Bob Jones']);
    expect(t.title).toBe('meeting.vtt');
  });

  test('gives each cue its own paragraph with its media times', () => {
    expect(t.turns[0].paragraphs[1]).toMatchObject({ text: 'Shall we begin?', startSeconds: 2, endSeconds: 4 });
    expect(t.turns[3].paragraphs[0]).toMatchObject({ text: 'Good.', startSeconds: 9, endSeconds: 11 });
  });

  test('drops cues with no text, so they neither make a paragraph nor split a turn', () => {
    expect(t.turns[1].paragraphs.map((p) => p.text)).toEqual(['Yes.']);
  });

  test('assigns offsets that slice each paragraph out of the plain text', () => {
    const text = plainTextOf(t);
    expect(text).toBe(['Hello.', 'Shall we begin?', 'Yes.', '[music]', '[applause]', 'Good.'].join(PARAGRAPH_SEPARATOR));
    for (const p of paragraphsOf(t)) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  test('no cues make an empty transcript', () => {
    expect(cuesToTranscript([], 'empty.srt')).toEqual({ title: 'empty.srt', speakers: [], turns: [] });
  });
});

describe('withSpeakerLabels', () => {
  test.each([
    ['a full name label becomes the speaker', ['Alice Smith: Hi.'], [['Alice Smith', 'Hi.']]],
    ['initials resolve to the full name used elsewhere', ['Madhumita Murgia: Hi.', 'MM: Again.'], [['Madhumita Murgia', 'Hi.'], ['Madhumita Murgia', 'Again.']]],
    ['a one-off "Note:" stays text', ['Note: inaudible.', 'Alice Smith: Hi.'], [[null, 'Note: inaudible.'], ['Alice Smith', 'Hi.']]],
    ['a cue finishing a sentence the speaker began is theirs', ['Alice Smith: I went to the', 'shop on', 'Monday.', 'Then home.', 'Bob Jones: Why?'], [['Alice Smith', 'I went to the'], ['Alice Smith', 'shop on'], ['Alice Smith', 'Monday.'], [null, 'Then home.'], ['Bob Jones', 'Why?']]],
    ['a speaker-change mark stops the speaker carrying on', ['Alice Smith: Ready or', '- Yes', 'not?'], [['Alice Smith', 'Ready or'], [null, '- Yes'], [null, 'not?']]],
    ['a recurring capitalised label counts', ['NARRATOR: One.', 'NARRATOR: Two.'], [['NARRATOR', 'One.'], ['NARRATOR', 'Two.']]],
    ['lower-case text before a colon is not a label', ['well: maybe'], [[null, 'well: maybe']]],
  ])('%s', (_name, texts, expected) => {
    const labelled = withSpeakerLabels(texts.map((text, i) => cue(i, i + 1, null, text)));
    expect(labelled.map((c) => [c.speaker, c.text])).toEqual(expected);
  });

  test('leaves a cue that already has a speaker alone', () => {
    expect(withSpeakerLabels([cue(0, 1, 'Host', 'Alice Smith: quoted')])).toEqual([cue(0, 1, 'Host', 'Alice Smith: quoted')]);
  });
});

describe('decodeEntities', () => {
  test.each([
    ['&amp; &lt; &gt; &quot; &#39;', '& < > " \''],
    ['a&nbsp;b', 'a\u00A0b'],
    ['&lrm;x&rlm;', '\u200Ex\u200F'],
    ['&#233;t&#xE9; &#X1F600;', 'été 😀'],
    ['&amp;lt; is decoded once', '&lt; is decoded once'],
    ['&unknown; &#0; &#xD800; & alone', '&unknown; &#0; &#xD800; & alone'],
  ])('%s', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});

test('CaptionFormatError is an Error with its own name', () => {
  const e = new CaptionFormatError('why');
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe('CaptionFormatError');
  expect(e.message).toBe('why');
});
