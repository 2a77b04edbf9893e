import { expect, test } from 'vitest';
import type { GlossPlace } from '../../shared/model';
import { createLinkQueue, MAX_WAITING_LINKS, type LinkTarget } from './link-queue';

const ID = '3f2a1c44-9b1e-4c2a-8d3f-0a1b2c3d4e5f';

/** A target that knows one document; records what it was asked to show and what it refused. */
function recorder(delays: Record<string, number> = {}) {
  const shown: GlossPlace[] = [];
  const refused: string[] = [];
  const target: LinkTarget = {
    resolve: async (raw) => {
      await new Promise((r) => setTimeout(r, delays[raw] ?? 0));
      if (raw === 'boom') throw new Error('the library is closed');
      return raw.endsWith(ID) ? { ok: true, place: { documentId: ID } } : { ok: false, message: `unknown: ${raw}` };
    },
    show: (place) => shown.push(place),
    refuse: (message) => refused.push(message),
  };
  return { target, shown, refused };
}

test('links that come before the app is ready are kept, then acted on in order once it is', async () => {
  const queue = createLinkQueue();
  const { target, shown, refused } = recorder();
  queue.add(`gloss://document/${ID}`);
  queue.add('gloss://document/other');
  expect(shown).toEqual([]);
  await queue.attach(target);
  expect(shown).toEqual([{ documentId: ID }]);
  expect(refused).toEqual(['unknown: gloss://document/other']);
});

test('links that come after are acted on one at a time, in the order they came, however long each takes to check', async () => {
  const queue = createLinkQueue();
  const order: string[] = [];
  const { target } = recorder({ slow: 30 });
  await queue.attach({ ...target, show: () => order.push('shown'), refuse: (m) => order.push(m) });
  queue.add('slow');
  queue.add(`gloss://document/${ID}`);
  await queue.settled();
  expect(order).toEqual(['unknown: slow', 'shown']);
});

test('a check that fails is told as a refusal, and the links after it are still acted on', async () => {
  const queue = createLinkQueue();
  const { target, shown, refused } = recorder();
  await queue.attach(target);
  queue.add('boom');
  queue.add(`gloss://document/${ID}`);
  await queue.settled();
  expect(refused).toEqual(['The link could not be opened: the library is closed']);
  expect(shown).toHaveLength(1);
});

test('a flood of links before the app is ready is not kept past a limit', async () => {
  const queue = createLinkQueue();
  const { target, refused } = recorder();
  for (let i = 0; i < MAX_WAITING_LINKS + 10; i++) queue.add(`x${i}`);
  await queue.attach(target);
  expect(refused).toHaveLength(MAX_WAITING_LINKS);
});
