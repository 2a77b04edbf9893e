/**
 * Finds the script of the import worker (import-worker.ts), wherever import
 * runs. Node 20 cannot start a worker thread from TypeScript, so:
 *
 * - Built: electron-vite (out/main/) and the command line's Vite build
 *   (out/cli/) each build import-worker.js as a second entry beside their
 *   main bundle, and this module, bundled with them, finds it beside itself.
 * - From TypeScript source (Vitest, the end-to-end tests' bridge loaded by
 *   Playwright, the bench): the worker is bundled with Vite into
 *   node_modules/.cache/gloss-import-worker/HASH/, HASH being a hash of the
 *   source files it is built from, so it is built once per change of the
 *   sources and shared by every process (each builds into a folder of its
 *   own and renames it into place, so processes racing do not clash).
 *   Packages stay external and resolve from the project's node_modules.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUILT_NAME = 'import-worker.js';
/** The folders of source the worker is built from: they decide the cache key. */
const SOURCE_FOLDERS = ['src/core', 'src/shared', 'src/main/import'];

let found: Promise<URL> | null = null;

/** The worker script's URL; from source, builds it first if the sources changed since the last build. */
export function importWorkerScript(): Promise<URL> {
  found ??= locate().catch((error: unknown) => {
    found = null; // A failed build is tried again on the next import.
    throw error;
  });
  return found;
}

async function locate(): Promise<URL> {
  const here = import.meta.url;
  if (!/\.[cm]?ts$/.test(new URL(here).pathname)) {
    // Bundled: the worker sits beside the bundle, or one folder up if this code went into a chunk in a subfolder.
    for (const candidate of [new URL(`./${BUILT_NAME}`, here), new URL(`../${BUILT_NAME}`, here)]) {
      if (existsSync(candidate)) return candidate;
    }
    throw new Error(`the import worker ${BUILT_NAME} is missing beside ${fileURLToPath(here)}; build again with npm run build`);
  }
  return pathToFileURL(await buildFromSource(fileURLToPath(new URL('../../../', here))));
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function sourceHash(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of SOURCE_FOLDERS) {
    for (const file of await sourceFiles(join(root, folder))) hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildFromSource(root: string): Promise<string> {
  const cache = join(root, 'node_modules/.cache/gloss-import-worker');
  const hash = await sourceHash(root);
  const done = join(cache, hash);
  // .mjs: an ES module whatever package.json the cache folder falls under.
  const script = join(done, 'import-worker.mjs');
  if (existsSync(script)) return script;

  const scratch = `${done}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  // Kept out of the bundles' reach: Vite is a development tool, needed only when running from source.
  const vite = 'vite';
  const { build } = (await import(/* @vite-ignore */ vite)) as typeof import('vite');
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      ssr: join(root, 'src/main/import/import-worker.ts'),
      outDir: scratch,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'es', entryFileNames: 'import-worker.mjs' },
      },
    },
  });
  await mkdir(cache, { recursive: true });
  try {
    await rename(scratch, done);
  } catch (error) {
    // Another process finished the same build first: use its copy.
    await rm(scratch, { recursive: true, force: true });
    if (!existsSync(script)) throw error;
  }
  await pruneOldBuilds(cache, hash);
  return script;
}

/** Removes builds of older sources (a day unused), and scratch folders left by a process that died. */
async function pruneOldBuilds(cache: string, keep: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of await readdir(cache)) {
    if (name === keep) continue;
    const path = join(cache, name);
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < dayAgo) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}
