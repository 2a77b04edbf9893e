/**
 * Escapes user text (quotes, notes, titles) so that it reads as literal text
 * in CommonMark: no headings, lists, quotes, code, HTML or links can come out
 * of it, whatever it contains.
 */

// Inline punctuation that can start markup anywhere in a line (GFM adds | and ~).
const INLINE = /[\\`*_[\]<>&|~$]/g;

/** Escapes one line of text for use inside a paragraph, blockquote or heading. */
export function escapeLine(line: string): string {
  const text = line.replace(/\t/g, '    ').trim().replace(INLINE, '\\$&');
  // Markup that only counts at the start of a line: headings, quotes, list items, breaks, setext underlines.
  return text
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * Escapes a multi-line text into Markdown paragraphs: blank lines separate
 * paragraphs, single line breaks are kept as soft breaks.
 * Returns one string per paragraph.
 */
export function escapeParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map(escapeLine)
        .filter((l) => l.length > 0)
        .join('\n'),
    )
    .filter((p) => p.length > 0);
}
