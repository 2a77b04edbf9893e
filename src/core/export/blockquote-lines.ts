/**
 * Escaped paragraphs as the lines of a blockquote (`> line`, `>` between
 * paragraphs): how a highlight's quote is written. The result is exactly
 * that of escapeParagraphs (escape-markdown.ts) with `> ` before every line;
 * most quotes hold nothing that needs escaping beyond a line's first
 * character, and those are written without the general escaper's passes (an
 * export of the library writes a quarter of a million of them).
 */
import { escapeParagraphs } from './escape-markdown';

/**
 * What sends a text through escapeParagraphs itself: a carriage return, a
 * control character, punctuation that can start inline markup, or a web address.
 */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\\`*_[\]<>&|~$!]|https?:\/\/|www\./i;
const NUMBERED = /^(\d{1,9})([.)])/;

/** A trimmed line with nothing to escape but its start (escapeLineStart). */
function plainLine(line: string): string {
  const c = line.charCodeAt(0);
  // # + - : = >
  if (c === 35 || c === 43 || c === 45 || c === 58 || c === 61 || c === 62) return `\\${line}`;
  if (c >= 48 && c <= 57) return line.replace(NUMBERED, '$1\\$2');
  return line;
}

/** A text of one line with nothing to escape but its start (NOT_PLAIN), escaped as escapeParagraphs would ('' when blank); null for any other text. */
export function plainLineOf(text: string): string | null {
  if (text.includes('\n') || NOT_PLAIN.test(text)) return null;
  const line = text.trim();
  return line === '' ? '' : plainLine(line);
}

/** Paragraphs (already escaped, one string each, lines joined by `\n`) as blockquote lines. */
export function quotedParagraphs(paragraphs: readonly string[]): string {
  let out = '';
  for (const p of paragraphs) out += `${out === '' ? '' : '\n>\n'}> ${p.includes('\n') ? p.split('\n').join('\n> ') : p}`;
  return out;
}

/** `text` escaped into paragraphs (escapeParagraphs) as blockquote lines; '' when it holds no text. */
export function blockquoteLines(text: string): string {
  if (NOT_PLAIN.test(text)) return quotedParagraphs(escapeParagraphs(text));
  if (!text.includes('\n')) {
    const line = text.trim();
    return line === '' ? '' : `> ${plainLine(line)}`;
  }
  let out = '';
  for (const paragraph of text.split(/\n\s*\n/)) {
    let lines = '';
    for (const raw of paragraph.split('\n')) {
      const line = raw.trim();
      if (line !== '') lines += (lines === '' ? '' : '\n> ') + plainLine(line);
    }
    if (lines !== '') out += (out === '' ? '> ' : '\n>\n> ') + lines;
  }
  return out;
}
