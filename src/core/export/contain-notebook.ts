/**
 * A notebook's Markdown made fit to sit under the export's "Notebook"
 * heading. The notebook is the reader's own writing, with its headings, quotes,
 * lists and code blocks kept; what could reach outside its section is changed:
 *
 * - its headings move two levels down (`#` → `###`, at most `######`), under the section's `##`;
 * - a line that would start raw HTML (an HTML block, a comment, a fake region
 *   marker) gets a backslash before its `<`, so it reads as the characters typed;
 * - a `===` or `---` line right under text, which would turn that text into a
 *   heading, is escaped the same way;
 * - a link reference definition (`[x]: /url`) is escaped, so that it cannot
 *   turn text elsewhere in the file (a note's `[[wiki link]]`) into a link;
 * - a code fence left open is closed at the notebook's end, so it cannot swallow
 *   what follows it;
 * - control characters other than tab become spaces.
 *
 * Lines inside a code fence are kept as they are (region-marker lines aside,
 * which markdown-regions.ts moves one space in).
 *
 * The result is then read back by a CommonMark parser, followed by the line
 * that will follow it in the export (a region's end marker): should anything
 * still start raw HTML, make a heading above level 3, or run on over that
 * line (a fence opened inside a list item, say), the notebook is written as
 * escaped paragraphs instead, its text all kept, its markup shown as typed.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownParser } from 'markdown-it';
import { escapeParagraphs } from './escape-markdown';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const HTML_START = /^([ \t>]*)</;
const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const DEFINITION = /^([ \t>]*)\[(?=[^\]]*\]:)/;

export function containNotebookMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(CONTROL, ' ').split('\n');
  const out: string[] = [];
  let fence: { char: string; length: number } | null = null;
  let previousBlank = true;
  for (const line of lines) {
    const opening = FENCE.exec(line);
    if (fence) {
      if (opening && opening[1][0] === fence.char && opening[1].length >= fence.length && opening[2].trim() === '') fence = null;
      out.push(line);
    } else if (opening && !(opening[1][0] === '`' && opening[2].includes('`'))) {
      fence = { char: opening[1][0], length: opening[1].length };
      out.push(line);
    } else if (HEADING.test(line)) {
      out.push(line.replace(HEADING, (_m, indent: string, hashes: string) => indent + '#'.repeat(Math.min(6, hashes.length + 2))));
    } else if (DEFINITION.test(line)) {
      out.push(line.replace(DEFINITION, '$1\\['));
    } else if (HTML_START.test(line)) {
      out.push(line.replace(HTML_START, '$1\\<'));
    } else if (!previousBlank && UNDERLINE.test(line)) {
      out.push(line.replace(/^( {0,3})/, '$1\\'));
    } else out.push(line);
    previousBlank = line.trim() === '';
  }
  if (fence) out.push(fence.char.repeat(fence.length));
  const contained = out.join('\n').replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
  return staysInPlace(contained) ? contained : escapeParagraphs(markdown).join('\n\n');
}

let parser: MarkdownParser | null = null;
const END_PROBE = '<!-- gloss:end -->';

/** Whether the Markdown, followed by a region's end marker, leaves that marker an HTML block of its own and starts no other. */
function staysInPlace(markdown: string): boolean {
  parser ??= new MarkdownIt('commonmark', { html: true });
  const tokens = parser.parse(`${markdown}\n\n${END_PROBE}\n`, {});
  const html = tokens.filter((t) => t.type === 'html_block');
  if (html.length !== 1 || html[0] !== tokens.at(-1) || html[0].content.trim() !== END_PROBE) return false;
  return tokens.every((t) => t.type !== 'heading_open' || /^h[3-6]$/.test(t.tag));
}
