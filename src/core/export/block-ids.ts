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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The block id a highlight id gives on its own (without `^`). */
export function shortBlockId(highlightId: string): string {
  if (highlightId.length === 36 && UUID.test(highlightId)) return `gloss-${highlightId.slice(0, 8)}${highlightId.slice(9, 13)}`.toLowerCase();
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
  const owners = new Map<string, string[]>();
  for (const id of highlightIds) {
    if (out.has(id)) continue;
    const blockId = shortBlockId(id);
    out.set(id, blockId);
    const sharing = owners.get(blockId);
    if (sharing) sharing.push(id);
    else owners.set(blockId, [id]);
  }
  // Rare: ids sharing a block id. The first by id keeps it; the others take a fingerprint of their whole id.
  for (const [blockId, ids] of owners) {
    if (ids.length === 1) continue;
    ids.sort();
    for (const id of ids.slice(1)) {
      let unique = `${blockId}-${fnv1a(id)}`;
      for (let n = 2; owners.has(unique); n++) unique = `${blockId}-${fnv1a(id)}-${n}`;
      owners.set(unique, [id]);
      out.set(id, unique);
    }
  }
  return out;
}
