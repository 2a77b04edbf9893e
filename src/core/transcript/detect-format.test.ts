import { expect, test } from 'vitest';
import { detectFormat } from './detect-format';

test.each([
  ['a WebVTT header wins over the extension', 'captions.txt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi', 'webvtt'],
  ['a WebVTT header after a BOM', 'a', '\uFEFFWEBVTT - Zoom\n', 'webvtt'],
  ['.vtt without a valid header is still offered to the WebVTT parser (which says why it refuses)', 'x.vtt', 'hello', 'webvtt'],
  ['.srt', 'x.SRT', '1\n00:00:01,000 --> 00:00:02,000\nHi', 'srt'],
  ['SRT time lines in a .txt', 'x.txt', '1\n00:00:01,000 --> 00:00:02,000\nHi', 'srt'],
  ['.md', 'notes.md', '# Title', 'markdown'],
  ['.markdown', 'notes.markdown', '# Title', 'markdown'],
  ['anything else', 'interview.txt', 'Alice: hi', 'text'],
  ['no extension', 'README', 'Alice: hi', 'text'],
  ['"WEBVTTX" is not a WebVTT header', 'a.txt', 'WEBVTTX\n', 'text'],
])('%s', (_what, name, text, format) => {
  expect(detectFormat(name, text)).toBe(format);
});
