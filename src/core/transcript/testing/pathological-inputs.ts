/**
 * Text built to make a parser slow: deep nesting, long runs of one character,
 * many brackets, labels, time stamps and tags. Each pattern grows to a given
 * size, so a test can check the time it takes against a budget. The parsers'
 * tests and the import fuzz test both use them. Test support only.
 */

export interface PathologicalInput {
  name: string;
  /** The text, about `size` characters long. */
  make(size: number): string;
}

const repeat = (unit: string) => (size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

/** Lines from `line(i)` for i = 0, 1, 2, … until the text is `size` long. */
const lines = (line: (i: number) => string) => (size: number) => {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const l = line(i);
    out.push(l);
    length += l.length + 1;
  }
  return out.join('\n');
};

/** Half opening characters, then a word, then half closing ones. */
const nested = (open: string, close: string, middle = 'a') => (size: number) => {
  const n = Math.max(1, Math.floor(size / (open.length + close.length)));
  return open.repeat(n) + middle + close.repeat(n);
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** A different capitalised word for each i: "Ab", "Ac", … "Bab". */
function word(i: number): string {
  let s = '';
  let n = i;
  do {
    s = LETTERS[n % 26] + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s[0].toUpperCase() + s.slice(1) + 'x';
}

/** The three inputs of the report that Markdown import froze the app (issue 9). */
export const REPORTED_INPUTS: { name: string; fileName: string; text: string }[] = [
  { name: '40 KB of ">"', fileName: 'quotes.md', text: '>'.repeat(40 * 1024) },
  { name: '8 KB of nested "- "', fileName: 'lists.md', text: '- '.repeat(4 * 1024) + 'a' },
  { name: '320 KB of "[00:00] "', fileName: 'stamps.md', text: '[00:00] '.repeat(40 * 1024) },
];

export const PATHOLOGICAL_INPUTS: PathologicalInput[] = [
  // Nesting: quotes and lists, on one line and line by line.
  { name: 'block quote markers', make: repeat('>') },
  { name: 'block quote markers with spaces', make: repeat('> ') },
  { name: 'list markers', make: repeat('- ') },
  { name: 'star list markers', make: repeat('* ') },
  { name: 'ordered list markers', make: repeat('1. ') },
  { name: 'quotes in lists', make: repeat('> - ') },
  { name: 'list markers after tabs', make: repeat('\t- ') },
  { name: 'quotes deepening line by line', make: lines((i) => `${'>'.repeat(i + 1)} a`) },
  { name: 'lists indented deeper line by line', make: lines((i) => `${'  '.repeat(i)}- a`) },
  { name: 'list items with lazy lines', make: repeat('- a\nb\n') },
  // Inline: emphasis, links, code, HTML, entities.
  { name: 'nested emphasis', make: nested('*', '*') },
  { name: 'nested brackets', make: nested('[', ']') },
  { name: 'nested images', make: nested('![', '](b)') },
  { name: 'open brackets', make: repeat('[') },
  { name: 'close brackets', make: repeat(']') },
  { name: 'image openers', make: repeat('![') },
  { name: 'unclosed links', make: repeat('[a](') },
  { name: 'unclosed link destinations', make: repeat('[a](<') },
  { name: 'unclosed link titles', make: repeat('[a](b "') },
  { name: 'unclosed parenthesised link titles', make: repeat('[a](b (') },
  { name: 'link destination of parentheses', make: (size) => `[a](${'('.repeat(size)}` },
  { name: 'emphasis openers', make: repeat('*a ') },
  { name: 'emphasis closers', make: repeat('a* ') },
  { name: 'alternating emphasis', make: repeat('*a') },
  { name: 'mixed emphasis characters', make: repeat('*_') },
  { name: 'underscores and stars', make: repeat('_*a*_') },
  { name: 'backtick runs of growing length', make: lines((i) => `${'`'.repeat((i % 50) + 1)}a`) },
  { name: 'alternating backtick runs', make: repeat('`a``') },
  { name: 'angle brackets', make: repeat('<') },
  { name: 'unclosed tags', make: repeat('<a ') },
  { name: 'unclosed attribute values', make: repeat('<a b="') },
  { name: 'unclosed comments', make: repeat('<!-- ') },
  { name: 'unclosed autolinks', make: repeat('<http://a ') },
  { name: 'HTML block of angle brackets', make: (size) => `<div>\n${'<'.repeat(size)}` },
  { name: 'ampersands', make: repeat('&') },
  { name: 'long entity names', make: repeat('&aaaaaaaaaaaaaaaaaaaaaaaa') },
  { name: 'numeric entities', make: repeat('&#1') },
  { name: 'backslashes', make: repeat('\\') },
  // Blocks: headings, definitions, fences, tables.
  { name: 'setext headings', make: repeat('a\n=\n') },
  { name: 'setext speaker headings', make: lines((i) => `Speaker ${i % 3}\n---------\n\nSome words said here by them.\n`) },
  { name: 'hash signs', make: repeat('#') },
  { name: 'link reference definitions', make: repeat('[a]: b\n') },
  { name: 'many different definitions', make: lines((i) => `[a${i}]: b`) },
  { name: 'references to a definition', make: (size) => `[a]: b\n\n${repeat('[a] ')(size)}` },
  { name: 'fence markers', make: repeat('```\n') },
  { name: 'unclosed fence', make: (size) => '```\n' + repeat('a\n')(size) },
  { name: 'table rows', make: (size) => `|a|b|\n|-|-|\n${repeat('|a|b|\n')(size)}` },
  { name: 'thematic breaks', make: repeat('***\n') },
  // Blank space and line ends.
  { name: 'spaces inside a paragraph', make: (size) => `a${' '.repeat(size)}b` },
  { name: 'line feeds', make: repeat('\n') },
  { name: 'carriage returns', make: repeat('\r') },
  { name: 'tabs', make: repeat('\t') },
  { name: 'one long word', make: repeat('a') },
  { name: 'one long line of words', make: repeat('word ') },
  // Plain-text labels, time stamps and asides.
  { name: 'time stamps on one line', make: repeat('[00:00] ') },
  { name: 'time-stamped labels', make: repeat('[00:00] Alice: hi\n') },
  { name: 'time stamps alone on lines', make: repeat('[00:00:01]\n') },
  { name: 'labels alone on lines', make: repeat('ALICE\nhello there.\n') },
  { name: 'bracketed labels', make: repeat('[Alice Smith] hi\n') },
  { name: 'colons', make: repeat(':') },
  { name: 'one label repeated', make: repeat('Alice: ') },
  { name: 'thousands of different labels', make: lines((i) => `${word(i)} Smith: hi`) },
  { name: 'thousands of different initials and names', make: lines((i) => `${word(i).slice(0, 3).toUpperCase()}: hi\n${word(i)} Cy: yo`) },
  { name: 'hashtag lines that are not all hashtags', make: lines(() => `${'#a'.repeat(30)} c\n`) },
  { name: 'one line of hashtags', make: (size) => `${'#a'.repeat(size / 2)} c` },
  { name: 'photo credits', make: repeat('(     ') },
  { name: 'dots', make: repeat('. ') },
  // Captions: time lines, cue numbers, tags.
  { name: 'caption time lines', make: repeat('00:00:01,000 --> 00:00:02,000\n') },
  { name: 'caption arrows', make: repeat('-->') },
  { name: 'caption arrows on lines', make: repeat('-->\n') },
  { name: 'cue numbers and blank lines', make: repeat('1\n\n') },
  { name: 'unclosed italic tags', make: repeat('<i ') },
  { name: 'unclosed font tags', make: repeat('<font ') },
  { name: 'unclosed style overrides', make: repeat('{\\') },
  { name: 'unclosed voice spans', make: repeat('<v a') },
];
