import { describe, expect, test } from 'vitest';
import { CaptionFormatError } from './caption-cues';
import { parseSrt } from './parse-srt';
import { captionFixture as fixture, expectOffsetsToSliceText, randomLatin1, timesOf, turnsOf } from './testing/transcript-fixtures';

test('a cue opening with a dialogue dash is another speaker, even in the middle of a labelled sentence', () => {
  const srt = [
    '1', '00:00:01,000 --> 00:00:02,000', 'Alice Smith: Are you ready or', '',
    '2', '00:00:02,000 --> 00:00:03,000', '<i>- Not yet</i>', '',
    '3', '00:00:03,000 --> 00:00:04,000', 'Alice Smith: Then I', '',
    '4', '00:00:04,000 --> 00:00:05,000', 'go alone.', '',
  ].join('\n');
  expect(turnsOf(parseSrt(srt, 'dash.srt'))).toEqual([
    ['Alice Smith', ['Are you ready or']],
    [null, ['Not yet']],
    ['Alice Smith', ['Then I', 'go alone.']],
  ]);
});

describe('a file with CRLF, a BOM, missing numbers and extra blank lines', () => {
  const t = parseSrt(fixture('crlf-bom.srt'), 'short-film.srt');

  test('reads every cue, with "NARRATOR:" as the one speaker and dialogue dashes removed', () => {
    expect(t.speakers).toEqual(['NARRATOR']);
    expect(turnsOf(t)).toEqual([
      [null, ['Did you lock the door? I think so.']],
      ['NARRATOR', ['They had not locked the door.']],
      [null, ['Somewhere, a dog barked.']],
      ['NARRATOR', ['Nobody heard it.']],
      [null, ['Except the cat.']],
    ]);
  });

  test('reads comma or dot milliseconds, short ones as decimal fractions', () => {
    expect(timesOf(t, 0, 0)).toEqual([0.5, 2]);
    expect(timesOf(t, 1, 0)).toEqual([2.4, 5.1]);
    expect(timesOf(t, 2, 0)).toEqual([5.2, 7.9]);
    expect(timesOf(t, 4, 0)).toEqual([10.5, 12]);
  });

  test('uses the fallback title and gives offsets that slice the plain text', () => {
    expect(t.title).toBe('short-film.srt');
    expectOffsetsToSliceText(t);
  });
});

describe('cues', () => {
  test.each([
    ['a numbered cue', '1\n00:00:01,000 --> 00:00:02,000\nHi.\n', [[null, ['Hi.']]]],
    ['text lines joined with a space', '1\n00:00:01,000 --> 00:00:02,000\nfirst line\nsecond line\n', [[null, ['first line second line']]]],
    ['formatting tags removed', '1\n00:00:01,000 --> 00:00:02,000\n<i>Hi</i> <B>there</B>, <font color="red" face="Arial">friend</font> {\\an8}<u>now</u>.\n', [[null, ['Hi there, friend now.']]]],
    ['other angle brackets kept', '1\n00:00:01,000 --> 00:00:02,000\n1 < 2 and <noise>\n', [[null, ['1 < 2 and <noise>']]]],
    ['a label names the speaker', '1\n00:00:01,000 --> 00:00:02,000\nAlice Smith: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nBob Jones: Hello.\n', [['Alice Smith', ['Hi.']], ['Bob Jones', ['Hello.']]]],
    ['consecutive cues by one speaker merged', '1\n00:00:01,000 --> 00:00:02,000\nAlice Smith: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nAlice Smith: Again.\n', [['Alice Smith', ['Hi.', 'Again.']]]],
    ['a dash before a label removed', '1\n00:00:01,000 --> 00:00:02,000\n- Alice Smith: Hi.\n', [['Alice Smith', ['Hi.']]]],
    ['a hyphenated word kept', '1\n00:00:01,000 --> 00:00:02,000\nwell-known -- really\n', [[null, ['well-known -- really']]]],
    ['a number as cue text kept', '1\n00:00:01,000 --> 00:00:02,000\n42\n\n2\n00:00:02,000 --> 00:00:03,000\nYes.\n', [[null, ['42', 'Yes.']]]],
    ['text after a stray blank line kept with its cue', '1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nsecond\n\n2\n00:00:02,000 --> 00:00:03,000\nthird\n', [[null, ['first second', 'third']]]],
    ['a blank line between number and time line', '1\n\n00:00:01,000 --> 00:00:02,000\nHi.\n\n\n2\n\n00:00:02,000 --> 00:00:03,000\nBye.', [[null, ['Hi.', 'Bye.']]]],
    ['coordinates after the time line ignored', '1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:600 Y1:50 Y2:80\nHi.\n', [[null, ['Hi.']]]],
    ['a cue with no text dropped', '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\nHi.\n', [[null, ['Hi.']]]],
    ['CR line ends', '1\r00:00:01,000 --> 00:00:02,000\rHi.\r\r2\r00:00:02,000 --> 00:00:03,000\rBye.\r', [[null, ['Hi.', 'Bye.']]]],
  ])('%s', (_name, input, turns) => {
    expect(turnsOf(parseSrt(input, 'x'))).toEqual(turns);
  });

  test.each([
    ['00:00:01,000 --> 00:00:02,000', [1, 2]],
    ['00:00:01.250 --> 00:00:02.750', [1.25, 2.75]],
    ['00:01:02,3 --> 00:01:02,45', [62.3, 62.45]],
    ['1:02:03,004 --> 1:02:04,000', [3723.004, 3724]],
    ['00:00:01,000-->00:00:02,000', [1, 2]],
  ])('reads the time line %s', (line, times) => {
    expect(timesOf(parseSrt(`1\n${line}\nHi.\n`, 'x'), 0, 0)).toEqual(times);
  });
});

describe('rejection', () => {
  test.each([
    ['an empty string', ''],
    ['plain text', 'Alice Smith: Hi.\n\nBob Jones: Hello.\n'],
    ['numbers without time lines', '1\nHi.\n\n2\nBye.\n'],
    ['a time line without an arrow', '1\n00:00:01,000 - 00:00:02,000\nHi.\n'],
  ])('rejects %s with a CaptionFormatError that says why', (_name, input) => {
    expect(() => parseSrt(input, 'x')).toThrow(CaptionFormatError);
    expect(() => parseSrt(input, 'x')).toThrow('not an SRT file: no numbered cue with a "-->" time line was found');
  });

  test('rejects random bytes read as latin1', () => {
    expect(() => parseSrt(randomLatin1(4096, 11), 'noise.srt')).toThrow(CaptionFormatError);
  });
});
