import { describe, expect, test } from 'vitest';
import { parseTranscript } from '../../../core/transcript/parse-transcript';
import type { HighlightColor } from '../../../shared/model';
import { filterSummary, hasTimes } from './export-dialog';

describe('what the Export dialog says of the side panel and the transcript', () => {
  test('the side panel’s filter in words, each kind once, in the reader’s colour names', () => {
    const names = (c: HighlightColor) => (c === 'yellow' ? 'Key claim' : 'Green');
    expect(filterSummary({ colors: ['yellow', 'green'], codes: ['theme/risk'], speakers: ['Dario Amodei', null], withNote: true }, names)).toBe(
      'Key claim, Green · theme/risk · Dario Amodei, no speaker · with a note',
    );
    expect(filterSummary({ colors: [], codes: [], speakers: [], withNote: true })).toBe('with a note');
  });

  test('a transcript has times when its cues (or timestamped lines) give them', () => {
    expect(hasTimes(parseTranscript('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ada>Hello.\n', 'webvtt', 'cue'))).toBe(true);
    expect(hasTimes(parseTranscript('Ada: Hello.\n\nCharles: Good day.', 'text', 'plain'))).toBe(false);
  });
});
