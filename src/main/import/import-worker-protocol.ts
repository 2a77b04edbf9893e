/**
 * The messages between the main thread and the import worker
 * (import-worker.ts): a request to read one file, from disk or from bytes,
 * and the reply with the parsed transcript or the reason it was refused.
 */
import type { PackedRead } from './packed-read';

export type ImportRequest =
  | { id: number; path: string }
  /** Bytes of a dropped file; their buffer is transferred to the worker where that is possible. */
  | { id: number; fileName: string; bytes: Uint8Array };

export type ImportReply =
  /** Sent once, when the worker has loaded its code and waits for requests. */
  | { type: 'ready' }
  /** The transcript packed (packed-read.ts), its arrays transferred. */
  | { type: 'read'; id: number; read: PackedRead }
  | { type: 'refused'; id: number; fileName: string; reason: string; unexpected: boolean };
