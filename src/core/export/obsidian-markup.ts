/**
 * A note's Markdown as the export writes it. First, no line of it may read as
 * a thematic break: the note writer gives an empty nested list item as `- - -`,
 * which CommonMark reads as a rule, so the last marker of such a line is escaped
 * (`- - \-`: a list in a list holding the dash typed).
 *
 * Then, it gives a note's (or a notebook's) Markdown back the two pieces of Obsidian
 * markup the reader typed and the Markdown writer escaped: `[[wiki links]]`
 * and `#tags` at the start of a line. Both stay inline text for any
 * CommonMark reader; Obsidian reads them as a link and a tag again.
 *
 * - `\[\[Page#Heading|alias\]\]` becomes `[[Page#Heading|alias]]`, unless
 *   what is inside holds a character that could start markup beyond the line
 *   (`< > & \` and backticks) or a line break: those stay escaped.
 * - `\#tag` at a line's start (after any list marker or quote marker) becomes
 *   `#tag` when a letter, digit, `_`, `-` or `/` follows the `#`, which can never
 *   make a heading (a heading needs a space after its `#`s).
 *
 * Lines inside a code fence are left as they are.
 */

const WIKI_LINK = /\\\[\\\[((?:[^\\\n[\]]|\\[!-/:-@[-`{-~])+?)\\\]\\\]/g;
const UNSAFE_IN_LINK = /[<>&`\\]/;
const LINE_START_TAG = /^((?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|[ \t]*>[ \t]?)*[ \t]*)\\#(?=[\p{L}\p{N}_/-])/u;
const FENCE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})/;

/** A thematic break (`***`, `- - -`, `___`), after any quote markers, list markers and indentation. */
const THEMATIC_BREAK = /^([ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*)(([-*_])(?:[ \t]*\3){2,})([ \t]*)$/;

/** Fence-aware: `map` is applied to every line outside a code fence. */
function mapLines(markdown: string, map: (line: string) => string): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const opening = FENCE.exec(line)?.[1];
      if (fence) {
        if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = null;
        return line;
      }
      if (opening) {
        fence = opening;
        return line;
      }
      return map(line);
    })
    .join('\n');
}

/** Escapes the last marker of any line that would read as a thematic break. */
export function escapeThematicBreaks(markdown: string): string {
  if (!/[-*_][ \t]*[-*_][ \t]*[-*_]/.test(markdown)) return markdown;
  return mapLines(markdown, (line) => line.replace(THEMATIC_BREAK, (_m, lead: string, rule: string, _c: string, tail: string) => `${lead}${rule.slice(0, -1)}\\${rule.slice(-1)}${tail}`));
}

function restoreLine(line: string): string {
  return line
    .replace(WIKI_LINK, (whole, inner: string) => {
      const plain = inner.replace(/\\([!-/:-@[-`{-~])/g, '$1');
      return UNSAFE_IN_LINK.test(plain) || plain.trim() === '' ? whole : `[[${plain}]]`;
    })
    .replace(LINE_START_TAG, '$1#');
}

export function restoreObsidianMarkup(markdown: string): string {
  if (!markdown.includes('\\[\\[') && !markdown.includes('\\#')) return markdown;
  return mapLines(markdown, restoreLine);
}
