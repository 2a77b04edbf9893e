/**
 * How `gloss` runs a command that changes existing files, under the sharing
 * rules: when no app holds the library, the command takes the lock and writes
 * itself; when the running app holds it, the app has those files in memory and
 * would overwrite a change made beside it, so the command is sent to the app
 * (remote/command-server.ts), which runs it on its own store. When the app
 * cannot be reached, nothing is written and the message says why.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppUnreachableError, sendCommand } from '../main/remote/command-client';
import { runWriteCommand, type WriteCommandName, type WriteRequest, type WriteResult } from '../main/remote/write-commands';
import { GlossError } from '../main/store/errors';
import { nodeFileSystem } from '../main/store/file-system';
import { Layout } from '../main/store/layout';
import { openToWrite } from '../main/store/library-access';
import { type LockHolder, LockedError, lockHolder } from '../main/store/lock';

/** How long to wait for another gloss command that holds the lock. */
const WAIT_FOR_COMMAND_MS = 5_000;

/** Notices are part of each command's own output, not warnings besides it. */
const QUIET = { onNotice: () => undefined };

function appNotTakingCommands(holder: LockHolder): GlossError {
  if (holder.host !== hostname()) {
    return new GlossError('conflict', `The library is open in Gloss on ${holder.host} (process ${holder.pid}), which cannot take changes from this computer; close Gloss there and try again. Nothing was written.`);
  }
  return new GlossError(
    'conflict',
    `The library is open in Gloss (process ${holder.pid}), which does not take changes from the command line (a Gloss from before gloss highlight); close Gloss and try again. Nothing was written.`,
  );
}

/** Runs a writing command on the library in `dataDir`: itself with the lock, or through the running app. */
export async function runWrite<N extends WriteCommandName>(dataDir: string, name: N, request: WriteRequest<N>): Promise<WriteResult<N>> {
  // Taking the lock creates the folder: a command given the wrong folder must not leave an empty library there.
  if (!(await nodeFileSystem.stat(dataDir))?.isDirectory) throw new GlossError('not-found', `There is no library at ${dataDir}.`);
  const lockPath = new Layout(dataDir).lock;
  const giveUpWaiting = Date.now() + WAIT_FOR_COMMAND_MS;
  for (let unreachable = 0; ; ) {
    let library;
    try {
      library = await openToWrite(dataDir, QUIET);
    } catch (error) {
      if (!(error instanceof LockedError)) throw error;
      const { holder } = error;
      if (holder.owner !== 'app') {
        if (Date.now() < giveUpWaiting) {
          await sleep(50);
          continue;
        }
        throw error;
      }
      if (holder.host !== hostname() || !holder.socket || !holder.token) throw appNotTakingCommands(holder);
      try {
        return await sendCommand({ socket: holder.socket, token: holder.token }, name, request);
      } catch (sendError) {
        if (!(sendError instanceof AppUnreachableError)) throw sendError;
        // The app may have quit between reading its lock and connecting: then the library is free; try once more.
        if (++unreachable < 2 && !(await lockHolder(nodeFileSystem, lockPath))) continue;
        throw new GlossError(
          'conflict',
          `The library is open in Gloss (process ${holder.pid}), but Gloss did not answer at ${holder.socket} (${sendError.reason}). Nothing was written; if Gloss is still starting, try again, otherwise close it and try again.`,
        );
      }
    }
    try {
      return await runWriteCommand(library.store, name, request);
    } finally {
      await library.release();
    }
  }
}
