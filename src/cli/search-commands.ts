/**
 * `gloss search QUERY [--doc ID] [--limit N]`: the library search the app's
 * search panel makes (query syntax in core/search/query-syntax.ts), best hit
 * first. It opens the library to inspect: it reads the search index files
 * where they are current, builds in memory what is missing or out of date, and
 * writes nothing, so it works while the app runs.
 */
import { openToRead } from '../main/store/library-access';
import { MAX_SEARCH_LIMIT } from '../main/ipc/schemas';
import type { SearchHit, SearchResults } from '../shared/model';
import { UsageError } from './args';
import type { Output } from './library-commands';

export interface SearchOptions {
  query: string;
  documentId?: string;
  limit?: string;
}

/** The limit as given, checked. */
function limitOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > MAX_SEARCH_LIMIT) throw new UsageError(`--limit ${raw}: give a number of hits from 1 to ${MAX_SEARCH_LIMIT}`);
  return n;
}

/** The snippet with its found words in [brackets]. */
export function markedSnippet(hit: Pick<SearchHit, 'snippet' | 'marks'>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hit.marks) {
    out += `${hit.snippet.slice(at, start)}[${hit.snippet.slice(start, end)}]`;
    at = end;
  }
  return out + hit.snippet.slice(at);
}

/** The hits as text: grouped by document, in the order of each document's best hit. */
function resultLines(results: SearchResults): string[] {
  const { hits, total } = results;
  const lines = [total === 0 ? `No hits for ${JSON.stringify(results.query)}.` : `${total} hit${total === 1 ? '' : 's'} for ${JSON.stringify(results.query)}${hits.length < total ? ` (the best ${hits.length} shown)` : ''}`];
  const groups = new Map<string | null, SearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.documentId);
    if (group) group.push(hit);
    else groups.set(hit.documentId, [hit]);
  }
  for (const [documentId, group] of groups) {
    lines.push('', documentId === null ? group[0].documentTitle : `${group[0].documentTitle}  (${documentId})`);
    for (const hit of group) {
      const where = hit.start === null ? '' : ` ${hit.start}-${hit.end}`;
      const who = hit.speaker ? `  ${hit.speaker}` : '';
      const highlight = hit.highlightId ? `  highlight ${hit.highlightId}` : '';
      lines.push(`  ${hit.kind}${where}${who}${highlight}`, `    ${markedSnippet(hit)}`);
    }
  }
  return lines;
}

export async function searchCommand(dataDir: string, options: SearchOptions, asJson: boolean, io: Output): Promise<number> {
  if (options.query.trim() === '') throw new UsageError('give something to search for');
  const limit = limitOf(options.limit);
  const library = await openToRead(dataDir, { onNotice: () => undefined });
  let results: SearchResults;
  try {
    results = await library.store.search({ query: options.query, ...(options.documentId ? { documentId: options.documentId } : {}), ...(limit ? { limit } : {}) });
  } finally {
    await library.release();
  }
  if (asJson) io.out(JSON.stringify(results, null, 2));
  else io.out(resultLines(results).join('\n'));
  return 0;
}
