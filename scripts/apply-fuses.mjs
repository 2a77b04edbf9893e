#!/usr/bin/env node
/**
 * Electron fuses for a packaged Gloss: switches, compiled into the Electron
 * binary, that turn off ways to run other code in the app's name. Flip them in
 * the packaged binary before it is signed:
 *
 *   node scripts/apply-fuses.mjs PATH      the executable (Windows, Linux) or the .app (macOS)
 *
 * or name this file as electron-builder's afterPack hook (its default export
 * finds the binary from the pack context). The binary is read back afterwards
 * and the script fails if any fuse is not as configured.
 */
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/** The fuse configuration, one entry for each fuse @electron/fuses 1.8 knows. Fuses Electron adds later keep its defaults. */
export const GLOSS_FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node.js with the app's signature.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage encrypted at rest with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload any script into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger into main.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash the packager embeds (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Gloss ships no custom V8 snapshot for the browser process.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// gets no more than a web page would; Gloss serves itself from app://gloss.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The fuse's name for a wire index. */
const nameOf = (index) => FuseV1Options[index] ?? `fuse ${index}`;

/** The fuses in the binary that differ from GLOSS_FUSES, as "Name: is X, should be Y" lines. */
export async function fuseMismatches(binaryPath) {
  const wire = await getCurrentFuseWire(binaryPath);
  const ENABLE = 49;
  const DISABLE = 48;
  const mismatches = [];
  for (const [key, wanted] of Object.entries(GLOSS_FUSES)) {
    if (key === 'version') continue;
    const state = wire[key];
    if (state !== (wanted ? ENABLE : DISABLE)) {
      const shown = state === ENABLE ? 'on' : state === DISABLE ? 'off' : state === undefined ? 'missing' : `state ${state}`;
      mismatches.push(`${nameOf(Number(key))}: is ${shown}, should be ${wanted ? 'on' : 'off'}`);
    }
  }
  return mismatches;
}

/** Flips the fuses in the Electron binary at `binaryPath`, then reads them back; throws if any is not as configured. */
export async function applyFuses(binaryPath, { resetAdHocDarwinSignature = false } = {}) {
  await flipFuses(binaryPath, { ...GLOSS_FUSES, resetAdHocDarwinSignature });
  const mismatches = await fuseMismatches(binaryPath);
  if (mismatches.length) throw new Error(`Fuses not set in ${binaryPath}:\n${mismatches.join('\n')}`);
}

/** electron-builder's afterPack hook: the packed app's Electron binary, by platform. */
export default async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  const mac = electronPlatformName === 'darwin' || electronPlatformName === 'mas';
  const binary = mac ? join(appOutDir, `${name}.app`) : electronPlatformName === 'win32' ? join(appOutDir, `${name}.exe`) : join(appOutDir, packager.executableName);
  // Flipping a fuse breaks the ad-hoc signature of an unsigned arm64 macOS build; it is reset here, and a real signature comes after.
  await applyFuses(binary, { resetAdHocDarwinSignature: mac });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binary = process.argv[2];
  if (!binary) {
    process.stderr.write('usage: node scripts/apply-fuses.mjs PATH_TO_ELECTRON_BINARY (the executable, or the .app on macOS)\n');
    process.exit(2);
  }
  try {
    await applyFuses(binary, { resetAdHocDarwinSignature: binary.endsWith('.app') });
    process.stdout.write(`Fuses set in ${binary}.\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
