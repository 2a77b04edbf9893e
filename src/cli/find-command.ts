/**
 * `gloss find --doc ID QUERY [--match-case] [--whole-word]`: every match of
 * QUERY in one document's text, as the reader's find bar finds them (case,
 * accents, curly or straight quotes and white space do not matter unless
 * told), with plain-text offsets, who is speaking and a little context. It
 * opens the library to inspect, so it writes nothing and works while the app
 * runs. Speakers' names are not searched: they are not part of the text.
 */
import { TextFinder } from '../core/search/find-text';
import { attributionOf } from '../core/transcript/plain-text';
import { openToRead } from '../main/store/library-access';
import { UsageError } from './args';
import type { Output } from './library-commands';

export interface FindCommandOptions {
  documentId: string;
  query: string;
  matchCase: boolean;
  wholeWord: boolean;
}

/** One match, as --json prints it. */
export interface FindMatchJson {
  start: number;
  end: number;
  /** The matched text as the transcript has it (it may differ from the query in case, accents, quotes). */
  text: string;
  /** Who says it, or what kind of text it is ("Aside", "Introduction"). */
  speaker: string;
  /** The match with up to CONTEXT_CHARS characters either side, white space made single spaces. */
  context: string;
}

export interface FindResultJson {
  documentId: string;
  query: string;
  total: number;
  matches: FindMatchJson[];
}

const CONTEXT_CHARS = 40;
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Up to CONTEXT_CHARS characters before and after [start, end), cut at word edges, each side on one line. */
function contextOf(text: string, start: number, end: number): { before: string; match: string; after: string } {
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  // Whole words at the edges, unless the context reaches the start or end of the text.
  if (from > 0) from = Math.min(start, text.indexOf(' ', from) + 1 || start);
  if (to < text.length) to = Math.max(end, text.lastIndexOf(' ', to));
  return { before: oneLine(text.slice(from, start)).trimStart(), match: oneLine(text.slice(start, end)), after: oneLine(text.slice(end, to)).trimEnd() };
}

export async function findCommand(dataDir: string, options: FindCommandOptions, asJson: boolean, io: Output): Promise<number> {
  if (options.query.trim() === '') throw new UsageError('find needs some text to look for');
  const library = await openToRead(dataDir, { onNotice: () => undefined });
  let result: FindResultJson;
  const lines: string[] = [];
  try {
    const { document, transcript, plainText } = await library.store.highlightsOf(options.documentId);
    const ranges = new TextFinder(plainText).find(options.query, { matchCase: options.matchCase, wholeWord: options.wholeWord });
    const matches = ranges.map(({ start, end }) => {
      const { before, match, after } = contextOf(plainText, start, end);
      lines.push(`${start}-${end}  ${attributionOf(transcript, start, end)}`, `  …${before}[${match}]${after}…`);
      return { start, end, text: plainText.slice(start, end), speaker: attributionOf(transcript, start, end), context: before + match + after };
    });
    result = { documentId: document.id, query: options.query, total: matches.length, matches };
    lines.unshift(`${matches.length === 0 ? 'No' : matches.length} match${matches.length === 1 ? '' : 'es'} for ${JSON.stringify(options.query)} in “${document.title}” (${document.id})`);
  } finally {
    await library.release();
  }
  io.out(asJson ? JSON.stringify(result, null, 2) : lines.join('\n'));
  return 0;
}
