/** The app:// handler over a real folder: files with their types and the CSP header, refusals, and links that lead out. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from './content-security-policy';
import { createAppFileHandler } from './serve-app-files';

let base: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'gloss-app-files-'));
  const renderer = join(base, 'out/renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Gloss</title>');
  await writeFile(join(renderer, 'assets/index.js'), 'console.log(1);');
  await writeFile(join(base, 'secret.txt'), 'the data folder');
  await writeFile(join(base, 'out/renderer-secret.txt'), 'beside the folder');
  await symlink(join(base, 'secret.txt'), join(renderer, 'assets/link.txt'));
  await symlink(join(renderer, 'index.html'), join(renderer, 'assets/home.html'));
  handle = createAppFileHandler(renderer);
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('serving the renderer', () => {
  test('the entry page comes with its content type, the CSP header and nosniff', async () => {
    const response = await get('app://gloss/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Gloss</title>');
  });

  test('a script is served as JavaScript, and / is the entry page', async () => {
    const script = await get('app://gloss/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
    expect(await (await get('app://gloss/')).text()).toContain('<title>Gloss</title>');
  });

  test('a link to a file inside the folder is followed', async () => {
    expect((await get('app://gloss/assets/home.html')).status).toBe(200);
  });

  test('HEAD answers without a body', async () => {
    const response = await get('app://gloss/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('refusals', () => {
  test.each([
    ['app://gloss/assets/link.txt', 403],
    ['app://gloss/..%2fsecret.txt', 403],
    ['app://gloss/..%2f..%2fsecret.txt', 403],
    ['app://gloss/../renderer-secret.txt', 404],
    ['app://gloss/%2e%2e/renderer-secret.txt', 404],
    ['app://evil/index.html', 403],
    ['app://gloss/missing.js', 404],
    ['app://gloss/assets', 404],
  ])('%s is refused with %i and none of the file', async (url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    const body = await response.text();
    expect(body).not.toContain('the data folder');
    expect(body).not.toContain('beside the folder');
  });

  test('only GET and HEAD are answered', async () => {
    expect((await get('app://gloss/index.html', 'POST')).status).toBe(405);
  });
});
