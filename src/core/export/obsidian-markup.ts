/**
 * Gives a note's (or a notebook's) Markdown back the two pieces of Obsidian
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
      return restoreLine(line);
    })
    .join('\n');
}
