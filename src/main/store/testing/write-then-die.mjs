// Child process for the kill test: opens the store from source (through Vite's
// module loader, so no build is needed), creates highlights one after another and
// prints "saved <n>" after each write is acknowledged. The parent kills it with SIGKILL.
// An optional last argument (JSON) sets when changes go to the change log.
import process from 'node:process';
import { createServer } from 'vite';

const [dataDir, documentId, quoteStart, quoteEnd, count, changeLog] = process.argv.slice(2);
const server = await createServer({ configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true } });
const { LibraryStore } = await server.ssrLoadModule('/src/main/store/library-store.ts');
const { createSelectors } = await server.ssrLoadModule('/src/core/anchoring/selectors.ts');
const { plainTextOf } = await server.ssrLoadModule('/src/core/transcript/plain-text.ts');

const store = await LibraryStore.open(dataDir, undefined, changeLog ? JSON.parse(changeLog) : undefined);
const text = plainTextOf((await store.open(documentId)).transcript);
const selectors = createSelectors(text, Number(quoteStart), Number(quoteEnd));
for (let n = 1; n <= Number(count); n++) {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await store.createAnnotation({ documentId, id, color: 'yellow', selectors, note: `note ${n}` });
  process.stdout.write(`saved ${n}\n`);
}
process.stdout.write('done\n');
await new Promise(() => {});
