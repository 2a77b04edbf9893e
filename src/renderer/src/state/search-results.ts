/**
 * How library search results are shown, as plain data: hits grouped by
 * document (each group where its best hit ranks), the order the arrow keys
 * walk, the count line ("23 hits in 4 documents"), and a snippet cut into
 * plain and marked pieces (rendered as text, never as markup).
 */
import type { SearchHit, SearchResults } from '../../../shared/model';

export interface SearchGroup {
  /** The document's id, or 'library-notebook' for the library's notebook. */
  key: string;
  documentId: string | null;
  title: string;
  hits: SearchHit[];
}

export const LIBRARY_NOTEBOOK_KEY = 'library-notebook';
export const LIBRARY_NOTEBOOK_TITLE = 'Library notebook';

/** Hits grouped by document; groups in the order of each one's best hit, hits in theirs (main gives them best first). */
export function groupHits(hits: readonly SearchHit[]): SearchGroup[] {
  const groups = new Map<string, SearchGroup>();
  for (const hit of hits) {
    const key = hit.documentId ?? LIBRARY_NOTEBOOK_KEY;
    let group = groups.get(key);
    if (!group) {
      group = { key, documentId: hit.documentId, title: hit.documentId === null ? LIBRARY_NOTEBOOK_TITLE : hit.documentTitle, hits: [] };
      groups.set(key, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}

/** The hits in the order they are shown (group after group): the order Up and Down walk. */
export function shownOrder(groups: readonly SearchGroup[]): SearchHit[] {
  return groups.flatMap((g) => g.hits);
}

const number = (n: number) => n.toLocaleString('en');
export const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

/** "23 hits in 4 documents", "3 hits in 2 documents and the library notebook", "No hits"; says so when the limit cut the list. */
export function countLine(results: SearchResults): string {
  if (results.hits.length === 0) return 'No hits';
  const groups = groupHits(results.hits);
  const documents = groups.filter((g) => g.documentId !== null).length;
  const inLibraryNotebook = groups.length > documents;
  const where = [documents > 0 ? plural(documents, 'document') : '', inLibraryNotebook ? 'the library notebook' : ''].filter(Boolean).join(' and ');
  if (results.total > results.hits.length) return `The best ${number(results.hits.length)} of ${plural(results.total, 'hit')}, in ${where}`;
  return `${plural(results.hits.length, 'hit')} in ${where}`;
}

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * The snippet in pieces, the marked ones being the words matched. Marks out of order, overlapping or outside the
 * snippet are sorted, merged and clipped, so a faulty mark can never lose or repeat text.
 */
export function snippetParts(snippet: string, marks: readonly (readonly [number, number])[]): SnippetPart[] {
  const clipped = marks
    .map(([s, e]) => [Math.max(0, Math.min(s, snippet.length)), Math.max(0, Math.min(e, snippet.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [s, e] of clipped) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    const last = parts[parts.length - 1];
    if (from > at) parts.push({ text: snippet.slice(at, from), marked: false });
    // Overlapping or touching marks make one mark.
    if (from === at && last?.marked) last.text += snippet.slice(from, e);
    else parts.push({ text: snippet.slice(from, e), marked: true });
    at = e;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts;
}
