#!/usr/bin/env node
// The `gloss` command: runs the built command line (npm run build makes it).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';


const built = fileURLToPath(new URL('../out/cli/gloss.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('gloss: the command line is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
await import(built);
