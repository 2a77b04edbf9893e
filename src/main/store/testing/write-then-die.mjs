// Child process of the kill test (kill.test.ts): runs the store's workload
// (kill-workload.ts) until the parent kills it with SIGKILL, printing one JSON
// line per step. It loads the workload from the bundle the test builds once
// (GLOSS_KILL_BUNDLE, ready in about 0.1 s), or else from source through
// Vite's module loader (about 2 s, no build needed: for running it by hand).
// It says {"e":"ready"} once loaded, then waits for its configuration (one
// JSON line on stdin), so the parent can start the next child while it checks
// the last one's library.
//
//   node src/main/store/testing/write-then-die.mjs <<< '{"dataDir":"/tmp/lib","seed":1}'
import { resolve } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

async function loadWorkload() {
  const bundle = process.env.GLOSS_KILL_BUNDLE;
  if (bundle) return import(pathToFileURL(bundle).href);
  const { createServer } = await import('vite');
  const root = resolve(import.meta.dirname, '../../../..');
  const server = await createServer({ root, configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true } });
  return server.ssrLoadModule('/src/main/store/testing/kill-workload.ts');
}

// Lines go out with a synchronous write (stdout to a pipe is synchronous on Linux and macOS), so a line the
// parent has not read yet is in the pipe, not lost, when the process dies.
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

const { runWorkload } = await loadWorkload();
emit({ e: 'ready' });
const input = createInterface({ input: process.stdin });
const [line] = await input[Symbol.asyncIterator]().next().then((r) => [r.value]);
input.close();
try {
  await runWorkload(JSON.parse(line), emit);
  emit({ e: 'done' });
} catch (error) {
  emit({ e: 'error', message: String(error?.stack ?? error) });
  process.exitCode = 1;
}
