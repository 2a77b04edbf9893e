/**
 * Kill test: whatever the store is doing when its process is killed
 * (SIGKILL: no handler runs, nothing is flushed), every change it
 * acknowledged is there when the library is opened again, nothing it did not
 * acknowledge is there beyond the one change in flight, and every data file
 * reads and checks.
 *
 * Each round starts a child process (testing/write-then-die.mjs) on a
 * library that lives across rounds. The child runs a seeded mix of highlight
 * creates, updates and deletes (in snapshot mode, or logged with folds),
 * imports, renames and removes, reporting each operation before it starts,
 * each file operation, and each acknowledgement. The parent kills it after a
 * number of acknowledgements, after a delay, or the moment a chosen kind of
 * file operation starts (a fold, an import's rename into place, a removal),
 * then checks the library and carries what it found into the next round.
 *
 * The child loads the store from a bundle built here once (about 0.1 s to
 * start instead of 2 s through Vite's module loader), and the next child is
 * started while the last one's library is checked. GLOSS_KILLS sets the number
 * of kills (200), GLOSS_KILL_SEED replays a run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, expect, onTestFinished, test, vi } from 'vitest';
import type { StoreNotice } from '../../shared/model';
import type { ChangeLogOptions } from './highlights-file';
import { ANNOTATIONS_FILE, ANNOTATIONS_LOG, REMOVED_DIR } from './layout';
import { LibraryStore } from './library-store';
import { checkDataFolder } from './testing/check-data-folder';
import { type IoKind, type Op, seededRandom, type WorkloadConfig, type WorkloadEvent } from './testing/kill-workload';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sample = readFileSync(join(root, 'resources/sample-interview.txt'), 'utf8');
const KILLS = Number(process.env.GLOSS_KILLS ?? 200);
const SEED = Number(process.env.GLOSS_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Libraries worked on side by side: one child runs while the other's library is checked. */
const LANES = 2;

/** Snapshot mode (every change rewrites annotations.json), and two change-log modes: folds every few changes, or now and then. */
const MODES: { name: string; changeLog?: ChangeLogOptions }[] = [
  { name: 'snapshot' },
  { name: 'log, frequent folds', changeLog: { appendFrom: 0, foldAt: 0.3 } },
  { name: 'log', changeLog: { appendFrom: 0, foldAt: 2 } },
];

let work: string;
let bundle: string;
const spare: Child[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gloss-kill-'));
  const started = performance.now();
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(root, 'src/main/store/testing/kill-workload.ts'),
      outDir: join(work, 'bundle'),
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'kill-workload.mjs' } },
    },
    // Everything in one file, so the bundle runs from a temporary folder with no node_modules beside it.
    ssr: { noExternal: true },
  });
  bundle = join(work, 'bundle', 'kill-workload.mjs');
  console.log(`kill test: store bundled in ${Math.round(performance.now() - started)} ms`);
}, 60_000);

afterAll(async () => {
  for (const child of spare.splice(0)) child.proc.kill('SIGKILL');
  if (work) await rm(work, { recursive: true, force: true });
});

/** A child process: its events as they arrive, and how it ended. */
class Child {
  readonly proc: ChildProcess;
  readonly events: WorkloadEvent[] = [];
  readonly ready: Promise<void>;
  readonly closed: Promise<NodeJS.Signals | null>;
  onEvent: (event: WorkloadEvent) => void = () => undefined;
  stderr = '';
  private buffer = '';

  constructor() {
    this.proc = spawn(process.execPath, [join(root, 'src/main/store/testing/write-then-die.mjs')], {
      // Without extra CA certificates to load (the child makes no connections), node starts 0.15-0.25 s sooner.
      env: { ...process.env, NODE_EXTRA_CA_CERTS: undefined, GLOSS_KILL_BUNDLE: bundle },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let markReady: () => void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.proc.stdout!.on('data', (chunk: Buffer) => {
      const lines = (this.buffer + chunk.toString('utf8')).split('\n');
      this.buffer = lines.pop()!;
      for (const line of lines) {
        const event = JSON.parse(line) as WorkloadEvent | { e: 'ready' };
        if (event.e === 'ready') markReady();
        else {
          this.events.push(event);
          this.onEvent(event);
        }
      }
    });
    this.closed = new Promise((resolve) => this.proc.on('close', (_code, signal) => resolve(signal)));
  }

  start(config: WorkloadConfig): void {
    this.proc.stdin!.write(`${JSON.stringify(config)}\n`);
  }
}

// ---- The expected library -------------------------------------------------------------------------------

interface Highlight {
  color: string;
  note: string;
  /** Where it starts and ends, as given when it was created. */
  span: string;
}

interface DocState {
  title: string;
  hash: string;
  highlights: Map<string, Highlight>;
}

interface LibraryState {
  docs: Map<string, DocState>;
  /** Ids of documents whose folder is in removed/. */
  removed: Set<string>;
}

const cloneState = (s: LibraryState): LibraryState => ({
  docs: new Map([...s.docs].map(([id, d]) => [id, { ...d, highlights: new Map(d.highlights) }])),
  removed: new Set(s.removed),
});

function canonical(s: LibraryState): string {
  const docs = [...s.docs].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({
    docs: docs.map(([id, d]) => [id, d.title, d.hash, [...d.highlights].sort(([a], [b]) => a.localeCompare(b))]),
    removed: [...s.removed].sort(),
  });
}

type Ack = Extract<WorkloadEvent, { e: 'ack' }>;

/** The state after an acknowledged operation; throws when the acknowledgement contradicts the state. */
function applyAck(state: LibraryState, ack: Ack): LibraryState {
  const next = cloneState(state);
  const { op } = ack;
  const doc = 'doc' in op ? next.docs.get(op.doc) : undefined;
  if ('doc' in op && !doc) throw new Error(`the child changed ${op.doc}, which is not in the library: ${JSON.stringify(op)}`);
  switch (op.kind) {
    case 'create':
      doc!.highlights.set(op.id, { color: op.color, note: op.note, span: `${op.start}-${op.end}` });
      break;
    case 'update': {
      const before = doc!.highlights.get(op.id)!;
      doc!.highlights.set(op.id, { ...before, ...(op.color ? { color: op.color } : {}), ...(op.note !== undefined ? { note: op.note } : {}) });
      break;
    }
    case 'delete':
      doc!.highlights.delete(op.id);
      break;
    case 'rename':
      doc!.title = op.title;
      break;
    case 'remove':
      next.docs.delete(op.doc);
      next.removed.add(op.doc);
      break;
    case 'open':
      break;
    case 'import': {
      const existing = [...state.docs].find(([, d]) => d.hash === op.hash);
      // Text already listed is a duplicate (the listed document comes back); anything else is added, removed or not.
      if (ack.duplicate !== Boolean(existing) || (existing && existing[0] !== ack.doc)) {
        throw new Error(`import acknowledged as ${ack.duplicate ? 'a duplicate' : 'new'} (${ack.doc}), but the library ${existing ? `lists it as ${existing[0]}` : 'does not hold it'}`);
      }
      if (!ack.duplicate) next.docs.set(ack.doc!, { title: ack.title!, hash: op.hash, highlights: new Map() });
      break;
    }
  }
  return next;
}

/** The state had the operation in flight completed: for an import, as found in `actual` (its id is made by the store). */
function applyInFlight(state: LibraryState, op: Op, actual: LibraryState): LibraryState {
  if (op.kind !== 'import') return applyAck(state, { e: 'ack', op });
  const added = [...actual.docs].find(([id, d]) => d.hash === op.hash && !state.docs.has(id));
  if (!added || [...state.docs.values()].some((d) => d.hash === op.hash)) return state;
  return applyAck(state, { e: 'ack', op, doc: added[0], title: added[1].title, duplicate: false });
}

/**
 * What the library holds, as the app shows it: listed documents and their highlights (read as export reads them,
 * which writes no opening time), and what removed/ holds.
 */
async function readState(store: LibraryStore, dataDir: string) {
  const listed = await store.list();
  const docs = new Map<string, DocState>();
  const listedCounts = new Map(listed.map((d) => [d.id, { highlightCount: d.highlightCount, noteCount: d.noteCount }]));
  for (const d of listed) {
    const { annotations } = await store.forExport(d.id);
    const highlights = new Map(annotations.map((a): [string, Highlight] => [a.id, { color: a.color, note: a.note, span: `${a.selectors.position.start}-${a.selectors.position.end}` }]));
    docs.set(d.id, { title: d.title, hash: d.hash, highlights });
  }
  const removed = new Set((await readdir(join(dataDir, REMOVED_DIR)).catch(() => [] as string[])).map((name) => name.slice(0, 36)));
  const countsAfterOpening = new Map((await store.list()).map((d) => [d.id, { highlightCount: d.highlightCount, noteCount: d.noteCount }]));
  return { state: { docs, removed }, listedCounts, countsAfterOpening };
}

/** The counts the library list should show for a document (a note counts when it is more than spaces). */
const countsIn = (state: LibraryState, id: string) => {
  const highlights = [...(state.docs.get(id)?.highlights.values() ?? [])];
  return state.docs.has(id) ? { highlightCount: highlights.length, noteCount: highlights.filter((h) => h.note.trim() !== '').length } : null;
};

// ---- Rounds ---------------------------------------------------------------------------------------------

/**
 * When to kill: after a number of acknowledgements; a while after the library opened; or the moment a file
 * operation starts, of a highlight write (in log mode, a fold), an import, a removal, a rename, of anything after the
 * library opened, or of the opening itself (its recovery of what the last kill left).
 */
type KillPlan =
  | { afterAcks: number }
  | { afterMs: number }
  | { onIo: 'highlight write' | 'fold' | 'import' | 'remove' | 'rename' | 'any' | 'opening'; skip: number };

interface Totals {
  kills: number;
  /** What was interrupted, by kind. */
  interrupted: Record<string, number>;
  /** Acknowledged operations, by kind (highlight writes also by how they were written). */
  acknowledged: Record<string, number>;
  /** Kills after which the library list showed counts from before the change in flight (put right on opening). */
  staleCounts: number;
  /** Time children ran before being killed, and time spent checking libraries (summed over both lanes). */
  childMs: number;
  checkMs: number;
}

const bump = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + 1);
const isHighlightOp = (op: Op) => op.kind === 'create' || op.kind === 'update' || op.kind === 'delete';

/** How a highlight change was written, from the file operations it made. */
function highlightWrite(ios: { io: IoKind; path: string }[], logMode: boolean): string | null {
  const snapshot = ios.some((i) => i.io === 'replace' && i.path.endsWith(ANNOTATIONS_FILE));
  const logRemoved = ios.some((i) => (i.io === 'remove' || i.io === 'rename') && i.path.endsWith(ANNOTATIONS_LOG));
  if (snapshot || logRemoved) return logMode ? 'fold' : 'snapshot write';
  if (ios.some((i) => i.io === 'append')) return 'log append';
  return null;
}

interface Lane {
  index: number;
  dataDir: string;
  state: LibraryState;
  next: Child | null;
}

async function newLane(index: number): Promise<Lane> {
  const dataDir = join(work, `library-${index}`);
  const store = await LibraryStore.open(dataDir);
  await store.addSampleOnce(sample);
  await store.importText({ text: 'Ann Lee: A first small interview.\n\nBo Chan: With two turns.\n', source: 'first.txt', fallbackTitle: 'First' });
  return { index, dataDir, state: (await readState(store, dataDir)).state, next: null };
}

async function round(lane: Lane, seed: number, totals: Totals): Promise<void> {
  const random = seededRandom(seed);
  const mode = MODES[Math.floor(random() * MODES.length)];
  const logMode = mode.changeLog !== undefined;
  const int = (n: number) => Math.floor(random() * n);
  const plans: KillPlan[] = [
    { afterAcks: int(16) },
    { afterMs: int(250) },
    { onIo: logMode ? 'fold' : 'highlight write', skip: int(3) },
    { onIo: (['highlight write', 'import', 'remove', 'rename', 'any'] as const)[int(5)], skip: int(3) },
    { onIo: 'opening', skip: int(3) },
  ];
  const plan = plans[int(plans.length)];

  const child = lane.next ?? new Child();
  lane.next = new Child();
  spare.push(lane.next);
  await child.ready;
  if (spare.includes(child)) spare.splice(spare.indexOf(child), 1);

  let acks = 0;
  let matched = 0;
  let opened = false;
  let current: Op | null = null;
  const kill = () => child.proc.kill('SIGKILL');
  const timers = [setTimeout(kill, 2000)];
  child.onEvent = (event) => {
    if (event.e === 'open') {
      opened = true;
      if ('afterMs' in plan) timers.push(setTimeout(kill, plan.afterMs));
      // An opening with fewer file operations than the plan skips is killed as it ends.
      if ('onIo' in plan && plan.onIo === 'opening') kill();
    }
    if (event.e === 'begin') current = event.op;
    if (event.e === 'ack') {
      current = null;
      if ('afterAcks' in plan && ++acks > plan.afterAcks) kill();
    }
    if (event.e === 'io' && 'onIo' in plan) {
      const highlight = current !== null && isHighlightOp(current) && /annotations\.(json|log)$/.test(event.path);
      const hit: Record<typeof plan.onIo, boolean> = {
        'highlight write': highlight,
        fold: highlight && event.io !== 'append',
        import: current?.kind === 'import',
        remove: current?.kind === 'remove',
        rename: current?.kind === 'rename',
        any: opened,
        opening: !opened,
      };
      if (hit[plan.onIo] && matched++ >= plan.skip) kill();
    }
  };
  const t0 = performance.now();
  // The child runs the kind of operation the plan waits for more often, so the kill comes sooner.
  const focusOn: Partial<Record<string, WorkloadConfig['focus']>> = { import: 'import', rename: 'rename', remove: 'remove', 'highlight write': 'highlight', fold: 'highlight' };
  const focus = 'onIo' in plan ? focusOn[plan.onIo] : undefined;
  child.start({ dataDir: lane.dataDir, seed, changeLog: mode.changeLog, focus });
  const signal = await child.closed;
  timers.forEach(clearTimeout);
  const describeRound = () => `seed ${SEED}, lane ${lane.index}, round seed ${seed}, ${mode.name}, plan ${JSON.stringify(plan)}; last events:\n${child.events.slice(-8).map((e) => JSON.stringify(e)).join('\n')}\n${child.stderr}`;
  const failure = child.events.find((e) => (e as { e: string }).e === 'error');
  if (signal !== 'SIGKILL' || failure) throw new Error(`the child was not killed but ended (${signal}): ${describeRound()}`);
  totals.kills++;
  const t1 = performance.now();

  // What was acknowledged, what was in flight and how far it got.
  let expected = lane.state;
  let inFlight: Op | null = null;
  let ios: { io: IoKind; path: string }[] = [];
  for (const event of child.events) {
    if (event.e === 'open') continue;
    if (event.e === 'begin') {
      inFlight = event.op;
      ios = [];
    } else if (event.e === 'io') ios.push(event);
    else if (event.e === 'ack') {
      try {
        expected = applyAck(expected, event);
      } catch (error) {
        throw new Error(`${String(error)}: ${describeRound()}`);
      }
      if (event.op.kind !== 'open') bump(totals.acknowledged, event.op.kind);
      if (isHighlightOp(event.op)) bump(totals.acknowledged, highlightWrite(ios, logMode) ?? 'unwritten');
      inFlight = null;
    }
  }
  if (!opened) bump(totals.interrupted, 'opening the library');
  else if (!inFlight) bump(totals.interrupted, 'between operations');
  else if (inFlight.kind === 'open') bump(totals.interrupted, 'opening a document');
  else if (isHighlightOp(inFlight)) bump(totals.interrupted, `highlight ${highlightWrite(ios, logMode) ?? 'change, before its first write'}`);
  else bump(totals.interrupted, `${inFlight.kind}${ios.length === 0 ? ', before its first write' : ''}`);

  // Every data file reads and checks, before anything repairs it; so does the library read without writing.
  const before = await checkDataFolder(lane.dataDir);
  expect(before.problems, describeRound()).toEqual([]);
  expect(before.aside, describeRound()).toEqual([]);
  const inspected = await LibraryStore.open(lane.dataDir, { inspect: true });
  await inspected.list();
  expect(inspected.status().notices.filter((n) => n.kind === 'damaged'), describeRound()).toEqual([]);

  // The library as the app opens it: nothing damaged or restored, every acknowledged change there.
  const store = await LibraryStore.open(lane.dataDir, { changeLog: mode.changeLog });
  const { state: actual, listedCounts, countsAfterOpening } = await readState(store, lane.dataDir);
  const notices: StoreNotice[] = store.status().notices;
  expect(notices.filter((n) => n.kind === 'damaged' || n.kind === 'restored'), describeRound()).toEqual([]);
  const withInFlight = inFlight ? applyInFlight(expected, inFlight, actual) : expected;
  const found = canonical(actual);
  if (found !== canonical(expected) && found !== canonical(withInFlight)) {
    expect(JSON.parse(found), `neither the acknowledged state nor it with ${JSON.stringify(inFlight)}: ${describeRound()}`).toEqual(JSON.parse(canonical(expected)));
  }
  // The list's counts: right, or (until the document is opened) from before the change in flight.
  let stale = false;
  for (const [id, counts] of listedCounts) {
    const right = countsIn(actual, id);
    if (JSON.stringify(counts) !== JSON.stringify(right)) {
      stale = true;
      expect([countsIn(expected, id), countsIn(withInFlight, id)], `counts listed for ${id}: ${describeRound()}`).toContainEqual(counts);
    }
    expect(countsAfterOpening.get(id), describeRound()).toEqual(right);
  }
  if (stale) totals.staleCounts++;

  // Opening cleared what the killed process left behind.
  const after = await checkDataFolder(lane.dataDir);
  expect(after.problems, describeRound()).toEqual([]);
  expect(after.leftovers, describeRound()).toEqual([]);
  lane.state = actual;
  totals.childMs += t1 - t0;
  totals.checkMs += performance.now() - t1;
}

test(`every acknowledged change survives ${KILLS} SIGKILLs across highlight writes, folds, imports, renames and removes, and every file stays valid`, async () => {
  const started = performance.now();
  const totals: Totals = { kills: 0, interrupted: {}, acknowledged: {}, staleCounts: 0, childMs: 0, checkMs: 0 };
  // The store tells of what it recovers on the console too; the notices are checked through status() instead.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  onTestFinished(() => warn.mockRestore());
  const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => newLane(i)));
  const seeds = seededRandom(SEED);
  let rounds = 0;
  let failed = false;
  await Promise.all(
    lanes.map(async (lane) => {
      // A failure in one lane stops the other at its next round.
      while (rounds < KILLS && !failed) {
        rounds++;
        await round(lane, Math.floor(seeds() * 2 ** 31), totals).catch((error: unknown) => {
          failed = true;
          throw error;
        });
      }
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const list = (r: Record<string, number>) => Object.entries(r).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(
    `kill test (seed ${SEED}): ${totals.kills} kills in ${seconds} s\n` +
      `  interrupted: ${list(totals.interrupted)}\n` +
      `  acknowledged: ${list(totals.acknowledged)}\n` +
      `  library list showing counts from before the change in flight: ${totals.staleCounts}\n` +
      `  children ran ${(totals.childMs / 1000).toFixed(1)} s, checks took ${(totals.checkMs / 1000).toFixed(1)} s (two libraries side by side)`,
  );
  expect(totals.kills).toBeGreaterThanOrEqual(KILLS);
}, 300_000);
