/**
 * The code tree as REFI-QDA writes it: nested Code elements (a code path
 * `theme/risk` is Code "risk" inside Code "theme"), each with a GUID derived
 * from its path, its colour as #RRGGBB and its codebook description. Written
 * inside a project's CodeBook, or alone as a codebook file (.qdc).
 */
import { ancestorsOf, compareCodes, leafOf, parentOf } from '../../study/code-path';
import type { CodeSummary, HighlightColor } from '../../../shared/model';
import { REFI_COLOR_HEX } from './colors';
import { derivedGuid } from './guids';
import { escapeXmlAttribute, escapeXmlText } from './xml-text';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** What the code tree is made from: every code's path, colour and description. */
export type CodeEntry = Pick<CodeSummary, 'path' | 'color' | 'description'>;

/** The GUID of a code: derived from its path, so that a code keeps its GUID from one export to the next. */
export function codeGuid(path: string): string {
  return derivedGuid('gloss-code', path);
}

/** Every code with its parents, each once, in tree order; entries given later for a path fill in what earlier ones left empty. */
export function completeCodes(entries: readonly CodeEntry[], used: Iterable<string> = []): CodeEntry[] {
  const byPath = new Map<string, CodeEntry>();
  const add = (path: string, color: HighlightColor | null, description: string) => {
    const known = byPath.get(path);
    if (!known) byPath.set(path, { path, color, description });
    else byPath.set(path, { path, color: known.color ?? color, description: known.description || description });
  };
  for (const e of entries) add(e.path, e.color, e.description);
  for (const path of used) add(path, null, '');
  for (const path of [...byPath.keys()]) for (const parent of ancestorsOf(path)) add(parent, null, '');
  return [...byPath.values()].sort((a, b) => compareCodes(a.path, b.path));
}

/** The Code elements of a code tree (`codes` complete and in tree order: completeCodes), indented from `depth`. */
export function codesXml(codes: readonly CodeEntry[], depth: number): string {
  const out: string[] = [];
  const open: string[] = [];
  const pad = (n: number) => '  '.repeat(n);
  const close = () => {
    open.pop();
    out.push(`${pad(depth + open.length)}</Code>\n`);
  };
  for (const code of codes) {
    const parent = parentOf(code.path);
    while (open.length > 0 && open[open.length - 1] !== parent) close();
    const color = code.color ? ` color="${REFI_COLOR_HEX[code.color]}"` : '';
    const head = `${pad(depth + open.length)}<Code guid="${codeGuid(code.path)}" name="${escapeXmlAttribute(leafOf(code.path))}" isCodable="true"${color}>`;
    const description = code.description ? `<Description>${escapeXmlText(code.description)}</Description>` : '';
    out.push(`${head}${description}\n`);
    open.push(code.path);
  }
  while (open.length > 0) close();
  return out.join('');
}

/** A codebook file (.qdc): the CodeBook element alone, in the codebook namespace. Throws when there is no code (a codebook must hold one). */
export function codebookXml(codes: readonly CodeEntry[], origin: string): string {
  const complete = completeCodes(codes);
  if (complete.length === 0) throw new Error('the codebook has no codes yet');
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<CodeBook xmlns="${CODEBOOK_NAMESPACE}" origin="${escapeXmlAttribute(origin)}">\n` +
    '  <Codes>\n' +
    codesXml(complete, 2) +
    '  </Codes>\n' +
    '</CodeBook>\n'
  );
}
