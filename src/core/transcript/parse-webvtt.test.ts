import { describe, expect, test } from 'vitest';
import { CaptionFormatError } from './caption-cues';
import { parseWebVtt } from './parse-webvtt';
import { paragraphsOf } from './plain-text';
import { captionFixture as fixture, expectOffsetsToSliceText, randomLatin1, timesOf, turnsOf } from './testing/transcript-fixtures';

describe('a YouTube-style file with voice spans', () => {
  const t = parseWebVtt(fixture('youtube-voices.vtt'), 'river-talk.vtt');

  test('takes speakers from <v> spans, with or without a class', () => {
    expect(t.speakers).toEqual(['Priya Raman', 'Tomás Ibarra']);
  });

  test('merges consecutive cues by a speaker and splits a cue with two voices', () => {
    expect(turnsOf(t)).toEqual([
      ['Priya Raman', ["Welcome back to the channel. Today we're talking about soil & water.", 'My guest has spent twenty years studying rivers.']],
      ['Tomás Ibarra', ['Thanks for having me, Priya.', 'Rivers are the veins of a landscape — if you read them well.']],
      ['Priya Raman', ['So where do we start?']],
      ['Tomás Ibarra', ['With the mud.', 'Always with the mud. It tells you what <really> happened upstream.']],
    ]);
  });

  test('keeps each cue time, ignoring cue settings and inner timestamp tags', () => {
    expect(timesOf(t, 0, 0)).toEqual([0, 3.2]);
    expect(timesOf(t, 0, 1)).toEqual([3.2, 6.75]);
    expect(timesOf(t, 2, 0)).toEqual([12.48, 14]);
    expect(timesOf(t, 3, 0)).toEqual([12.48, 14]);
    expect(timesOf(t, 3, 1)).toEqual([14, 17.3]);
  });

  test('uses the fallback title and gives offsets that slice the plain text', () => {
    expect(t.title).toBe('river-talk.vtt');
    expectOffsetsToSliceText(t);
  });
});

describe('a Zoom-style file with "Name: text" cues and numeric identifiers', () => {
  const t = parseWebVtt(fixture('zoom-meeting.vtt'), 'meeting.vtt');

  test('takes speakers from the labels and removes them from the text', () => {
    expect(t.speakers).toEqual(['Dana Whitfield', 'Marcus Oyelaran', 'Li Wei']);
    expect(t.turns.map((turn) => turn.speaker)).toEqual(['Dana Whitfield', 'Marcus Oyelaran', 'Dana Whitfield', 'Marcus Oyelaran', 'Li Wei', 'Marcus Oyelaran']);
  });

  test('joins a cue text across lines and does not read identifiers as text', () => {
    expect(t.turns[0].paragraphs.map((p) => p.text)).toEqual(["Okay, I think everyone's here. Let's get started.", 'First item is the budget.']);
    expect(t.turns[1].paragraphs[0].text).toBe("I sent the spreadsheet last night. The short version is we're about eight percent over.");
    expect(timesOf(t, 1, 0)).toEqual([7.98, 12.66]);
    expect(timesOf(t, 5, 0)).toEqual([21.21, 24.3]);
  });
});

describe('a file with NOTE, STYLE and REGION blocks and cue settings', () => {
  const t = parseWebVtt(fixture('blocks-and-settings.vtt'), 'tides.vtt');

  test('skips the blocks that are not cues and reads the three cues as one unlabelled turn', () => {
    expect(t.speakers).toEqual([]);
    expect(turnsOf(t)).toEqual([
      [null, ['Good morning. Today: tides.', 'Tides are caused mostly by the Moon, and a little by the Sun.', 'Questions (five minutes) — then a break.']],
    ]);
  });

  test('reads times without hours, and hours past the first', () => {
    expect(timesOf(t, 0, 0)).toEqual([1, 4.5]);
    expect(timesOf(t, 0, 1)).toEqual([4.5, 9.25]);
    expect(timesOf(t, 0, 2)).toEqual([3600, 3602.5]);
  });
});

describe('a malformed file', () => {
  const t = parseWebVtt(fixture('malformed.vtt'), 'broken.vtt');

  test('skips only the cues whose time line is invalid', () => {
    expect(t.speakers).toEqual(['Ana Costa', 'Ben Okafor']);
    expect(turnsOf(t)).toEqual([
      ['Ana Costa', ['This cue is fine.', 'This voice span is never closed, and an italic run spans two lines.']],
      ['Ben Okafor', ['A tag broken across lines still names the speaker.']],
      [null, ['A time line without a blank line before it starts a new cue.']],
    ]);
  });

  test('keeps the times of the cues it reads', () => {
    expect(timesOf(t, 0, 1)).toEqual([6, 9.5]);
    expect(timesOf(t, 1, 0)).toEqual([9.5, 11]);
    expect(timesOf(t, 2, 0)).toEqual([11, 12]);
  });
});

describe('overlapping cues', () => {
  const t = parseWebVtt(fixture('overlapping.vtt'), 'panel.vtt');

  test('stay in file order with their own times', () => {
    expect(t.speakers).toEqual(['Host', 'Guest One', 'Guest Two']);
    expect(t.turns).toHaveLength(4);
    expect(turnsOf(t)[3]).toEqual(['Host', ['What surprised you most?']]);
    expect(timesOf(t, 1, 0)).toEqual([2.5, 5]);
    expect(timesOf(t, 2, 0)).toEqual([3, 6]);
  });
});

describe('cue text', () => {
  const one = (cueText: string) => parseWebVtt(`WEBVTT\n\n00:00.000 --> 00:01.000\n${cueText}\n`, 'x');
  test.each([
    ['class, italic, bold and underline tags are removed', '<c.loud.red>Very</c> <i>much</i> <b>so</b>, <u>yes</u>.', null, 'Very much so, yes.'],
    ['ruby and language tags keep their text', '<ruby>漢<rt>kan</rt></ruby> <lang en-GB>colour</lang>', null, '漢kan colour'],
    ['timestamp tags are removed', 'one<00:00:00.500> two<00:00.700> three', null, 'one two three'],
    ['entities are decoded after tags are removed', '&lt;v Fake&gt; &amp;&#32;&#x41;', null, '<v Fake> & A'],
    ['a voice span with a class names the speaker', '<v.first.loud Mary Jane>Hi!</v>', 'Mary Jane', 'Hi!'],
    ['an unclosed voice span names the speaker', '<v Sam>Hi', 'Sam', 'Hi'],
    ['a voice span wins over a label in the text', '<v Sam>Alice Smith: Hi', 'Sam', 'Alice Smith: Hi'],
    ['a label names the speaker when there is no voice span', '<i>Alice Smith:</i> Hi', 'Alice Smith', 'Hi'],
    ['an unterminated tag at the end is dropped', 'Hello <b', null, 'Hello'],
  ])('%s', (_name, cueText, speaker, text) => {
    expect(turnsOf(one(cueText))).toEqual([[speaker, [text]]]);
  });

  test('a cue with only tags or spaces makes no paragraph', () => {
    expect(one('<i> </i>').turns).toEqual([]);
  });
});

describe('the file structure', () => {
  test.each([
    ['LF', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n'],
    ['CRLF', 'WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi.\r\n'],
    ['CR', 'WEBVTT\r\r00:01.000 --> 00:02.000\rHi.\r'],
    ['a BOM', '\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nHi.'],
    ['header text after a space', 'WEBVTT Kind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nHi.'],
    ['header text after a tab', 'WEBVTT\tfrom a tool\n\n00:01.000 --> 00:02.000\nHi.'],
    ['a cue right after the header line', 'WEBVTT\n00:01.000 --> 00:02.000\nHi.'],
    ['no spaces around the arrow', 'WEBVTT\n\n00:01.000-->00:02.000\nHi.'],
    ['whitespace-only lines between blocks', 'WEBVTT\n \t\n00:01.000 --> 00:02.000\nHi.\n   \n'],
    ['a NOTE block with an arrow-free body', 'WEBVTT\n\nNOTE 00:05.000 is when it starts\n\n00:01.000 --> 00:02.000\nHi.'],
  ])('is read with %s', (_name, input) => {
    const t = parseWebVtt(input, 'x');
    expect(turnsOf(t)).toEqual([[null, ['Hi.']]]);
    expect(timesOf(t, 0, 0)).toEqual([1, 2]);
  });

  test('a header alone is an empty transcript', () => {
    expect(parseWebVtt('WEBVTT\n', 'empty.vtt')).toEqual({ title: 'empty.vtt', speakers: [], turns: [] });
  });

  test.each([
    ['an empty string', ''],
    ['a signature not at the start', '\nWEBVTT\n\n00:01.000 --> 00:02.000\nHi.'],
    ['a signature run into other text', 'WEBVTTX\n\n00:01.000 --> 00:02.000\nHi.'],
    ['lower case', 'webvtt\n\n00:01.000 --> 00:02.000\nHi.'],
    ['an SRT file', '1\n00:00:01,000 --> 00:00:02,000\nHi.\n'],
  ])('rejects %s with a CaptionFormatError that says why', (_name, input) => {
    expect(() => parseWebVtt(input, 'x')).toThrow(CaptionFormatError);
    expect(() => parseWebVtt(input, 'x')).toThrow('not a WebVTT file: the first line must start with WEBVTT');
  });

  test('rejects random bytes read as latin1', () => {
    expect(() => parseWebVtt(randomLatin1(4096, 7), 'noise.vtt')).toThrow(CaptionFormatError);
  });

  test('reads a 10,000-cue file', () => {
    const speakers = ['Ada Lovelace', 'Charles Babbage', 'Mary Somerville'];
    const blocks = Array.from({ length: 10_000 }, (_, i) => {
      const stamp = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
      // Each speaker says two cues in a row: 5,000 turns.
      return `${i + 1}\n${stamp(i)} --> ${stamp(i + 1)}\n<v ${speakers[Math.floor(i / 2) % 3]}>Cue number ${i + 1}.</v>`;
    });
    const t = parseWebVtt(`WEBVTT\n\n${blocks.join('\n\n')}\n`, 'long.vtt');
    expect(t.speakers).toEqual(speakers);
    expect(t.turns).toHaveLength(5_000);
    expect(paragraphsOf(t)).toHaveLength(10_000);
    expect(t.turns.at(-1)?.paragraphs.at(-1)).toMatchObject({ text: 'Cue number 10000.', startSeconds: 9999, endSeconds: 10000 });
  });
});
