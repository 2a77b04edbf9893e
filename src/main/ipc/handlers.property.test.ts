/**
 * Property-based test of the IPC boundary: every channel of the contract gets
 * a thousand random payloads (arbitrary values, and near misses of
 * a valid request: wrong types, missing and extra keys, prototype-polluting
 * keys, huge strings, bad offsets, ids that are not UUIDs or name nothing,
 * typed arrays, deep nesting). Each answer must be a well-formed envelope
 * with a known error code and a readable message, never 'internal'; no call
 * may throw or pollute a prototype; and a refused call must leave the data
 * folder byte for byte as it was, and must not open a dialog.
 */
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSelectors } from '../../core/anchoring/selectors';
import { plainTextOf } from '../../core/transcript/plain-text';
import { unpackDocument } from '../../core/wire/packed-document';
import { CHANNELS, type Channel, type Envelope, type ErrorCode, type RequestOf } from '../../shared/contract';
import { DEFAULT_MARKDOWN_OPTIONS, type Annotation } from '../../shared/model';
import { MAX_IMPORT_BYTES } from '../import/read-transcript-file';
import { SEARCH_INDEX_FILE } from '../store/layout';
import { LibraryStore } from '../store/library-store';
import { createHandlers, invokeHandler, type Handlers } from './handlers';
import { MAX_DROPPED_FILES, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH, MAX_TITLE_LENGTH } from './schemas';

/** Random payloads sent to each channel. */
const PAYLOADS_PER_CHANNEL = 2_000;
/** Random channel names sent to the dispatcher. */
const CHANNEL_NAMES = 1_000;

/** Every error code a refusal may carry: all but 'internal', which would mean a handler failed unexpectedly. */
const REFUSAL_CODES: Record<Exclude<ErrorCode, 'internal'>, true> = {
  'invalid-request': true,
  'not-found': true,
  conflict: true,
  storage: true,
  'read-only': true,
};

const sample = readFileSync(new URL('../../../resources/sample-interview.txt', import.meta.url), 'utf8');
const NEW_HIGHLIGHT = '6a0c9e2d-41b7-4f3e-8d25-0b9c7e1f4a63';
const EXISTING_HIGHLIGHT = '3f2b8c1e-5d4a-4c7b-9e8f-1a2b3c4d5e6f';

let dir: string;
let dataDir: string;
let handlers: Handlers;
let documentId: string;
let text: string;
let existing: Annotation;
let dialogCalls = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-ipc-property-'));
  dataDir = join(dir, 'data');
  await mkdir(join(dir, 'exports'));
  const store = await LibraryStore.open(dataDir);
  await store.addSampleOnce(sample);
  handlers = createHandlers({
    store,
    chooseExportPath: async () => {
      dialogCalls++;
      return join(dir, 'exports', 'export.md');
    },
    chooseFilesToOpen: async () => {
      dialogCalls++;
      return [];
    },
    chooseExportFolder: async () => {
      dialogCalls++;
      return join(dir, 'exports');
    },
    now: () => new Date('2026-11-26T12:00:00Z'),
  });
  documentId = value(await handlers['library:list']({}))[0].id;
  text = plainTextOf(unpackDocument(value(await handlers['documents:open']({ documentId }))).transcript);
  existing = value(await handlers['annotations:create']({ ...highlightOf('gremlin'), id: EXISTING_HIGHLIGHT, note: 'a note', codes: ['theme/risk', 'method'] }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function value<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
}

function highlightOf(quote: string): RequestOf<'annotations:create'> {
  const start = text.indexOf(quote);
  return { documentId, id: NEW_HIGHLIGHT, color: 'green', selectors: createSelectors(text, start, start + quote.length), note: 'why' };
}

/** A valid request for each channel, from which the near misses are made. */
const validRequests: { [C in Channel]: () => RequestOf<C> } = {
  'library:list': () => ({}),
  'library:status': () => ({}),
  'library:import-dialog': () => ({}),
  // The sample again: a valid import of it finds the document already there.
  'library:import-files': () => ({ files: [{ name: 'sample.txt', bytes: new TextEncoder().encode(sample) }] }),
  'documents:open': () => ({ documentId }),
  'documents:rename': () => ({ documentId, title: 'A new title' }),
  'documents:remove': () => ({ documentId }),
  'annotations:create': () => highlightOf('let a gremlin loose'),
  'annotations:update': () => ({ documentId, id: EXISTING_HIGHLIGHT, color: 'blue', note: 'changed' }),
  'annotations:delete': () => ({ documentId, id: EXISTING_HIGHLIGHT }),
  // The highlight as it was made: it exists, so a valid restore is refused (a near miss with another id may restore).
  'annotations:restore': () => ({ annotation: structuredClone(existing) }),
  'codebook:get': () => ({}),
  'codebook:name-color': () => ({ color: 'yellow', name: 'key claim' }),
  'codebook:describe-code': () => ({ path: 'theme/risk', color: 'red', description: 'What could go wrong' }),
  'codes:apply': () => ({ operation: { kind: 'rename', from: 'method', to: 'approach' } }),
  'codes:revert': () => ({ undoToken: 'a token this session never gave' }),
  'overview:get': () => ({ documentId }),
  'overview:highlights': () => ({ documentId, speaker: 'Dario Amodei', code: 'theme', color: 'green' }),
  'notebook:open': () => ({ documentId }),
  'notebook:save': () => ({ documentId, state: JSON.stringify({ root: { type: 'root', children: [] } }), markdown: '# Notes' }),
  // The same text again: every highlight is kept where it is.
  'documents:replace-text-dialog': () => ({ documentId }),
  'documents:replace-text': () => ({ documentId, file: { name: 'sample.txt', bytes: new TextEncoder().encode(sample) } }),
  'documents:adopt-version': () => ({ documentId: '00000000-0000-4000-8000-000000000000', into: documentId }),
  'documents:revert-text': () => ({ documentId, undoToken: 'a token this session never gave' }),
  'annotations:reattach': () => ({ documentId, id: EXISTING_HIGHLIGHT, selectors: structuredClone(existing.selectors) }),
  'search:query': () => ({ query: 'gremlin speaker:"Dario Amodei"', documentId, limit: 20 }),
  'export:markdown': () => ({ documentId }),
  'export:run': () => ({ format: 'md', documentIds: [documentId], markdown: { ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'speaker' }, filter: { colors: ['green'], codes: ['theme'], speakers: [null], withNote: false } }),
  'export:preview': () => ({ format: 'qdpx', documentIds: [], all: true }),
  'export:options': () => ({}),
  'exchange:import-dialog': () => ({ documentId }),
  'library:backup-dialog': () => ({}),
  'library:restore-dialog': () => ({}),
  'settings:get': () => ({}),
  'settings:set': () => ({ change: { theme: 'dark', textSize: 18, sidePanelCollapsed: true } }),
  'documents:reading-position': () => ({ documentId }),
  'documents:save-reading-position': () => ({ documentId, position: { offset: 1200, top: -14.5 } }),
  'tasks:cancel': () => ({ taskId: '00000000-0000-4000-8000-000000000000' }),
};

/**
 * Channels whose valid request takes away what the other payloads aim at: they
 * get only near misses, and run last (a near miss can still be valid, say as an
 * object without a prototype), removing the document last of all.
 */
const DESTRUCTIVE: readonly Channel[] = ['annotations:delete', 'documents:remove'];
const CHANNELS_IN_ORDER: Channel[] = [...CHANNELS.filter((c) => !DESTRUCTIVE.includes(c)), ...DESTRUCTIVE];

// ---------------------------------------------------------------------------
// Payloads

type Path = (string | number)[];

/** Every place in a request a value sits at, objects and arrays included. */
function pathsOf(node: unknown, at: Path = []): Path[] {
  if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return [at];
  const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
  return [at, ...keys.flatMap((k) => pathsOf((node as Record<string | number, unknown>)[k], [...at, k]))];
}

const bigStrings = new Map<number, string>();
/** A string of n characters, built once per length. */
function big(n: number): string {
  if (!bigStrings.has(n)) bigStrings.set(n, 'x'.repeat(n));
  return bigStrings.get(n)!;
}

let oversized: Uint8Array | undefined;
/** A file one byte over the import limit, allocated once. */
function oversizedFile(): Uint8Array {
  oversized ??= labelled(new Uint8Array(MAX_IMPORT_BYTES + 1), 'a file of MAX_IMPORT_BYTES + 1 bytes');
  return oversized;
}

function nested(depth: number, inArrays: boolean): unknown {
  let node: unknown = 'bottom';
  for (let i = 0; i < depth; i++) node = inArrays ? [node] : { a: node };
  return labelled(node as object, `${inArrays ? 'arrays' : 'objects'} nested ${depth} deep`);
}

/** Gives a value a short description for fast-check's report of a failing payload, which would print it whole. */
function labelled<T extends object>(node: T, description: string): T {
  return Object.defineProperty(node, fc.toStringMethod, { value: () => `<${description}>`, enumerable: false });
}

/** Object keys that attack prototypes or lookups, and some ordinary ones. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'isAdmin', 'polluted', ''),
  fc.string({ maxLength: 12 }),
);

const anyValue = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  key: hostileKey,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
});

/**
 * Values that are wrong where a request has a string, a number, an id, an
 * offset, a file or an object. A file over the size limit is tried only where
 * a file's bytes go (see the known defect at the end of this file).
 */
function hostileValue(path: Path): fc.Arbitrary<unknown> {
  const ids = fc.oneof(
    fc.uuid(), // valid, and the id of nothing
    fc.constantFrom(
      documentId.toUpperCase(),
      ` ${documentId}`,
      `${documentId}\n`,
      `{${documentId}}`,
      documentId.replace(/-/g, ''),
      documentId.slice(0, -1),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '../../etc/passwd',
      '..',
      '.',
      '/',
      'documents',
      'C:\\Windows',
      '%2e%2e%2f',
      'library.json',
      EXISTING_HIGHLIGHT,
      NEW_HIGHLIGHT,
    ),
  );
  const numbers = fc.oneof(
    fc.constantFrom(-1, -0, 0.5, 3.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 31, 2 ** 32, 1e21, text.length, text.length + 1),
    fc.integer(),
    fc.double(),
    fc.bigInt(),
    fc.constantFrom('1', '-1', 'NaN', '1e3', '0x10'),
  );
  const strings = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', '\r', '\n\n', '\u202E', '\u200B', 'red', 'YELLOW', 'TextQuoteSelector ', '<script>alert(1)</script>', 'javascript:alert(1)', '__proto__'),
    fc.constantFrom(64, 65, 1000, 1001, MAX_TITLE_LENGTH, MAX_TITLE_LENGTH + 1, MAX_NOTE_LENGTH, MAX_NOTE_LENGTH + 1, MAX_QUOTE_LENGTH + 1).map(big),
  );
  const binary = fc.oneof(
    fc.constantFrom('Int8Array', 'Uint16Array', 'Float64Array', 'Uint8ClampedArray', 'BigInt64Array', 'ArrayBuffer', 'DataView', 'Buffer', 'Uint8Array-empty').map((kind) => {
      const bytes = new TextEncoder().encode('Ann: hello');
      switch (kind) {
        case 'Int8Array': return new Int8Array(bytes);
        case 'Uint16Array': return new Uint16Array(bytes);
        case 'Float64Array': return new Float64Array(bytes);
        case 'Uint8ClampedArray': return new Uint8ClampedArray(bytes);
        case 'BigInt64Array': return new BigInt64Array(2);
        case 'ArrayBuffer': return bytes.buffer;
        case 'DataView': return new DataView(bytes.buffer);
        case 'Buffer': return Buffer.from(bytes);
        default: return new Uint8Array(0);
      }
    }),
    fc.uint8Array({ maxLength: 64 }),
    ...(path.at(-1) === 'bytes' ? [fc.constant(null).map(() => oversizedFile())] : []),
  );
  const shapes = fc.oneof(
    fc.constantFrom<unknown>(undefined, null, true, false, [], {}, [[]], new Date(NaN), /x/, new Map(), new Set([1]), ...cycles()),
    fc.constantFrom(10, 1_000, 10_000).chain((depth) => fc.boolean().map((inArrays) => nested(depth, inArrays))),
    fc.integer({ min: MAX_DROPPED_FILES, max: MAX_DROPPED_FILES + 2 }).map((n) => Array.from({ length: n }, () => ({ name: 'a.txt', bytes: new Uint8Array([65]) }))),
    anyValue,
  );
  return fc.oneof(ids, numbers, strings, binary, shapes);
}

type Mutation =
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'drop'; path: Path }
  | { kind: 'extra'; path: Path; key: string; value: unknown }
  | { kind: 'reshape'; path: Path; as: 'null-prototype' | 'array' | 'map' | 'json-string' };

/** Sets an own property, even one named __proto__ (as JSON.parse does), never the prototype itself. */
function setOwn(target: object, key: string | number, v: unknown): void {
  Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
}

function reshaped(node: unknown, as: Extract<Mutation, { kind: 'reshape' }>['as']): unknown {
  // Bytes are left as they are: the entries or JSON of the 100 MB file took minutes and gigabytes to build (the
  // run hung, at random, whenever a mutation reshaped it).
  if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return node;
  const entries = Object.entries(node);
  if (as === 'null-prototype') return Object.assign(Object.create(null), node);
  if (as === 'array') return entries.map(([, v]) => v);
  if (as === 'map') return new Map(entries);
  try {
    // Not the 100 MB file, even inside another value: its JSON took minutes and gigabytes to build.
    return JSON.stringify(node, (_key, v: unknown) => {
      if (ArrayBuffer.isView(v) && v.byteLength > 65_536) throw new RangeError('too large for JSON here');
      return v;
    });
  } catch {
    return Object.prototype.toString.call(node); // nested too deep, a cycle or a BigInt: JSON cannot hold it
  }
}

/** An object and an array that contain themselves, as a structured clone can deliver them. */
function cycles(): unknown[] {
  const object: Record<string, unknown> = { documentId: 'x' };
  object.self = object;
  const array: unknown[] = [];
  array.push(array);
  return [labelled(object, 'an object containing itself'), labelled(array, 'an array containing itself')];
}

/** A shallow copy of a plain object or array: own keys (__proto__ included) and prototype kept. */
function shallowCopy(node: Record<string | number, unknown>): Record<string | number, unknown> {
  const out = Array.isArray(node) ? new Array(node.length) : Object.create(Object.getPrototypeOf(node));
  for (const k of Reflect.ownKeys(node)) if (k !== 'length' || !Array.isArray(node)) setOwn(out, k as string, node[k as string]);
  return out;
}

function isPlainContainer(node: unknown): node is Record<string | number, unknown> {
  if (node === null || typeof node !== 'object') return false;
  const proto = Object.getPrototypeOf(node);
  return Array.isArray(node) || proto === Object.prototype || proto === null;
}

/**
 * Applies a mutation to the request, copying only the objects on the way to
 * the place it changes (so a 100 MB file or a value nested 10,000 deep is
 * shared, not copied). A mutation aimed inside a value an earlier one
 * replaced does nothing.
 */
function mutate(request: unknown, m: Mutation): unknown {
  const root: Record<string, unknown> = { request };
  const path: Path = ['request', ...m.path];
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    const child = (parent as Record<string | number, unknown>)[key];
    if (!isPlainContainer(child)) return request;
    const copied = shallowCopy(child);
    setOwn(parent as object, key, copied);
    parent = copied;
  }
  if (!isPlainContainer(parent)) return request;
  const key = path[path.length - 1];
  switch (m.kind) {
    case 'replace':
      setOwn(parent, key, m.value);
      break;
    case 'drop':
      if (Array.isArray(parent) && Number.isInteger(key) && (key as number) < parent.length) {
        // Not splice: an earlier mutation may have given the array a 'constructor' key, which splice would call.
        for (let i = key as number; i < parent.length - 1; i++) parent[i] = parent[i + 1];
        parent.length--;
      } else delete parent[key];
      break;
    case 'extra': {
      const target = parent[key];
      // A copy: the container may be the valid request itself, which other payloads start from.
      if (isPlainContainer(target)) {
        const copied = shallowCopy(target);
        setOwn(copied, m.key, m.value);
        setOwn(parent, key, copied);
      }
      else setOwn(parent, key, Object.defineProperty({}, m.key, { value: m.value, enumerable: true, writable: true, configurable: true }));
      break;
    }
    case 'reshape':
      setOwn(parent, key, reshaped(parent[key], m.as));
      break;
  }
  return root.request;
}

/** Near misses of a valid request: one to three mutations at places in it. */
function nearMisses(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const place = fc.constantFrom(...paths);
  const inside = paths.filter((p) => p.length > 0);
  const replacement = place.chain((path) => hostileValue(path).map((v): Mutation => ({ kind: 'replace', path, value: v })));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: replacement },
    ...(inside.length ? [{ weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), path: fc.constantFrom(...inside) }) }] : []),
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), path: place, key: hostileKey, value: hostileValue([]) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reshape' as const), path: place, as: fc.constantFrom('null-prototype' as const, 'array' as const, 'map' as const, 'json-string' as const) }) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce<unknown>(mutate, valid));
}

function payloads(channel: Channel): fc.Arbitrary<unknown> {
  const valid = validRequests[channel]();
  return fc.oneof(
    { weight: 1, arbitrary: anyValue },
    { weight: 6, arbitrary: nearMisses(valid) },
    // The valid request parsed from JSON with a polluting key beside its own, as a compromised renderer could send it.
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"__proto__":{"__proto__":{"polluted":true}}}')
        .map((json) => Object.assign(JSON.parse(json), validRequests[channel]())),
    },
    ...(DESTRUCTIVE.includes(channel) ? [] : [{ weight: 1, arbitrary: fc.constant(null).map(() => validRequests[channel]()) }]),
  );
}

// ---------------------------------------------------------------------------
// Checks

type Snapshot = Map<string, Buffer | 'dir'>;

/** Every file and folder under the data folder, with its bytes. */
async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = new Map();
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const paths = entries
    // The search index is a cache, written a moment after a search or a change, whatever call is under way by then.
    .filter((e) => !e.name.startsWith(SEARCH_INDEX_FILE))
    .map((e) => ({ path: join(e.parentPath, e.name), isDir: e.isDirectory() }))
    .sort((a, b) => a.path.localeCompare(b.path));
  for (const { path, isDir } of paths) out.set(path.slice(dataDir.length + 1), isDir ? 'dir' : await readFile(path));
  return out;
}

/** The paths that differ between two snapshots: added, removed or changed. */
function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [path, bytes] of after) {
    const was = before.get(path);
    if (was === undefined) out.push(`added ${path}`);
    else if (was !== bytes && (was === 'dir' || bytes === 'dir' || !was.equals(bytes))) out.push(`changed ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path)) out.push(`removed ${path}`);
  return out;
}

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
function prototypeState(): string {
  return JSON.stringify(
    Object.entries(PROTOTYPES).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort(), Object.getPrototypeOf(proto) === null]),
  );
}

function expectWellFormed(result: Envelope<unknown>, payload?: unknown): void {
  expect(typeof result).toBe('object');
  if (result.ok === true) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'value']);
    return;
  }
  expect(result.ok).toBe(false);
  expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  expect(Object.keys(REFUSAL_CODES), result.error.message).toContain(result.error.code);
  const { message } = result.error;
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(0);
  expect(message.length).toBeLessThan(2_000);
  // Readable: no stack trace, no object dumped as [object Object] (unless the payload sent that very text, which a
  // message may quote back).
  expect(message).not.toMatch(/\n\s+at /);
  if (/\[object Object\]/.test(message)) expect(sendsText(payload, '[object Object]'), message).toBe(true);
}

/** Whether a string anywhere in the payload (keys too) holds `text`; byte arrays (up to 100 MB here) are not looked into. */
function sendsText(value: unknown, text: string, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > 20) return false;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string' && key.includes(text)) return true;
    const inner = Object.getOwnPropertyDescriptor(value, key);
    if (inner && 'value' in inner && sendsText(inner.value, text, depth + 1)) return true;
  }
  return false;
}

/** An import answered ok can still refuse every file; it must then change nothing either. */
function refusedEverything(result: Envelope<unknown>): boolean {
  if (!result.ok) return true;
  return Array.isArray(result.value) && result.value.length > 0 && result.value.every((r: { ok?: boolean }) => r.ok === false);
}

interface Tally {
  payloads: number;
  accepted: number;
  refused: Record<string, number>;
}
const tallies = new Map<string, Tally>();

afterAll(() => {
  const rows = [...tallies].map(([channel, t]) => ({
    channel,
    payloads: t.payloads,
    accepted: t.accepted,
    ...t.refused,
  }));
  console.log(`[ipc property] payloads per handler:\n${rows.map((r) => JSON.stringify(r)).join('\n')}`);
});

describe('every IPC handler, sent random and near-miss payloads', () => {
  test.each(CHANNELS_IN_ORDER)(
    `%s answers ${PAYLOADS_PER_CHANNEL.toLocaleString('en')} payloads with a well-formed envelope, and a refusal changes nothing`,
    async (channel) => {
      const tally: Tally = { payloads: 0, accepted: 0, refused: {} };
      tallies.set(channel, tally);
      const prototypes = prototypeState();
      let current = await snapshot();
      await fc.assert(
        fc.asyncProperty(payloads(channel), async (payload) => {
          const calls = dialogCalls;
          const result = await invokeHandler(handlers, channel, payload);
          tally.payloads++;
          expectWellFormed(result, payload);
          const after = await snapshot();
          if (refusedEverything(result)) {
            expect(changes(current, after), 'a refused call changed the data folder').toEqual([]);
            if (!result.ok) expect(dialogCalls, 'a refused call opened a dialog').toBe(calls);
          }
          if (result.ok) tally.accepted++;
          else tally.refused[result.error.code] = (tally.refused[result.error.code] ?? 0) + 1;
          current = after;
          expect(prototypeState(), 'a call changed a built-in prototype').toBe(prototypes);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        // No shrinking: payloads hold arrays of up to 100 MB, and shrinking them took minutes and gigabytes.
        { numRuns: PAYLOADS_PER_CHANNEL, endOnFailure: true },
      );
    },
    120_000,
  );

  test(`a channel name outside the contract is refused (${CHANNEL_NAMES.toLocaleString('en')} names)`, async () => {
    const known = new Set<string>(CHANNELS);
    // Electron registers each channel by name, so a name is always a string there; the test bridge passes JSON.
    const names = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'fs:delete-everything', 'library:list ', 'LIBRARY:LIST'),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(names.filter((n) => !known.has(n as string)), anyValue, async (name, payload) => {
        const result = await invokeHandler(handlers, name, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
        expectWellFormed(result);
      }),
      { numRuns: CHANNEL_NAMES },
    );
    expect(changes(before, await snapshot())).toEqual([]);
    tallies.set('(unknown channel names)', { payloads: CHANNEL_NAMES, accepted: 0, refused: { 'invalid-request': CHANNEL_NAMES } });
  });
});

describe('large hostile payloads', () => {
  // Found by this test: a strict object schema refusing a typed array named every index as an unrecognised key (a
  // million bytes took main about a second and a 12 MB message). The payload guard now refuses it before any schema.
  test('a large typed array sent as the whole payload is refused with a short message, at once', async () => {
    const started = performance.now();
    const result = await invokeHandler(handlers, 'library:list', new Uint8Array(1_000_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(2_000);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
