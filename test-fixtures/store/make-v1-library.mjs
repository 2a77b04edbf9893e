// Writes the version-1 library in test-fixtures/store/v1/ with the store as it
// was before schema version 2 (commit 549b866), run from source through Vite's
// module loader. Kept to show how the fixture was made; it needs that commit:
//
//   git worktree add /tmp/gloss-v1 549b866 && ln -s "$PWD/node_modules" /tmp/gloss-v1/node_modules
//   node test-fixtures/store/make-v1-library.mjs /tmp/gloss-v1 test-fixtures/store/v1
//   git worktree remove --force /tmp/gloss-v1
//
// What it holds: the sample, a plain-text interview with timestamps, a WebVTT
// meeting (renamed), each with highlights and notes (curly quotes and accents
// among them), and a lecture whose changes went to annotations.log. Then one
// document is rewritten by hand in the earliest version-1 shape: the text inside
// transcript.json (no source.txt), highlights without a sequence number, no
// counts file.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { createServer } from 'vite';

const [root, outArg] = process.argv.slice(2);
const out = resolve(outArg);
const fixtures = resolve(import.meta.dirname, '..');
const server = await createServer({ root, configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true } });
const { LibraryStore } = await server.ssrLoadModule('/src/main/store/library-store.ts');
const { createSelectors } = await server.ssrLoadModule('/src/core/anchoring/selectors.ts');
const { plainTextOf } = await server.ssrLoadModule('/src/core/transcript/plain-text.ts');
const { parseTranscript } = await server.ssrLoadModule('/src/core/transcript/parse-transcript.ts');

await rm(out, { recursive: true, force: true });
let clock = Date.parse('2026-03-01T09:00:00.000Z');
const now = () => new Date((clock += 60_000));
const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const text = (name) => readFile(join(fixtures, name), 'utf8');

async function highlight(store, documentId, n, quote, color, note) {
  const plain = plainTextOf((await store.open(documentId)).transcript);
  const start = plain.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" not found`);
  return store.createAnnotation({ documentId, id: id(n), color, note, selectors: createSelectors(plain, start, start + quote.length) });
}

const store = await LibraryStore.open(out, now);
await store.addSampleOnce(await readFile(join(root, 'resources/sample-interview.txt'), 'utf8'));
const [sample] = await store.list();
await highlight(store, sample.id, 1, 'gremlin', 'green', 'Agents as gremlins');
await highlight(store, sample.id, 2, 'scaling laws', 'pink', '');
await highlight(store, sample.id, 3, 'Anthropic', 'yellow', 'to be removed');
await store.updateAnnotation({ documentId: sample.id, id: id(2), note: 'Compute, data — and “scale”' });
await store.deleteAnnotation(sample.id, id(3));

const interview = await store.importText({ text: await text('plain-text/rev-timed-labels.txt'), source: 'rev-timed-labels.txt', fallbackTitle: 'Timed interview' });
const interviewText = plainTextOf((await store.open(interview.id)).transcript);
await highlight(store, interview.id, 4, interviewText.slice(0, 12), 'blue', 'Café opening, naïve question');

const vtt = await text('captions/zoom-meeting.vtt');
const meeting = (await store.importTranscript({ text: vtt, transcript: parseTranscript(vtt, 'webvtt', 'Meeting'), format: 'webvtt', source: 'zoom-meeting.vtt' })).document;
await store.renameDocument(meeting.id, 'Team meeting, March');
const meetingText = plainTextOf((await store.open(meeting.id)).transcript);
await highlight(store, meeting.id, 5, meetingText.slice(0, 10), 'purple', '');

const screenplay = await store.importText({ text: await text('plain-text/caps-screenplay.txt'), source: 'caps-screenplay.txt', fallbackTitle: 'Screenplay' });
const screenplayText = plainTextOf((await store.open(screenplay.id)).transcript);
await highlight(store, screenplay.id, 6, screenplayText.slice(0, 8), 'green', 'From the oldest files');

// The lecture's changes go to the log: the first one writes the snapshot (seq 1), the others are appended.
const logging = await LibraryStore.open(out, now, { appendFrom: 0, foldAt: 1e9 });
const lecture = await logging.importText({ text: await text('plain-text/lecture-no-labels.txt'), source: 'lecture-no-labels.txt', fallbackTitle: 'Lecture' });
const lectureText = plainTextOf((await logging.open(lecture.id)).transcript);
await highlight(logging, lecture.id, 7, lectureText.slice(0, 9), 'yellow', 'First');
await highlight(logging, lecture.id, 8, lectureText.slice(10, 20), 'pink', 'Second, removed');
await logging.updateAnnotation({ documentId: lecture.id, id: id(7), note: 'First, changed in the log' });
await logging.deleteAnnotation(lecture.id, id(8));
await highlight(logging, lecture.id, 9, lectureText.slice(20, 30), 'blue', 'Third');

// The earliest version-1 shape, by hand: the text inside transcript.json, highlights without a sequence number.
const dir = join(out, 'documents', screenplay.id);
const transcriptFile = JSON.parse(await readFile(join(dir, 'transcript.json'), 'utf8'));
const source = await readFile(join(dir, 'source.txt'), 'utf8');
await writeFile(join(dir, 'transcript.json'), JSON.stringify({ schemaVersion: 1, document: transcriptFile.document, text: source, transcript: transcriptFile.transcript }));
await rm(join(dir, 'source.txt'));
const { seq: _seq, ...annotations } = JSON.parse(await readFile(join(dir, 'annotations.json'), 'utf8'));
await writeFile(join(dir, 'annotations.json'), JSON.stringify(annotations));
await rm(join(dir, 'counts.json'));

await server.close();
process.stdout.write(`${JSON.stringify({ sample: sample.id, interview: interview.id, meeting: meeting.id, screenplay: screenplay.id, lecture: lecture.id })}\n`);
