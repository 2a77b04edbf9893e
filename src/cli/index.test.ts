import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { main } from './index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('parse --json prints the transcript with turns and their segments', async () => {
  const path = join(dir, 'lecture.srt');
  await writeFile(path, '1\n00:00:01,000 --> 00:00:02,000\nAnn Lee: First.\n\n2\n00:00:02,000 --> 00:00:03,500\nAnn Lee: Second.\n');
  const { code, out, err } = await run('parse', path, '--json');
  expect(err).toBe('');
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json).toMatchObject({ title: 'lecture', format: 'srt', speakers: ['Ann Lee'] });
  expect(json.turns).toEqual([
    {
      speaker: 'Ann Lee',
      kind: 'speech',
      text: 'First.\n\nSecond.',
      start: 1,
      end: 3.5,
      segments: [
        { text: 'First.', start: 1, end: 2 },
        { text: 'Second.', start: 2, end: 3.5 },
      ],
    },
  ]);
});

test('errors go to stderr with a non-zero exit code', async () => {
  const missing = await run('parse', join(dir, 'missing.vtt'), '--json');
  expect(missing).toMatchObject({ code: 1, out: '' });
  expect(missing.err).toMatch(/^gloss: Could not open missing\.vtt: it could not be read/);
  expect((await run('frobnicate')).code).toBe(2);
  expect((await run('parse', 'a.txt', '--yaml')).err).toMatch(/unknown option --yaml/);
});

test('--help names every command and its flags', async () => {
  const { code, out } = await run('--help');
  expect(code).toBe(0);
  for (const usage of ['parse FILE', 'add FILE...', 'list', 'check [--repair]', 'highlights --doc ID', 'highlight --doc ID --quote TEXT --color KEY [--occurrence N] [--code CODE]... [--note MARKDOWN]', 'codes rename OLD NEW', 'codes merge FROM INTO', 'overview [--doc ID]']) {
    expect(out).toContain(usage);
  }
});
