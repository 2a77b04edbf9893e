import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { appDataDir, filesFromArgv, linksFromArgv, resolveDataDir } from './command-line';

test.each([
  ['--data-dir PATH', ['electron', '.', '--data-dir', '/tmp/a'], {}, resolve('/tmp/a')],
  ['--data-dir=PATH', ['electron', '.', '--data-dir=/tmp/b'], { GLOSS_DATA_DIR: '/tmp/env' }, resolve('/tmp/b')],
  ['GLOSS_DATA_DIR when no flag is given', ['electron', '.'], { GLOSS_DATA_DIR: '/tmp/env' }, resolve('/tmp/env')],
  ['userData when neither is given', ['electron', '.'], {}, '/home/u/.config/Gloss/library'],
  ['userData when the flag has no value', ['electron', '.', '--data-dir'], {}, '/home/u/.config/Gloss/library'],
])('takes the data folder from %s', (_what, argv, env, expected) => {
  expect(resolveDataDir(argv, env, '/home/u/.config/Gloss/library')).toBe(expected);
});

test('takes the files to open from the command line, skipping options and the data folder', () => {
  expect(filesFromArgv(['talk.vtt', '--data-dir', '/data', '--inspect', 'notes/a.txt', '/abs/b.srt'], '/home/u')).toEqual([
    resolve('/home/u/talk.vtt'),
    resolve('/home/u/notes/a.txt'),
    resolve('/abs/b.srt'),
  ]);
  expect(filesFromArgv(['--data-dir=/x'], '/home/u')).toEqual([]);
});

test.each([
  ['linux', {}, '/home/u/.config/gloss/library'],
  ['linux', { XDG_CONFIG_HOME: '/cfg' }, '/cfg/gloss/library'],
  ['darwin', {}, '/home/u/Library/Application Support/gloss/library'],
  ['win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u\\AppData\\Roaming\\gloss\\library'],
])('the command line finds the app’s own data folder on %s (%j), where Electron puts it', (platform, env, expected) => {
  expect(appDataDir(env, platform, '/home/u')).toBe(expected);
});

test('a gloss:// link on the command line is a link to open, not a file to import', () => {
  const link = 'gloss://document/3f2a1c44-9b1e-4c2a-8d3f-0a1b2c3d4e5f/highlight/00000000-0000-4000-8000-000000000001';
  const argv = ['--data-dir', 'gloss://document/not-a-link-but-a-folder', 'talk.vtt', link, '--allow-file-access-from-files', 'GLOSS://document/x'];
  expect(filesFromArgv(argv, '/home/u')).toEqual([resolve('/home/u/talk.vtt')]);
  expect(linksFromArgv(argv)).toEqual([link, 'GLOSS://document/x']);
  expect(linksFromArgv(['talk.vtt', '--data-dir=/x'])).toEqual([]);
});
