/**
 * Obsidian block ids for highlights (`^gloss-3f2a9c1d4e5f`): derived from the
 * highlight's id alone, so that the same highlight has the same id in every
 * export and a reader's `[[file#^gloss-…]]` links keep working. Obsidian
 * allows only letters, digits and dashes in a block id.
 *
 * A UUID gives its first 12 hex digits (48 random bits: two highlights of one
 * document share them about once in 10^7 exports of 5,000 highlights). Any
 * other id gives its letters and digits, dashes between. Should two ids of one
 * export still give the same block id, the one that sorts later by id also
 * carries a fingerprint of its whole id, so each id in a file is unique.
 */
import { fnv1a } from './fnv-hash';

const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The block id a highlight id gives on its own (without `^`). */
export function shortBlockId(highlightId: string): string {
  const uuid = UUID.exec(highlightId);
  if (uuid) return `gloss-${uuid[1]}${uuid[2]}`.toLowerCase();
  const cleaned = highlightId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return `gloss-${cleaned || fnv1a(highlightId)}`;
}

/** A block id (without `^`) for each highlight id, unique among them. */
export function blockIdsFor(highlightIds: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of [...new Set(highlightIds)].sort()) {
    let blockId = shortBlockId(id);
    if (taken.has(blockId)) blockId = `${blockId}-${fnv1a(id)}`;
    for (let n = 2; taken.has(blockId); n++) blockId = `${shortBlockId(id)}-${fnv1a(id)}-${n}`;
    taken.add(blockId);
    out.set(id, blockId);
  }
  return out;
}
