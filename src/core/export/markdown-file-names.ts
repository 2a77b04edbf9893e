/**
 * File names for a Markdown export of several documents: one per document,
 * from its title, safe on Windows, macOS and Linux and in Obsidian's links.
 *
 * - Characters Windows refuses (`/ \ : * ? " < >  |`), the ones Obsidian links
 *   cannot hold (`# ^ [ ]`), control and bidi characters become spaces; runs of
 *   spaces become one; leading dots and spaces, trailing dots and spaces go.
 * - Windows' reserved names (`CON`, `NUL`, `COM1`, … with any extension) get a
 *   `_` (`CON_.md`).
 * - At most 100 characters and 200 UTF-8 bytes before `.md` (Linux allows 255 bytes).
 * - Unique in the export, ignoring case and Unicode normalisation (macOS and Windows do):
 *   documents whose names would clash, with one another or with a name given as
 *   reserved (a file of the reader's, the index), all take their id's first
 *   characters: `Interview (3f2a9c1d).md`. Every document of the clash does, so
 *   which one was listed first does not decide who keeps the plain name.
 *
 * The name depends only on the title and on the clashes, so the same document
 * exports to the same file each time; the writer also finds an earlier export
 * of a document by its front matter's `gloss-id`, whatever the file is called.
 */
import { singleLine } from './escape-markdown';

/** The index of a multi-document export. */
export const INDEX_FILE_NAME = 'Gloss index.md';

const MAX_CHARS = 100;
const MAX_BYTES = 200;
const REFUSED = /[\\/:*?"<>|#^[\]]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\s*(\.|$))/i;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** The title cut to the limits, by whole code points. */
function cut(text: string): string {
  let chars = 0;
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    bytes += utf8Length(ch.codePointAt(0)!);
    if (++chars > MAX_CHARS || bytes > MAX_BYTES) break;
    out += ch;
  }
  return out;
}

const trimEnds = (s: string) => s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');

/** A title as a file name's stem (without `.md`). */
export function fileStem(title: string): string {
  const cleaned = trimEnds(singleLine(title.normalize('NFC')).replace(REFUSED, ' ').replace(/\s+/g, ' '));
  const stem = trimEnds(cut(cleaned)) || 'Untitled';
  return stem.replace(RESERVED, '$1_');
}

/** How file systems that ignore case and normalisation compare names. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function idPart(id: string, length: number): string {
  return id.replace(/[^A-Za-z0-9]/g, '').slice(0, length).toLowerCase() || 'x';
}

/**
 * A safe, unique file name for each document, in the order given. `reserved`: names already in use by something
 * else (compared ignoring case); the index's name always is.
 */
export function markdownFileNames(documents: readonly { id: string; title: string }[], reserved: Iterable<string> = []): string[] {
  const taken = new Set([INDEX_FILE_NAME, ...reserved].map(fileNameKey));
  const stems = documents.map((d) => fileStem(d.title));
  const uses = new Map<string, number>();
  for (const stem of stems) uses.set(fileNameKey(stem), (uses.get(fileNameKey(stem)) ?? 0) + 1);
  const names: string[] = [];
  const used = new Set<string>();
  documents.forEach((doc, i) => {
    const key = fileNameKey(`${stems[i]}.md`);
    let name = `${stems[i]}.md`;
    if (uses.get(fileNameKey(stems[i]))! > 1 || taken.has(key) || used.has(key)) {
      name = `${stems[i]} (${idPart(doc.id, 8)}).md`;
      // Ids sharing their first 8 characters: more of the id, then a counter.
      if (used.has(fileNameKey(name)) || taken.has(fileNameKey(name))) name = `${stems[i]} (${idPart(doc.id, 32)}).md`;
      for (let n = 2; used.has(fileNameKey(name)) || taken.has(fileNameKey(name)); n++) name = `${stems[i]} (${idPart(doc.id, 32)} ${n}).md`;
    }
    used.add(fileNameKey(name));
    names.push(name);
  });
  return names;
}
