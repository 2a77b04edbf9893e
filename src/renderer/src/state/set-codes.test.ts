import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Channel } from '../../../shared/contract';
import type { Annotation, OpenedDocument } from '../../../shared/model';
import { setCodes } from './highlight-changes';
import { readingStore } from './reading-store';
import { storeStatus } from './store-status';
import { installFakeMain, ok, removeFakeMain, type Answer } from '../testing/fake-main';

const DOCUMENT_ID = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';
const TEXT = 'Do you want to let a gremlin loose in the internals of your computer?';

let sent: { channel: Channel; request: Record<string, unknown> }[] = [];
let answer: (channel: Channel, request: Record<string, unknown>) => Answer;

function highlight(codes: string[]): Annotation {
  return {
    id: 'kept',
    documentId: DOCUMENT_ID,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'a gremlin', prefix: 'Do you want to let ', suffix: ' loose' },
      position: { type: 'TextPositionSelector', start: 19, end: 28 },
    },
    color: 'yellow',
    note: '',
    noteState: null,
    codes,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function opened(annotations: Annotation[]): OpenedDocument {
  return {
    document: { id: DOCUMENT_ID, title: 'An interview', source: 'i.txt', format: 'text', hash: 'x', speakers: [], wordCount: 13, highlightCount: 1, noteCount: 0, addedAt: '', openedAt: null },
    transcript: { title: 'An interview', speakers: [], turns: [{ speaker: null, kind: 'speech', paragraphs: [{ text: TEXT, start: 0, end: TEXT.length }] }] },
    annotations,
  };
}

const codesNow = () => readingStore.getState().annotations.get('kept')?.codes;

beforeEach(() => {
  sent = [];
  answer = (channel, request) =>
    channel === 'annotations:update' ? ok(highlight(request.codes as string[])) : ok({ dataDir: '/data', readOnly: null, notices: [] });
  installFakeMain((channel, request) => {
    sent.push({ channel, request });
    return answer(channel, request);
  });
  storeStatus.apply({ dataDir: '/data', readOnly: null, notices: [] });
  readingStore.load(opened([highlight(['theme'])]));
  readingStore.setStatus(null);
});

afterEach(removeFakeMain);

test('codes given are sent whole, normalised and each once, and the change is answered for undo', async () => {
  const change = await setCodes('kept', ['theme', ' method //interview ', 'method/interview']);
  expect(sent.map((s) => s.request)).toEqual([{ documentId: DOCUMENT_ID, id: 'kept', codes: ['theme', 'method/interview'] }]);
  expect(change).toEqual({ documentId: DOCUMENT_ID, id: 'kept', before: ['theme'], after: ['theme', 'method/interview'] });
  expect(codesNow()).toEqual(['theme', 'method/interview']);
});

test('the same codes again send nothing and answer no change', async () => {
  expect(await setCodes('kept', [' theme '])).toBeNull();
  expect(sent).toEqual([]);
});

test('codes main refuses go back to what is saved, and the reader reads why', async () => {
  answer = (channel) =>
    channel === 'annotations:update'
      ? { ok: false, error: { code: 'storage', message: 'Could not save: the disk is full (ENOSPC).' } }
      : ok({ dataDir: '/data', readOnly: null, notices: [] });
  expect(await setCodes('kept', ['theme', 'risk'])).toBeNull();
  expect(codesNow()).toEqual(['theme']);
  expect(readingStore.getState().status?.message).toBe('The codes were not changed. Could not save: the disk is full (ENOSPC).');
});

test('text that cannot be a code is refused before anything is sent, with the reason', async () => {
  expect(await setCodes('kept', ['theme', ' / '])).toBeNull();
  expect(sent).toEqual([]);
  expect(readingStore.getState().status?.message).toBe('The codes were not changed. A code cannot be empty.');
});

test('in a read-only document codes are not changed and nothing is sent', async () => {
  storeStatus.apply({ dataDir: '/data', readOnly: 'The library at /data is read-only.', notices: [] });
  expect(await setCodes('kept', [])).toBeNull();
  expect(sent).toEqual([]);
  expect(codesNow()).toEqual(['theme']);
  expect(readingStore.getState().status?.message).toBe('The codes were not changed. The library at /data is read-only.');
});
