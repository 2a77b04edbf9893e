/**
 * The running app's command server: while the app holds the library, `gloss`
 * commands that write (a highlight, a code rename) are not run beside it,
 * where the app's copy in memory would overwrite them, but sent here and run
 * on the app's own store, so neither loses the other's writes. Listens on the
 * endpoint recorded in the lock file (endpoint.ts), refuses requests without
 * its token or that fail validation, answers each with one line of JSON, and
 * says which document changed so the window can show it. Free of Electron.
 */
import { timingSafeEqual } from 'node:crypto';
import { chmod, lstat, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { errorMessage } from '../../core/error-message';
import type { ErrorCode } from '../../shared/contract';
import { describeIssues } from '../ipc/schemas';
import { GlossError } from '../store/errors';
import type { CommandEndpoint } from './endpoint';
import { type CommandReply, commandRequestSchema, MAX_REQUEST_BYTES } from './protocol';
import { changedDocument, type CommandStore, runWriteCommand } from './write-commands';

export interface CommandServerOptions {
  store: CommandStore;
  endpoint: CommandEndpoint;
  /** Told after each change: the document changed, or null for library-wide changes. */
  onChanged(documentId: string | null): void;
  /** Names new highlights (tests); a UUID by default. */
  newId?: () => string;
}

export interface CommandServer {
  close(): Promise<void>;
}

/** How long a client may take to send its request. */
const REQUEST_TIMEOUT_MS = 10_000;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function failure(code: ErrorCode, message: string): CommandReply {
  return { ok: false, error: { code, message } };
}

/** A socket left by an app that crashed is removed; anything else at the path is left alone (listening then fails). */
async function removeStaleSocket(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const found = await lstat(path).catch(() => null);
  if (found?.isSocket()) await unlink(path);
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Created for its owner only: no other user may connect, not even between listening and the chmod below.
    const umask = process.platform === 'win32' ? null : process.umask(0o177);
    try {
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    } finally {
      if (umask !== null) process.umask(umask);
    }
  });
}

/** Starts serving `gloss` commands on the endpoint. */
export async function startCommandServer({ store, endpoint, onChanged, newId }: CommandServerOptions): Promise<CommandServer> {
  const answer = async (line: string): Promise<CommandReply> => {
    let payload: unknown;
    try {
      payload = JSON.parse(line);
    } catch {
      return failure('invalid-request', 'The request is not JSON.');
    }
    const token = (payload as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || !sameToken(token, endpoint.token)) return failure('invalid-request', 'The request does not carry this app’s token.');
    const parsed = commandRequestSchema.safeParse(payload);
    if (!parsed.success) return failure('invalid-request', `Refused request: ${describeIssues(parsed.error)}`);
    const { name, request } = parsed.data;
    try {
      const value = await runWriteCommand(store, name, request, newId);
      onChanged(changedDocument(name, request));
      return { ok: true, value };
    } catch (error) {
      return failure(error instanceof GlossError ? error.code : 'internal', errorMessage(error));
    }
  };

  const serve = (socket: Socket) => {
    let received = '';
    let answered = false;
    socket.setEncoding('utf8');
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => !answered && socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      if (answered) return;
      received += chunk;
      const end = received.indexOf('\n');
      if (end < 0 && received.length <= MAX_REQUEST_BYTES) return;
      answered = true;
      // Once running, a command finishes even if the client goes away: its write must not be half-made.
      socket.setTimeout(0);
      const reply = end < 0 ? Promise.resolve(failure('invalid-request', 'The request is too large.')) : answer(received.slice(0, end));
      void reply.then((r) => socket.end(`${JSON.stringify(r)}\n`));
    });
  };

  await removeStaleSocket(endpoint.socket);
  const server = createServer(serve);
  await listen(server, endpoint.socket);
  if (process.platform !== 'win32') await chmod(endpoint.socket, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        // Node removes the socket file when the server closes.
        server.close(() => resolve());
      }),
  };
}
