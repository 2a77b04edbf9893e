// Writes the version-3 library in test-fixtures/store/v3/ with the store as it
// was at schema version 3 (commit ea1c2e4, just before version 4), run from
// source through Vite's module loader. Kept to show how the fixture was made:
//
//   git worktree add /tmp/gloss-v3 ea1c2e4 && ln -s "$PWD/node_modules" /tmp/gloss-v3/node_modules
//   node test-fixtures/store/make-v3-library.mjs /tmp/gloss-v3 test-fixtures/store/v3
//   git worktree remove --force /tmp/gloss-v3
//
// What it holds: the sample with three highlights (colours, codes, a note),
// their later changes in annotations.log (a note changed, a highlight added
// and one removed), a named colour and a described code in the codebook, and
// a notebook for the document and one for the library, each quoting a highlight.
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import process from 'node:process';
import { createServer } from 'vite';

const [root, outArg] = process.argv.slice(2);
const out = resolve(outArg);
const fixtures = resolve(import.meta.dirname, '..');
const server = await createServer({ root, configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true } });
const { LibraryStore } = await server.ssrLoadModule('/src/main/store/library-store.ts');
const { createSelectors } = await server.ssrLoadModule('/src/core/anchoring/selectors.ts');
const { plainTextOf } = await server.ssrLoadModule('/src/core/transcript/plain-text.ts');
const { readFile } = await import('node:fs/promises');

await rm(out, { recursive: true, force: true });
let clock = Date.parse('2026-11-25T10:00:00.000Z');
const now = () => new Date((clock += 60_000));
const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const sample = await readFile(resolve(fixtures, 'reanchor/sample-interview.txt'), 'utf8');
let store = await LibraryStore.open(out, { now, onNotice: () => undefined });
await store.addSampleOnce(sample);
const [doc] = await store.list();
const text = plainTextOf((await store.open(doc.id)).transcript);
const at = (quote) => createSelectors(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
await store.createAnnotation({ documentId: doc.id, id: id(1), color: 'yellow', selectors: at('let a gremlin loose'), note: 'Agents as gremlins', codes: ['theme/risk'] });
await store.createAnnotation({ documentId: doc.id, id: id(2), color: 'green', selectors: at('scaling laws'), codes: ['theme/scale', 'method'] });
await store.createAnnotation({ documentId: doc.id, id: id(3), color: 'pink', selectors: at('No one is more tired of it than me') });
await store.nameColor('yellow', 'Key claim');
await store.describeCode('theme/risk', { color: 'red', description: 'What could go wrong' });
const quote = (highlightId) => ({ type: 'highlight-quote', documentId: doc.id, highlightId, children: [{ type: 'text', text: 'quoted' }] });
await store.saveNotebook(doc.id, JSON.stringify({ root: { type: 'root', children: [quote(id(1))] } }), '> let a gremlin loose');
await store.saveNotebook(null, JSON.stringify({ root: { type: 'root', children: [quote(id(2))] } }), '> scaling laws');

// Later changes go to the change log.
store = await LibraryStore.open(out, { now, changeLog: { appendFrom: 0, foldAt: 100 }, onNotice: () => undefined });
await store.updateAnnotation({ documentId: doc.id, id: id(2), note: 'Changed in the log' });
await store.createAnnotation({ documentId: doc.id, id: id(4), color: 'blue', selectors: at('Machines of Loving Grace'), codes: ['theme/risk/ai'] });
await store.deleteAnnotation(doc.id, id(3));
await server.close();
process.stdout.write(`wrote ${out}: document ${doc.id}\n`);
