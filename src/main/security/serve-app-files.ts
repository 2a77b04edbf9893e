/**
 * The app:// request handler: answers a request with a file from the built
 * renderer folder, as app-protocol.ts decides, with its content type and the
 * Content-Security-Policy header. Symbolic links that lead out of the folder
 * are refused too. Written against the Fetch API's Request and Response (which
 * Electron's protocol.handle takes), so it runs and is tested without Electron.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInsideFolder, resolveAppFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY_HEADER } from './content-security-policy';

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER };

function refusal(status: number, reason: string): Response {
  return new Response(reason, { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** A handler for protocol.handle serving the files under `rendererDir`. */
export function createAppFileHandler(rendererDir: string): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
    const lookup = resolveAppFile(request.url, rendererDir);
    if (!lookup.ok) return refusal(lookup.status, lookup.reason);
    realRoot ??= realpath(resolve(rendererDir));
    let body: Buffer;
    try {
      const real = await realpath(lookup.path);
      if (!isInsideFolder(await realRoot, real)) return refusal(403, 'outside the app’s folder');
      if (!(await stat(real)).isFile()) return refusal(404, 'not found');
      body = await readFile(real);
    } catch {
      return refusal(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...COMMON_HEADERS, 'Content-Type': lookup.contentType },
    });
  };
}
