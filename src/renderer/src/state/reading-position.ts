/**
 * Where the reader was in each document, remembered in main
 * ('documents:save-reading-position'; main drops a position when the text
 * changes) and kept here too, so that coming back from the library finds the
 * place even while its saving is still under way.
 */
import type { ReadingPosition } from '../../../shared/model';
import { call } from '../gloss-client';

/** By document, with the hash of the text it was in (a replaced text does not take the old text's place). */
const known = new Map<string, { hash: string; position: ReadingPosition }>();

/** Where the reader was in `documentId` whose text is `hash` (null: nowhere remembered, or it could not be read). */
export async function rememberedReadingPosition(documentId: string, hash: string): Promise<ReadingPosition | null> {
  const here = known.get(documentId);
  if (here?.hash === hash) return here.position;
  try {
    return await call('documents:reading-position', { documentId });
  } catch {
    return null; // The document opens at its top.
  }
}

/** Remembers where the reader is in `documentId` (text `hash`); a failure to save costs only the place. */
export function rememberReadingPosition(documentId: string, hash: string, position: ReadingPosition): Promise<void> {
  const rounded = { offset: position.offset, top: Math.round(position.top) };
  const before = known.get(documentId);
  if (before?.hash === hash && before.position.offset === rounded.offset && before.position.top === rounded.top) return Promise.resolve();
  known.set(documentId, { hash, position: rounded });
  return call('documents:save-reading-position', { documentId, position: rounded }).then(
    () => undefined,
    () => undefined,
  );
}
