/**
 * A library search as typed, taken apart: words, "quoted phrases" and filters.
 *
 *   risk            a word; also finds longer words it begins ("risks", "risky") when it has 3 letters or more
 *   risk*           only words beginning "risk", however short the start
 *   "the long run"  those words one after another (curly quotes work too; an unclosed quote runs to the end)
 *   speaker:Ada     said by a speaker whose name has these words (speaker:"Ada Lovelace")
 *   code:theme/risk highlights with that code or one of its children
 *   colour:green    highlights of that colour, by its key or the name the library gives it (color: too)
 *   doc:ID          in one document, by its id or words of its title (doc:"field notes")
 *   kind:note       only hits of that kind: transcript, highlight, note, notebook
 *
 * Filters of one kind widen each other (speaker:a speaker:b is either); filters of different kinds narrow.
 * An unknown `foo:bar` is searched as words. Matching ignores case and accents (words.ts).
 * Pure: resolving colour names and document titles is left to whoever knows the library.
 */
import type { SearchHitKind } from '../../shared/model';
import { fold, termsOf } from './words';

export const SEARCH_HIT_KINDS: readonly SearchHitKind[] = ['transcript', 'highlight', 'note', 'notebook'];

export interface QueryTerm {
  term: string;
  /** Matches words that begin with the term (and the term itself). */
  prefix: boolean;
}

export interface ParsedQuery {
  /** Every word must be found (each word of a phrase is here too). */
  terms: QueryTerm[];
  /** Phrases of two words or more, folded, each to be found as written. */
  phrases: string[][];
  speakers: string[];
  codes: string[];
  colours: string[];
  docs: string[];
  kinds: SearchHitKind[];
}

/** A query whose meaning is unclear, in words for the reader. */
export class QuerySyntaxError extends Error {}

const FILTERS: Record<string, 'speakers' | 'codes' | 'colours' | 'docs' | 'kinds'> = {
  speaker: 'speakers',
  code: 'codes',
  colour: 'colours',
  color: 'colours',
  doc: 'docs',
  kind: 'kinds',
};

/** Words shorter than this are matched whole unless they end in `*`. */
export const MIN_PREFIX_LENGTH = 3;

const QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g;
const APOSTROPHES = /[\u2018\u2019\u201a\u201b]/g;

/** A query taken apart; throws QuerySyntaxError where what is meant cannot be told. */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], phrases: [], speakers: [], codes: [], colours: [], docs: [], kinds: [] };
  const text = query.replace(QUOTES, '"').replace(APOSTROPHES, "'");
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const filter = /^([a-zA-Z]+):/.exec(text.slice(i, i + 20));
    const name = filter?.[1].toLowerCase();
    if (filter && name && Object.hasOwn(FILTERS, name)) {
      i += filter[0].length;
      const [value, next] = readValue(text, i);
      i = next;
      addFilter(parsed, name, FILTERS[name], value);
      continue;
    }
    if (text[i] === '"') {
      const [phrase, next] = readQuoted(text, i + 1);
      i = next;
      addWords(parsed, phrase, true);
      continue;
    }
    const [word, next] = readBare(text, i);
    i = next;
    addWords(parsed, word, false);
  }
  return parsed;
}

/** Whether a query asks for nothing at all (no words, no filters). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.speakers.length + q.codes.length + q.colours.length + q.docs.length + q.kinds.length === 0;
}

function readQuoted(text: string, from: number): [string, number] {
  const close = text.indexOf('"', from);
  return close < 0 ? [text.slice(from), text.length] : [text.slice(from, close), close + 1];
}

function readBare(text: string, from: number): [string, number] {
  let end = from;
  while (end < text.length && !/\s/.test(text[end])) end++;
  return [text.slice(from, end), end];
}

function readValue(text: string, from: number): [string, number] {
  if (text[from] === '"') return readQuoted(text, from + 1);
  return readBare(text, from);
}

function addWords(parsed: ParsedQuery, raw: string, quoted: boolean): void {
  const terms = termsOf(raw);
  if (terms.length === 0) return;
  if (quoted && terms.length > 1) {
    parsed.phrases.push(terms);
    for (const term of terms) parsed.terms.push({ term, prefix: false });
    return;
  }
  const star = !quoted && /\*$/.test(raw.trim());
  terms.forEach((term, k) => {
    const last = k === terms.length - 1;
    parsed.terms.push({ term, prefix: !quoted && ((last && star) || term.length >= MIN_PREFIX_LENGTH) });
  });
}

function addFilter(parsed: ParsedQuery, name: string, key: 'speakers' | 'codes' | 'colours' | 'docs' | 'kinds', raw: string): void {
  const value = raw.trim();
  if (value === '') throw new QuerySyntaxError(`"${name}:" needs something after it, such as ${EXAMPLES[key]}.`);
  if (key === 'kinds') {
    const kind = SEARCH_HIT_KINDS.find((k) => k === fold(value) || `${k}s` === fold(value));
    if (!kind) throw new QuerySyntaxError(`"kind:${value}" is not a kind of hit; the kinds are ${SEARCH_HIT_KINDS.join(', ')}.`);
    if (!parsed.kinds.includes(kind)) parsed.kinds.push(kind);
    return;
  }
  if (key === 'codes') {
    const code = searchableCode(value);
    if (code === '') throw new QuerySyntaxError(`"code:${value}" names no code.`);
    parsed.codes.push(code);
    return;
  }
  if (key === 'docs') {
    // An id is kept as typed (lower case); title words are folded like any words.
    parsed.docs.push(value.toLowerCase());
    return;
  }
  parsed[key].push(termsOf(value).join(' ') || fold(value));
}

const EXAMPLES = {
  speakers: 'speaker:Ada or speaker:"Ada Lovelace"',
  codes: 'code:theme/risk',
  colours: 'colour:green',
  docs: 'doc:"field notes"',
  kinds: 'kind:note',
};

/** A code path as search compares it: folded words, parts joined by "/". */
export function searchableCode(code: string): string {
  return code
    .split('/')
    .map((part) => termsOf(part).join(' '))
    .filter(Boolean)
    .join('/');
}

/** Whether a code (as searchableCode gives it) is the filter's code or one of its children. */
export function codeMatches(code: string, filter: string): boolean {
  return code === filter || code.startsWith(`${filter}/`);
}

/** Whether a name (a speaker's, a title) has the filter's words one after another, from the start of a word. */
export function namedBy(name: string, filter: string): boolean {
  return ` ${termsOf(name).join(' ')}`.includes(` ${filter}`);
}
