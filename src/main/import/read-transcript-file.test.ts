import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_IMPORT_BYTES, readTranscriptFile } from './read-transcript-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-read-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readTranscriptFile', () => {
  test('reads a plain-text interview in Windows-1252 with CRLF line ends', async () => {
    const ascii = (s: string) => [...new TextEncoder().encode(s)];
    // é = E9 and the en dash = 96 in Windows-1252.
    const bytes = Uint8Array.from([...ascii('Alice Smith: Caf'), 0xe9, 0x20, 0x96, ...ascii(' fine.\r\n\r\nBob Jones: Yes.\r\n')]);
    const read = await readTranscriptFile(await file('legacy_interview.txt', bytes));
    expect(read).toMatchObject({ fileName: 'legacy_interview.txt', format: 'text', encoding: 'windows-1252' });
    expect(read.transcript.speakers).toEqual(['Alice Smith', 'Bob Jones']);
    expect(read.transcript.turns[0].paragraphs[0].text).toBe('Café – fine.');
    expect(read.transcript.title).toBe('legacy interview');
  });

  test('reads a WebVTT file by its header, whatever its name', async () => {
    const read = await readTranscriptFile(await file('talk.txt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<v Ann Lee>Hello there.\n'));
    expect(read.format).toBe('webvtt');
    expect(read.transcript.turns[0]).toMatchObject({ speaker: 'Ann Lee', paragraphs: [expect.objectContaining({ text: 'Hello there.', startSeconds: 1, endSeconds: 2.5 })] });
  });

  test.each([
    ['an empty file', 'empty.txt', '', /Could not open empty\.txt: it is empty\./],
    ['a file of blank space', 'blank.txt', ' \n\n\t\n', /blank\.txt: it contains only blank space/],
    ['binary data', 'photo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), /photo\.txt: it is not a text file/],
    ['a .vtt file that is not WebVTT', 'broken.vtt', 'this is not a caption file', /broken\.vtt: not a WebVTT file/],
  ])('refuses %s, naming the file and the reason', async (_what, name, content, message) => {
    await expect(readTranscriptFile(await file(name, content))).rejects.toThrow(message);
  });

  test('refuses a missing file and a folder', async () => {
    await expect(readTranscriptFile(join(dir, 'nope.txt'))).rejects.toThrow(/nope\.txt: it could not be read \(ENOENT\)/);
    await mkdir(join(dir, 'folder.txt'));
    await expect(readTranscriptFile(join(dir, 'folder.txt'))).rejects.toThrow(/folder\.txt: it is a folder/);
  });

  test('refuses a file over the size limit without reading it', async () => {
    const path = await file('huge.txt', '');
    await truncate(path, MAX_IMPORT_BYTES + 1);
    await expect(readTranscriptFile(path)).rejects.toThrow(/huge\.txt: it is 100 MB; Gloss opens transcripts up to 100 MB/);
  });
});
