import { describe, expect, test } from 'vitest';
import { captionFixture, fixtureText } from '../../core/transcript/testing/transcript-fixtures';
import type { Transcript } from '../../shared/model';
import { packRead, unpackRead } from './packed-read';
import { parseTranscriptBytes, type ReadTranscript } from './read-transcript-file';

const read = (fileName: string, text: string) => parseTranscriptBytes(fileName, new TextEncoder().encode(text));
/** Through a structured clone, as between threads, with the arrays transferred. */
const acrossThreads = (r: ReadTranscript) => {
  const { packed, transfer } = packRead(r);
  return unpackRead(structuredClone(packed, { transfer }));
};

describe('packRead and unpackRead', () => {
  test.each([
    ['a play in plain text', 'hamlet.txt', fixtureText('plays/shakespeare-hamlet.txt')],
    ['plain text with time stamps (media times without an end)', 'rev.txt', fixtureText('plain-text/rev-timed-labels.txt')],
    ['WebVTT with voices and settings', 'talk.vtt', captionFixture('youtube-voices.vtt')],
    ['SRT', 'film.srt', captionFixture('crlf-bom.srt')],
    ['Markdown', 'notes.md', '# Title\n\n**Ada:** Hi.\n\n> quoted\n'],
  ])('bring back %s exactly as read, keys and nulls included', (_what, fileName, text) => {
    const original = read(fileName, text);
    expect(JSON.stringify(acrossThreads(original))).toBe(JSON.stringify(original));
  });

  test('send paragraph texts as they are when the offsets do not slice them out of the plain text', () => {
    const transcript: Transcript = {
      title: 't',
      speakers: ['Ann'],
      turns: [{ speaker: 'Ann', kind: 'speech', paragraphs: [{ text: 'Hello', start: 3, end: 4, startSeconds: 1, endSeconds: null }] }],
    };
    const original: ReadTranscript = { fileName: 'f.txt', format: 'text', encoding: 'utf-8', text: 'Ann: Hello', transcript };
    expect(packRead(original).packed.texts).toEqual(['Hello']);
    expect(JSON.stringify(acrossThreads(original))).toBe(JSON.stringify(original));
  });
});
