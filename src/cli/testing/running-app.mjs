// Child process standing in for the running app in the command-line tests: opens the library the way the app
// does (taking its lock, naming its command socket) and serves gloss commands as the app does (printing
// "changed <id>" when one changed a document), adds the sample, then makes highlights one after another, printing
// "saved <n>" after each acknowledged write, until it reads "stop" on stdin; then it lists the library as the app
// would (which picks up documents added beside it) and prints the list as one JSON line, and the sample's
// highlights as it holds them in memory as another, before releasing the lock.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL, fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const [dataDir] = process.argv.slice(2);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const server = await createServer({ root, configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true } });
const { openAsApp } = await server.ssrLoadModule('/src/main/store/library-access.ts');
const { createSelectors } = await server.ssrLoadModule('/src/core/anchoring/selectors.ts');
const { plainTextOf } = await server.ssrLoadModule('/src/core/transcript/plain-text.ts');
const { newCommandEndpoint } = await server.ssrLoadModule('/src/main/remote/endpoint.ts');
const { startCommandServer } = await server.ssrLoadModule('/src/main/remote/command-server.ts');

const endpoint = newCommandEndpoint(dataDir);
const { store, release } = await openAsApp(dataDir, { onNotice: () => undefined }, endpoint);
const commands = await startCommandServer({ store, endpoint, onChanged: (documentId) => process.stdout.write(`changed ${documentId}\n`) });
await store.addSampleOnce(readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8'));
const [sample] = await store.list();
const text = plainTextOf((await store.open(sample.id)).transcript);
const start = text.indexOf('gremlin');
const selectors = createSelectors(text, start, start + 7);
process.stdout.write(`ready ${sample.id}\n`);

let stopping = false;
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'stop') stopping = true;
});
for (let n = 1; !stopping; n++) {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await store.createAnnotation({ documentId: sample.id, id, color: 'yellow', selectors, note: `note ${n}` });
  process.stdout.write(`saved ${n}\n`);
  await sleep(5);
}
process.stdout.write(`${JSON.stringify(await store.list())}\n`);
process.stdout.write(`${JSON.stringify({ inMemory: (await store.highlightsOf(sample.id)).annotations })}\n`);
await commands.close();
await release();
await server.close();
