/**
 * The app's command server as `gloss` reaches it: over a real socket, only
 * with the token, every request validated before it runs, the app's own
 * store doing the work, and the window told which document changed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { parsePlainText } from '../../core/transcript/parse-plain-text';
import { plainTextOf } from '../../core/transcript/plain-text';
import { type Annotation, type CodeOperation, DEFAULT_COLOR_NAMES } from '../../shared/model';
import { GlossError } from '../store/errors';
import { AppUnreachableError, sendCommand } from './command-client';
import { type CommandServer, startCommandServer } from './command-server';
import { commandSocketPath, newCommandEndpoint } from './endpoint';
import type { CommandStore } from './write-commands';

const transcript = parsePlainText(readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8'));
const plainText = plainTextOf(transcript);
const DOC = '11111111-1111-4111-8111-111111111111';

/** A store holding the sample interview in memory, recording what it was asked. */
function fakeStore() {
  const annotations: Annotation[] = [];
  const operations: CodeOperation[] = [];
  const replaced: string[] = [];
  const store: CommandStore = {
    async createAnnotation(input) {
      const at = '2026-01-02T03:04:05.000Z';
      const a: Annotation = { note: '', noteState: null, codes: [], ...input, createdAt: at, updatedAt: at } as Annotation;
      annotations.push(a);
      return a;
    },
    async highlightsOf(documentId) {
      if (documentId !== DOC) throw new GlossError('not-found', `No document with id ${documentId}.`);
      const document = { id: DOC, title: 'Sample', source: 'Sample transcript', format: 'text' as const, hash: '0'.repeat(64), speakers: transcript.speakers, wordCount: 1, addedAt: '', openedAt: null };
      return { document, transcript, plainText, annotations };
    },
    colorNames() {
      return { ...DEFAULT_COLOR_NAMES, yellow: 'Key claim' };
    },
    async applyCodeOperation(operation) {
      operations.push(operation);
      return { highlightsChanged: 3, documentsChanged: 2, undoToken: 'x' };
    },
    async replaceTextFromPath(documentId, path) {
      replaced.push(path);
      return { documentId, kept: 0, moved: 0, changed: 0, orphaned: 0, highlights: [], previousVersion: 'documents/x/versions/t', undoToken: 't' };
    },
    async revertText(documentId, undoToken) {
      replaced.push(undoToken);
      return { documentId, kept: 0, moved: 0, changed: 0, orphaned: 0, highlights: [], previousVersion: 'documents/x/versions/u', undoToken: 'u' };
    },
  };
  return { store, annotations, operations, replaced };
}

let dir: string;
let server: CommandServer | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-remote-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  await rm(dir, { recursive: true, force: true });
});

async function serve() {
  const fake = fakeStore();
  const changed: (string | null)[] = [];
  const endpoint = newCommandEndpoint(dir);
  server = await startCommandServer({ store: fake.store, endpoint, onChanged: (id) => changed.push(id), newId: () => '22222222-2222-4222-8222-222222222222' });
  return { ...fake, changed, endpoint };
}

/** Sends one raw line and reads the reply. */
function raw(socket: string, line: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const c = connect(socket);
    let got = '';
    c.setEncoding('utf8');
    c.on('connect', () => c.write(`${line}\n`));
    c.on('data', (d: string) => (got += d));
    c.on('end', () => resolve(JSON.parse(got)));
    c.on('error', reject);
  });
}

test('makes a highlight on the app’s store from a quote, answers with it, and says which document changed', async () => {
  const { endpoint, annotations, changed } = await serve();
  const made = await sendCommand(endpoint, 'highlight', { documentId: DOC, quote: "the world's most advanced", color: 'yellow', codes: ['theme/ai'], note: '**why**' });
  const start = plainText.indexOf('the world’s most advanced');
  expect(made).toMatchObject({ id: '22222222-2222-4222-8222-222222222222', quote: 'the world’s most advanced', start, colorName: 'Key claim', codes: ['theme/ai'], note: '**why**' });
  expect(annotations[0].selectors.position).toEqual({ type: 'TextPositionSelector', start, end: start + 'the world’s most advanced'.length });
  expect(changed).toEqual([DOC]);
});

test('a quote not found, or found more than once without an occurrence, is an error and nothing is made', async () => {
  const { endpoint, annotations, changed } = await serve();
  const send = (quote: string, occurrence?: number) => sendCommand(endpoint, 'highlight', { documentId: DOC, quote, occurrence, color: 'green', codes: [] });
  await expect(send('gremlins everywhere')).rejects.toThrow(/The quote “gremlins everywhere” is not in “Sample” \(1111.*nothing was written/);
  const ambiguous = await send('scaling laws').catch((e: GlossError) => e);
  expect(ambiguous).toBeInstanceOf(GlossError);
  expect((ambiguous as GlossError).message).toMatch(/occurs 4 times in “Sample”.*--occurrence N/);
  expect((ambiguous as GlossError).message.split('\n').slice(1)).toEqual([
    expect.stringMatching(/^ {2}1\. at \d+: .*\[scaling laws\]/),
    expect.stringMatching(/^ {2}2\. at \d+ \(Dario Amodei\): …s and I’ve been following the \[scaling laws\] for most of that period\. I th…$/),
    expect.stringMatching(/^ {2}3\. at \d+ \(Dario Amodei\): /),
    expect.stringMatching(/^ {2}4\. at \d+ \(Dario Amodei\): /),
  ]);
  await expect(send('scaling laws', 5)).rejects.toThrow(/occurs only 4 times/);
  expect(annotations).toEqual([]);
  expect(changed).toEqual([]);
  const third = await send('scaling laws', 3);
  const starts: number[] = [];
  for (let at = plainText.indexOf('scaling laws'); at >= 0; at = plainText.indexOf('scaling laws', at + 1)) starts.push(at);
  expect(third.start).toBe(starts[2]);
});

test('code operations run on the app’s store and change the whole library', async () => {
  const { endpoint, operations, changed } = await serve();
  expect(await sendCommand(endpoint, 'codes', { operation: { kind: 'rename', from: 'a', to: 'b' } })).toEqual({ highlightsChanged: 3, documentsChanged: 2 });
  expect(operations).toEqual([{ kind: 'rename', from: 'a', to: 'b' }]);
  expect(changed).toEqual([null]);
});

test('a text replacement runs on the app’s store with the file’s absolute path and says which document changed', async () => {
  const { endpoint, replaced, changed } = await serve();
  expect(await sendCommand(endpoint, 'replace-text', { documentId: DOC, path: join(dir, 'corrected.txt') })).toMatchObject({ documentId: DOC, undoToken: 't' });
  expect(await sendCommand(endpoint, 'revert-text', { documentId: DOC, undoToken: 't' })).toMatchObject({ undoToken: 'u' });
  expect(replaced).toEqual([join(dir, 'corrected.txt'), 't']);
  expect(changed).toEqual([DOC, DOC]);
  const request = { version: 1, token: endpoint.token, name: 'replace-text', request: { documentId: DOC, path: 'relative.txt' } };
  expect(await raw(endpoint.socket, JSON.stringify(request))).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect(replaced).toHaveLength(2);
});

test('refuses a request without the token, or that fails validation, before anything runs', async () => {
  const { endpoint, annotations, operations } = await serve();
  const request = { version: 1, token: endpoint.token, name: 'highlight', request: { documentId: DOC, quote: 'gremlin', color: 'yellow', codes: [] } };
  expect(await raw(endpoint.socket, JSON.stringify({ ...request, token: 'guess' }))).toEqual({ ok: false, error: { code: 'invalid-request', message: 'The request does not carry this app’s token.' } });
  expect(await raw(endpoint.socket, JSON.stringify({ ...request, token: undefined }))).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect(await raw(endpoint.socket, 'not json')).toMatchObject({ ok: false, error: { message: 'The request is not JSON.' } });
  for (const bad of [
    { ...request.request, color: 'mauve' },
    { ...request.request, codes: ['ok', ''] },
    { ...request.request, occurrence: 0 },
    { ...request.request, extra: true },
  ]) {
    expect(await raw(endpoint.socket, JSON.stringify({ ...request, request: bad }))).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^Refused request: /) } });
  }
  expect(await raw(endpoint.socket, JSON.stringify({ ...request, name: 'codes', request: { operation: { kind: 'explode' } } }))).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect(annotations).toEqual([]);
  expect(operations).toEqual([]);
  // The valid request, for contrast: it does run.
  expect(await raw(endpoint.socket, JSON.stringify(request))).toMatchObject({ ok: true, value: { quote: 'gremlin' } });
});

test.skipIf(process.platform === 'win32')('the socket is its owner’s only, short enough for any Unix, and one left by a crash is replaced', async () => {
  const endpoint = newCommandEndpoint(dir);
  expect(Buffer.byteLength(endpoint.socket)).toBeLessThanOrEqual(100);
  expect(commandSocketPath('/a'.repeat(200), 'linux', '/t'.repeat(80))).toMatch(/^\/tmp\/gloss-[0-9a-f]{16}\.sock$/);
  expect(commandSocketPath(dir, 'win32')).toMatch(/^\\\\\.\\pipe\\gloss-[0-9a-f]{16}$/);
  // An app killed while serving leaves its socket behind, and nothing answers there.
  const killed = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(endpoint.socket)}, () => process.kill(process.pid, 'SIGKILL'))`]);
  await new Promise((resolve) => killed.on('exit', resolve));
  expect((await stat(endpoint.socket)).isSocket()).toBe(true);
  const gone = await sendCommand(endpoint, 'codes', { operation: { kind: 'delete', code: 'a' } }).catch((e: unknown) => e);
  expect(gone).toBeInstanceOf(AppUnreachableError);
  // The next app takes its place.
  const again = await serve();
  expect(again.endpoint.socket).toBe(endpoint.socket);
  expect(((await stat(endpoint.socket)).mode & 0o777).toString(8)).toBe('600');
  expect(await sendCommand(again.endpoint, 'codes', { operation: { kind: 'delete', code: 'a' } })).toEqual({ highlightsChanged: 3, documentsChanged: 2 });
});
