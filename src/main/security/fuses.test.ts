/**
 * The fuses scripts/apply-fuses.mjs flips in a packaged Gloss: the
 * configuration against the list the app is held to, and the script applied to
 * a stand-in binary carrying Electron's fuse wire with its default settings.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GLOSS_FUSES, applyFuses, fuseMismatches } from '../../../scripts/apply-fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A file holding a fuse wire the way an Electron binary does: sentinel, wire version 1, length, one byte per fuse. */
function standInBinary(states: string): Buffer {
  return Buffer.concat([Buffer.from('\x7fELF…code before…'), Buffer.from(SENTINEL), Buffer.from([1, states.length]), Buffer.from(states), Buffer.from('…code after')]);
}

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'gloss-fuses-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the fuse configuration', () => {
  test.each([
    ['RunAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['OnlyLoadAppFromAsar', true],
    ['GrantFileProtocolExtraPrivileges', false],
    ['EnableCookieEncryption', true],
    ['LoadBrowserProcessSpecificV8Snapshot', false],
  ] as const)('%s is %s', (name, value) => {
    expect(GLOSS_FUSES[FuseV1Options[name]]).toBe(value);
  });

  test('decides every fuse @electron/fuses knows, leaving none to Electron’s default', () => {
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    expect(Object.keys(GLOSS_FUSES).filter((k) => k !== 'version').map(Number).sort()).toEqual([...known].sort());
  });
});

describe('applying the fuses', () => {
  test('turns Electron’s defaults into Gloss’s settings and leaves fuses it does not know alone', async () => {
    // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, ASAR integrity off,
    // only-ASAR off, V8 snapshot off, file:// privileges on; a ninth, newer fuse on.
    const path = join(dir, 'electron');
    await writeFile(path, standInBinary('101100011'));
    expect(await fuseMismatches(path)).toHaveLength(7);
    await applyFuses(path);
    expect(await fuseMismatches(path)).toEqual([]);
    // Only the wire changed: the eight known fuses as configured, the ninth as it was.
    expect((await readFile(path)).equals(standInBinary('010011001'))).toBe(true);
  });

  test('names each fuse that is not as configured', async () => {
    const path = join(dir, 'electron-defaults');
    await writeFile(path, standInBinary('10110001'));
    expect(await fuseMismatches(path)).toEqual(
      expect.arrayContaining(['RunAsNode: is on, should be off', 'OnlyLoadAppFromAsar: is off, should be on', 'GrantFileProtocolExtraPrivileges: is on, should be off']),
    );
  });

  test('refuses a file that is not an Electron binary', async () => {
    const path = join(dir, 'not-electron');
    await writeFile(path, 'just text');
    await expect(applyFuses(path)).rejects.toThrow(/sentinel/);
  });
});
