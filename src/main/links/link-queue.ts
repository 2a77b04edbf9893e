/**
 * gloss:// links as they reach the app: from the command line of the first
 * launch, from a second launch, or (macOS) from the 'open-url' event, which
 * can fire before the library is open or the window exists. Links are kept
 * until the app is ready for them, then acted on one at a time, in the order
 * they came: checked (open-link.ts), then shown, or refused with the reason.
 */
import type { GlossPlace } from '../../shared/model';
import type { ResolvedLink } from './open-link';

/** What acting on a link needs, once the app is ready. */
export interface LinkTarget {
  resolve(raw: string): Promise<ResolvedLink>;
  /** Shows the place in the window (and brings the window to the front). */
  show(place: GlossPlace): void;
  /** Tells the reader why the link was not opened. */
  refuse(message: string): void;
}

export interface LinkQueue {
  /** A link to open: now if the app is ready, else as soon as it is. */
  add(raw: string): void;
  /** The app is ready: acts on the links kept until now, then on each that comes. */
  attach(target: LinkTarget): Promise<void>;
  /** Resolves once every link added so far has been acted on. */
  settled(): Promise<void>;
}

/** How many links are kept before the app is ready (a flood of them is not kept). */
export const MAX_WAITING_LINKS = 20;

export function createLinkQueue(): LinkQueue {
  let target: LinkTarget | null = null;
  const waiting: string[] = [];
  let chain: Promise<void> = Promise.resolve();

  const act = async (to: LinkTarget, raw: string) => {
    let resolved: ResolvedLink;
    try {
      resolved = await to.resolve(raw);
    } catch (error) {
      resolved = { ok: false, message: `The link could not be opened: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (resolved.ok) to.show(resolved.place);
    else to.refuse(resolved.message);
  };

  const add = (raw: string) => {
    if (!target) {
      if (waiting.length < MAX_WAITING_LINKS) waiting.push(raw);
      return;
    }
    const to = target;
    chain = chain.then(() => act(to, raw));
  };

  return {
    add,
    attach: (to) => {
      target = to;
      for (const raw of waiting.splice(0)) add(raw);
      return chain;
    },
    settled: () => chain,
  };
}
