/**
 * What a gloss:// link handed to the app (by the operating system, from a
 * click in a notes app) points to in this library: the link is read by
 * core/links/gloss-url.ts, then checked against the library, so that the
 * window is only ever asked to show a document, highlight or passage that is
 * there. A link to something that is not gets a message saying so, and
 * nothing is shown or changed.
 */
import { errorMessage } from '../../core/error-message';
import { parseGlossUrl } from '../../core/links/gloss-url';
import type { GlossPlace } from '../../shared/model';
import type { LibraryStore } from '../store/library-store';

export type ResolvedLink = { ok: true; place: GlossPlace } | { ok: false; message: string };

/** The parts of the store a link is checked against. */
export type LinkStore = Pick<LibraryStore, 'list' | 'highlightsOf'>;

export const UNKNOWN_DOCUMENT_MESSAGE =
  'This link points to a document that is not in this library (it may have been removed, or exported from another library).';

/**
 * Checks a gloss:// link against the library. A highlight that is an orphan (its text was corrected away) is
 * still a place: the app lists it under Orphans.
 */
export async function resolveGlossLink(store: LinkStore, raw: unknown): Promise<ResolvedLink> {
  const parsed = parseGlossUrl(raw);
  if (!parsed.ok) return { ok: false, message: `This link cannot be opened. ${parsed.message}` };
  const { place } = parsed;
  const document = (await store.list()).find((d) => d.id === place.documentId);
  if (!document) return { ok: false, message: UNKNOWN_DOCUMENT_MESSAGE };
  if (place.highlightId === undefined && place.start === undefined) return { ok: true, place };

  let found: Awaited<ReturnType<LinkStore['highlightsOf']>>;
  try {
    found = await store.highlightsOf(place.documentId);
  } catch (error) {
    return { ok: false, message: `The link points to “${document.title}”, which cannot be read: ${errorMessage(error)}` };
  }
  if (place.highlightId !== undefined) {
    if (!found.annotations.some((a) => a.id === place.highlightId)) {
      return {
        ok: false,
        message: `This link points to a highlight that is not in “${document.title}” (it may have been deleted, or made in another library).`,
      };
    }
    return { ok: true, place };
  }
  const length = found.plainText.length;
  if (place.end! > length) {
    return {
      ok: false,
      message: `This link points to a passage past the end of “${document.title}” (characters ${place.start} to ${place.end}; the text has ${length}). Its text may have been replaced since the link was made.`,
    };
  }
  return { ok: true, place };
}
