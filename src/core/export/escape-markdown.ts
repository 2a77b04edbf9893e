/**
 * Escapes user text (quotes, notes, titles, file names) so that it reads as
 * literal text in CommonMark and in GitHub-flavoured Markdown: no headings,
 * lists, quotes, code, HTML, tables, footnotes or links can come out of it,
 * whatever it contains. The one markup it writes is for web addresses, which
 * become links showing exactly what was typed.
 */
import { splitWebAddresses } from './web-addresses';

// Inline punctuation that can start markup anywhere in a line (GFM adds | and ~, math adds $, ! makes a link an image).
const INLINE = /[\\`*_[\]<>&|~$!]/g;

/**
 * Characters that must not reach a one-line field (the title, the source,
 * a speaker's name): control characters and line or paragraph separators,
 * which would end the line and start new markup, and bidi controls, which
 * would reorder what follows them on screen.
 */
const NOT_ON_ONE_LINE = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

// Control characters other than tab and line breaks: CommonMark turns NUL into U+FFFD, and none has a place in a note.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Whether a line may hold a web address (or the start of one GFM would link). */
const MAY_HOLD_ADDRESS = /https?:\/\/|www\./i;

/**
 * Text between links, or a link's own text (where a link inside would not
 * count): every character that could start markup is
 * backslash-escaped, and so is the dot of `www.` and the colon of `http://`
 * that are not the start of an address (`www.` alone, say), since GFM would
 * link them with the backslashes of what follows showing.
 */
export function escapeText(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/(https?):(?=\/\/)/gi, '$1\\:');
}

/**
 * Escapes inline text, writing web addresses as links: `https://` addresses
 * as autolinks (`<https://…>`, whose contents CommonMark and GFM both show as
 * they are), `www.` addresses as a link to `http://…` with the address as its
 * text, since GFM would link them anyway and show its backslashes.
 */
export function escapeInline(text: string): string {
  // Most lines hold no address; they skip the search for one (an export of thousands of highlights is timed).
  if (!MAY_HOLD_ADDRESS.test(text)) return text.replace(INLINE, '\\$&');
  return splitWebAddresses(text)
    .map((segment) => {
      if (segment.kind === 'text') return escapeText(segment.text);
      if (segment.text === segment.url) return `<${segment.url}>`;
      // In a <…> destination only \, <, > and entities are special; the address holds none of the first three.
      return `[${escapeText(segment.text)}](<${segment.url.replace(/&/g, '\\&')}>)`;
    })
    .join('');
}

/**
 * Escapes what only counts at the start of a line (headings, quotes, list
 * items, breaks, setext underlines, GFM table delimiter rows, which may start
 * with a colon) in a line of Markdown whose first characters are escaped text.
 */
export function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=:-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Escapes one line of text for use inside a paragraph, blockquote or heading. */
export function escapeLine(line: string): string {
  return escapeLineStart(escapeInline(line.trim()));
}

/**
 * Makes text fit a one-line field: line breaks, control characters and bidi
 * controls become spaces, runs of whitespace one space.
 */
export function singleLine(text: string): string {
  return text.replace(NOT_ON_ONE_LINE, ' ').replace(/\s+/g, ' ').trim();
}

/** Escapes a one-line field (title, source, speaker) on one line, whatever line breaks it holds. */
export function escapeSingleLine(text: string): string {
  return escapeLine(singleLine(text));
}

/**
 * Escapes a multi-line text into Markdown paragraphs: blank lines separate
 * paragraphs, single line breaks are kept as soft breaks, a lone carriage
 * return counts as a line break. Returns one string per paragraph.
 */
export function escapeParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, ' ')
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
