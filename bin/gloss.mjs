#!/usr/bin/env node
// The `gloss` command: runs the built command line (out/cli/gloss.js). In a source checkout it builds it first
// when it is missing or older than the sources (about two seconds, once); otherwise it starts at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'out/cli/gloss.js');

/** The newest modification time of the files the command line is built from. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'renderer' || entry.name === 'preload') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = join(root, 'src');
const stale = !existsSync(built) || (existsSync(sources) && newestSource(sources) > statSync(built).mtimeMs);
if (stale) {
  if (!existsSync(sources)) {
    process.stderr.write('gloss: the command line is not built; run `npm run build` first.\n');
    process.exit(2);
  }
  const { build } = await import('vite');
  // The build's paths are relative to the project folder.
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await build({ configFile: join(root, 'vite.cli.config.ts'), root, logLevel: 'silent' });
  } finally {
    process.chdir(cwd);
  }
}
await import(built);
