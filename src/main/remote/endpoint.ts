/**
 * Where the running app takes commands from `gloss`: a Unix domain socket
 * under the temporary folder (a named pipe on Windows), named by a hash of
 * the data folder, and a secret token. Both are recorded in the library's
 * lock file (lock.ts), which only the same user reads and writes in practice;
 * the socket itself is made readable and writable by its owner only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CommandEndpoint {
  /** The socket's path (Unix) or the pipe's name (Windows). */
  socket: string;
  /** Sent with every command; the app refuses commands without it. */
  token: string;
}

/** Unix socket paths must fit in sockaddr_un (104 bytes on macOS, 108 on Linux), terminator included. */
const MAX_SOCKET_PATH = 100;

/** The socket (or pipe) the app serving `dataDir` listens on. */
export function commandSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform, temp: string = tmpdir()): string {
  const user = typeof process.getuid === 'function' ? process.getuid() : '';
  const hash = createHash('sha256').update(`${user}\0${resolve(dataDir)}`).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\gloss-${hash}`;
  const path = join(temp, `gloss-${hash}.sock`);
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH ? path : `/tmp/gloss-${hash}.sock`;
}

/** A new endpoint for the app serving `dataDir`: its socket and a fresh token. */
export function newCommandEndpoint(dataDir: string): CommandEndpoint {
  return { socket: commandSocketPath(dataDir), token: randomBytes(32).toString('hex') };
}
