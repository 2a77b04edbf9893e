import { describe, expect, test } from 'vitest';
import { codeMatches, namedBy, type ParsedQuery, parseQuery, searchableCode } from './query-syntax';

const empty: ParsedQuery = { terms: [], phrases: [], speakers: [], codes: [], colours: [], docs: [], kinds: [] };
const word = (term: string, prefix = term.length >= 3) => ({ term, prefix });

describe('parseQuery', () => {
  test.each<[string, Partial<ParsedQuery>]>([
    ['risk', { terms: [word('risk')] }],
    ['Risk AI', { terms: [word('risk'), word('ai')] }],
    ['ai*', { terms: [word('ai', true)] }],
    ['Été', { terms: [word('ete')] }],
    ['naïve CAFÉ', { terms: [word('naive'), word('cafe')] }],
    ['"scaling laws"', { terms: [word('scaling', false), word('laws', false)], phrases: [['scaling', 'laws']] }],
    ['“Scaling Laws”', { terms: [word('scaling', false), word('laws', false)], phrases: [['scaling', 'laws']] }],
    ['"scaling laws', { terms: [word('scaling', false), word('laws', false)], phrases: [['scaling', 'laws']] }],
    ['"alone"', { terms: [word('alone', false)] }],
    ['don’t', { terms: [word('don'), word('t', false)] }],
    ["don't", { terms: [word('don'), word('t', false)] }],
    ['speaker:Dario', { speakers: ['dario'] }],
    ['speaker:"Dario Amodei" biology', { speakers: ['dario amodei'], terms: [word('biology')] }],
    ['speaker:“Tomás Ferreira”', { speakers: ['tomas ferreira'] }],
    ['code:Theme/Risk', { codes: ['theme/risk'] }],
    ['colour:green color:Puzzles', { colours: ['green', 'puzzles'] }],
    ['doc:0f8a-12 doc:"Field notes"', { docs: ['0f8a-12', 'field notes'] }],
    ['kind:note KIND:Highlights', { kinds: ['note', 'highlight'] }],
    ['foo:bar', { terms: [word('foo'), word('bar')] }],
    ['https://example.org', { terms: [word('https'), word('example'), word('org')] }],
    ['   ', {}],
    ['!!!', {}],
  ])('%s', (query, expected) => {
    expect(parseQuery(query)).toEqual({ ...empty, ...expected });
  });

  test.each([
    ['speaker:', /"speaker:" needs something after it/],
    ['code: risk', /"code:" needs something after it/],
    ['kind:paragraph', /"kind:paragraph" is not a kind of hit; the kinds are transcript, highlight, note, notebook/],
    ['code:///', /"code:\/\/\/" names no code/],
  ])('%s is refused in words', (query, message) => {
    expect(() => parseQuery(query)).toThrow(message);
  });
});

describe('filters', () => {
  test.each([
    ['theme/risk', 'theme', true],
    ['theme/risk', 'theme/risk', true],
    ['theme', 'theme/risk', false],
    ['themes/risk', 'theme', false],
  ])('code %s is found by code:%s: %s', (code, filter, found) => {
    expect(codeMatches(searchableCode(code), filter)).toBe(found);
  });

  test.each([
    ['Dario Amodei', 'dario', true],
    ['Dario Amodei', 'amodei', true],
    ['Dario Amodei', 'dario amodei', true],
    ['Dario Amodei', 'dar', true],
    ['Dario Amodei', 'ario', false],
    ['Tomás Ferreira', 'tomas', true],
  ])('%s is named by %s: %s', (name, filter, found) => {
    expect(namedBy(name, filter)).toBe(found);
  });
});
