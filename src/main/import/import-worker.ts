/**
 * The import worker's entry point: runs in a worker thread, reads and parses
 * one transcript per request, and replies with the transcript (packed, see
 * packed-read.ts) or the reason it was refused. Built as a script of its own
 * beside each bundle (see import-worker-script.ts); off-thread-reader.ts
 * drives it.
 */
import { errorMessage } from '../../core/error-message';
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { ImportReply, ImportRequest } from './import-worker-protocol';
import { packRead } from './packed-read';
import { ImportError, parseTranscriptBytes, readTranscriptFile } from './read-transcript-file';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');

async function answer(request: ImportRequest): Promise<{ reply: ImportReply; transfer: ArrayBuffer[] }> {
  const fileName = 'path' in request ? basename(request.path) : request.fileName;
  try {
    const read = 'path' in request ? await readTranscriptFile(request.path) : parseTranscriptBytes(request.fileName, request.bytes);
    const { packed, transfer } = packRead(read);
    return { reply: { type: 'read', id: request.id, read: packed }, transfer };
  } catch (error) {
    if (error instanceof ImportError) {
      return { reply: { type: 'refused', id: request.id, fileName: error.fileName, reason: error.reason, unexpected: error.unexpected }, transfer: [] };
    }
    const message = errorMessage(error);
    return { reply: { type: 'refused', id: request.id, fileName, reason: `it could not be read (${message})`, unexpected: true }, transfer: [] };
  }
}

port.on('message', (request: ImportRequest) => {
  void answer(request).then(({ reply, transfer }) => port.postMessage(reply, transfer));
});
port.postMessage({ type: 'ready' } satisfies ImportReply);
