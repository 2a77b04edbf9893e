/**
 * Gloss's own content in an exported Markdown file sits in marked regions,
 * so that a re-export can replace it and keep everything else:
 *
 *     <!-- gloss:begin highlight:3f2a9c1d-… 1b2c3d4e -->
 *     …what Gloss wrote…
 *
 *     <!-- gloss:end -->
 *
 * The markers are HTML comments, which CommonMark reads as HTML blocks that
 * show nothing, and which Obsidian's reading view hides. The begin marker names
 * the region (a key without spaces) and carries a fingerprint of what Gloss
 * wrote in it, so a region the reader typed into can be told from one left as
 * it was. Only a line that is exactly a marker, from its first column, counts;
 * a line of Gloss's own content that would look like one (a note's code block
 * holding `<!-- gloss:end -->`) is written one space in, where it is no marker.
 */
import { fnv1a } from './fnv-hash';

const BEGIN = /^<!-- gloss:begin (\S+) ([0-9a-f]{8}) -->[ \t]*$/;
const END = /^<!-- gloss:end -->[ \t]*$/;
const LOOKS_LIKE_MARKER = /^<!--[ \t]*gloss:/gim;

/** A region key from its parts (`highlight`, an id, …), each made safe for a marker (no spaces, no `-->`). */
export function regionKey(...parts: string[]): string {
  // encodeURIComponent leaves no space, no `>` (so no `-->`) and no `:`.
  return parts.map((p) => encodeURIComponent(p)).join(':');
}

/** Gloss's content as it is fingerprinted: trailing white space left out. */
function normalisedBody(body: string): string {
  return body.trimEnd();
}

/** Moves any line of content that starts like a region marker one space in, where it cannot be taken for one. */
export function neutraliseMarkers(body: string): string {
  return body.includes('<!--') ? body.replace(LOOKS_LIKE_MARKER, ' $&') : body;
}

/** A region holding `body` (Markdown blocks). */
export function region(key: string, body: string): string {
  const content = normalisedBody(neutraliseMarkers(body));
  return `<!-- gloss:begin ${key} ${fnv1a(content)} -->\n${content}\n\n<!-- gloss:end -->`;
}

/**
 * The same region as `region(key, body)` for a body none of whose lines can look like a region marker (the caller
 * has neutralised what could: neutraliseMarkers), without looking for one (a library export writes a quarter of a
 * million regions).
 */
export function regionOfSafeBody(key: string, body: string): string {
  // trimEnd also leaves the body one flat string, which the fingerprint reads fastest.
  const content = normalisedBody(body);
  return `<!-- gloss:begin ${key} ${fnv1a(content)} -->\n${content}\n\n<!-- gloss:end -->`;
}

export type Piece =
  | { kind: 'text'; text: string }
  | {
      kind: 'region';
      key: string;
      body: string;
      /** The content is exactly what Gloss wrote (its fingerprint matches). */
      intact: boolean;
      /** The region as it stands in the text, markers included (for a region with no end marker: up to where it stops). */
      raw: string;
    };

const MARKER_START = '<!-- gloss:';

/**
 * A file's body (after its front matter, `\n` line ends) as regions and the text between them. A region runs to its
 * end marker, or (the end marker deleted) to the next begin marker or the end of the file; an end marker with no
 * region open is dropped. Text pieces are as found (possibly blank). Only lines starting `<!-- gloss:` are looked at,
 * found by searching the text, not by splitting it: a re-export reads files of megabytes.
 */
export function parseRegions(body: string): Piece[] {
  const pieces: Piece[] = [];
  let textStart = 0;
  let open: { key: string; hash: string; start: number; contentStart: number } | null = null;
  const closeAt = (contentEnd: number, rawEnd: number) => {
    if (!open) return;
    const content = normalisedBody(body.slice(open.contentStart, Math.max(open.contentStart, contentEnd)));
    pieces.push({ kind: 'region', key: open.key, body: content, intact: fnv1a(content) === open.hash, raw: body.slice(open.start, rawEnd) });
    open = null;
  };
  const textUpTo = (end: number) => {
    if (end > textStart) pieces.push({ kind: 'text', text: body.slice(textStart, end) });
  };
  // The start of the next line (from `from` on) that starts like a marker, or -1.
  const nextMarker = (from: number) => {
    const found = body.indexOf(`\n${MARKER_START}`, from);
    return found < 0 ? -1 : found + 1;
  };
  let at = body.startsWith(MARKER_START) ? 0 : nextMarker(0);
  while (at >= 0) {
    const newline = body.indexOf('\n', at);
    const lineEnd = newline < 0 ? body.length : newline;
    const line = body.slice(at, lineEnd);
    const begin = BEGIN.exec(line);
    if (begin) {
      if (open) closeAt(at, Math.max(0, at - 1));
      else textUpTo(at);
      open = { key: begin[1], hash: begin[2], start: at, contentStart: lineEnd + 1 };
      textStart = lineEnd + 1;
    } else if (END.test(line)) {
      if (open) closeAt(at, lineEnd);
      else textUpTo(at);
      textStart = lineEnd + 1;
    }
    at = lineEnd >= body.length ? -1 : nextMarker(lineEnd);
  }
  if (open) closeAt(body.length, body.length);
  else textUpTo(body.length);
  return pieces;
}

/** Whether a text holds at least one Gloss region. */
export function hasRegions(text: string): boolean {
  return /^<!-- gloss:begin \S+ [0-9a-f]{8} -->[ \t]*$/m.test(text);
}
