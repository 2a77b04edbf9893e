/**
 * Re-exporting into a file an earlier export wrote, without losing what the
 * reader added to it (markdown-regions.ts says how Gloss's content is marked):
 *
 * - Gloss's regions are replaced by the fresh export's, in the fresh order;
 *   new highlights get new regions where they belong.
 * - Text the reader wrote between or after regions stays, anchored to the
 *   region before it (text before the first region stays at the top). The text
 *   under a highlight deleted since moves up to follow the nearest region before
 *   it that is still there.
 * - A region the reader typed into (its fingerprint no longer matches) is
 *   replaced too, but every line of it the fresh region does not hold is kept
 *   after it, as the reader's; for a region that is gone, all of its lines are.
 * - The front matter is Gloss's; keys the reader added to it are kept after Gloss's.
 * - Line ends stay as the file had them (CRLF or LF).
 */
import { mergeFrontMatter, readFrontMatter, splitFrontMatter } from './front-matter';
import { hasRegions, parseRegions, region } from './markdown-regions';

function normalised(text: string): string {
  const unmarked = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
}

/** A passage without the blank lines at its two ends (what is inside, blank lines and trailing spaces too, is the reader's). */
function tidy(text: string): string {
  if (text.trim() === '') return '';
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
}

/** The lines of an edited region that are not in the fresh one (all of them when it is gone). */
function readerLinesOf(oldBody: string, freshBody: string | undefined): string {
  if (freshBody === undefined) return tidy(oldBody);
  const fresh = new Set(freshBody.split('\n').map((l) => l.trim()));
  return tidy(
    oldBody
      .split('\n')
      .filter((l) => l.trim() === '' || !fresh.has(l.trim()))
      .join('\n'),
  );
}

/**
 * Merges a fresh export into the file an earlier export wrote. Throws an Error saying what is wrong when the earlier
 * file's front matter is not valid YAML (nothing can be merged safely then).
 */
export function mergeReexport(previous: string, fresh: string): { text: string; readerTextKept: number } {
  const eol = /\r\n/.test(previous) ? '\r\n' : '\n';
  const old = splitFrontMatter(normalised(previous));
  const now = splitFrontMatter(normalised(fresh));
  const frontMatter = now.yaml === null ? null : mergeFrontMatter(now.yaml, old.yaml);

  const freshPieces = parseRegions(now.body);
  const freshBodies = new Map<string, string>();
  for (const p of freshPieces) if (p.kind === 'region' && !freshBodies.has(p.key)) freshBodies.set(p.key, p.body);

  const START = '';
  const anchored = new Map<string, string[]>();
  let kept = 0;
  const keep = (anchor: string, text: string) => {
    if (text === '') return;
    const list = anchored.get(anchor) ?? [];
    list.push(text);
    anchored.set(anchor, list);
    kept++;
  };
  let anchor = START;
  for (const piece of parseRegions(old.body)) {
    if (piece.kind === 'text') keep(anchor, tidy(piece.text));
    else {
      if (freshBodies.has(piece.key)) anchor = piece.key;
      if (!piece.intact) keep(anchor, readerLinesOf(piece.body, freshBodies.get(piece.key)));
    }
  }

  const out: string[] = [];
  if (frontMatter !== null) out.push(frontMatter);
  out.push(...(anchored.get(START) ?? []));
  const placed = new Set<string>();
  for (const piece of freshPieces) {
    if (piece.kind === 'text') {
      if (piece.text.trim() !== '') out.push(tidy(piece.text));
      continue;
    }
    out.push(piece.intact ? piece.raw : region(piece.key, piece.body));
    if (placed.has(piece.key)) continue;
    placed.add(piece.key);
    out.push(...(anchored.get(piece.key) ?? []));
  }
  const text = `${out.join('\n\n')}\n`;
  return { text: eol === '\n' ? text : text.replace(/\n/g, eol), readerTextKept: kept };
}

export interface GlossExportFacts {
  /** The file holds Gloss regions or a `gloss-id`: an earlier export, safe to merge into. */
  isGlossExport: boolean;
  /** The document it is the export of (its `gloss-id`), when it says. */
  documentId: string | null;
  /** The index of a multi-document export. */
  isIndex: boolean;
}

/** What a file says about itself: whether an earlier Gloss export wrote it, and of what. */
export function glossExportFacts(text: string): GlossExportFacts {
  const { yaml, body } = splitFrontMatter(normalised(text));
  const fields = yaml === null ? null : readFrontMatter(yaml);
  const id = fields?.['gloss-id'];
  const documentId = typeof id === 'string' && id !== '' ? id : null;
  const isIndex = fields?.['gloss-index'] === true;
  return { isGlossExport: documentId !== null || isIndex || hasRegions(body), documentId, isIndex };
}
