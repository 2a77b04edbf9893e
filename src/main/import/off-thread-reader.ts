/**
 * Reads and parses transcripts in a worker thread, so a file that is slow to
 * parse never blocks the thread that runs the window (or the command line),
 * with a time limit per file. A file that takes too long, or makes the worker
 * crash (out of memory, say), is refused with a reason; the worker is ended
 * and a new one started for the next file. Files are read one at a time, in
 * the order asked. The worker is started on first use and does not keep the
 * process alive while it waits.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { basename } from 'node:path';
import type { ImportReply, ImportRequest } from './import-worker-protocol';
import { importWorkerScript } from './import-worker-script';
import { unpackRead } from './packed-read';
import { ImportError, type ReadTranscript } from './read-transcript-file';

/** How reading a transcript is asked for: import-files.ts takes any reader of this shape. */
export interface TranscriptReader {
  /** Reads a file from disk. */
  readFile(path: string): Promise<ReadTranscript>;
  /** Decodes and parses a dropped file's bytes. Their buffer may be transferred: the caller must not use them afterwards. */
  parseBytes(fileName: string, bytes: Uint8Array): Promise<ReadTranscript>;
}

export interface OffThreadReaderOptions {
  /** How long one file may take, from when it is handed to the running worker. Default 20 s. */
  timeoutMs?: number;
  /** The worker's heap and stack limits. */
  resourceLimits?: ResourceLimits;
  /** Where the worker script is; default: importWorkerScript(). */
  script?: () => Promise<URL>;
}

export const DEFAULT_IMPORT_TIMEOUT_MS = 20_000;

/**
 * Generous for a 100 MB file (its text, lines and paragraphs take several
 * times its size), yet a runaway parse ends well before the machine runs short.
 */
export const DEFAULT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 4096, stackSizeMb: 4 };

/** How long the worker may take to start, apart from the time limit per file: from source, it is built first. */
const STARTUP_LIMIT_MS = 60_000;

/** Bytes from this size up are transferred to the worker rather than copied. */
const TRANSFER_FROM_BYTES = 64 * 1024;

interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has loaded its code. */
  ready: Promise<void>;
  /** Set while a file is being read: the reply, crash or exit settles it. */
  pending: ((outcome: { reply: ImportReply } | { failure: string }) => void) | null;
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Why the worker stopped, in words for "Could not open FILE: …". */
function crashReason(error: Error & { code?: string }): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'reading it took more memory than Gloss allows';
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'it is nested too deeply to read';
  return `reading it stopped unexpectedly (${error.message})`;
}

export class OffThreadReader implements TranscriptReader {
  private readonly timeoutMs: number;
  private readonly resourceLimits: ResourceLimits;
  private readonly script: () => Promise<URL>;
  private running: RunningWorker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(options: OffThreadReaderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS;
    this.resourceLimits = options.resourceLimits ?? DEFAULT_WORKER_LIMITS;
    this.script = options.script ?? importWorkerScript;
  }

  readFile(path: string): Promise<ReadTranscript> {
    return this.enqueue(basename(path), (id) => [{ id, path }, []]);
  }

  parseBytes(fileName: string, bytes: Uint8Array): Promise<ReadTranscript> {
    // A view of a whole buffer of its own can be handed over without copying; smaller or shared ones are copied.
    const own = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const transfer = own && bytes.byteLength >= TRANSFER_FROM_BYTES ? [bytes.buffer as ArrayBuffer] : [];
    return this.enqueue(fileName, (id) => [{ id, fileName, bytes }, transfer]);
  }

  /** Ends the worker; a later read starts a new one. */
  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.worker.terminate();
  }

  private enqueue(fileName: string, request: (id: number) => [ImportRequest, ArrayBuffer[]]): Promise<ReadTranscript> {
    const result = this.queue.then(() => this.read(fileName, ...request(this.nextId++)));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private start(): RunningWorker {
    if (this.running) return this.running;
    let markReady: () => void = () => undefined;
    let failReady: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => ([markReady, failReady] = [resolve, reject]));
    ready.catch(() => undefined); // A worker that dies before anyone waits on it is reported to the next read.

    const running: RunningWorker = { worker: null as unknown as Worker, ready, pending: null };
    const stopped = (failure: string, error: Error) => {
      if (this.running === running) this.running = null;
      failReady(error);
      running.pending?.({ failure });
      running.pending = null;
    };
    void this.script().then(
      (url) => {
        if (this.running !== running) return;
        const worker = new Worker(url, { resourceLimits: this.resourceLimits });
        running.worker = worker;
        worker.unref();
        worker.on('message', (reply: ImportReply) => {
          if (reply.type === 'ready') markReady();
          else running.pending?.({ reply });
        });
        worker.on('error', (error) => stopped(crashReason(error), error));
        worker.on('exit', (code) => stopped(`reading it stopped unexpectedly (the reader exited with code ${code})`, new Error(`import worker exited with code ${code}`)));
      },
      (error: Error) => stopped(`the file reader could not be started (${error.message})`, error),
    );
    return (this.running = running);
  }

  private async read(fileName: string, request: ImportRequest, transfer: ArrayBuffer[]): Promise<ReadTranscript> {
    const running = this.start();
    try {
      await this.withinStartupLimit(running.ready);
    } catch (error) {
      if (this.running === running) this.running = null;
      await running.worker?.terminate();
      throw new ImportError(fileName, `the file reader could not be started (${(error as Error).message})`, true);
    }
    const outcome = await new Promise<{ reply: ImportReply } | { failure: string } | { timedOut: true }>((resolve) => {
      const timer = setTimeout(() => resolve({ timedOut: true }), this.timeoutMs);
      running.pending = (o) => {
        clearTimeout(timer);
        resolve(o);
      };
      running.worker.ref(); // While a file is read, the process waits for it.
      try {
        running.worker.postMessage(request, transfer);
      } catch {
        running.worker.postMessage(request); // A buffer that cannot be transferred is copied.
      }
    });
    running.pending = null;
    if (this.running === running) running.worker.unref();

    if ('timedOut' in outcome) {
      if (this.running === running) this.running = null;
      await running.worker.terminate();
      throw new ImportError(fileName, `it took longer than ${seconds(this.timeoutMs)} to read, so Gloss stopped reading it`);
    }
    if ('failure' in outcome) throw new ImportError(fileName, outcome.failure, true);
    const { reply } = outcome;
    if (reply.type === 'read') return unpackRead(reply.read);
    if (reply.type === 'refused') throw new ImportError(reply.fileName, reply.reason, reply.unexpected);
    throw new ImportError(fileName, 'the file reader answered out of turn', true);
  }

  /** The promise, or a rejection once the worker has had STARTUP_LIMIT_MS to start. */
  private withinStartupLimit<T>(promise: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`it did not start within ${seconds(STARTUP_LIMIT_MS)}`)), STARTUP_LIMIT_MS);
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  }
}

let shared: OffThreadReader | null = null;

/** The reader the app and the command line import with: one worker, the default limits. */
export function sharedReader(): OffThreadReader {
  return (shared ??= new OffThreadReader());
}
