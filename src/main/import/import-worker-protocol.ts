/**
 * The messages between the main thread and the import worker
 * (import-worker.ts): a request to read one file, from disk or from bytes,
 * and the reply with the parsed transcript or the reason it was refused.
 */
import type { ReadTranscript } from './read-transcript-file';

export type ImportRequest =
  | { id: number; path: string }
  /** Bytes of a dropped file; their buffer is transferred to the worker where that is possible. */
  | { id: number; fileName: string; bytes: Uint8Array };

export type ImportReply =
  /** Sent once, when the worker has loaded its code and waits for requests. */
  | { type: 'ready' }
  | { type: 'read'; id: number; read: ReadTranscript }
  | { type: 'refused'; id: number; fileName: string; reason: string; unexpected: boolean };
