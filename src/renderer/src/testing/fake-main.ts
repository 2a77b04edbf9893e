/**
 * Main, as the renderer's unit tests stand it in: `window.gloss` (which
 * Node lacks) with an `invoke` that answers as the test says.
 */
import type { Channel, Envelope, GlossBridge } from '../../../shared/contract';

export type Answer = Envelope<unknown>;

/** A successful answer carrying `value`. */
export const ok = (value: unknown): Answer => ({ ok: true, value });

/** Puts `answer` behind `window.gloss.invoke`, as the preload puts main there; `removeFakeMain` takes it away. */
export function installFakeMain(answer: (channel: Channel, request: Record<string, unknown>) => Answer): void {
  const bridge: Partial<GlossBridge> = {
    invoke: (async (channel: Channel, request: Record<string, unknown>) => answer(channel, request)) as GlossBridge['invoke'],
  };
  (globalThis as { window?: unknown }).window = { gloss: bridge };
}

export function removeFakeMain(): void {
  delete (globalThis as { window?: unknown }).window;
}
