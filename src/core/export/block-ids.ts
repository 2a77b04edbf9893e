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

/** 0 when an id is no UUID (8-4-4-4-12 hex digits), 1 for one in lower case, 2 for one with capitals; checked without a regular expression (an export checks thousands). */
function uuidKind(id: string): 0 | 1 | 2 {
  if (id.length !== 36) return 0;
  let kind: 1 | 2 = 1;
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return 0;
    } else if (c >= 65 && c <= 70) kind = 2;
    else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return 0;
  }
  return kind;
}

/** The block id a highlight id gives on its own (without `^`). */
export function shortBlockId(highlightId: string): string {
  const kind = uuidKind(highlightId);
  if (kind !== 0) {
    const digits = highlightId.slice(0, 8) + highlightId.slice(9, 13);
    return `gloss-${kind === 2 ? digits.toLowerCase() : digits}`;
  }
  const cleaned = highlightId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return `gloss-${cleaned || fnv1a(highlightId)}`;
}

/** A block id (without `^`) for each highlight id, unique among them: the list's, in its order (an id given twice has the same one twice). */
export function blockIdList(highlightIds: readonly string[]): string[] {
  const list: string[] = new Array<string>(highlightIds.length);
  // The id that gave each block id first; the ids giving one already taken are settled after (rare).
  const owner = new Map<string, string>();
  let sharing: Map<string, string[]> | null = null;
  for (let i = 0; i < highlightIds.length; i++) {
    const id = highlightIds[i];
    const blockId = shortBlockId(id);
    list[i] = blockId;
    const first = owner.get(blockId);
    if (first === undefined) owner.set(blockId, id);
    else if (first !== id) {
      sharing ??= new Map();
      const ids = sharing.get(blockId);
      if (!ids) sharing.set(blockId, [first, id]);
      else if (!ids.includes(id)) ids.push(id);
    }
  }
  if (!sharing) return list;
  // Ids sharing a block id: the first by id keeps it; the others take a fingerprint of their whole id.
  const renamed = new Map<string, string>();
  for (const [blockId, ids] of sharing) {
    ids.sort();
    for (const id of ids.slice(1)) {
      let unique = `${blockId}-${fnv1a(id)}`;
      for (let n = 2; owner.has(unique); n++) unique = `${blockId}-${fnv1a(id)}-${n}`;
      owner.set(unique, id);
      renamed.set(id, unique);
    }
  }
  for (let i = 0; i < highlightIds.length; i++) list[i] = renamed.get(highlightIds[i]) ?? list[i];
  return list;
}

/** A block id (without `^`) for each highlight id, unique among them. */
export function blockIdsFor(highlightIds: Iterable<string>): Map<string, string> {
  const ids = [...highlightIds];
  const list = blockIdList(ids);
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i++) out.set(ids[i], list[i]);
  return out;
}
