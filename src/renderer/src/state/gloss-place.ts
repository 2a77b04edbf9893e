/**
 * The renderer's own check of a place sent by main for a gloss:// link:
 * main checked the link against the library, but what crosses into the page
 * is looked at again before anything opens (a document id, and either a
 * highlight id or a passage of whole, ordered offsets).
 */
import type { GlossPlace } from '../../../shared/model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEYS = new Set(['documentId', 'highlightId', 'start', 'end']);
const offset = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** The place, when `value` is shaped as one; null otherwise. */
export function asGlossPlace(value: unknown): GlossPlace | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => !KEYS.has(k))) return null;
  if (typeof v.documentId !== 'string' || !UUID.test(v.documentId)) return null;
  const hasHighlight = v.highlightId !== undefined;
  const hasPassage = v.start !== undefined || v.end !== undefined;
  if (hasHighlight && hasPassage) return null;
  if (hasHighlight) return typeof v.highlightId === 'string' && UUID.test(v.highlightId) ? { documentId: v.documentId, highlightId: v.highlightId } : null;
  if (hasPassage) return offset(v.start) && offset(v.end) && v.end > v.start ? { documentId: v.documentId, start: v.start, end: v.end } : null;
  return { documentId: v.documentId };
}
