/**
 * Sends a writing command to the running app's command server (command-server.ts)
 * and waits for its answer. A server that cannot be reached is reported as
 * such (AppUnreachableError: nothing was sent, so nothing was written); once
 * the request is sent, the app's own error comes back as a GlossError.
 */
import { connect } from 'node:net';
import { errorCode } from '../store/file-system';
import { GlossError } from '../store/errors';
import type { CommandEndpoint } from './endpoint';
import { type CommandReply, PROTOCOL_VERSION } from './protocol';
import type { WriteCommandName, WriteRequest, WriteResult } from './write-commands';

/** The app did not take the connection: no server there (a socket left by a crash, an app too old to have one). */
export class AppUnreachableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AppUnreachableError';
  }
}

export interface SendOptions {
  /** How long to wait for the answer once connected (a code rename across a big library takes a while). */
  timeoutMs?: number;
}

export function sendCommand<N extends WriteCommandName>(endpoint: CommandEndpoint, name: N, request: WriteRequest<N>, { timeoutMs = 120_000 }: SendOptions = {}): Promise<WriteResult<N>> {
  return new Promise((resolve, reject) => {
    const socket = connect(endpoint.socket);
    let connected = false;
    let received = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.setTimeout(timeoutMs, () => {
        socket.destroy();
        reject(new GlossError('storage', `Gloss did not answer within ${Math.round(timeoutMs / 1000)} s; the change may have been made or not (look with gloss highlights or gloss codes).`));
      });
      socket.write(`${JSON.stringify({ version: PROTOCOL_VERSION, token: endpoint.token, name, request })}\n`);
    });
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', (error) => {
      if (!connected) reject(new AppUnreachableError(`${errorCode(error) ?? 'error'}: ${error.message}`));
      else reject(new GlossError('storage', `The connection to Gloss broke (${error.message}); the change may have been made or not.`));
    });
    socket.on('end', () => {
      const line = received.split('\n')[0];
      let reply: CommandReply;
      try {
        reply = JSON.parse(line) as CommandReply;
      } catch {
        reject(new GlossError('storage', 'Gloss closed the connection without a readable answer; the change may have been made or not.'));
        return;
      }
      if (reply.ok) resolve(reply.value as WriteResult<N>);
      else reject(new GlossError(reply.error.code, reply.error.message));
    });
  });
}
