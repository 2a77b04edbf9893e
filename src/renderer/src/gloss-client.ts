/**
 * The renderer's only way to reach main: typed calls over `window.gloss`
 * (built by preload, or by the test bridge), with main's errors rethrown.
 */
import type { Channel, GlossBridge, MenuCommand, RequestOf, ResponseOf } from '../../shared/contract';
import type { GlossPlace, TaskProgress } from '../../shared/model';

declare global {
  interface Window {
    gloss?: GlossBridge;
  }
}

export class GlossCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GlossCallError';
  }
}

function bridge(): GlossBridge {
  if (!window.gloss) throw new GlossCallError('internal', 'Gloss is not connected to its main process (no window.gloss).');
  return window.gloss;
}

async function send<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const envelope = await bridge().invoke(channel, request);
  if (!envelope.ok) throw new GlossCallError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

// Changes to highlights are sent one after another, so a note typed into a new
// highlight can never reach main before the highlight itself.
let changes: Promise<unknown> = Promise.resolve();

export function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  if (!channel.startsWith('annotations:')) return send(channel, request);
  const result = changes.then(() => send(channel, request));
  changes = result.catch(() => undefined);
  return result;
}

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.gloss ? window.gloss.onMenuCommand(listener) : () => {};
}

export function onShowDocument(listener: (documentId: string) => void): () => void {
  return window.gloss ? window.gloss.onShowDocument(listener) : () => {};
}

/** Hears gloss:// links opened while the app runs (or that started it): the place main checked against the library. */
export function onShowPlace(listener: (place: GlossPlace) => void): () => void {
  return window.gloss ? window.gloss.onShowPlace(listener) : () => {};
}

/** Hears changes made outside this window (a `gloss` command beside the app): the document changed, or null for library-wide things. */
export function onLibraryChanged(listener: (documentId: string | null) => void): () => void {
  return window.gloss ? window.gloss.onLibraryChanged(listener) : () => {};
}

/** Hears the progress of long work in main (imports, exports, restores, the search index). */
export function onTaskProgress(listener: (progress: TaskProgress) => void): () => void {
  return window.gloss ? window.gloss.onTaskProgress(listener) : () => {};
}
