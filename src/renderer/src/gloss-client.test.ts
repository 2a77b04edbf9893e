import { afterEach, expect, test } from 'vitest';
import type { Envelope, GlossBridge } from '../../shared/contract';
import { call, GlossCallError } from './gloss-client';

const sent: string[] = [];
const release: (() => void)[] = [];

function install(bridge: Partial<GlossBridge>) {
  (globalThis as { window?: unknown }).window = { gloss: bridge };
}
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
  sent.length = 0;
});

test('changes to highlights reach main in the order they were made, each after the previous finished', async () => {
  install({
    invoke: ((channel: string) => {
      sent.push(channel);
      return new Promise<Envelope<unknown>>((resolve) => release.push(() => resolve({ ok: true, value: channel })));
    }) as GlossBridge['invoke'],
  });
  const create = call('annotations:create', {} as never);
  const update = call('annotations:update', {} as never);
  await Promise.resolve();
  expect(sent).toEqual(['annotations:create']);
  release.shift()!();
  await create;
  await new Promise((r) => setTimeout(r, 0));
  expect(sent).toEqual(['annotations:create', 'annotations:update']);
  release.shift()!();
  expect(await update).toBe('annotations:update');
});

test('main’s error reaches the caller with its code and message, and later changes still go through', async () => {
  let n = 0;
  install({
    invoke: (async () =>
      n++ === 0 ? { ok: false, error: { code: 'not-found', message: 'No highlight with id x' } } : { ok: true, value: 'fine' }) as GlossBridge['invoke'],
  });
  const failed = call('annotations:delete', {} as never);
  await expect(failed).rejects.toBeInstanceOf(GlossCallError);
  await expect(failed).rejects.toMatchObject({ code: 'not-found', message: 'No highlight with id x' });
  expect(await call('annotations:update', {} as never)).toBe('fine');
});
