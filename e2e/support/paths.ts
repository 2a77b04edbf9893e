/**
 * Where the end-to-end tests find what they run: the built app, a Chromium
 * to drive, and (on machines that have one) the Electron binary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built renderer; GLOSS_RENDERER_DIR points elsewhere (several builds side by side). */
export const RENDERER_DIR = process.env.GLOSS_RENDERER_DIR ? resolve(process.env.GLOSS_RENDERER_DIR) : join(ROOT, 'out/renderer');
export const MAIN_ENTRY = join(ROOT, 'out/main/index.js');
export const SAMPLE_PATH = join(ROOT, 'resources/sample-interview.txt');

/**
 * Debian's Chromium when installed (this machine cannot download Playwright's
 * browsers); otherwise undefined, so Playwright uses its own. GLOSS_CHROMIUM overrides.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.GLOSS_CHROMIUM) return process.env.GLOSS_CHROMIUM;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The Electron binary, or a reason why there is none. */
export function electronBinary(): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(ROOT, 'node_modules/electron/path.txt');
  if (override) {
    const candidates = ['electron', 'Electron.app/Contents/MacOS/Electron', 'electron.exe'].map((f) => join(override, f));
    const found = candidates.find((c) => existsSync(c));
    return found ? { path: found } : { missing: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron binary` };
  }
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing: the binary is downloaded from GitHub releases, which this machine cannot reach)',
    };
  }
  const path = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { missing: `the Electron binary ${path} does not exist` };
}
