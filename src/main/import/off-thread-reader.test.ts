import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OffThreadReader } from './off-thread-reader';
import { ImportError, readTranscriptFile } from './read-transcript-file';

let dir: string;
const readers: OffThreadReader[] = [];
const reader = (options?: ConstructorParameters<typeof OffThreadReader>[0]) => {
  const r = new OffThreadReader(options);
  readers.push(r);
  return r;
};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-off-thread-'));
});
afterAll(async () => {
  await Promise.all(readers.map((r) => r.close()));
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** A plain-text transcript of about `bytes` bytes: two speakers taking turns. */
function longInterview(bytes: number): string {
  const turn = 'Alice Smith: We talked about the engine and the loom for a long while.\n\nBob Jones: And then about the weather.\n\n';
  return turn.repeat(Math.ceil(bytes / turn.length));
}

const INTERVIEW = 'Alice Smith: Hello there.\n\nBob Jones: Hi, Alice.\n';

describe('OffThreadReader', () => {
  test('reads a file in a worker to the same result as reading it on this thread', async () => {
    const path = await file('interview.txt', INTERVIEW);
    expect(await reader().readFile(path)).toEqual(await readTranscriptFile(path));
  });

  test('refuses a file with the same message as on this thread', async () => {
    const r = reader();
    await expect(r.readFile(await file('empty.txt', ''))).rejects.toThrow('Could not open empty.txt: it is empty.');
    await expect(r.readFile(join(dir, 'missing.txt'))).rejects.toThrow(/missing\.txt: it could not be read \(ENOENT\)/);
    await expect(r.parseBytes('broken.vtt', new TextEncoder().encode('not captions'))).rejects.toThrow(/broken\.vtt: not a WebVTT file/);
  });

  test('hands a large buffer to the worker without copying it, and copies a small one', async () => {
    const r = reader();
    const large = new TextEncoder().encode(longInterview(200_000));
    const read = await r.parseBytes('large.txt', large);
    expect(read.transcript.speakers).toEqual(['Alice Smith', 'Bob Jones']);
    expect(large.byteLength).toBe(0); // transferred: detached here
    const small = new TextEncoder().encode(INTERVIEW);
    await r.parseBytes('small.txt', small);
    expect(small.byteLength).toBe(INTERVIEW.length);
  });

  test('reads files one at a time, in the order asked', async () => {
    const r = reader();
    const names = ['a.txt', 'b.md', 'c.srt', 'd.vtt'];
    const texts = [INTERVIEW, '# Title\n\n**Ada:** Hi.\n', '1\n00:00:01,000 --> 00:00:02,000\nHello.\n', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>Hi.\n'];
    const reads = await Promise.all(names.map((name, i) => r.parseBytes(name, new TextEncoder().encode(texts[i]))));
    expect(reads.map((x) => [x.fileName, x.format])).toEqual([
      ['a.txt', 'text'],
      ['b.md', 'markdown'],
      ['c.srt', 'srt'],
      ['d.vtt', 'webvtt'],
    ]);
  });

  test('refuses a file that takes longer than the time limit, naming it, and reads the next file', async () => {
    const r = reader({ timeoutMs: 40 });
    const slow = await file('slow.txt', longInterview(10_000_000));
    const error = await r.readFile(slow).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('Could not open slow.txt: it took longer than 40 ms to read, so Gloss stopped reading it.');
    expect((await r.readFile(await file('quick.txt', INTERVIEW))).transcript.speakers).toEqual(['Alice Smith', 'Bob Jones']);
  });

  test('refuses a file whose reading runs out of memory, and reads the next file with a new worker', async () => {
    // The limit must exceed the file's text, allocated at once: V8 ends the whole process when one allocation passes it.
    const r = reader({ resourceLimits: { maxOldGenerationSizeMb: 96 } });
    const big = await file('big.txt', longInterview(20_000_000));
    const error = await r.readFile(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('Could not open big.txt: reading it took more memory than Gloss allows.');
    expect((await r.readFile(await file('after.txt', INTERVIEW))).transcript.speakers).toEqual(['Alice Smith', 'Bob Jones']);
  });
});
