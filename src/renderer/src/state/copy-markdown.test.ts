import { describe, expect, test } from 'vitest';
import { parseGlossUrl } from '../../../core/links/gloss-url';
import { parseTranscript } from '../../../core/transcript/parse-transcript';
import { plainTextOf } from '../../../core/transcript/plain-text';
import type { Annotation, OpenedDocument, Transcript } from '../../../shared/model';
import { citationOf, matchingHighlights, secondsAt } from './copy-markdown';

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Ada Lovelace>The engine might compose elaborate pieces of music.

00:01:05.500 --> 00:01:09.000
<v Charles Babbage>Only if we can build it first.
`;

const DOCUMENT_ID = '0b7f3c1e-5a2d-4c6e-9f10-2a3b4c5d6e7f';

function opened(transcript: Transcript, annotations: Annotation[] = []): OpenedDocument {
  return {
    document: {
      id: DOCUMENT_ID,
      title: 'On the Engine',
      source: 'engine.vtt',
      format: 'webvtt',
      hash: '',
      speakers: transcript.speakers,
      wordCount: 0,
      highlightCount: annotations.length,
      noteCount: 0,
      addedAt: '2024-01-01T00:00:00.000Z',
      openedAt: null,
    },
    transcript,
    annotations,
  };
}

function highlight(id: string, text: string, quote: string, patch: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  return {
    id,
    documentId: DOCUMENT_ID,
    selectors: { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + quote.length } },
    color: 'yellow',
    note: '',
    noteState: null,
    codes: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...patch,
  };
}

describe('a quote with its citation, from a passage selected in a timed transcript', () => {
  const transcript = parseTranscript(VTT, 'webvtt', 'On the Engine');
  const text = plainTextOf(transcript);
  const doc = opened(transcript);

  test('takes the words, the speaker, the time where the passage starts and a link that opens that passage', () => {
    const start = text.indexOf('Only if');
    const citation = citationOf(doc, text, { start, end: start + 'Only if we can build it'.length });
    expect(citation).toMatchObject({ quote: 'Only if we can build it', speaker: 'Charles Babbage', documentTitle: 'On the Engine', seconds: 65.5 });
    expect(parseGlossUrl(citation.link)).toEqual({ ok: true, place: { documentId: DOCUMENT_ID, start, end: start + 23 } });
  });

  test('a passage across two turns names both speakers', () => {
    const start = text.indexOf('music');
    const end = text.indexOf('Only if') + 4;
    expect(citationOf(doc, text, { start, end }).speaker).toBe('Ada Lovelace and Charles Babbage');
  });

  test('an untimed transcript gives no time', () => {
    const plain = parseTranscript('ADA: The engine weaves algebraic patterns.\n\nCHARLES: Just as the loom weaves flowers.', 'text', 'Plain');
    const plainText = plainTextOf(plain);
    expect(secondsAt(opened(plain), plainText.indexOf('loom'))).toBeNull();
    expect(secondsAt(doc, text.indexOf('compose'))).toBe(1);
  });
});

describe('the highlights a filtered copy takes', () => {
  const transcript = parseTranscript(VTT, 'webvtt', 'On the Engine');
  const text = plainTextOf(transcript);
  const all = [
    highlight('a', text, 'compose elaborate pieces', { color: 'green', codes: ['music/composition'] }),
    highlight('b', text, 'build it first', { color: 'yellow', note: 'Babbage, ever the engineer.' }),
    highlight('c', text, 'The engine', { color: 'green', orphaned: true }),
  ];
  const doc = opened(transcript, all);
  const ids = (list: Annotation[]) => list.map((a) => a.id);

  test('as the side panel filters them: colour, code with its children, speaker, note', () => {
    expect(ids(matchingHighlights(doc, all, null))).toEqual(['a', 'b', 'c']);
    expect(ids(matchingHighlights(doc, all, { colors: ['green'], codes: [], speakers: [], withNote: false }))).toEqual(['a', 'c']);
    expect(ids(matchingHighlights(doc, all, { colors: [], codes: ['music'], speakers: [], withNote: false }))).toEqual(['a']);
    expect(ids(matchingHighlights(doc, all, { colors: [], codes: [], speakers: ['Charles Babbage'], withNote: false }))).toEqual(['b']);
    expect(ids(matchingHighlights(doc, all, { colors: [], codes: [], speakers: [], withNote: true }))).toEqual(['b']);
  });

  test('an orphan has no place, so no speaker: a filter by speaker never takes it', () => {
    expect(ids(matchingHighlights(doc, all, { colors: [], codes: [], speakers: [null], withNote: false }))).toEqual([]);
    expect(ids(matchingHighlights(doc, all, { colors: [], codes: [], speakers: ['Ada Lovelace'], withNote: false }))).toEqual(['a']);
  });
});
