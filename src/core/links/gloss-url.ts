/**
 * gloss:// links: what an export puts beside each highlight so that a click in
 * a notes app opens Gloss at that passage. Written and read here only; every
 * link handed to the app is checked before anything acts on it.
 *
 *   gloss://document/<document id>                        the document
 *   gloss://document/<document id>/highlight/<highlight id>  a highlight in it
 *   gloss://document/<document id>?from=<n>&to=<n>        a passage (UTF-16 offsets in the plain text)
 */
import type { GlossPlace } from '../../shared/model';

export const GLOSS_SCHEME = 'gloss';
/** Longer than any link Gloss writes; anything longer is refused unread. */
export const MAX_GLOSS_URL_LENGTH = 512;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OFFSET = /^(0|[1-9][0-9]{0,9})$/;

/** The link to a document, one of its highlights, or a passage of it. */
export function glossUrl(place: GlossPlace): string {
  const base = `${GLOSS_SCHEME}://document/${encodeURIComponent(place.documentId)}`;
  if (place.highlightId) return `${base}/highlight/${encodeURIComponent(place.highlightId)}`;
  if (place.start !== undefined && place.end !== undefined) return `${base}?from=${place.start}&to=${place.end}`;
  return base;
}

/** A part of the link with its %-escapes undone (left as it is when they are not valid). */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export type ParsedGlossUrl = { ok: true; place: GlossPlace } | { ok: false; message: string };

const refuse = (message: string): ParsedGlossUrl => ({ ok: false, message });

/** Reads a gloss:// link, refusing anything that is not exactly one Gloss writes, with the reason. */
export function parseGlossUrl(raw: unknown): ParsedGlossUrl {
  if (typeof raw !== 'string') return refuse('A Gloss link must be text.');
  if (raw.length > MAX_GLOSS_URL_LENGTH) return refuse(`A Gloss link is at most ${MAX_GLOSS_URL_LENGTH} characters; this one has ${raw.length}.`);
  const text = raw.trim();
  if (!/^gloss:/i.test(text)) return refuse(`"${raw.slice(0, 80)}" is not a Gloss link (it should start with gloss://).`);
  const parsed = /^gloss:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(#.*)?$/i.exec(text);
  if (!parsed) return refuse(`"${raw.slice(0, 80)}" is not a link.`);
  const [, authority, path, query, fragment] = parsed;
  if (authority.includes('@') || authority.includes(':') || fragment !== undefined) return refuse('A Gloss link has no user, password, port or #fragment.');
  if (authority.toLowerCase() !== 'document') return refuse(`Gloss links point to a document (gloss://document/…), not to "${authority.slice(0, 40)}".`);
  const parts = path.split('/').slice(1);
  const [documentId, kind, highlightId, ...rest] = parts.map(decoded);
  const pairs = query === undefined || query === '' ? [] : query.split('&').map((pair) => pair.split('=').map(decoded));
  const params = pairs.map(([key]) => key);
  if (!documentId || !UUID.test(documentId)) return refuse('The link does not name a document Gloss could have made (its id is not a UUID).');
  if (kind !== undefined || parts.length > 1) {
    if (kind !== 'highlight' || !highlightId || rest.length > 0 || parts.length !== 3) return refuse('After the document, a Gloss link can only name a highlight (…/highlight/<id>).');
    if (!UUID.test(highlightId)) return refuse('The link does not name a highlight Gloss could have made (its id is not a UUID).');
    if (params.length > 0) return refuse('A link to a highlight takes no ?from= or ?to=.');
    return { ok: true, place: { documentId: documentId.toLowerCase(), highlightId: highlightId.toLowerCase() } };
  }
  if (params.length === 0) return { ok: true, place: { documentId: documentId.toLowerCase() } };
  const valueOf = (key: string) => pairs.filter((pair) => pair[0] === key);
  const [from, to] = [valueOf('from'), valueOf('to')].map((found) => (found.length === 1 && found[0].length === 2 ? found[0][1] : null));
  if (params.some((p) => p !== 'from' && p !== 'to') || from === null || to === null) {
    return refuse('A link to a passage takes exactly ?from=<offset>&to=<offset>.');
  }
  if (!OFFSET.test(from) || !OFFSET.test(to)) return refuse('The passage in the link is not given by two whole numbers.');
  const start = Number(from);
  const end = Number(to);
  if (end <= start) return refuse('The passage in the link ends before it starts.');
  return { ok: true, place: { documentId: documentId.toLowerCase(), start, end } };
}
