/**
 * The import worker's entry point: runs in a worker thread, reads and parses
 * one transcript per request, and replies with the transcript or the reason
 * it was refused. Built as a separate script beside each bundle (see
 * import-worker-script.ts); off-thread-reader.ts drives it.
 */
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { ImportReply, ImportRequest } from './import-worker-protocol';
import { ImportError, parseTranscriptBytes, readTranscriptFile } from './read-transcript-file';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');

async function answer(request: ImportRequest): Promise<ImportReply> {
  const fileName = 'path' in request ? basename(request.path) : request.fileName;
  try {
    const read = 'path' in request ? await readTranscriptFile(request.path) : parseTranscriptBytes(request.fileName, request.bytes);
    return { type: 'read', id: request.id, read };
  } catch (error) {
    if (error instanceof ImportError) return { type: 'refused', id: request.id, fileName: error.fileName, reason: error.reason, unexpected: error.unexpected };
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'refused', id: request.id, fileName, reason: `it could not be read (${message})`, unexpected: true };
  }
}

port.on('message', (request: ImportRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
port.postMessage({ type: 'ready' } satisfies ImportReply);
